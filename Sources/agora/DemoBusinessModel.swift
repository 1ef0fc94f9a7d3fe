import AgoraDomain
import AgoraStore
import Foundation
import SQLKit

/// The business model of the demo: each partner's declared costs (one sells at a loss, so the
/// dashboard's flag shows), the platform's fixed costs and targets set by staff three weeks ago,
/// and the days each member was active, taken from what the demo had them do.
enum DemoBusinessModel {
    /// Cost of goods (basis points of net sales) and cost of one order (cents) by partner slug; the
    /// partner with the fewest deliveries of the last 30 days then declares `losing` instead.
    static let costs: [String: (costOfGoodsBps: Int, costPerOrder: Int64)] = [
        "maison-verte": (6_200, 450), "atelier-reparable": (5_500, 600), "cooperative-du-sud": (7_000, 300),
        "comptoir-durable": (6_400, 500), "electro-seconde-vie": (9_300, 1_200), "ateliers-du-rhone": (5_800, 650),
        "bio-et-terroir": (7_200, 350), "cycles-lumiere": (6_600, 900), "fabrique-textile": (5_200, 400),
        "quincaillerie-moderne": (6_900, 450),
    ]
    /// Buying at 96 % of its prices and paying 15 € an order: whatever its commission, a loss.
    static let losing = (costOfGoodsBps: 9_600, costPerOrder: Int64(1_500))

    static func fill(_ database: Database, clock: DemoData.DemoClock) async throws {
        let (now, previous) = (Date(), clock.now)
        defer { clock.set(previous) }
        guard let admin = try await MemberStore(database: database).member(handle: "admin") else { return }
        let store = BusinessModelStore(database: database)
        // The partner that sells at a loss is one with deliveries in the dashboard's first view (the
        // last 30 days), so that its flag shows there.
        let since = now.addingTimeInterval(-30 * 86_400).millisecondsSince1970
        let loser = try await database.read { sql in
            try await sql.raw(
                """
                SELECT partner_id, COUNT(*) AS n FROM orders WHERE delivered_at >= \(bind: since)
                GROUP BY partner_id ORDER BY n, partner_id LIMIT 1
                """
            ).first()?.decode(column: "partner_id", as: Int64.self)
        }
        clock.set(now.addingTimeInterval(-21 * 86_400))
        for entry in try await store.partnerTerms() {
            guard let slug = try await PartnerStore(database: database).partner(id: entry.partner)?.slug,
                let cost = entry.partner.rawValue == loser ? losing : costs[slug]
            else { continue }
            var terms = entry.terms
            (terms.costOfGoodsBps, terms.costPerOrder) = (cost.costOfGoodsBps, cost.costPerOrder)
            _ = try await store.setTerms(terms, of: entry.partner, by: admin)
        }
        _ = try await store.update(
            [.fixedCostsPerMonth: 15_000, .acknowledgementTargetHours: 24, .ideasAnsweredTargetBps: 8_000], by: admin)
        // Whoever voted, commented, reviewed, ordered, pledged or supported an idea on a day was
        // active that day (the demo acts through the stores, not through signed-in requests).
        let day = "/ 86400000"
        try await database.execute(
            """
            INSERT INTO activity_days (day, member_id)
            SELECT day, member_id FROM (
                SELECT at \(day) AS day, member_id FROM deal_votes
                UNION SELECT created_at \(day), author_id FROM deal_comments
                UNION SELECT created_at \(day), author_id FROM deals
                UNION SELECT created_at \(day), author_id FROM reviews
                UNION SELECT placed_at \(day), member_id FROM orders
                UNION SELECT created_at \(day), member_id FROM pledges
                UNION SELECT created_at \(day), member_id FROM idea_supports
                UNION SELECT created_at \(day), author_id FROM idea_comments) AS acts
            WHERE member_id IS NOT NULL
            ON CONFLICT DO NOTHING
            """)
    }
}
