import AgoraDomain
import Foundation
import SQLKit

/// Members asking for a group buy on a product, and the demand partners see.
public struct GroupBuyProposal: Sendable, Equatable {
    public let id: Int64
    public let productID: Int64
    public let productName: String
    public let proposerHandle: String
    public let note: String
    public let currency: String
    public let supporters: Int
    /// Units wanted by all supporters together.
    public let units: Int
    /// The supporters' target unit prices, lowest first: what the demand would bear.
    public let targetPrices: [Int64]
    public let status: String
    public let groupBuyID: GroupBuyID?
    public let createdAt: Date

    /// The middle target price (the lower middle for an even count).
    public var medianTargetPrice: Int64? {
        targetPrices.isEmpty ? nil : targetPrices[(targetPrices.count - 1) / 2]
    }
}

extension GroupBuyStore {
    public static let proposalNoteLength = 0...1_000

    /// A member asks for a group buy on a product at a target unit price, and supports it at once.
    public func propose(
        product: Int64, by member: MemberID, targetPrice: Int64, quantity: Int, note: String
    ) async throws -> GroupBuyProposal {
        let note = try TextField.checked(note, field: "note", length: Self.proposalNoteLength, multiline: true)
        try Self.checkSupport(targetPrice: targetPrice, quantity: quantity)
        let id = try await database.write { tx in
            guard
                let offer = try await tx.sql.raw(
                    "SELECT currency FROM offers WHERE product_id = \(bind: product) ORDER BY id LIMIT 1"
                ).first()
            else { throw ValidationError(field: "productID", "error.groupBuy.notSold") }
            // One open proposal per product (a unique index): a second request joins the first rather
            // than splitting the demand, even when both arrive at once.
            let inserted = try await tx.sql.raw(
                """
                INSERT INTO group_buy_proposals (product_id, member_id, note, currency, created_at)
                VALUES (\(bind: product), \(bind: member.rawValue), \(bind: note),
                    \(bind: try offer.decode(column: "currency", as: String.self)), \(bind: tx.now.millisecondsSince1970))
                ON CONFLICT (product_id) WHERE status = 'open' DO NOTHING
                RETURNING id
                """
            ).first()
            let id: Int64
            if let inserted {
                id = try inserted.decode(column: "id", as: Int64.self)
            } else {
                id = try await tx.sql.raw(
                    """
                    SELECT id FROM group_buy_proposals WHERE product_id = \(bind: product) AND status = 'open'
                    \(unsafeRaw: tx.lockForUpdate)
                    """
                ).first()!.decode(column: "id", as: Int64.self)
            }
            try await tx.support(proposal: id, member: member, targetPrice: targetPrice, quantity: quantity)
            try await tx.appendEvent(
                .groupBuyProposed, audience: .everyone, topic: EventTopic.groupBuys, payload: ["proposalID": id])
            return id
        }
        return try await proposal(id)!
    }

    /// Supports a proposal (or changes one's support): the partner sees each supporter's target price and units.
    public func support(_ proposal: Int64, by member: MemberID, targetPrice: Int64, quantity: Int) async throws
        -> GroupBuyProposal
    {
        try Self.checkSupport(targetPrice: targetPrice, quantity: quantity)
        try await database.write { tx in
            guard
                let row = try await tx.sql.raw(
                    "SELECT status FROM group_buy_proposals WHERE id = \(bind: proposal)\(unsafeRaw: tx.lockForUpdate)"
                ).first()
            else { throw StoreError.notFound }
            guard try row.decode(column: "status", as: String.self) == "open" else {
                throw StoreError.conflict("proposal-closed")
            }
            try await tx.support(proposal: proposal, member: member, targetPrice: targetPrice, quantity: quantity)
        }
        return try await self.proposal(proposal)!
    }

    /// Withdraws the member's support.
    public func withdrawSupport(_ proposal: Int64, by member: MemberID) async throws {
        try await database.write { tx in
            try await tx.sql.raw(
                "SELECT id FROM group_buy_proposals WHERE id = \(bind: proposal)\(unsafeRaw: tx.lockForUpdate)"
            ).run()
            let deleted = try await tx.sql.raw(
                """
                DELETE FROM proposal_supports WHERE proposal_id = \(bind: proposal) AND member_id = \(bind: member.rawValue)
                RETURNING member_id
                """
            ).all()
            guard !deleted.isEmpty else { throw StoreError.notFound }
            try await tx.countSupporters(proposal)
        }
    }

