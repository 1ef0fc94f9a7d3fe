import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import SQLKit
import Testing

@Suite struct BusinessModelStoreTests {
    /// A sum over the ledger's transfers, by the test itself.
    static func transfers(_ database: Database, _ filter: String) async throws -> Int64 {
        try await database.read { sql in
            try await sql.raw(
                "SELECT CAST(COALESCE(SUM(amount), 0) AS BIGINT) AS n FROM ledger_transfers WHERE \(unsafeRaw: filter)"
            ).first()!.decode(column: "n", as: Int64.self)
        }
    }

    @Test(arguments: Backend.allCases)
    func aGroupBuyIsBookedWhenItSettlesAndAPaidOrderCancelledGivesItBackAsTheLedgerDoes(backend: Backend)
        async throws
    {
        let clock = TestClock()
        try await withFreshDatabase(backend, clock: clock) { database, _ in
            let shop = try await Shop.open(database)
            let campaign = try await shop.campaign(clock: clock)
            let groupBuys = GroupBuyStore(database: database)
            let members = try await shop.members(3)
            for member in members { _ = try await groupBuys.pledge(campaign.id, member: member, quantity: 1) }
            clock.advance(by: 2 * 86_400)
            #expect(try await groupBuys.settle(campaign.id))
            let orders = OrderStore(database: database)
            let placed = try await orders.orders(partner: shop.partner)
            #expect(placed.count == 3)
            // Paid at settlement, never delivered yet; one of them cancelled by its partner a day later.
            clock.advance(by: 86_400)
            _ = try await orders.advance(placed[0].id, to: .cancelled, by: .partner, partner: shop.partner)

            let store = BusinessModelStore(database: database)
            let period = ReportPeriod.last(7, now: clock.now)
            let pnl = try await store.figures(period, now: clock.now).profitAndLoss
            let partner = try #require(pnl.partners[shop.partner])
            #expect(partner.paidOrders == 3 && partner.givenBackOrders == 1)
            #expect(
                partner.grossSales
                    == (try await Self.transfers(database, "code = 'sale' AND kind IN ('post', 'posted')")))
            #expect(
                partner.refunds
                    == (try await Self.transfers(
                        database, "transfer_id LIKE '%:refund' AND transfer_id NOT LIKE '%:commission:refund'")))
            let commission =
                try await Self.transfers(database, "code = 'commission'")
                - Self.transfers(database, "transfer_id LIKE '%:commission:refund'")
            #expect(partner.commission == commission && pnl.platform.commission == commission)
            #expect(pnl.platform.processingCosts == (try await Self.transfers(database, "code = 'processing'")))
            #expect(partner.grossSales == 3 * 8_000 && partner.refunds == 8_000)

            // Seen from the week before the settlement, nothing happened.
            let before = try ReportPeriod(from: period.from - 7 * 86_400, to: period.from - 3 * 86_400)
            #expect(try await store.figures(before, now: clock.now).profitAndLoss.partners.isEmpty)
        }
    }
}
