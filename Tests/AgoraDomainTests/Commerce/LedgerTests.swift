import AgoraDomain
import Foundation
import PropertyBased
import Testing

@Suite struct LedgerRulesTests {
    let alice = MemberID(1)
    let shop = PartnerID(7)

    @Test func aPendingTransferIsPostedForLessOnceAndTheRestIsReleased() throws {
        var ledger = Ledger()
        let hold = PledgeHolds.hold(pledge: 1, version: 1, member: alice, partner: shop, amount: 5_000, currency: "EUR")
        try ledger.apply(hold)
        #expect(ledger.balance(.customer(alice)).debitsPending == 5_000)
        let post = LedgerTransfer(
            id: "p", kind: .post, debit: .customer(alice), credit: .partner(shop), amount: 4_200, currency: "EUR",
            pendingID: hold.id, code: "sale")
        try ledger.apply(post)
        try ledger.apply(post)  // a retry changes nothing
        #expect(ledger.balance(.customer(alice)) == LedgerBalance(debitsPosted: 4_200))
        #expect(ledger.balance(.partner(shop)) == LedgerBalance(creditsPosted: 4_200))
        #expect(throws: LedgerError.pendingAlreadyResolved) {
            try ledger.apply(PledgeHolds.release(pledge: 1, version: 1, member: alice, partner: shop, currency: "EUR"))
        }
        #expect(throws: LedgerError.idReused) {
            try ledger.apply(
                LedgerTransfer(
                    id: "p", kind: .post, debit: .customer(alice), credit: .partner(shop), amount: 1, currency: "EUR",
                    pendingID: hold.id, code: "sale"))
        }
    }

    @Test func refusedTransfersChangeNothing() throws {
        var ledger = Ledger()
        let hold = PledgeHolds.hold(pledge: 1, version: 1, member: alice, partner: shop, amount: 100, currency: "EUR")
        try ledger.apply(hold)
        let before = ledger.balances
        let tooMuch = LedgerTransfer(
            id: "x", kind: .post, debit: .customer(alice), credit: .partner(shop), amount: 101, currency: "EUR",
            pendingID: hold.id, code: "sale")
        #expect(throws: LedgerError.exceedsPending) { try ledger.apply(tooMuch) }
        #expect(throws: LedgerError.invalidAmount) {
            try ledger.apply(
                LedgerTransfer(
                    id: "y", kind: .posted, debit: .commission, credit: .costs, amount: 0, currency: "EUR",
                    code: "processing"))
        }
        #expect(throws: LedgerError.sameAccount) {
            try ledger.apply(
                LedgerTransfer(
                    id: "z", kind: .posted, debit: .costs, credit: .costs, amount: 5, currency: "EUR", code: "x"))
        }
        #expect(throws: LedgerError.insufficientFunds) {
            try ledger.apply(
                LedgerTransfer(
                    id: "w", kind: .posted, debit: .rewards(alice), credit: .commission, amount: 1, currency: "EUR",
                    code: "clawback"))
        }
        #expect(throws: LedgerError.pendingNotFound) {
            try ledger.apply(
                LedgerTransfer(
                    id: "v", kind: .void, debit: .costs, credit: .commission, amount: 0, currency: "EUR",
                    pendingID: "nothing", code: "x"))
        }
        #expect(ledger.balances == before)
        #expect(ledger.transfers.count == 1)
    }

    @Test func anOrderPaysThePartnerThePlatformItsCostsAndTheSharerAfterTheReturnWindow() throws {
        let terms = OrderTerms(
            order: 3, customer: alice, partner: shop, gross: 10_000, currency: "EUR", commissionBps: 800,
            rewardee: MemberID(2), settings: .standard)
        #expect(terms.commission == 800)
        #expect(terms.processingCost == 25 + 120)
        #expect(terms.reward == 160)
        var ledger = Ledger()
        try ledger.apply(OrderPostings.authorize(terms))
        for transfer in OrderPostings.capture(terms, hold: (OrderPostings.authorizationID(3), 10_000)) {
            try ledger.apply(transfer)
        }
        #expect(ledger.balance(.customer(alice)).posted == -10_000)
        #expect(ledger.balance(.partner(shop)).posted == 9_200)
        #expect(ledger.balance(.commission).posted == 800 - 145)
        #expect(ledger.balance(.rewards(MemberID(2))).available == 0, "pending until the return window closes")
        for transfer in OrderPostings.vestReward(terms) { try ledger.apply(transfer) }
        #expect(ledger.balance(.rewards(MemberID(2))).available == 160)
        for transfer in OrderPostings.refund(terms, rewardVested: true, walletAvailable: 160) {
            try ledger.apply(transfer)
        }
        #expect(ledger.balance(.customer(alice)).posted == 0)
        #expect(ledger.balance(.partner(shop)).posted == 0)
        #expect(ledger.balance(.rewards(MemberID(2))).posted == 0)
        #expect(ledger.balance(.commission).posted == -145, "the processing cost was spent")
    }

    @Test func aMemberIsNeverRewardedForTheirOwnPurchase() {
        let terms = OrderTerms(
            order: 1, customer: alice, partner: shop, gross: 999, currency: "EUR", commissionBps: 1_000,
            rewardee: alice, settings: .standard)
        #expect(terms.rewardee == nil)
        #expect(terms.reward == 0)
        #expect(OrderTerms.share(999, bps: 1_000) == 100, "rounded half up")
    }
}

