import AgoraDomain
import Foundation
import SQLKit

/// The category tree, named in French and English.
public struct CategoryStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    public struct Category: Equatable, Sendable {
        public let id: Int64
        public let slug: String
        public let parentID: Int64?
        public let nameFR: String
        public let nameEN: String
    }

    /// Adds a category under `parentSlug` (or at the top), or throws `StoreError.duplicate(field: "slug")`.
    public func create(slug: String, parentSlug: String?, nameFR: String, nameEN: String) async throws -> Category {
        do {
            return try await database.write { tx in
                var parentID: Int64?
                if let parentSlug {
                    guard
                        let parent = try await tx.sql.raw("SELECT id FROM categories WHERE slug = \(bind: parentSlug)")
                            .first()
                    else {
                        throw StoreError.notFound
                    }
                    parentID = try parent.decode(column: "id", as: Int64.self)
                }
                let row = try await tx.sql.raw(
                    """
                    INSERT INTO categories (slug, parent_id, name_fr, name_en)
                    VALUES (\(bind: slug), \(bind: parentID), \(bind: nameFR), \(bind: nameEN))
                    RETURNING id
                    """
                ).first()
                try await tx.appendEvent(
                    .categoryCreated, audience: .everyone, payload: ["slug": slug, "parent": parentSlug ?? ""])
                return Category(
                    id: try row!.decode(column: "id", as: Int64.self), slug: slug, parentID: parentID, nameFR: nameFR,
                    nameEN: nameEN)
            }
        } catch let error where uniqueViolationColumn(error) != nil {
            throw StoreError.duplicate(field: uniqueViolationColumn(error)!)
        }
    }

    /// Every category, parents before their children, siblings by slug.
    public func all() async throws -> [Category] {
        let rows = try await database.read { sql in
            try await sql.raw("SELECT id, slug, parent_id, name_fr, name_en FROM categories ORDER BY slug").all()
        }
        let categories = try rows.map { row in
            Category(
                id: try row.decode(column: "id", as: Int64.self), slug: try row.decode(column: "slug", as: String.self),
                parentID: try row.decode(column: "parent_id", as: Int64?.self),
                nameFR: try row.decode(column: "name_fr", as: String.self),
                nameEN: try row.decode(column: "name_en", as: String.self))
        }
        // Depth-first from the roots, so a list shows each category under its parent.
        let children = Dictionary(grouping: categories, by: \.parentID)
        var ordered: [Category] = []
        func visit(_ parentID: Int64?) {
            for category in children[parentID] ?? [] {
                ordered.append(category)
                visit(category.id)
            }
        }
        visit(nil)
        return ordered
    }
}
