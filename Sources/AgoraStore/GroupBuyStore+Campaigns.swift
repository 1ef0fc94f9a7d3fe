import AgoraDomain
import Foundation
import SQLKit

/// The steps every campaign write shares: its row locked, its progress counted and announced.
extension Transaction {
    /// The campaign, locked until commit.
    func lockedCampaign(_ id: GroupBuyID) async throws -> GroupBuy? {
        // The lock is taken on the plain row: PostgreSQL refuses FOR UPDATE across the joined names.
        try await sql.raw("SELECT id FROM group_buys WHERE id = \(bind: id.rawValue)\(unsafeRaw: lockForUpdate)").run()
        return try await sql.raw("\(unsafeRaw: GroupBuyStore.select) WHERE group_buys.id = \(bind: id.rawValue)")
            .first().map(GroupBuyStore.groupBuy)
    }

    /// The campaign, locked, when it still takes pledges.
    func openCampaign(_ id: GroupBuyID) async throws -> GroupBuy {
        guard let campaign = try await lockedCampaign(id) else { throw StoreError.notFound }
        guard campaign.status == .open, campaign.deadline > now else { throw StoreError.conflict("group-buy-closed") }
        return campaign
    }

    /// Tells every pledger how the campaign ended.
    func tellPledgers(_ pledges: [any SQLRow], campaign: GroupBuy, status: GroupBuyStatus) async throws {
        for pledge in pledges {
            try await NotificationStore.add(
                to: MemberID(try pledge.decode(column: "member_id", as: Int64.self)),
                kind: NotificationStore.Kind.groupBuyEnded,
                payload: GroupBuyEnded(
                    groupBuyID: String(campaign.id.rawValue), title: campaign.title, status: status.rawValue),
                tx: self)
        }
    }

    func currentPledge(_ id: GroupBuyID, member: MemberID, currency: String) async throws -> Pledge {
        let row = try await sql.raw(
            """
            SELECT quantity, hold_amount_minor FROM pledges
            WHERE group_buy_id = \(bind: id.rawValue) AND member_id = \(bind: member.rawValue)
            """
        ).first()!
        return Pledge(
            groupBuyID: id, memberID: member, quantity: try row.decode(column: "quantity", as: Int.self),
            hold: Money(minorUnits: try row.decode(column: "hold_amount_minor", as: Int64.self), currency: currency))
    }

    func updateProgress(_ id: GroupBuyID, participants: Int, units: Int, tiers: PriceTiers) async throws {
        try await sql.raw(
            """
            UPDATE group_buys SET participants = \(bind: participants), units = \(bind: units)
            WHERE id = \(bind: id.rawValue)
            """
        ).run()
        try await appendEvent(
            .groupBuyProgressed, audience: .everyone, topic: EventTopic.groupBuy(id),
            payload: GroupBuyProgress(
                groupBuyID: id.rawValue, participants: participants, units: units,
                unitPriceMinor: tiers.current(participants: participants).unitPrice))
    }
}