@Suite struct GroupBuyRulesTests {
    let now = Date(timeIntervalSince1970: 1_780_000_000)

    var tiers: PriceTiers {
        get throws {
            try PriceTiers(checking: [
                .init(participants: 1, unitPrice: 10_000), .init(participants: 10, unitPrice: 8_000),
                .init(participants: 50, unitPrice: 6_500),
            ])
        }
    }

    @Test func theTierFallsAsParticipantsJoinAndSaysHowManyMoreUnlockTheNext() throws {
        let tiers = try tiers
        #expect(tiers.current(participants: 0).unitPrice == 10_000)
        #expect(tiers.current(participants: 9).unitPrice == 10_000)
        #expect(tiers.current(participants: 10).unitPrice == 8_000)
        #expect(tiers.current(participants: 400).unitPrice == 6_500)
        #expect(tiers.next(participants: 7)?.missing == 3)
        #expect(tiers.next(participants: 7)?.tier.unitPrice == 8_000)
        #expect(tiers.next(participants: 50) == nil)
        #expect(tiers.next(participants: 0)?.missing == 10, "from nobody, the next cheaper tier")
        #expect(GroupBuySettlement.at(deadline: 12, minimum: 5, tiers: tiers) == .succeeded(unitPrice: 8_000))
        #expect(GroupBuySettlement.at(deadline: 4, minimum: 5, tiers: tiers) == .failed)
    }

