import AgoraDomain
import Foundation
import SQLKit

/// A group-buy campaign with its progress.
public struct GroupBuy: Sendable, Equatable {
    public let id: GroupBuyID
    public let partnerID: PartnerID
    public let partnerName: String
    public let productID: Int64
    public let productName: String
    public let proposalID: Int64?
    public let title: String
    public let description: String
    public let tiers: PriceTiers
    public let currency: String
    public let minimumParticipants: Int
    public let cap: Int
    public let perMemberMaximum: Int
    public let deadline: Date
    public let status: GroupBuyStatus
    public let participants: Int
    public let units: Int
    public let finalUnitPrice: Int64?
    public let createdAt: Date
    public let settledAt: Date?

    public var currentTier: PriceTier { tiers.current(participants: participants) }
    public var nextTier: (tier: PriceTier, missing: Int)? { tiers.next(participants: participants) }
    public var remainingUnits: Int { max(cap - units, 0) }
}

/// A member's pledge: how many units, and what is held for them.
public struct Pledge: Sendable, Equatable {
    public let groupBuyID: GroupBuyID
    public let memberID: MemberID
    public let quantity: Int
    public let hold: Money
}

/// Campaigns, pledges and their settlement. Every pledge change runs under the campaign's row lock,
/// so that the cap, the one-pledge-per-member rule and the counters hold under any concurrency.
public struct GroupBuyStore: Sendable {
    let database: Database
    let settings: CommerceSettings

    public init(database: Database, settings: CommerceSettings = .standard) {
        self.database = database
        self.settings = settings
    }

    /// Opens a campaign for a product the partner sells (its currency is the offer's), optionally
    /// answering a members' proposal, whose supporters are told.
    public func create(
        _ input: GroupBuyInput, partner: PartnerID, product: Int64, createdBy: MemberID?, proposal: Int64? = nil
    ) async throws -> GroupBuy {
        let id = try await database.write { tx in
            guard
                let offer = try await tx.sql.raw(
                    """
                    SELECT currency FROM offers WHERE partner_id = \(bind: partner.rawValue)
                    AND product_id = \(bind: product) ORDER BY id LIMIT 1
                    """
                ).first()
            else { throw ValidationError(field: "productID", "error.groupBuy.notSold") }
            if let proposal {
                let updated = try await tx.sql.raw(
                    """
                    UPDATE group_buy_proposals SET status = 'launched' WHERE id = \(bind: proposal)
                    AND product_id = \(bind: product) AND status = 'open' RETURNING id
                    """
                ).all()
                guard !updated.isEmpty else { throw ValidationError(field: "proposalID", "error.groupBuy.proposal") }
            }
            let tiers = String(decoding: try JSONEncoder().encode(input.tiers.tiers), as: UTF8.self)
            let row = try await tx.sql.raw(
                """
                INSERT INTO group_buys (partner_id, product_id, proposal_id, created_by, title, description, tiers,
                    currency, minimum_participants, cap, per_member_maximum, deadline, status, created_at)
                VALUES (\(bind: partner.rawValue), \(bind: product), \(bind: proposal), \(bind: createdBy?.rawValue),
                    \(bind: input.title), \(bind: input.description), \(bind: tiers),
                    \(bind: try offer.decode(column: "currency", as: String.self)), \(bind: input.minimumParticipants),
                    \(bind: input.cap), \(bind: input.perMemberMaximum), \(bind: input.deadline.millisecondsSince1970),
                    'open', \(bind: tx.now.millisecondsSince1970))
                RETURNING id
                """
            ).first()!
            let id = GroupBuyID(try row.decode(column: "id", as: Int64.self))
            if let proposal {
                try await tx.sql.raw(
                    "UPDATE group_buy_proposals SET group_buy_id = \(bind: id.rawValue) WHERE id = \(bind: proposal)"
                ).run()
                for supporter in try await tx.sql.raw(
                    "SELECT member_id FROM proposal_supports WHERE proposal_id = \(bind: proposal)"
                ).all() {
                    try await NotificationStore.add(
                        to: MemberID(try supporter.decode(column: "member_id", as: Int64.self)),
                        kind: NotificationStore.Kind.groupBuyOpened,
                        payload: ["groupBuyID": String(id.rawValue), "title": input.title], tx: tx)
                }
            }
            try await tx.appendEvent(
                .groupBuyOpened, audience: .everyone, topic: EventTopic.groupBuy(id),
                payload: ["groupBuyID": id.rawValue])
            return id
        }
        return try await groupBuy(id)!
    }

