import AgoraDomain
import Foundation
import SQLKit

/// Products as members find them: full-text search for now; filters, sorts and pages build on it.
public struct ProductStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// A product found by search, with what a result line shows.
    public struct Found: Equatable, Sendable {
        public let id: Int64
        public let gtin: String
        public let name: String
        public let brand: String?
    }

    /// Products whose name or brand holds every word of `text` (as prefixes, ignoring case and
    /// accents), most relevant first.
    public func search(_ text: String, limit: Int = 20) async throws -> [Found] {
        let words = Array(TextFolding.words(text).prefix(8))
        guard !words.isEmpty else { return [] }
        let flavor = database.flavor
        return try await database.read { sql in
            let (condition, rank) = SearchIndex.match(words, flavor: flavor)
            return try await sql.raw(
                """
                SELECT products.id, products.gtin, products.name, products.brand FROM products
                WHERE \(condition) ORDER BY \(rank) DESC, products.id LIMIT \(literal: min(max(limit, 1), 100))
                """
            ).all().map { row in
                Found(
                    id: try row.decode(column: "id", as: Int64.self), gtin: try row.decode(column: "gtin", as: String.self),
                    name: try row.decode(column: "name", as: String.self), brand: try row.decode(column: "brand", as: String?.self))
            }
        }
    }
}
