import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import SQLKit
import Synchronization
import Testing

@testable import AgoraWeb

@Suite struct GroupBuysAPITests {
    static func campaign(_ product: Int, _ changes: [String: Any] = [:], deadline: Date) -> ByteBuffer {
        var body: [String: Any] = [
            "productID": product, "title": "Téléphones Éco groupés", "description": "Livraison sous 10 jours.",
            "tiers": [["participants": 1, "unitPrice": 49_900], ["participants": 5, "unitPrice": 42_000]],
            "minimumParticipants": 3, "cap": 12, "perMemberMaximum": 2,
            "deadline": deadline.formatted(.iso8601),
        ]
        body.merge(changes) { _, new in new }
        return json(body)
    }

    @Test(arguments: Backend.allCases)
    func partnersOpenCampaignsAndBadOnesChangeNothing(backend: Backend) async throws {
        let clock = TestClock()
        try await withApp(backend, configure: { $0.clock = clock }) { client, database in
            let (token, product) = try await ReviewsAPITests.sellingPartner(client, database, slug: "shop")
            let deadline = clock.now.addingTimeInterval(3 * 86_400)
            for (changes, field) in [
                (["tiers": [["participants": 2, "unitPrice": 100]]], "tiers"),
                (["tiers": [["participants": 1, "unitPrice": 100], ["participants": 3, "unitPrice": 200]]], "tiers"),
                (["cap": 0], "cap"), (["minimumParticipants": 13], "minimumParticipants"),
                (["deadline": "tomorrow"], "deadline"), (["title": "ab"], "title"), (["colour": "red"], "colour"),
                (["productID": 999_999], "productID"),
                (["deadline": clock.now.addingTimeInterval(600).formatted(.iso8601)], "deadline"),
            ] as [([String: Any], String)] {
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/group-buys", method: .post, headers: bearer(token),
                        body: Self.campaign(product, changes, deadline: deadline)),
                    .unprocessableContent, type: "validation", field: field)
            }
            let alice = try await registerAndLogIn(client, "alice")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/group-buys", method: .post, headers: bearer(alice),
                    body: Self.campaign(product, deadline: deadline)),
                .forbidden, type: "forbidden")
            #expect(try await count("group_buys", in: database) == 0)

            let created = try await client.execute(
                uri: "/api/v1/group-buys", method: .post, headers: bearer(token),
                body: Self.campaign(product, deadline: deadline))
            #expect(created.status == .created, "\(created.text)")
            #expect(created.object["currentUnitPrice"] as? Int == 49_900)
            #expect(created.object["missingParticipants"] as? Int == 5)
            let listed = try await client.execute(uri: "/api/v1/group-buys", method: .get)
            #expect((listed.object["items"] as? [Any])?.count == 1)
        }
    }

    @Test(arguments: Backend.allCases)
    func hundredsOfSimultaneousPledgesEndAtTheCapAndRetriesCountOnce(backend: Backend) async throws {
        let clock = TestClock()
        try await withApp(backend, configure: { $0.clock = clock }) { client, database in
            let (token, product) = try await ReviewsAPITests.sellingPartner(client, database, slug: "shop")
            let created = try await client.execute(
                uri: "/api/v1/group-buys", method: .post, headers: bearer(token),
                body: Self.campaign(product, ["cap": 40], deadline: clock.now.addingTimeInterval(86_400)))
            let id = try #require(created.object["id"] as? Int)
            var tokens: [String] = []
            for index in 0..<60 { tokens.append(try await registerAndLogIn(client, "pledger\(index)")) }
            let uri = "/api/v1/group-buys/\(id)/pledge"
            // 60 members × 2 units, each sent 3 times at once with one Idempotency-Key: 20 fit in 40 units.
            let statuses = try await withThrowingTaskGroup(of: HTTPResponse.Status.self) { group in
                for (index, token) in tokens.enumerated() {
                    for _ in 0..<3 {
                        group.addTask {
                            var headers = bearer(token)
                            headers[HTTPField.Name("Idempotency-Key")!] = "pledge-\(index)"
                            return try await client.execute(
                                uri: uri, method: .put, headers: headers, body: json(["quantity": 2])
                            ).status
                        }
                    }
                }
                return try await group.reduce(into: [HTTPResponse.Status]()) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { [.ok, .conflict].contains($0) }, "\(Set(statuses.map(\.code)))")
            let campaign = try await client.execute(uri: "/api/v1/group-buys/\(id)", method: .get)
            #expect(campaign.object["units"] as? Int == 40)
            #expect(campaign.object["participants"] as? Int == 20)
            #expect(try await count("pledges", in: database) == 20)
            #expect(campaign.object["currentUnitPrice"] as? Int == 42_000)
            #expect(try await LedgerStore(database: database).audit() == [])
            // Bad pledges change nothing.
            let late = tokens[59]
            for (body, field) in [(json(["quantity": 0]), "quantity"), (json(["qty": 1]), "qty")] {
                expectProblem(
                    try await client.execute(uri: uri, method: .put, headers: bearer(late), body: body),
                    .unprocessableContent, type: "validation", field: field)
            }
            expectProblem(
                try await client.execute(uri: uri, method: .put, headers: bearer(token), body: json(["quantity": 1])),
                .forbidden, type: "forbidden")
            #expect(try await count("pledges", in: database) == 20)
        }
    }
}