    @Test func tiersMustStartAtOneAndGetCheaperWithMoreParticipants() {
        #expect(throws: ValidationError(field: "tiers", "error.tiers.first")) {
            try PriceTiers(checking: [.init(participants: 2, unitPrice: 100)])
        }
        #expect(throws: ValidationError(field: "tiers", "error.tiers.order")) {
            try PriceTiers(checking: [.init(participants: 1, unitPrice: 100), .init(participants: 5, unitPrice: 100)])
        }
        #expect(throws: ValidationError(field: "tiers", "error.tiers.order")) {
            try PriceTiers(checking: [.init(participants: 1, unitPrice: 100), .init(participants: 1, unitPrice: 90)])
        }
        #expect(throws: ValidationError(field: "tiers", "error.tiers.count")) { try PriceTiers(checking: []) }
    }

    @Test func aCampaignNeedsACapAboveItsMinimumAndADeadlineWithinNinetyDays() throws {
        func input(minimum: Int = 5, cap: Int = 100, perMember: Int = 3, hours: Double = 48) throws -> GroupBuyInput {
            try GroupBuyInput(
                title: "Vélos cargo", description: "", tiers: try tiers.tiers, minimumParticipants: minimum, cap: cap,
                perMemberMaximum: perMember, deadline: now.addingTimeInterval(hours * 3_600), now: now)
        }
        #expect(try input().cap == 100)
        #expect(throws: ValidationError(field: "minimumParticipants", "error.invalidValue")) {
            try input(minimum: 101)
        }
        #expect(throws: ValidationError(field: "perMemberMaximum", "error.invalidValue")) { try input(perMember: 0) }
        #expect(throws: ValidationError(field: "deadline", "error.groupBuy.deadline")) { try input(hours: 0.5) }
        #expect(throws: ValidationError(field: "deadline", "error.groupBuy.deadline")) { try input(hours: 91 * 24) }
    }

    @Test func ordersFollowTheirProcessAndMembersCanOnlyCancelBeforeAcknowledgement() {
        #expect(OrderStatus.placed.allows(.cancelled, by: .member))
        #expect(!OrderStatus.acknowledged.allows(.cancelled, by: .member))
        #expect(OrderStatus.acknowledged.allows(.cancelled, by: .partner))
        #expect(!OrderStatus.placed.allows(.shipped, by: .partner))
        #expect(!OrderStatus.placed.allows(.acknowledged, by: .member))
        #expect(OrderStatus.delivered.allows(.refunded, by: .partner))
        #expect(!OrderStatus.refunded.allows(.refunded, by: .staff))
    }

    @Test func webhookRetriesBackOffAndStopAfterADay() {
        let start = now
        #expect(WebhookRetry.nextAttempt(after: 1, firstAttemptAt: start, now: start) == start.addingTimeInterval(30))
        #expect(WebhookRetry.nextAttempt(after: 3, firstAttemptAt: start, now: start) == start.addingTimeInterval(120))
        #expect(
            WebhookRetry.nextAttempt(after: 12, firstAttemptAt: start, now: start) == start.addingTimeInterval(7_200))
        #expect(
            WebhookRetry.nextAttempt(after: 30, firstAttemptAt: start, now: start.addingTimeInterval(23 * 3_600)) == nil
        )
    }
}

/// Random histories of orders, refunds and group buys, played on the reference ledger: whatever
/// happens, the books balance, replaying the transfers gives the running sums, no wallet goes
/// negative, every hold is resolved once, and retrying the whole history changes nothing.
@Suite struct LedgerPropertyTests {
    @Test func theInvariantsHoldOverRandomHistories() async {
        let step = zip(Gen.int(in: 0...8), Gen.int(in: 0...40), Gen.int(in: 1...200_000))
        await propertyCheck(count: 300, input: step.array(of: 1...120)) { steps in
            var shop = ReferenceShop()
            for (kind, pick, amount) in steps { shop.play(kind: kind, pick: pick, amount: amount) }
            shop.settleEverything()
            #expect(shop.failures.isEmpty, "\(shop.failures)")
            shop.checkInvariants()
            let books = shop.ledger.balances
            for transfer in shop.ledger.transfers {
                var retried = shop.ledger
                do { try retried.apply(transfer) } catch { Issue.record("a retry was refused: \(error)") }
                #expect(retried.balances == books)
            }
        }
    }
}

/// A small shop the property tests drive: the same steps as the stores take, on the in-memory ledger.
struct ReferenceShop {
    struct Order {
        var terms: OrderTerms; var status: OrderStatus; var paid = false; var vested = false; var hold: (String, Int64)
    }
    struct Pledge { let id: Int64; var member: MemberID; var quantity: Int; var version: Int; var holdAmount: Int64 }
    var ledger = Ledger()
    var orders: [Order] = []
    var pledges: [Pledge] = []
    var nextID: Int64 = 1
    var failures: [String] = []
    let partner = PartnerID(3)
    let tiers = try! PriceTiers(checking: [
        .init(participants: 1, unitPrice: 5_000), .init(participants: 3, unitPrice: 4_000),
    ])

    mutating func apply(_ transfers: [LedgerTransfer]) {
        for transfer in transfers {
            do { try ledger.apply(transfer) } catch { failures.append("\(transfer.id): \(error)") }
        }
    }