    public func groupBuy(_ id: GroupBuyID) async throws -> GroupBuy? {
        try await database.read { sql in
            try await sql.raw("\(unsafeRaw: Self.select) WHERE group_buys.id = \(bind: id.rawValue)").first().map(
                Self.groupBuy)
        }
    }

    /// Campaigns, open ones by nearest deadline, others newest first; a partner's only when given.
    public func list(status: GroupBuyStatus?, partner: PartnerID? = nil, limit: Int = 50) async throws -> [GroupBuy] {
        try await database.read { sql in
            var filter: SQLQueryString = "1 = 1"
            if let status { filter = "\(filter) AND group_buys.status = \(bind: status.rawValue)" }
            if let partner { filter = "\(filter) AND group_buys.partner_id = \(bind: partner.rawValue)" }
            let order = status == .open ? "group_buys.deadline, group_buys.id" : "group_buys.id DESC"
            return try await sql.raw(
                "\(unsafeRaw: Self.select) WHERE \(filter) ORDER BY \(unsafeRaw: order) LIMIT \(literal: limit)"
            ).all().map(Self.groupBuy)
        }
    }

    /// The member's pledge to a campaign, if any.
    public func pledge(of member: MemberID, in id: GroupBuyID) async throws -> Pledge? {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT pledges.quantity, pledges.hold_amount_minor, group_buys.currency FROM pledges
                JOIN group_buys ON group_buys.id = pledges.group_buy_id
                WHERE pledges.group_buy_id = \(bind: id.rawValue) AND pledges.member_id = \(bind: member.rawValue)
                """
            ).first().map { row in
                Pledge(
                    groupBuyID: id, memberID: member, quantity: try row.decode(column: "quantity", as: Int.self),
                    hold: Money(
                        minorUnits: try row.decode(column: "hold_amount_minor", as: Int64.self),
                        currency: try row.decode(column: "currency", as: String.self)))
            }
        }
    }

    /// Pledges `quantity` units, or changes the member's pledge to it; the hold is taken at the tier
    /// price the campaign reaches with this member in.
    public func pledge(_ id: GroupBuyID, member: MemberID, quantity: Int) async throws -> Pledge {
        try await database.write { tx in
            let campaign = try await tx.openCampaign(id)
            guard (1...campaign.perMemberMaximum).contains(quantity) else {
                throw ValidationError(field: "quantity", "error.groupBuy.quantity")
            }
            guard try await !tx.worksFor(campaign.partnerID, member: member) else {
                throw StoreError.forbidden("error.order.ownPartner")
            }
            let existing = try await tx.sql.raw(
                """
                SELECT id, quantity, hold_version FROM pledges
                WHERE group_buy_id = \(bind: id.rawValue) AND member_id = \(bind: member.rawValue)
                """
            ).first()
            let oldQuantity = try existing?.decode(column: "quantity", as: Int.self) ?? 0
            let units = campaign.units - oldQuantity + quantity
            guard units <= campaign.cap else { throw StoreError.conflict("cap-reached") }
            let participants = campaign.participants + (existing == nil ? 1 : 0)
            let amount = campaign.tiers.current(participants: participants).unitPrice * Int64(quantity)
            let pledge = Pledge(
                groupBuyID: id, memberID: member, quantity: quantity,
                hold: Money(minorUnits: amount, currency: campaign.currency))
            if let existing {
                guard oldQuantity != quantity else {
                    return try await tx.currentPledge(id, member: member, currency: campaign.currency)
                }
                let pledgeID = try existing.decode(column: "id", as: Int64.self)
                let version = try existing.decode(column: "hold_version", as: Int.self)
                try await tx.record([
                    PledgeHolds.release(
                        pledge: pledgeID, version: version, member: member, partner: campaign.partnerID,
                        currency: campaign.currency),
                    PledgeHolds.hold(
                        pledge: pledgeID, version: version + 1, member: member, partner: campaign.partnerID,
                        amount: amount, currency: campaign.currency),
                ])
                try await tx.sql.raw(
                    """
                    UPDATE pledges SET quantity = \(bind: quantity), hold_version = \(bind: version + 1),
                        hold_amount_minor = \(bind: amount), updated_at = \(bind: tx.now.millisecondsSince1970)
                    WHERE id = \(bind: pledgeID)
                    """
                ).run()
            } else {
                let row = try await tx.sql.raw(
                    """
                    INSERT INTO pledges (group_buy_id, member_id, quantity, hold_version, hold_amount_minor, created_at,
                        updated_at)
                    VALUES (\(bind: id.rawValue), \(bind: member.rawValue), \(bind: quantity), 1, \(bind: amount),
                        \(bind: tx.now.millisecondsSince1970), \(bind: tx.now.millisecondsSince1970))
                    RETURNING id
                    """
                ).first()!
                try await tx.record([
                    PledgeHolds.hold(
                        pledge: try row.decode(column: "id", as: Int64.self), version: 1, member: member,
                        partner: campaign.partnerID, amount: amount, currency: campaign.currency)
                ])
            }
            try await tx.updateProgress(id, participants: participants, units: units, tiers: campaign.tiers)
            return pledge
        }
    }

    /// Withdraws the member's pledge before the deadline and releases its hold.
    public func withdraw(_ id: GroupBuyID, member: MemberID) async throws {
        try await database.write { tx in
            let campaign = try await tx.openCampaign(id)
            guard
                let existing = try await tx.sql.raw(
                    """
                    SELECT id, quantity, hold_version FROM pledges
                    WHERE group_buy_id = \(bind: id.rawValue) AND member_id = \(bind: member.rawValue)
                    """
                ).first()
            else { throw StoreError.notFound }
            let pledgeID = try existing.decode(column: "id", as: Int64.self)
            try await tx.record([
                PledgeHolds.release(
                    pledge: pledgeID, version: try existing.decode(column: "hold_version", as: Int.self),
                    member: member, partner: campaign.partnerID, currency: campaign.currency)
            ])
            try await tx.sql.raw("DELETE FROM pledges WHERE id = \(bind: pledgeID)").run()
            try await tx.updateProgress(
                id, participants: campaign.participants - 1,
                units: campaign.units - (try existing.decode(column: "quantity", as: Int.self)), tiers: campaign.tiers)
        }
    }

    /// Campaigns whose deadline passed and that still wait for settlement.
    public func due(limit: Int = 20) async throws -> [GroupBuyID] {
        let now = database.clock.now.millisecondsSince1970
        return try await database.read { sql in
            try await sql.raw(
                """
                SELECT id FROM group_buys WHERE status = 'open' AND deadline <= \(bind: now)
                ORDER BY deadline, id LIMIT \(literal: limit)
                """
            ).all().map { GroupBuyID(try $0.decode(column: "id", as: Int64.self)) }
        }
    }

    static let select = """
        SELECT group_buys.*, partners.name AS partner_name, products.name AS product_name FROM group_buys
        JOIN partners ON partners.id = group_buys.partner_id JOIN products ON products.id = group_buys.product_id
        """

    static func groupBuy(_ row: any SQLRow) throws -> GroupBuy {
        let tiers = try JSONDecoder().decode(
            [PriceTier].self, from: Data(try row.decode(column: "tiers", as: String.self).utf8))
        return GroupBuy(
            id: GroupBuyID(try row.decode(column: "id", as: Int64.self)),
            partnerID: PartnerID(try row.decode(column: "partner_id", as: Int64.self)),
            partnerName: try row.decode(column: "partner_name", as: String.self),
            productID: try row.decode(column: "product_id", as: Int64.self),
            productName: try row.decode(column: "product_name", as: String.self),
            proposalID: try row.decode(column: "proposal_id", as: Int64?.self),
            title: try row.decode(column: "title", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            tiers: try PriceTiers(checking: tiers), currency: try row.decode(column: "currency", as: String.self),
            minimumParticipants: try row.decode(column: "minimum_participants", as: Int.self),
            cap: try row.decode(column: "cap", as: Int.self),
            perMemberMaximum: try row.decode(column: "per_member_maximum", as: Int.self),
            deadline: Date(millisecondsSince1970: try row.decode(column: "deadline", as: Int64.self)),
            status: GroupBuyStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .open,
            participants: try row.decode(column: "participants", as: Int.self),
            units: try row.decode(column: "units", as: Int.self),
            finalUnitPrice: try row.decode(column: "final_unit_price_minor", as: Int64?.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            settledAt: try row.decode(column: "settled_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)))
    }
}

/// A campaign's progress, as live pages receive it.
struct GroupBuyProgress: Encodable, Sendable {
    let groupBuyID: Int64
    let participants: Int
    let units: Int
    let unitPriceMinor: Int64
}
