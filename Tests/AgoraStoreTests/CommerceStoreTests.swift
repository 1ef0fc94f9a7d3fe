import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import PropertyBased
import SQLKit
import Testing

/// A partner selling one product, and members to buy it: what every commerce test starts from.
struct Shop {
    let database: Database
    let partner: PartnerID
    let offer: Int64
    let product: Int64

    static func open(_ database: Database, stock: Int = 50) async throws -> Shop {
        let partner = try await PartnerStore(database: database).create(
            name: "Vélos du Coin", slug: "velos", kind: .merchant, commissionBasisPoints: 800)
        _ = try await OfferStore(database: database).upsert(
            [try OfferStoreTests.offer(sku: "V1", price: "100.00")], for: partner.id)
        let row = try await database.read { sql in
            try await sql.raw("SELECT id, product_id FROM offers WHERE partner_id = \(bind: partner.id.rawValue)")
                .first()!
        }
        let offer = try row.decode(column: "id", as: Int64.self)
        try await database.write { tx in
            try await tx.sql.raw("UPDATE offers SET stock = \(bind: stock) WHERE id = \(bind: offer)").run()
        }
        return Shop(
            database: database, partner: partner.id, offer: offer,
            product: try row.decode(column: "product_id", as: Int64.self))
    }

    func members(_ count: Int, prefix: String = "member") async throws -> [MemberID] {
        var ids: [MemberID] = []
        for index in 0..<count {
            ids.append(
                try await MemberStore(database: database).register(MemberStoreTests.registration("\(prefix)\(index)"))
                    .id)
        }
        return ids
    }

    func campaign(
        minimum: Int = 2, cap: Int = 30, perMember: Int = 3, clock: TestClock, proposal: Int64? = nil
    ) async throws -> GroupBuy {
        try await GroupBuyStore(database: database).create(
            try GroupBuyInput(
                title: "Vélos cargo groupés", description: "Livraison en mars.",
                tiers: [.init(participants: 1, unitPrice: 10_000), .init(participants: 3, unitPrice: 8_000)],
                minimumParticipants: minimum, cap: cap, perMemberMaximum: perMember,
                deadline: clock.now.addingTimeInterval(2 * 86_400), now: clock.now),
            partner: partner, product: product, createdBy: nil, proposal: proposal)
    }

    func count(_ table: String, _ filter: String = "1 = 1") async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM \(unsafeRaw: table) WHERE \(unsafeRaw: filter)").first()!
                .decode(column: "n", as: Int.self)
        }
    }
}