    mutating func play(kind: Int, pick: Int, amount: Int) {
        let member = MemberID(Int64(pick % 5 + 1))
        switch kind {
        case 0, 1:  // place an order, referred or not
            let id = nextID
            nextID += 1
            let terms = OrderTerms(
                order: id, customer: member, partner: PartnerID(Int64(pick % 3 + 1)), gross: Int64(amount),
                currency: "EUR", commissionBps: pick * 70, rewardee: kind == 1 ? MemberID(Int64(pick % 4 + 1)) : nil,
                settings: .standard)
            apply([OrderPostings.authorize(terms)])
            orders.append(Order(terms: terms, status: .placed, hold: (OrderPostings.authorizationID(id), terms.gross)))
        case 2:  // delivered and paid
            guard let index = order(pick, in: [.placed, .acknowledged, .shipped]) else { return }
            apply(OrderPostings.capture(orders[index].terms, hold: orders[index].hold))
            orders[index].status = .delivered
            orders[index].paid = true
        case 3:  // cancelled before payment
            guard let index = order(pick, in: [.placed, .acknowledged]), !orders[index].paid else { return }
            apply([OrderPostings.release(orders[index].terms)])
            orders[index].status = .cancelled
        case 4:  // the return window closes
            guard let index = order(pick, in: [.delivered]), !orders[index].vested else { return }
            apply(OrderPostings.vestReward(orders[index].terms))
            orders[index].vested = true
        case 5:  // refunded
            guard let index = order(pick, in: [.delivered]) else { return }
            let terms = orders[index].terms
            let wallet = terms.rewardee.map { ledger.balance(.rewards($0)).available } ?? 0
            apply(OrderPostings.refund(terms, rewardVested: orders[index].vested, walletAvailable: wallet))
            orders[index].status = .refunded
        case 6:  // pledge or change a pledge
            let quantity = amount % 3 + 1
            let price = tiers.current(participants: pledges.count + 1).unitPrice * Int64(quantity)
            if let index = pledges.firstIndex(where: { $0.member == member }) {
                let old = pledges[index]
                apply([
                    PledgeHolds.release(
                        pledge: old.id, version: old.version, member: member, partner: partner, currency: "EUR")
                ])
                pledges[index].version += 1
                pledges[index].quantity = quantity
                pledges[index].holdAmount = price
                apply([
                    PledgeHolds.hold(
                        pledge: old.id, version: old.version + 1, member: member, partner: partner, amount: price,
                        currency: "EUR")
                ])
            } else {
                let pledge = Pledge(id: nextID, member: member, quantity: quantity, version: 1, holdAmount: price)
                nextID += 1
                pledges.append(pledge)
                apply([
                    PledgeHolds.hold(
                        pledge: pledge.id, version: 1, member: member, partner: partner, amount: price, currency: "EUR")
                ])
            }
        case 7:  // leave
            guard let index = pledges.firstIndex(where: { $0.member == member }) else { return }
            let old = pledges.remove(at: index)
            apply([
                PledgeHolds.release(
                    pledge: old.id, version: old.version, member: member, partner: partner, currency: "EUR")
            ])
        default:  // the deadline: settle the campaign, then start another
            settleCampaign(minimum: pick % 4 + 1)
        }
    }

    mutating func settleCampaign(minimum: Int) {
        switch GroupBuySettlement.at(deadline: pledges.count, minimum: minimum, tiers: tiers) {
        case .failed:
            for pledge in pledges {
                apply([
                    PledgeHolds.release(
                        pledge: pledge.id, version: pledge.version, member: pledge.member, partner: partner,
                        currency: "EUR")
                ])
            }
        case .succeeded(let unitPrice):
            for pledge in pledges {
                let id = nextID
                nextID += 1
                let terms = OrderTerms(
                    order: id, customer: pledge.member, partner: partner, gross: unitPrice * Int64(pledge.quantity),
                    currency: "EUR", commissionBps: 500, rewardee: MemberID(1), settings: .standard)
                let hold = (PledgeHolds.holdID(pledge: pledge.id, version: pledge.version), pledge.holdAmount)
                apply(OrderPostings.capture(terms, hold: hold))
                orders.append(Order(terms: terms, status: .delivered, paid: true, hold: hold))
            }
        }
        pledges = []
    }

