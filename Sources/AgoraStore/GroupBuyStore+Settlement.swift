import AgoraDomain
import Foundation
import SQLKit

/// How campaigns end: settled at their deadline, or cancelled before it.
extension GroupBuyStore {
    /// Settles a campaign whose deadline passed, in one transaction: exactly once, whichever
    /// instance gets there first, and all over again after a crash (nothing of a rolled-back
    /// settlement remains). Success turns every pledge into an order at the final tier price, paid
    /// from its hold; failure releases every hold. Returns whether this call settled it.
    @discardableResult
    public func settle(_ id: GroupBuyID) async throws -> Bool {
        try await database.write { tx in
            if tx.flavor == .postgres {
                let locked = try await tx.sql.raw(
                    "SELECT pg_try_advisory_xact_lock(\(literal: LockKey.settlement + id.rawValue)) AS locked"
                ).first()!.decode(column: "locked", as: Bool.self)
                guard locked else { return false }
            }
            guard let campaign = try await tx.lockedCampaign(id), campaign.status == .open,
                campaign.deadline <= tx.now
            else { return false }
            let pledges = try await tx.sql.raw(
                """
                SELECT id, member_id, quantity, hold_version, hold_amount_minor FROM pledges
                WHERE group_buy_id = \(bind: id.rawValue) ORDER BY id
                """
            ).all()
            let settlement = GroupBuySettlement.at(
                deadline: campaign.participants, minimum: campaign.minimumParticipants, tiers: campaign.tiers)
            let commission = try await tx.sql.raw(
                "SELECT commission_bps FROM partners WHERE id = \(bind: campaign.partnerID.rawValue)"
            ).first()!.decode(column: "commission_bps", as: Int.self)
            let proposer = try await campaign.proposalID.asyncMap { proposal in
                try await tx.sql.raw("SELECT member_id FROM group_buy_proposals WHERE id = \(bind: proposal)").first()?
                    .decode(column: "member_id", as: Int64.self)
            }.flatMap { $0 }.map(MemberID.init)
            let settings = try await BusinessModelStore.platformSettings(defaults: settings, tx.sql).commerce
            // One market for the whole campaign: its orders are placed at the same instant.
            let benchmarks = try await tx.priceBenchmarks(
                offer: nil, product: campaign.productID, currency: campaign.currency)
            var orders: [Int64] = []
            // Every order's money is written in one batch at the end: each account once, not once a pledge.
            var transfers: [(transfer: LedgerTransfer, order: OrderID?)] = []
            for pledge in pledges {
                let pledgeID = try pledge.decode(column: "id", as: Int64.self)
                let member = MemberID(try pledge.decode(column: "member_id", as: Int64.self))
                let version = try pledge.decode(column: "hold_version", as: Int.self)
                switch settlement {
                case .succeeded(let unitPrice):
                    let hold = (
                        PledgeHolds.holdID(pledge: pledgeID, version: version),
                        try pledge.decode(column: "hold_amount_minor", as: Int64.self)
                    )
                    let (order, terms) = try await tx.insertOrder(
                        NewOrder(
                            member: member, partner: campaign.partnerID, product: campaign.productID, offer: nil,
                            source: .groupBuy, deal: nil, groupBuy: id, referrer: proposer,
                            quantity: try pledge.decode(column: "quantity", as: Int.self), unitPrice: unitPrice,
                            shipping: 0, currency: campaign.currency, hold: hold,
                            paymentMethod: PayOnDelivery().method, benchmarks: benchmarks),
                        commissionBps: commission, settings: settings)
                    transfers += OrderPostings.capture(terms, hold: hold).map { ($0, order) }
                    orders.append(order.rawValue)
                case .failed:
                    transfers.append(
                        (
                            PledgeHolds.release(
                                pledge: pledgeID, version: version, member: member, partner: campaign.partnerID,
                                currency: campaign.currency), nil
                        ))
                }
            }
            try await tx.record(transfers)
            for chunk in orders.chunked(into: 500) {
                try await tx.sql.raw("UPDATE orders SET paid = 1 WHERE id IN (\(binds: Array(chunk)))").run()
            }
            // Announced once the money is written (see `record`).
            for order in orders { try await tx.announceOrder(OrderID(order), partner: campaign.partnerID) }
            try await tx.tellPledgers(
                pledges, campaign: campaign, status: settlement == .failed ? .failed : .succeeded)
            let (status, finalPrice): (GroupBuyStatus, Int64?) =
                switch settlement {
                case .succeeded(let price): (.succeeded, price)
                case .failed: (.failed, nil)
                }
            try await tx.sql.raw(
                """
                UPDATE group_buys SET status = \(bind: status.rawValue), final_unit_price_minor = \(bind: finalPrice),
                    settled_at = \(bind: tx.now.millisecondsSince1970)
                WHERE id = \(bind: id.rawValue)
                """
            ).run()
            let summary = GroupBuySummary(
                id: id.rawValue, title: campaign.title, productID: campaign.productID, status: status.rawValue,
                participants: campaign.participants, units: campaign.units, unitPriceMinor: finalPrice,
                currency: campaign.currency, orders: orders)
            try await tx.appendEvent(
                status == .succeeded ? .groupBuySucceeded : .groupBuyFailed, audience: .everyone,
                topic: EventTopic.groupBuy(id), payload: summary)
            try await tx.enqueueWebhook(
                partner: campaign.partnerID, type: status == .succeeded ? .groupBuySucceeded : .groupBuyFailed,
                payload: summary)
            return true
        }
    }

    /// Stops an open campaign before its deadline: every hold is released and pledgers are told.
    public func cancel(_ id: GroupBuyID, partner: PartnerID?) async throws {
        try await database.write { tx in
            let campaign = try await tx.openCampaign(id)
            if let partner, partner != campaign.partnerID { throw StoreError.notFound }
            let pledges = try await tx.sql.raw(
                "SELECT id, member_id, hold_version FROM pledges WHERE group_buy_id = \(bind: id.rawValue) ORDER BY id"
            ).all()
            try await tx.record(
                try pledges.map { pledge in
                    (
                        PledgeHolds.release(
                            pledge: try pledge.decode(column: "id", as: Int64.self),
                            version: try pledge.decode(column: "hold_version", as: Int.self),
                            member: MemberID(try pledge.decode(column: "member_id", as: Int64.self)),
                            partner: campaign.partnerID, currency: campaign.currency), nil
                    )
                })
            try await tx.tellPledgers(pledges, campaign: campaign, status: .cancelled)
            try await tx.sql.raw(
                """
                UPDATE group_buys SET status = 'cancelled', settled_at = \(bind: tx.now.millisecondsSince1970)
                WHERE id = \(bind: id.rawValue)
                """
            ).run()
            try await tx.appendEvent(
                .groupBuyCancelled, audience: .everyone, topic: EventTopic.groupBuy(id),
                payload: ["groupBuyID": id.rawValue])
        }
    }
}

struct GroupBuyEnded: Encodable, Sendable {
    let groupBuyID: String
    let title: String
    let status: String
}

/// What partners and live pages receive when a campaign ends.
struct GroupBuySummary: Encodable, Sendable {
    let id: Int64
    let title: String
    let productID: Int64
    let status: String
    let participants: Int
    let units: Int
    let unitPriceMinor: Int64?
    let currency: String
    let orders: [Int64]
}