@Suite struct GroupBuyStoreTests {
    @Test(arguments: Backend.allCases)
    func pledgesRacingForASmallCapEndExactlyAtTheCap(backend: Backend) async throws {
        let clock = TestClock()
        try await withFreshDatabase(backend, clock: clock) { database, _ in
            let shop = try await Shop.open(database)
            let campaign = try await shop.campaign(cap: 25, perMember: 1, clock: clock)
            let members = try await shop.members(80)
            let store = GroupBuyStore(database: database)
            // Every member pledges twice at once: one pledge each at most, 25 units in all.
            let accepted = try await withThrowingTaskGroup(of: Bool.self) { group in
                for member in members + members {
                    group.addTask {
                        do {
                            _ = try await store.pledge(campaign.id, member: member, quantity: 1)
                            return true
                        } catch StoreError.conflict("cap-reached") {
                            return false
                        }
                    }
                }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            let after = try await store.groupBuy(campaign.id)!
            #expect(after.units == 25)
            #expect(after.participants == 25)
            #expect(try await shop.count("pledges") == 25)
            #expect(accepted >= 25, "a repeated pledge of the same quantity is accepted and changes nothing")
            #expect(after.currentTier.unitPrice == 8_000)
            let holds = try await LedgerStore(database: database).balance(.partner(shop.partner), currency: "EUR")
            let held = try await database.read { sql in
                try await sql.raw("SELECT CAST(SUM(hold_amount_minor) AS BIGINT) AS held FROM pledges").first()!
                    .decode(column: "held", as: Int64.self)
            }
            #expect(holds.creditsPending == held, "each pledge is a pending hold at its tier price")
            #expect(try await LedgerStore(database: database).audit() == [])
        }
    }

    @Test(arguments: Backend.allCases)
    func aCampaignSettlesOnceIntoOrdersAtTheBestPriceReached(backend: Backend) async throws {
        let clock = TestClock()
        try await withFreshDatabase(backend, clock: clock) { database, _ in
            let shop = try await Shop.open(database)
            let campaign = try await shop.campaign(clock: clock)
            let store = GroupBuyStore(database: database)
            let members = try await shop.members(4)
            _ = try await store.pledge(campaign.id, member: members[0], quantity: 2)  // held at 100 €
            _ = try await store.pledge(campaign.id, member: members[1], quantity: 1)
            _ = try await store.pledge(campaign.id, member: members[2], quantity: 1)  // the 80 € tier
            _ = try await store.pledge(campaign.id, member: members[3], quantity: 1)
            try await store.withdraw(campaign.id, member: members[3])
            #expect(try await store.settle(campaign.id) == false, "not before the deadline")
            clock.advance(by: 2 * 86_400)
            await #expect(throws: StoreError.conflict("group-buy-closed")) {
                _ = try await store.pledge(campaign.id, member: members[3], quantity: 1)
            }
            #expect(try await store.due() == [campaign.id])
            let settled = try await withThrowingTaskGroup(of: Bool.self) { group in
                for _ in 0..<3 { group.addTask { try await store.settle(campaign.id) } }
                return try await group.reduce(0) { $0 + ($1 ? 1 : 0) }
            }
            #expect(settled == 1)
            let after = try await store.groupBuy(campaign.id)!
            #expect(after.status == .succeeded)
            #expect(after.finalUnitPrice == 8_000)
            let orders = try await OrderStore(database: database).orders(partner: shop.partner)
            #expect(orders.count == 3)
            #expect(orders.allSatisfy { $0.unitPrice.minorUnits == 8_000 && $0.paid && $0.source == .groupBuy })
            #expect(orders.map(\.gross.minorUnits).sorted() == [8_000, 8_000, 16_000])
            let ledger = LedgerStore(database: database)
            #expect(
                try await ledger.balance(.customer(members[0]), currency: "EUR") == LedgerBalance(debitsPosted: 16_000))
            #expect(try await ledger.balance(.customer(members[3]), currency: "EUR") == LedgerBalance())
            #expect(try await ledger.balance(.partner(shop.partner), currency: "EUR").creditsPending == 0)
            #expect(try await ledger.audit() == [])
            #expect(try await shop.count("notifications", "kind = 'groupBuyEnded'") == 3)
            #expect(try await store.due() == [])
        }
    }

    /// A settlement cut short (a crash: the transaction never commits) leaves no order and every
    /// hold in place; the next attempt, from another instance (another pool), settles it whole, once.
    @Test(arguments: Backend.allCases)
    func aSettlementCutShortLeavesNothingAndTheNextOneSettlesItOnce(backend: Backend) async throws {
        let clock = TestClock()
        try await withFreshDatabase(backend, clock: clock) { database, location in
            let shop = try await Shop.open(database)
            let campaign = try await shop.campaign(cap: 1_000, perMember: 1, clock: clock)
            let store = GroupBuyStore(database: database)
            for member in try await shop.members(300, prefix: "pledger") {
                _ = try await store.pledge(campaign.id, member: member, quantity: 1)
            }
            clock.advance(by: 3 * 86_400)
            var interrupted = false
            var cutShort = 0
            for delay in [5, 15, 40, 80, 150] where !interrupted {
                let settling = Task { try await store.settle(campaign.id) }
                try await Task.sleep(for: .milliseconds(delay))
                settling.cancel()
                switch await settling.result {
                case .success(let settled):
                    // Too quick to interrupt: it settled whole; the checks below still hold.
                    #expect(settled)
                    interrupted = true
                case .failure:
                    cutShort += 1
                    #expect(try await store.groupBuy(campaign.id)?.status == .open, "nothing of it committed")
                    #expect(try await shop.count("orders") == 0)
                    #expect(try await shop.count("ledger_transfers", "kind = 'pending' AND resolved = 0") == 300)
                    #expect(try await LedgerStore(database: database).audit() == [])
                }
            }
            #expect(cutShort > 0, "at least one settlement was cut short")
            // Two instances come back at once: one settles, the other finds nothing to do.
            let other = try await Database.open(location, clock: clock)
            let results = try await withThrowingTaskGroup(of: Bool.self) { group in
                group.addTask { try await store.settle(campaign.id) }
                group.addTask { try await GroupBuyStore(database: other).settle(campaign.id) }
                return try await group.reduce(into: [Bool]()) { $0.append($1) }
            }
            await other.close()
            #expect(results.filter { $0 }.count == (interrupted ? 0 : 1), "settled once in all")
            #expect(try await store.groupBuy(campaign.id)?.status == .succeeded)
            #expect(try await shop.count("orders") == 300)
            #expect(try await shop.count("ledger_transfers", "kind = 'pending' AND resolved = 0") == 0)
            #expect(try await LedgerStore(database: database).audit() == [])
        }
    }

    @Test(arguments: Backend.allCases)
    func aFailedCampaignReleasesEveryHold(backend: Backend) async throws {
        let clock = TestClock()
        try await withFreshDatabase(backend, clock: clock) { database, _ in
            let shop = try await Shop.open(database)
            let campaign = try await shop.campaign(minimum: 3, clock: clock)
            let store = GroupBuyStore(database: database)
            let members = try await shop.members(2)
            for member in members { _ = try await store.pledge(campaign.id, member: member, quantity: 1) }
            _ = try await store.pledge(campaign.id, member: members[0], quantity: 3)
            clock.advance(by: 3 * 86_400)
            #expect(try await store.settle(campaign.id))
            #expect(try await store.groupBuy(campaign.id)?.status == .failed)
            #expect(try await shop.count("orders") == 0)
            let balances = try await LedgerStore(database: database).balances()["EUR"] ?? [:]
            #expect(balances.values.allSatisfy { $0 == LedgerBalance() }, "nothing held, nothing moved")
            #expect(try await shop.count("ledger_transfers", "kind = 'pending' AND resolved = 0") == 0)
            #expect(try await LedgerStore(database: database).audit() == [])
        }
    }

    @Test(arguments: Backend.allCases)
    func twoMembersAskingAtOnceMakeOneProposalWithTwoSupporters(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let shop = try await Shop.open(database)
            let members = try await shop.members(6)
            let store = GroupBuyStore(database: database)
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, member) in members.enumerated() {
                    group.addTask {
                        _ = try await store.propose(
                            product: shop.product, by: member, targetPrice: 8_000 + Int64(index) * 100, quantity: 1,
                            note: "Ensemble !")
                    }
                }
                try await group.waitForAll()
            }
            let proposals = try await store.proposals(product: shop.product)
            #expect(proposals.count == 1)
            #expect(proposals.first?.supporters == 6)
            #expect(proposals.first?.medianTargetPrice == 8_200)
        }
    }

    @Test(arguments: Backend.allCases)
    func badPledgesAreRefusedAndChangeNothing(backend: Backend) async throws {
        let clock = TestClock()
        try await withFreshDatabase(backend, clock: clock) { database, _ in
            let shop = try await Shop.open(database)
            let campaign = try await shop.campaign(cap: 4, perMember: 3, clock: clock)
            let store = GroupBuyStore(database: database)
            let members = try await shop.members(2)
            await #expect(throws: ValidationError(field: "quantity", "error.groupBuy.quantity")) {
                _ = try await store.pledge(campaign.id, member: members[0], quantity: 4)
            }
            _ = try await store.pledge(campaign.id, member: members[0], quantity: 3)
            await #expect(throws: StoreError.conflict("cap-reached")) {
                _ = try await store.pledge(campaign.id, member: members[1], quantity: 2)
            }
            await #expect(throws: StoreError.notFound) { try await store.withdraw(campaign.id, member: members[1]) }
            await #expect(throws: StoreError.notFound) {
                _ = try await store.pledge(GroupBuyID(999), member: members[1], quantity: 1)
            }
            let after = try await store.groupBuy(campaign.id)!
            #expect(after.units == 3 && after.participants == 1)
            #expect(try await shop.count("ledger_transfers") == 1)
        }
    }
}

