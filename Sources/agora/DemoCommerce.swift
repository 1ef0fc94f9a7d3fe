import AgoraDomain
import AgoraStore
import Foundation
import SQLKit

/// What the demo sells: group buys in every state (succeeded, failed, cancelled, open, proposed),
/// orders at every step of their process over the last weeks, and the ledger they wrote, all
/// through the stores, on a clock moved back and forth, so that every figure is one the
/// platform would have written itself.
enum DemoCommerce {
    static func fill(_ database: Database, clock: DemoData.DemoClock, size: Demo.Size) async throws {
        // Today: the large set's catalog clock stays where its bulk writing left it.
        let now = Date()
        clock.set(now)
        let day: TimeInterval = 86_400
        let groupBuys = GroupBuyStore(database: database)
        let orders = OrderStore(database: database)
        let buyers = try await database.read { sql in
            try await sql.raw(
                """
                SELECT id FROM members WHERE email LIKE '%@demo.agora.test' AND role = 'member' AND partner_id IS NULL
                AND handle LIKE '%\\_%' ESCAPE '\\' ORDER BY id LIMIT 40
                """
            ).all().map { MemberID(try $0.decode(column: "id", as: Int64.self)) }
        }
        let products = try await sellers(database)
        guard buyers.count >= 30, products.count >= 6 else { return }

        func at(_ days: Double) { clock.set(now.addingTimeInterval(days * day)) }
        func input(_ title: String, _ tiers: [(Int, Int64)], minimum: Int, cap: Int, deadline days: Double)
            throws -> GroupBuyInput
        {
            try GroupBuyInput(
                title: title,
                description:
                    "Commande groupée négociée avec le partenaire : le prix baisse pour tout le monde à chaque palier atteint.",
                tiers: tiers.map { PriceTier(participants: $0.0, unitPrice: $0.1) }, minimumParticipants: minimum,
                cap: cap, perMemberMaximum: 3, deadline: now.addingTimeInterval(days * day), now: clock.now)
        }
        func tiers(_ price: Int64) -> [(Int, Int64)] { [(1, price), (5, price * 90 / 100), (10, price * 80 / 100)] }

        // Succeeded 30 days ago: twelve members reached the best tier; their orders were delivered since.
        at(-40)
        var product = products[0]
        let succeeded = try await groupBuys.create(
            try input("Achat groupé : \(product.name)", tiers(product.price), minimum: 5, cap: 40, deadline: -30),
            partner: product.partner, product: product.id, createdBy: nil)
        for (index, member) in buyers.prefix(12).enumerated() {
            at(-40 + Double(index) * 0.7)
            _ = try await groupBuys.pledge(succeeded.id, member: member, quantity: index % 3 == 0 ? 2 : 1)
        }
        at(-30 + 0.05)
        try await groupBuys.settle(succeeded.id)
        let settledOrders = try await orders.orders(partner: product.partner).filter { $0.groupBuyID == succeeded.id }
        for (index, order) in settledOrders.enumerated() {
            at(-29)
            _ = try await orders.advance(order.id, to: .acknowledged, by: .partner, partner: product.partner)
            at(-27)
            _ = try await orders.advance(order.id, to: .shipped, by: .partner, partner: product.partner)
            at(-25)
            _ = try await orders.advance(order.id, to: .delivered, by: .partner, partner: product.partner)
            if index == 3 {
                at(-20)
                _ = try await orders.advance(order.id, to: .refunded, by: .partner, partner: product.partner)
            }
        }

        // Failed 18 days ago: three pledges, ten were needed; every hold was released.
        at(-25)
        product = products[1]
        let failed = try await groupBuys.create(
            try input("Achat groupé : \(product.name)", tiers(product.price), minimum: 10, cap: 50, deadline: -18),
            partner: product.partner, product: product.id, createdBy: nil)
        for member in buyers[12..<15] { _ = try await groupBuys.pledge(failed.id, member: member, quantity: 1) }
        at(-18 + 0.05)
        try await groupBuys.settle(failed.id)

        // Cancelled by its partner after two pledges.
        at(-12)
        product = products[2]
        let cancelled = try await groupBuys.create(
            try input("Achat groupé : \(product.name)", tiers(product.price), minimum: 5, cap: 20, deadline: -2),
            partner: product.partner, product: product.id, createdBy: nil)
        for member in buyers[15..<17] { _ = try await groupBuys.pledge(cancelled.id, member: member, quantity: 1) }
        at(-10)
        try await groupBuys.cancel(cancelled.id, partner: product.partner)

        // Open: one a participant away from its next tier; one answering members' proposal.
        at(-3)
        product = products[3]
        let open = try await groupBuys.create(
            try input("Achat groupé : \(product.name)", tiers(product.price), minimum: 5, cap: 60, deadline: 4),
            partner: product.partner, product: product.id, createdBy: nil)
        for (index, member) in buyers[17..<26].enumerated() {
            at(-3 + Double(index) * 0.3)
            _ = try await groupBuys.pledge(open.id, member: member, quantity: 1 + index % 2)
        }
        at(-6)
        product = products[4]
        let proposal = try await groupBuys.propose(
            product: product.id, by: buyers[26], targetPrice: product.price * 80 / 100, quantity: 1,
            note: "Plusieurs voisins en veulent un : négocions ensemble !")
        for (index, member) in buyers[27..<33].enumerated() {
            _ = try await groupBuys.support(
                proposal.id, by: member, targetPrice: product.price * Int64(75 + index * 3) / 100, quantity: 1)
        }
        at(-1)
        let answered = try await groupBuys.create(
            try input("Votre demande : \(product.name)", tiers(product.price), minimum: 4, cap: 30, deadline: 6),
            partner: product.partner, product: product.id, createdBy: nil, proposal: proposal.id)
        for member in [buyers[26], buyers[27], buyers[28]] {
            _ = try await groupBuys.pledge(answered.id, member: member, quantity: 1)
        }
        // Still a proposal: the partner sees the demand on its dashboard.
        at(-2)
        product = products[5]
        let waiting = try await groupBuys.propose(
            product: product.id, by: buyers[33], targetPrice: product.price * 85 / 100, quantity: 2,
            note: "Qui est partant pour un achat groupé ?")
        for member in buyers[34..<38] {
            _ = try await groupBuys.support(waiting.id, by: member, targetPrice: product.price * 80 / 100, quantity: 1)
        }

        try await directOrders(database, clock: clock, now: now, buyers: buyers, count: size == .large ? 2_000 : 60)
        clock.set(now)
        _ = try await orders.vestDueRewards(limit: 10_000)
        if size == .large { try await largeCampaign(database, clock: clock, products: products) }
    }