    public func proposal(_ id: Int64) async throws -> GroupBuyProposal? {
        try await proposals(filter: "group_buy_proposals.id = \(bind: id)").first
    }

    /// Open proposals, most supported first; for a partner, only on products it sells.
    public func proposals(for partner: PartnerID? = nil, product: Int64? = nil, limit: Int = 50) async throws
        -> [GroupBuyProposal]
    {
        var filter: SQLQueryString = "group_buy_proposals.status = 'open'"
        if let partner {
            filter =
                "\(filter) AND group_buy_proposals.product_id IN (SELECT product_id FROM offers WHERE partner_id = \(bind: partner.rawValue))"
        }
        if let product { filter = "\(filter) AND group_buy_proposals.product_id = \(bind: product)" }
        return try await proposals(filter: filter, limit: limit)
    }

    private func proposals(filter: SQLQueryString, limit: Int = 50) async throws -> [GroupBuyProposal] {
        try await database.read { sql in
            let rows = try await sql.raw(
                """
                SELECT group_buy_proposals.*, products.name AS product_name, members.handle
                FROM group_buy_proposals JOIN products ON products.id = group_buy_proposals.product_id
                JOIN members ON members.id = group_buy_proposals.member_id
                WHERE \(filter) ORDER BY group_buy_proposals.supporters DESC, group_buy_proposals.id
                LIMIT \(literal: limit)
                """
            ).all()
            guard !rows.isEmpty else { return [] }
            let ids = try rows.map { try $0.decode(column: "id", as: Int64.self) }
            var supports: [Int64: (units: Int, prices: [Int64])] = [:]
            for row in try await sql.raw(
                """
                SELECT proposal_id, quantity, target_price_minor FROM proposal_supports
                WHERE proposal_id IN (\(binds: ids)) ORDER BY target_price_minor
                """
            ).all() {
                let id = try row.decode(column: "proposal_id", as: Int64.self)
                supports[id, default: (0, [])].units += try row.decode(column: "quantity", as: Int.self)
                supports[id, default: (0, [])].prices.append(
                    try row.decode(column: "target_price_minor", as: Int64.self))
            }
            return try rows.map { row in
                let id = try row.decode(column: "id", as: Int64.self)
                return GroupBuyProposal(
                    id: id, productID: try row.decode(column: "product_id", as: Int64.self),
                    productName: try row.decode(column: "product_name", as: String.self),
                    proposerHandle: try row.decode(column: "handle", as: String.self),
                    note: try row.decode(column: "note", as: String.self),
                    currency: try row.decode(column: "currency", as: String.self),
                    supporters: try row.decode(column: "supporters", as: Int.self), units: supports[id]?.units ?? 0,
                    targetPrices: supports[id]?.prices ?? [], status: try row.decode(column: "status", as: String.self),
                    groupBuyID: try row.decode(column: "group_buy_id", as: Int64?.self).map(GroupBuyID.init),
                    createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)))
            }
        }
    }

    static func checkSupport(targetPrice: Int64, quantity: Int) throws(ValidationError) {
        guard (1...100_000_000_000).contains(targetPrice) else {
            throw ValidationError(field: "targetPrice", "error.money.range")
        }
        guard (1...100).contains(quantity) else { throw ValidationError(field: "quantity", "error.invalidValue") }
    }
}

extension Transaction {
    fileprivate func support(proposal: Int64, member: MemberID, targetPrice: Int64, quantity: Int) async throws {
        try await sql.raw(
            """
            INSERT INTO proposal_supports (proposal_id, member_id, target_price_minor, quantity, created_at)
            VALUES (\(bind: proposal), \(bind: member.rawValue), \(bind: targetPrice), \(bind: quantity),
                \(bind: now.millisecondsSince1970))
            ON CONFLICT (proposal_id, member_id) DO UPDATE SET target_price_minor = excluded.target_price_minor,
                quantity = excluded.quantity
            """
        ).run()
        try await countSupporters(proposal)
    }

    fileprivate func countSupporters(_ proposal: Int64) async throws {
        try await sql.raw(
            """
            UPDATE group_buy_proposals
            SET supporters = (SELECT COUNT(*) FROM proposal_supports WHERE proposal_id = \(bind: proposal))
            WHERE id = \(bind: proposal)
            """
        ).run()
    }
}
