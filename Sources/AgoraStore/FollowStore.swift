import AgoraDomain
import Foundation
import SQLKit

/// What members follow, and telling them when a new deal matches.
public struct FollowStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// How a followed merchant is stored: a partner by id, a named merchant by its folded words.
    static let partnerPrefix = "partner:"
    static let namePrefix = "name:"

    public struct Follow: Equatable, Sendable {
        public let kind: FollowKind
        /// What the member typed or picked, as shown back to them.
        public let label: String
        /// The stored key (folded words, or an id): what `unfollow` takes.
        public let target: String
        public let createdAt: Date
    }

    /// Follows `raw` (a keyword, a category slug, a partner slug or merchant name, a product id, a
    /// handle); following twice is the same as once. A `ValidationError` on `target` when it names
    /// nothing, or when the member already follows `Keyword.maximumFollows` things.
    public func follow(_ kind: FollowKind, _ raw: String, by memberID: MemberID) async throws -> Follow {
        try await database.write { tx in
            let (target, label, leadWord) = try await Self.resolve(kind, raw, tx.sql)
            // One member's follows are counted one request at a time, so two at once cannot pass the limit.
            _ = try await tx.sql.raw(
                "SELECT id FROM members WHERE id = \(bind: memberID.rawValue)\(unsafeRaw: tx.lockForUpdate)"
            ).first()
            let count = try await tx.sql.raw(
                "SELECT COUNT(*) AS n FROM follows WHERE member_id = \(bind: memberID.rawValue)"
            ).first()!.decode(column: "n", as: Int.self)
            let inserted = try await tx.sql.raw(
                """
                INSERT INTO follows (member_id, kind, target, label, lead_word, created_at)
                VALUES (\(bind: memberID.rawValue), \(bind: kind.rawValue), \(bind: target), \(bind: label),
                        \(bind: leadWord), \(bind: tx.now.millisecondsSince1970))
                ON CONFLICT (member_id, kind, target) DO NOTHING RETURNING created_at
                """
            ).first()
            if inserted != nil, count >= Keyword.maximumFollows {
                throw ValidationError(field: "target", "error.follow.tooMany")
            }
            let row = try await tx.sql.raw(
                """
                SELECT created_at FROM follows WHERE member_id = \(bind: memberID.rawValue)
                  AND kind = \(bind: kind.rawValue) AND target = \(bind: target)
                """
            ).first()!
            return Follow(
                kind: kind, label: label, target: target,
                createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)))
        }
    }

    /// Stops following; answers whether there was such a follow.
    @discardableResult
    public func unfollow(_ kind: FollowKind, target: String, by memberID: MemberID) async throws -> Bool {
        try await database.write { tx in
            !(try await tx.sql.raw(
                """
                DELETE FROM follows WHERE member_id = \(bind: memberID.rawValue) AND kind = \(bind: kind.rawValue)
                  AND target = \(bind: target) RETURNING kind
                """
            ).all().isEmpty)
        }
    }

    /// What the member follows, newest first.
    public func follows(of memberID: MemberID) async throws -> [Follow] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT kind, target, label, created_at FROM follows WHERE member_id = \(bind: memberID.rawValue)
                ORDER BY created_at DESC, kind, target
                """
            ).all().compactMap { row in
                guard let kind = FollowKind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                    return nil
                }
                return Follow(
                    kind: kind, label: try row.decode(column: "label", as: String.self),
                    target: try row.decode(column: "target", as: String.self),
                    createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)))
            }
        }
    }

    /// The stored key, the label and (for keywords) the lead word of what `raw` names.
    private static func resolve(_ kind: FollowKind, _ raw: String, _ sql: any SQLDatabase) async throws -> (
        target: String, label: String, leadWord: String?
    ) {
        let text = raw.trimmed()
        guard !text.isEmpty else { throw ValidationError(field: "target", "error.required") }
        guard text.count <= Keyword.maximumLength else {
            throw ValidationError.tooLong("target", maximum: Keyword.maximumLength)
        }
        func id(_ query: SQLQueryString) async throws -> (id: Int64, label: String) {
            guard let row = try await sql.raw(query).first() else {
                throw ValidationError(field: "target", "error.notFound")
            }
            return (try row.decode(column: "id", as: Int64.self), try row.decode(column: "label", as: String.self))
        }
        switch kind {
        case .keyword:
            let words = try Keyword.words(text)
            return (words.joined(separator: " "), text, Keyword.leadWord(words))
        case .category:
            let found = try await id("SELECT id, slug AS label FROM categories WHERE slug = \(bind: text)")
            return (String(found.id), found.label, nil)
        case .merchant:
            if let partner = try await sql.raw("SELECT id, name FROM partners WHERE slug = \(bind: text)").first() {
                return (
                    partnerPrefix + String(try partner.decode(column: "id", as: Int64.self)),
                    try partner.decode(column: "name", as: String.self), nil
                )
            }
            let words = TextFolding.words(text)
            guard !words.isEmpty else { throw ValidationError(field: "target", "error.invalidValue") }
            return (namePrefix + words.joined(separator: " "), text, nil)
        case .product:
            guard let productID = Int64(text), productID > 0 else {
                throw ValidationError(field: "target", "error.invalidValue")
            }
            let found = try await id("SELECT id, name AS label FROM products WHERE id = \(bind: productID)")
            return (String(found.id), found.label, nil)
        case .member:
            let found = try await id(
                "SELECT id, handle AS label FROM members WHERE handle = \(bind: text.lowercased())")
            return (String(found.id), found.label, nil)
        }
    }

    /// Tells every member who follows something `deal` matches, once each, in the transaction that
    /// publishes it: a notification row and a `notification.created` event on their stream.
    static func tellFollowers(of deal: Deal, _ tx: Transaction) async throws {
        let row = try await tx.sql.raw(
            "SELECT category_id, partner_id, search_text FROM deals WHERE id = \(bind: deal.id.rawValue)"
        ).first()!
        var categories: [String] = []
        var next = try row.decode(column: "category_id", as: Int64?.self)
        while let category = next, categories.count < 10 {
            categories.append(String(category))
            next = try await tx.sql.raw("SELECT parent_id FROM categories WHERE id = \(bind: category)").first()?
                .decode(column: "parent_id", as: Int64?.self)
        }
        let words = try row.decode(column: "search_text", as: String.self).split(separator: " ").map(String.init)
        var conditions: [SQLQueryString] = [
            "(kind = 'member' AND target = \(bind: "\(deal.authorID)"))"
        ]
        if !categories.isEmpty { conditions.append("(kind = 'category' AND target IN (\(binds: categories)))") }
        if let partner = try row.decode(column: "partner_id", as: Int64?.self) {
            conditions.append("(kind = 'merchant' AND target = \(bind: partnerPrefix + String(partner)))")
        } else {
            conditions.append(
                "(kind = 'merchant' AND target = \(bind: namePrefix + TextFolding.words(deal.merchantName).joined(separator: " ")))"
            )
        }
        if let product = deal.productID {
            conditions.append("(kind = 'product' AND target = \(bind: String(product)))")
        }
        let prefixes = Array(Keyword.prefixes(of: words))
        if !prefixes.isEmpty { conditions.append("(kind = 'keyword' AND lead_word IN (\(binds: prefixes)))") }
        let candidates = try await tx.sql.raw(
            """
            SELECT member_id, kind, target, label FROM follows WHERE \(conditions.joined(separator: " OR "))
            ORDER BY member_id, created_at
            """
        ).all()
        var told = Set<Int64>([deal.authorID.rawValue])
        for candidate in candidates {
            let memberID = try candidate.decode(column: "member_id", as: Int64.self)
            guard !told.contains(memberID) else { continue }
            if try candidate.decode(column: "kind", as: String.self) == FollowKind.keyword.rawValue {
                let keyword = try candidate.decode(column: "target", as: String.self).split(separator: " ").map(
                    String.init)
                guard Keyword.matches(keyword, in: words) else { continue }
            }
            told.insert(memberID)
            try await NotificationStore.add(
                to: MemberID(memberID), kind: NotificationStore.Kind.dealMatch,
                payload: [
                    "dealID": "\(deal.id)", "title": deal.title,
                    "follow": try candidate.decode(column: "label", as: String.self),
                ], tx: tx)
        }
    }
}