    /// Orders placed over the last 45 days, directly or from a deal's share link, each moved as far
    /// as its age allows: the oldest delivered (a few refunded), the newest only placed.
    private static func directOrders(
        _ database: Database, clock: DemoData.DemoClock, now: Date, buyers: [MemberID], count: Int
    ) async throws {
        let orders = OrderStore(database: database)
        // Offers with a published deal first (those orders can come from a share link), then others in
        // stock; two plain queries, since deals have no index by offer and the large set has 100,000.
        let offers = try await database.read { sql in
            let deals = try await sql.raw(
                """
                SELECT MIN(deals.id) AS deal_id, deals.offer_id FROM deals
                WHERE deals.status = 'published' AND deals.offer_id IS NOT NULL
                GROUP BY deals.offer_id ORDER BY deals.offer_id LIMIT 100
                """
            ).all().reduce(into: [Int64: DealID]()) {
                $0[try $1.decode(column: "offer_id", as: Int64.self)] = DealID(
                    try $1.decode(column: "deal_id", as: Int64.self))
            }
            let ids = Array(deals.keys) + [0]
            let rows = try await sql.raw(
                """
                SELECT id, partner_id FROM offers WHERE stock >= 5 AND id IN (\(binds: ids))
                UNION ALL SELECT id, partner_id FROM (SELECT id, partner_id FROM offers WHERE stock >= 5
                    ORDER BY id LIMIT 200) AS plain
                """
            ).all()
            return try rows.map { row in
                let id = try row.decode(column: "id", as: Int64.self)
                return (
                    id: id, partner: PartnerID(try row.decode(column: "partner_id", as: Int64.self)), deal: deals[id]
                )
            }
        }
        guard !offers.isEmpty else { return }
        let deals = DealStore(database: database)
        let handles = try await database.read { sql in
            try await sql.raw("SELECT id, handle FROM members WHERE id IN (\(binds: buyers.map(\.rawValue)))").all()
                .reduce(into: [Int64: String]()) {
                    $0[try $1.decode(column: "id", as: Int64.self)] = try $1.decode(column: "handle", as: String.self)
                }
        }
        for index in 0..<count {
            let age = 45.0 * Double(count - index) / Double(count) - 0.5
            clock.set(now.addingTimeInterval(-age * 86_400))
            let offer = offers[(index * 7) % offers.count]
            let buyer = buyers[(index * 5) % buyers.count]
            var deal: DealID?
            if let offerDeal = offer.deal, index % 3 == 0 {
                // The buyer came through a friend's share link.
                let sharer = buyers[(index * 5 + 1) % buyers.count]
                try await deals.recordShareClick(
                    offerDeal, referrer: handles[sharer.rawValue] ?? "", visitor: "demo-visitor-\(index)-0123456789",
                    viewer: buyer)
                deal = offerDeal
            }
            let order: Order
            do {
                order = try await orders.place(offer: offer.id, quantity: 1 + index % 2, member: buyer, deal: deal)
            } catch StoreError.conflict("out-of-stock") {
                continue
            }
            let steps: [(OrderStatus, Double)] =
                index % 17 == 5
                ? [(.cancelled, 0.2)]
                : [(.acknowledged, 0.3), (.shipped, 1.5), (.delivered, 4)] + (index % 13 == 7 ? [(.refunded, 9)] : [])
            for (step, after) in steps where age - after > 0 {
                clock.set(now.addingTimeInterval(-(age - after) * 86_400))
                let actor: OrderStatus.Actor = step == .cancelled ? .member : .partner
                _ = try await orders.advance(
                    order.id, to: step, by: actor, partner: offer.partner, member: actor == .member ? buyer : nil)
            }
        }
    }