@Suite struct OrderStoreTests {
    @Test(arguments: Backend.allCases)
    func anOrderFollowsItsProcessAndPaysEveryoneTheirShare(backend: Backend) async throws {
        let clock = TestClock()
        try await withFreshDatabase(backend, clock: clock) { database, _ in
            let shop = try await Shop.open(database, stock: 3)
            let members = try await shop.members(2)
            let orders = OrderStore(database: database)
            let order = try await orders.place(offer: shop.offer, quantity: 2, member: members[0])
            #expect(order.gross.minorUnits == 20_000 + order.shipping.minorUnits * 1)
            #expect(order.status == .placed && !order.paid)
            await #expect(throws: StoreError.conflict("out-of-stock")) {
                _ = try await orders.place(offer: shop.offer, quantity: 2, member: members[1])
            }
            await #expect(throws: StoreError.conflict("order-step")) {
                _ = try await orders.advance(order.id, to: .shipped, by: .partner, partner: shop.partner)
            }
            await #expect(throws: StoreError.notFound) {
                _ = try await orders.advance(order.id, to: .acknowledged, by: .partner, partner: PartnerID(999))
            }
            let early = try await ReviewStore(database: database).write(
                ReviewInput(
                    rating: 4, title: "Attendu avec impatience", body: "Je l'ai réservé, j'en parlerai à réception.",
                    pros: nil, cons: nil, experiencedOn: "2026-05-01"), about: .product(shop.product), boughtFrom: nil,
                by: try #require(try await MemberStore(database: database).member(id: members[0])))
            #expect(early.verifiedBy == nil, "not yet received")
            for step in [OrderStatus.acknowledged, .shipped, .delivered] {
                clock.advance(by: 3_600)
                _ = try await orders.advance(order.id, to: step, by: .partner, partner: shop.partner)
            }
            #expect(
                try await ReviewStore(database: database).review(of: .product(shop.product), by: members[0])?.verifiedBy
                    == "order", "verified once delivered")
            let delivered = try await orders.order(order.id)!
            #expect(delivered.paid)
            #expect(delivered.timeline.map(\.status) == [.placed, .acknowledged, .shipped, .delivered])
            let ledger = LedgerStore(database: database)
            #expect(try await ledger.balance(.customer(members[0]), currency: "EUR").posted == -order.gross.minorUnits)
            #expect(
                try await ledger.balance(.partner(shop.partner), currency: "EUR").posted
                    == order.gross.minorUnits - order.commission.minorUnits)
            // Delivered through Agora: the member's reviews of the product and the partner are verified purchases.
            let reviews = ReviewStore(database: database)
            let buyer = try #require(try await MemberStore(database: database).member(id: members[0]))
            let review = try await reviews.write(
                ReviewInput(
                    rating: 5, title: "Parfait", body: "Livré vite, fonctionne très bien depuis une semaine.",
                    pros: nil,
                    cons: nil, experiencedOn: "2026-05-01"), about: .partner(shop.partner), boughtFrom: nil, by: buyer)
            #expect(review.verifiedBy == "order")
            let other = try #require(try await MemberStore(database: database).member(id: members[1]))
            let unverified = try await reviews.write(
                ReviewInput(
                    rating: 2, title: "Bof", body: "Jamais commandé mais je donne mon avis quand même.", pros: nil,
                    cons: nil, experiencedOn: "2026-05-01"), about: .partner(shop.partner), boughtFrom: nil, by: other)
            #expect(unverified.verifiedBy == nil)
            _ = try await orders.advance(order.id, to: .refunded, by: .partner, partner: shop.partner)
            #expect(try await ledger.balance(.customer(members[0]), currency: "EUR").posted == 0)
            #expect(
                try await ledger.balance(.partner(shop.partner), currency: "EUR").posted == 0, "commission given back")
            #expect(
                try await ledger.balance(.commission, currency: "EUR").posted
                    == -(25 + OrderTerms.share(order.gross.minorUnits, bps: 120)),
                "only the processing cost stays spent")
            #expect(try await ledger.audit() == [])
            #expect(try await shop.count("notifications", "kind = 'orderUpdated'") == 4)
        }
    }

    /// Members order while the partner delivers and refunds other orders: every transaction locks
    /// the partner's and the commission's accounts and appends events, in the same order, so none
    /// waits for another in a cycle (PostgreSQL would abort one with a deadlock).
    @Test(arguments: Backend.allCases)
    func ordersPlacedWhileThePartnerDeliversOthersAllGoThrough(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let shop = try await Shop.open(database, stock: 100)
            let members = try await shop.members(24)
            let orders = OrderStore(database: database)
            var placed: [OrderID] = []
            for member in members.prefix(12) {
                let order = try await orders.place(offer: shop.offer, quantity: 1, member: member)
                _ = try await orders.advance(order.id, to: .acknowledged, by: .partner, partner: shop.partner)
                _ = try await orders.advance(order.id, to: .shipped, by: .partner, partner: shop.partner)
                placed.append(order.id)
            }
            let alreadyPlaced = placed
            try await withThrowingTaskGroup(of: Void.self) { group in
                for member in members.suffix(12) {
                    group.addTask { _ = try await orders.place(offer: shop.offer, quantity: 1, member: member) }
                }
                for id in alreadyPlaced {
                    group.addTask {
                        _ = try await orders.advance(id, to: .delivered, by: .partner, partner: shop.partner)
                        if id.rawValue % 3 == 0 {
                            _ = try await orders.advance(id, to: .refunded, by: .partner, partner: shop.partner)
                        }
                    }
                }
                try await group.waitForAll()
            }
            #expect(try await shop.count("orders") == 24)
            #expect(try await shop.count("orders", "status IN ('delivered', 'refunded')") == 12)
            #expect(try await LedgerStore(database: database).audit() == [])
        }
    }

    @Test(arguments: Backend.allCases)
    func theFirstSharerWithinThirtyDaysIsRewardedAfterTheReturnWindow(backend: Backend) async throws {
        let clock = TestClock()
        try await withFreshDatabase(backend, clock: clock) { database, _ in
            let shop = try await Shop.open(database)
            let members = try await shop.members(4)
            let (buyer, first, second) = (members[0], members[1], members[2])
            let deal = try await database.write { tx in
                try await tx.sql.raw(
                    """
                    INSERT INTO deals (author_id, title, url, kind, currency, status, offer_id, product_id, partner_id,
                        temperature, hot_score, vote_count, ranked_at, created_at, updated_at)
                    VALUES (\(bind: members[3].rawValue), 'Vélo cargo', 'https://shop.example/V1', 'deal', 'EUR',
                        'published', \(bind: shop.offer), \(bind: shop.product), \(bind: shop.partner.rawValue),
                        0, 0, 0, \(bind: tx.now.millisecondsSince1970), \(bind: tx.now.millisecondsSince1970),
                        \(bind: tx.now.millisecondsSince1970))
                    RETURNING id
                    """
                ).first()!.decode(column: "id", as: Int64.self)
            }
            let deals = DealStore(database: database)
            let visitor = "visitor-0123456789abcdef"
            try await deals.recordShareClick(DealID(deal), referrer: "member1", visitor: visitor, viewer: nil)
            clock.advance(by: 86_400)
            try await deals.recordShareClick(
                DealID(deal), referrer: "member2", visitor: "another-0123456789abcdef", viewer: buyer)
            let orders = OrderStore(database: database)
            let order = try await orders.place(
                offer: shop.offer, quantity: 1, member: buyer, deal: DealID(deal), visitor: visitor)
            #expect(order.referrerHandle == "member1", "first click wins")
            #expect(order.source == .deal)
            #expect(order.reward.minorUnits == OrderTerms.share(order.commission.minorUnits, bps: 2_000))
            _ = second
            for step in [OrderStatus.acknowledged, .shipped, .delivered] {
                _ = try await orders.advance(order.id, to: step, by: .partner, partner: shop.partner)
            }
            let ledger = LedgerStore(database: database)
            #expect(try await ledger.balance(.rewards(first), currency: "EUR").available == 0)
            clock.advance(by: 13 * 86_400)
            #expect(try await orders.vestDueRewards() == 0)
            clock.advance(by: 2 * 86_400)
            #expect(try await orders.vestDueRewards() == 1)
            #expect(try await orders.vestDueRewards() == 0)
            #expect(try await ledger.balance(.rewards(first), currency: "EUR").available == order.reward.minorUnits)
            // A share link older than 30 days brings nothing.
            clock.advance(by: 31 * 86_400)
            let late = try await orders.place(
                offer: shop.offer, quantity: 1, member: buyer, deal: DealID(deal), visitor: visitor)
            #expect(late.referrerHandle == nil)
            #expect(try await ledger.audit() == [])
        }
    }
}