/// Receives webhooks on a loopback port, checks their signature and fails the first `failures` calls.
final class WebhookReceiver: Sendable {
    struct Call: Sendable {
        let event: String
        let delivery: String
        let body: String
        let signed: Bool
    }

    let failures: Int
    let secret = Mutex("")
    let calls = Mutex<[Call]>([])

    init(failing failures: Int) { self.failures = failures }

    func application() -> some ApplicationProtocol {
        let router = Router()
        router.post("hooks") { request, _ -> HTTPResponse.Status in
            let body = String(buffer: try await request.body.collect(upTo: 1 << 20))
            let signed = WebhookSignature.verify(
                header: request.headers[HTTPField.Name("Agora-Signature")!] ?? "", secret: self.secret.withLock { $0 },
                body: body, now: Date(), tolerance: 10 * 365 * 86_400)
            let count = self.calls.withLock { calls in
                calls.append(
                    Call(
                        event: request.headers[HTTPField.Name("Agora-Event")!] ?? "",
                        delivery: request.headers[HTTPField.Name("Agora-Delivery")!] ?? "", body: body, signed: signed))
                return calls.count
            }
            return signed && count > self.failures ? .noContent : .internalServerError
        }
        return Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
    }
}

@Suite struct OrdersAPITests {
    static func offerID(_ database: Database) async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT id FROM offers ORDER BY id LIMIT 1").first()!.decode(column: "id", as: Int.self)
        }
    }

    static func eventually(_ what: String, _ condition: () async throws -> Bool) async throws {
        for _ in 0..<200 {
            if try await condition() { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("never: \(what)")
    }

    @Test(arguments: Backend.allCases)
    func anOrderReachesThePartnerBySignedWebhookEvenWhenItsEndpointFailsAtFirst(backend: Backend) async throws {
        let clock = TestClock()
        let receiver = WebhookReceiver(failing: 2)
        try await receiver.application().test(.live) { hooks in
            let port = try #require(hooks.port)
            try await withApp(
                backend, .live,
                configure: {
                    $0.clock = clock
                    $0.webhookPollInterval = .milliseconds(50)
                    $0.webhooksMayReachPrivateNetworks = true
                }
            ) { client, database in
                let (token, _) = try await ReviewsAPITests.sellingPartner(client, database, slug: "shop")
                let (other, _) = try await ReviewsAPITests.sellingPartner(
                    client, database, slug: "other", gtin: "73513537")
                let set = try await client.execute(
                    uri: "/api/v1/partner/webhook", method: .put, headers: bearer(token),
                    body: json(["url": "http://127.0.0.1:\(port)/hooks"]))
                #expect(set.status == .ok, "\(set.text)")
                #expect(set.headers[.cacheControl] == "no-store")
                receiver.secret.withLock { $0 = set.object["secret"] as? String ?? "" }

                let alice = try await registerAndLogIn(client, "alice")
                let offer = try await Self.offerID(database)
                for (body, status, field) in [
                    (json(["offerID": offer, "quantity": 0]), HTTPResponse.Status.unprocessableContent, "quantity"),
                    (json(["offerID": offer, "quantity": 99]), .unprocessableContent, "quantity"),
                    (json(["offerID": 999_999]), .notFound, nil),
                    (json(["offerID": offer, "dealID": 5]), .unprocessableContent, "dealID"),
                ] as [(ByteBuffer, HTTPResponse.Status, String?)] {
                    let answer = try await client.execute(
                        uri: "/api/v1/orders", method: .post, headers: bearer(alice), body: body)
                    #expect(answer.status == status, "\(answer.text)")
                    if let field { #expect(answer.object["field"] as? String == field) }
                }
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/orders", method: .post, headers: bearer(alice),
                        body: json(["offerID": offer, "quantity": 4])),
                    .conflict, type: "out-of-stock")
                #expect(try await count("orders", in: database) == 0)

                let placed = try await client.execute(
                    uri: "/api/v1/orders", method: .post, headers: bearer(alice),
                    body: json(["offerID": offer, "quantity": 2]))
                #expect(placed.status == .created, "\(placed.text)")
                let order = try #require(placed.object["id"] as? Int)

                // The first two calls fail; the retry 30 s later, then 60 s later, succeeds on the third.
                func attempts() async throws -> Int {
                    try await database.read { sql in
                        try await sql.raw("SELECT attempts FROM webhook_deliveries").first()?
                            .decode(column: "attempts", as: Int.self) ?? 0
                    }
                }
                try await Self.eventually("a first attempt") { try await attempts() == 1 }
                clock.advance(by: 29)
                try await Task.sleep(for: .milliseconds(300))
                #expect(try await attempts() == 1, "not before 30 s")
                clock.advance(by: 2)
                try await Self.eventually("a second attempt") { try await attempts() == 2 }
                clock.advance(by: 61)
                try await Self.eventually("a delivery") { receiver.calls.withLock { $0.count } >= 3 }
                let calls = receiver.calls.withLock { $0 }
                #expect(calls.allSatisfy { $0.signed && $0.event == "order.placed" })
                #expect(Set(calls.map(\.delivery)).count == 1, "one delivery, tried three times")
                #expect(calls.last?.body.contains("\"quantity\":2") == true)
                try await Self.eventually("the delivery recorded") {
                    let page = try await client.execute(
                        uri: "/api/v1/partner/webhook/deliveries", method: .get, headers: bearer(token))
                    let item = (page.object["items"] as? [[String: Any]])?.first
                    return item?["status"] as? String == "delivered" && (item?["attempts"] as? [Any])?.count == 3
                }

                // Another partner can neither replay the partner's deliveries nor see or move its order.
                let delivery = try await database.read { sql in
                    try await sql.raw("SELECT id FROM webhook_deliveries").first()!.decode(column: "id", as: Int.self)
                }
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/partner/webhook/deliveries/\(delivery)/replay", method: .post,
                        headers: bearer(other)),
                    .notFound, type: "not-found")
                for step in ["acknowledge", "ship"] {
                    expectProblem(
                        try await client.execute(
                            uri: "/api/v1/partner/orders/\(order)/\(step)", method: .post, headers: bearer(other)),
                        .notFound, type: "not-found")
                }
                let bob = try await registerAndLogIn(client, "bob")
                expectProblem(
                    try await client.execute(uri: "/api/v1/orders/\(order)", method: .get, headers: bearer(bob)),
                    .notFound, type: "not-found")
                for step in ["acknowledge", "ship", "deliver"] {
                    let moved = try await client.execute(
                        uri: "/api/v1/partner/orders/\(order)/\(step)", method: .post, headers: bearer(token))
                    #expect(moved.status == .ok, "\(moved.text)")
                }
                let seen = try await client.execute(
                    uri: "/api/v1/orders/\(order)", method: .get, headers: bearer(alice))
                #expect(
                    (seen.object["timeline"] as? [[String: Any]])?.compactMap { $0["status"] as? String } == [
                        "placed", "acknowledged", "shipped", "delivered",
                    ])
                #expect(seen.object["paid"] as? Bool == true)
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/orders/\(order)/cancel", method: .post, headers: bearer(alice)),
                    .conflict, type: "order-step")

                let statement = try await client.execute(
                    uri: "/api/v1/partner/statement", method: .get, headers: bearer(token))
                #expect(statement.status == .ok, "\(statement.text)")
                let sales = (statement.object["sales"] as? [String: Any])?["amount"] as? Int
                let commission = (statement.object["commission"] as? [String: Any])?["amount"] as? Int
                #expect(sales == 2 * 49_900)
                #expect(commission == OrderTerms.share(Int64(2 * 49_900), bps: 500).asInt)
                let csv = try await client.execute(
                    uri: "/api/v1/partner/statement?format=csv", method: .get, headers: bearer(token))
                #expect(csv.headers[.contentType]?.hasPrefix("text/csv") == true)
                #expect(csv.text.hasPrefix("date,transfer,reason,order"))
                #expect(csv.text.contains(",sale,\(order),") && csv.text.contains(",commission,\(order),"))
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/partner/statement?from=2026-13-01", method: .get, headers: bearer(token)),
                    .unprocessableContent, type: "validation", field: "from")
                expectProblem(
                    try await client.execute(uri: "/api/v1/admin/journal", method: .get, headers: bearer(alice)),
                    .forbidden, type: "forbidden")
                let staff = try await DealsAPITests.staffToken(client, database)
                let audit = try await client.execute(uri: "/api/v1/admin/ledger", method: .get, headers: bearer(staff))
                #expect((audit.object["problems"] as? [Any])?.isEmpty == true, "\(audit.text)")
                let journal = try await client.execute(
                    uri: "/api/v1/admin/journal", method: .get, headers: bearer(staff))
                #expect(((journal.object["items"] as? [Any])?.count ?? 0) >= 4)
            }
        }
    }

    @Test func webhookEndpointsMustBePublicHTTPSByDefault() async throws {
        try await withApp(.sqlite) { client, database in
            let (token, _) = try await ReviewsAPITests.sellingPartner(client, database, slug: "shop")
            for url in ["http://shop.example/h", "https://127.0.0.1/h", "https://10.0.0.2/h", "nope"] {
                let answer = try await client.execute(
                    uri: "/api/v1/partner/webhook", method: .put, headers: bearer(token), body: json(["url": url]))
                expectProblem(answer, .unprocessableContent, type: "validation", field: "url")
            }
            let alice = try await registerAndLogIn(client, "alice")
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/partner/webhook", method: .put, headers: bearer(alice),
                    body: json(["url": "https://shop.example/h"])),
                .forbidden, type: "forbidden")
            let shown = try await client.execute(uri: "/api/v1/partner/webhook", method: .get, headers: bearer(token))
            #expect(shown.object["url"] is NSNull || shown.object["url"] == nil)
        }
    }
}