    /// For the benchmark: a campaign of 10,000 pledges from 10,000 members, open until tomorrow
    /// (`scripts/bench` moves its deadline into the past and times its settlement).
    private static func largeCampaign(_ database: Database, clock: DemoData.DemoClock, products: [Seller]) async throws
    {
        let product = products[6 % products.count]
        let groupBuys = GroupBuyStore(database: database)
        let campaign = try await groupBuys.create(
            try GroupBuyInput(
                title: "Le très grand achat groupé : \(product.name)", description: "Dix mille participants.",
                tiers: [
                    .init(participants: 1, unitPrice: product.price),
                    .init(participants: 1_000, unitPrice: product.price * 85 / 100),
                    .init(participants: 5_000, unitPrice: product.price * 75 / 100),
                ], minimumParticipants: 100, cap: 20_000, perMemberMaximum: 2,
                deadline: clock.now.addingTimeInterval(86_400), now: clock.now),
            partner: product.partner, product: product.id, createdBy: nil)
        // The pledgers are plain rows: they never log in (their password hash matches nothing).
        let start = try await database.read { sql in
            try await sql.raw("SELECT COALESCE(MAX(id), 0) AS id FROM members").first()!.decode(
                column: "id", as: Int64.self)
        }
        let stamp = clock.now.millisecondsSince1970
        for chunk in stride(from: 0, to: 10_000, by: 500) {
            try await database.write { tx in
                let rows: [SQLQueryString] = (chunk..<chunk + 500).map { index in
                    """
                    (\(bind: "groupe_\(index)"), \(bind: "groupe_\(index)@demo.agora.test"), '!', 50, 'member', \(bind: stamp), \(bind: stamp))
                    """
                }
                try await tx.sql.raw(
                    """
                    INSERT INTO members (handle, email, password_hash, sustainability_weight, role, created_at, updated_at)
                    VALUES \(rows.joined(separator: ", "))
                    """
                ).run()
            }
        }
        let pledgers = try await database.read { sql in
            try await sql.raw("SELECT id FROM members WHERE id > \(bind: start) ORDER BY id").all()
                .map { MemberID(try $0.decode(column: "id", as: Int64.self)) }
        }
        for (index, member) in pledgers.enumerated() {
            _ = try await groupBuys.pledge(campaign.id, member: member, quantity: 1 + index % 2)
        }
    }

    struct Seller {
        let id: Int64
        let name: String
        let partner: PartnerID
        let price: Int64
    }

    /// Products with their first offer's partner and price, from different partners.
    private static func sellers(_ database: Database) async throws -> [Seller] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT products.id, products.name, offers.partner_id, offers.price_minor FROM offers
                JOIN products ON products.id = offers.product_id
                WHERE offers.price_minor BETWEEN 2000 AND 80000 ORDER BY offers.id LIMIT 400
                """
            ).all().enumerated().compactMap { index, row in
                index % 50 == 0
                    ? Seller(
                        id: try row.decode(column: "id", as: Int64.self),
                        name: try row.decode(column: "name", as: String.self),
                        partner: PartnerID(try row.decode(column: "partner_id", as: Int64.self)),
                        price: try row.decode(column: "price_minor", as: Int64.self)) : nil
            }
        }
    }
}