/// A gateway that writes down what it is asked, and refuses authorizations above a limit.
final class RecordingGateway: PaymentGateway, @unchecked Sendable {
    let limit: Int64
    private let lock = NSLock()
    private var calls: [String] = []
    init(limit: Int64) { self.limit = limit }
    var method: String { "card" }
    var log: [String] { lock.withLock { calls } }
    private func note(_ call: String) { lock.withLock { calls.append(call) } }

    func authorize(order: OrderID, amount: Money, key: String) async throws -> String {
        guard amount.minorUnits <= limit else { throw CancellationError() }
        note("authorize \(amount.minorUnits)")
        return "auth-\(order)"
    }
    func capture(reference: String, amount: Money, key: String) async throws {
        note("capture \(reference) \(amount.minorUnits) \(key)")
    }
    func void(reference: String, key: String) async throws { note("void \(reference) \(key)") }
    func refund(reference: String, amount: Money, key: String) async throws {
        note("refund \(reference) \(amount.minorUnits) \(key)")
    }
}

@Suite struct PaymentGatewayTests {
    @Test(arguments: Backend.allCases)
    func theGatewayAuthorizesCapturesAndRefundsWithTheOrderAndARefusalPlacesNothing(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let shop = try await Shop.open(database)
            let member = try await shop.members(1)[0]
            let gateway = RecordingGateway(limit: 15_000)
            let orders = OrderStore(database: database, payments: gateway)
            await #expect(throws: CancellationError.self) {
                _ = try await orders.place(offer: shop.offer, quantity: 2, member: member)
            }
            #expect(try await shop.count("orders") == 0)
            #expect(try await shop.count("ledger_transfers") == 0)
            let order = try await orders.place(offer: shop.offer, quantity: 1, member: member)
            #expect(order.paymentMethod == "card")
            for step in [OrderStatus.acknowledged, .shipped, .delivered, .refunded] {
                _ = try await orders.advance(order.id, to: step, by: .partner, partner: shop.partner)
            }
            let total = order.gross.minorUnits
            #expect(
                gateway.log == [
                    "authorize \(total)", "capture auth-\(order.id) \(total) order:\(order.id):capture",
                    "refund auth-\(order.id) \(total) order:\(order.id):refund",
                ])
        }
    }
}