    mutating func settleEverything() {
        settleCampaign(minimum: 1)
        for index in orders.indices where orders[index].status == .placed {
            apply([OrderPostings.release(orders[index].terms)])
            orders[index].status = .cancelled
        }
    }

    func order(_ pick: Int, in statuses: [OrderStatus]) -> Int? {
        let candidates = orders.indices.filter { statuses.contains(orders[$0].status) }
        return candidates.isEmpty ? nil : candidates[pick % candidates.count]
    }

    func checkInvariants() {
        let balances = ledger.balances
        #expect(balances.values.reduce(0) { $0 + $1.posted } == 0, "every transfer balances")
        #expect(balances.values.allSatisfy { $0.debitsPending >= 0 && $0.creditsPending >= 0 })
        #expect(balances.values.reduce(0) { $0 + $1.debitsPending - $1.creditsPending } == 0)
        #expect(ledger.replayedBalances() == balances, "balances are the sum of their transfers")
        for (account, balance) in balances where account.isWallet { #expect(balance.available >= 0) }
        // Once everything is settled nothing stays reserved but rewards waiting for their window.
        for (account, balance) in balances where account.kind == .customer { #expect(balance.debitsPending == 0) }
        // What customers paid is exactly the gross of the orders paid and not refunded.
        let kept = orders.filter { $0.paid && $0.status != .refunded }.reduce(Int64(0)) { $0 + $1.terms.gross }
        let spent = balances.filter { $0.key.kind == .customer }.reduce(Int64(0)) { $0 - $1.value.posted }
        #expect(spent == kept)
        let pendingIDs = ledger.transfers.filter { $0.kind == .pending }.map(\.id)
        let resolutions = ledger.transfers.compactMap(\.pendingID)
        #expect(Set(resolutions).count == resolutions.count, "each hold resolved at most once")
        #expect(Set(resolutions).isSubset(of: Set(pendingIDs)))
    }
}

@Suite struct WebhookURLTests {
    @Test func webhooksGoToPublicHTTPSAddressesOnly() throws {
        #expect(
            try WebhookURL.checked(" https://shop.example/hooks ", allowPrivateNetworks: false)
                == "https://shop.example/hooks")
        for (url, message) in [
            ("http://shop.example/hooks", "error.webhook.https"), ("https://127.0.0.1/x", "error.webhook.private"),
            ("https://10.2.3.4/x", "error.webhook.private"), ("https://[::1]/x", "error.webhook.private"),
            ("https://localhost:8080/x", "error.webhook.private"), ("https://172.20.0.1/x", "error.webhook.private"),
            ("https://user:pw@shop.example/x", "error.webhook.url"), ("ftp://shop.example", "error.webhook.https"),
            ("not a url", "error.webhook.url"), ("https://127.1/x", "error.webhook.private"),
            ("https://2130706433/x", "error.webhook.private"), ("https://0x7f.0.0.1/x", "error.webhook.private"),
            ("https://[0:0:0:0:0:0:0:1]/x", "error.webhook.private"),
            ("https://[::ffff:10.0.0.1]/x", "error.webhook.private"),
            ("https://[fd00::1]/x", "error.webhook.private"),
        ] {
            #expect(throws: ValidationError(field: "url", message), "\(url)") {
                try WebhookURL.checked(url, allowPrivateNetworks: false)
            }
        }
        #expect(
            try WebhookURL.checked("http://127.0.0.1:9000/h", allowPrivateNetworks: true) == "http://127.0.0.1:9000/h")
        #expect(try WebhookURL.checked("https://172.32.0.1/h", allowPrivateNetworks: false) == "https://172.32.0.1/h")
        #expect(
            try WebhookURL.checked("https://[2001:db8::1]/h", allowPrivateNetworks: false) == "https://[2001:db8::1]/h")
    }

    @Test func csvLinesQuoteWhatTheyMustAndDisarmFormulas() {
        #expect(CSV.line(["a", .number(-12), "b,c", "say \"hi\""]) == "a,-12,\"b,c\",\"say \"\"hi\"\"\"\r\n")
        #expect(CSV.line(["=HYPERLINK(1)", "-3"]) == "'=HYPERLINK(1),'-3\r\n")
    }
}