@Suite struct SettlementAPITests {
    @Test(arguments: Backend.allCases)
    func theJobSettlesDueCampaignsAndTellsEveryone(backend: Backend) async throws {
        let clock = TestClock()
        let receiver = WebhookReceiver(failing: 0)
        try await receiver.application().test(.live) { hooks in
            let port = try #require(hooks.port)
            try await withApp(
                backend, .live,
                configure: {
                    $0.clock = clock
                    $0.commerceJobInterval = .milliseconds(50)
                    $0.webhookPollInterval = .milliseconds(50)
                    $0.webhooksMayReachPrivateNetworks = true
                    $0.sessionLifetime = 400 * 86_400
                }
            ) { client, database in
                let (token, product) = try await ReviewsAPITests.sellingPartner(client, database, slug: "shop")
                let set = try await client.execute(
                    uri: "/api/v1/partner/webhook", method: .put, headers: bearer(token),
                    body: json(["url": "http://127.0.0.1:\(port)/hooks"]))
                receiver.secret.withLock { $0 = set.object["secret"] as? String ?? "" }
                // Members ask for it first; the partner sees the demand and answers with a campaign.
                let carol = try await registerAndLogIn(client, "carol")
                let proposed = try await client.execute(
                    uri: "/api/v1/group-buy-proposals", method: .post, headers: bearer(carol),
                    body: json(["productID": product, "targetPrice": 40_000, "quantity": 1, "note": "À plusieurs !"]))
                #expect(proposed.status == .created, "\(proposed.text)")
                let proposal = try #require(proposed.object["id"] as? Int)
                let dave = try await registerAndLogIn(client, "dave")
                _ = try await client.execute(
                    uri: "/api/v1/group-buy-proposals/\(proposal)/support", method: .put, headers: bearer(dave),
                    body: json(["targetPrice": 45_000, "quantity": 2]))
                let demand = try await client.execute(
                    uri: "/api/v1/partner/demand", method: .get, headers: bearer(token))
                let wanted = (demand.object["items"] as? [[String: Any]])?.first
                #expect(wanted?["supporters"] as? Int == 2 && wanted?["units"] as? Int == 3, "\(demand.text)")
                let created = try await client.execute(
                    uri: "/api/v1/group-buys", method: .post, headers: bearer(token),
                    body: GroupBuysAPITests.campaign(
                        product, ["proposalID": proposal, "minimumParticipants": 2],
                        deadline: clock.now.addingTimeInterval(86_400)))
                #expect(created.status == .created, "\(created.text)")
                let id = try #require(created.object["id"] as? Int)
                let (other, _) = try await ReviewsAPITests.sellingPartner(
                    client, database, slug: "other", gtin: "73513537")
                expectProblem(
                    try await client.execute(
                        uri: "/api/v1/group-buys/\(id)/cancel", method: .post, headers: bearer(other)),
                    .notFound, type: "not-found")
                let notified = try await database.read { sql in
                    try await sql.raw("SELECT COUNT(*) AS n FROM notifications WHERE kind = 'groupBuyOpened'").first()!
                        .decode(column: "n", as: Int.self)
                }
                #expect(notified == 2, "both supporters are told")
                for member in [carol, dave] {
                    let pledged = try await client.execute(
                        uri: "/api/v1/group-buys/\(id)/pledge", method: .put, headers: bearer(member),
                        body: json(["quantity": 1]))
                    #expect(pledged.status == .ok, "\(pledged.text)")
                }
                clock.advance(by: 86_401)
                try await OrdersAPITests.eventually("the settlement") {
                    let campaign = try await client.execute(uri: "/api/v1/group-buys/\(id)", method: .get)
                    return campaign.object["status"] as? String == "succeeded"
                }
                let mine = try await client.execute(uri: "/api/v1/me/orders", method: .get, headers: bearer(carol))
                let order = (mine.object["items"] as? [[String: Any]])?.first
                #expect(order?["source"] as? String == "group_buy")
                #expect((order?["unitPrice"] as? [String: Any])?["amount"] as? Int == 49_900)
                try await OrdersAPITests.eventually("group_buy.succeeded reached the partner") {
                    receiver.calls.withLock { $0.contains { $0.event == "group_buy.succeeded" && $0.signed } }
                }
                let ledger = try await client.execute(
                    uri: "/api/v1/admin/ledger", method: .get,
                    headers: bearer(try await DealsAPITests.staffToken(client, database)))
                #expect((ledger.object["problems"] as? [Any])?.isEmpty == true, "\(ledger.text)")
                // The proposer is rewarded for the others' orders once their return window has closed.
                let sold = try await client.execute(uri: "/api/v1/partner/orders", method: .get, headers: bearer(token))
                let orderIDs = (sold.object["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? Int }
                #expect(orderIDs.count == 2)
                for orderID in orderIDs {
                    for step in ["acknowledge", "ship", "deliver"] {
                        let moved = try await client.execute(
                            uri: "/api/v1/partner/orders/\(orderID)/\(step)", method: .post, headers: bearer(token))
                        #expect(moved.status == .ok, "\(moved.text)")
                    }
                }
                clock.advance(by: 15 * 86_400)
                try await OrdersAPITests.eventually("a vested reward") {
                    let rewards = try await client.execute(
                        uri: "/api/v1/me/rewards", method: .get, headers: bearer(carol))
                    return ((rewards.object["available"] as? [String: Any])?["amount"] as? Int ?? 0) > 0
                }
            }
        }
    }
}

extension Int64 {
    var asInt: Int { Int(self) }
}