/// The SQL ledger against the reference model: random transfers (retries, reused ids, holds posted,
/// voided and resolved twice, wallets overdrawn) get the same outcome from both, and the same
/// balances; the SQL recount finds nothing wrong.
@Suite struct SQLLedgerPropertyTests {
    @Test(arguments: Backend.allCases)
    func theSQLLedgerAgreesWithTheReferenceModel(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let model = ModelBox()
            let accounts: [LedgerAccount] = [
                .customer(MemberID(1)), .customer(MemberID(2)), .partner(PartnerID(1)), .commission, .costs,
                .rewards(MemberID(1)), .rewards(MemberID(2)),
            ]
            let step = zip(
                Gen.int(in: 0...3), Gen.int(in: 0...6), Gen.int(in: 0...6), Gen.int(in: 0...12), Gen.int(in: 0...900))
            await propertyCheck(count: backend == .sqlite ? 40 : 15, input: step.array(of: 1...25)) { steps in
                let round = model.nextRound()
                let kinds: [LedgerTransfer.Kind] = [.posted, .pending, .post, .void]
                let requests = steps.map { kind, debit, credit, id, amount in
                    LedgerTransfer(
                        id: "r\(round):t\(id)", kind: kinds[kind], debit: accounts[debit], credit: accounts[credit],
                        amount: Int64(amount), currency: "EUR",
                        pendingID: kind >= 2 ? "r\(round):t\(amount % 13)" : nil, code: "test")
                }
                // In batches of one to three, as a settlement writes many at once: a batch is all or nothing.
                var start = 0
                while start < requests.count {
                    let batch = Array(requests[start..<min(start + 1 + start % 3, requests.count)])
                    start += batch.count
                    let expected = model.apply(batch)
                    let actual: LedgerError?
                    do {
                        try await database.write { tx in try await tx.record(batch) }
                        actual = nil
                    } catch let error as LedgerError {
                        actual = error
                    }
                    #expect(actual == expected, "\(batch)")
                }
                let stored = try await LedgerStore(database: database).balances()["EUR"] ?? [:]
                for account in accounts {
                    #expect(stored[account] ?? LedgerBalance() == model.balance(account), "\(account)")
                }
            }
            let problems = try await LedgerStore(database: database).audit()
            #expect(problems == [])
        }
    }
}

/// The reference ledger shared by the iterations of a property check.
final class ModelBox: @unchecked Sendable {
    private var ledger = Ledger()
    private var rounds = 0

    func nextRound() -> Int {
        rounds += 1
        return rounds
    }

    /// Applies a batch whole, or leaves the ledger as it was and answers the first refusal.
    func apply(_ batch: [LedgerTransfer]) -> LedgerError? {
        var attempt = ledger
        do {
            for request in batch { try attempt.apply(request) }
            ledger = attempt
            return nil
        } catch {
            return error
        }
    }

    func balance(_ account: LedgerAccount) -> LedgerBalance { ledger.balance(account) }
}
