import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import Testing

@testable import AgoraWeb

/// Group buys, orders and the partner's pages as a browser without JavaScript uses them.
@Suite struct CommercePagesTests {
    /// A partner "shop" selling one product (499,00 €, 3 in stock), and its member `vendeur` signed in.
    static func shopWithItsMember(_ client: any TestClientProtocol, _ database: Database) async throws -> (
        token: String, product: Int, seller: PagesTests.Browser
    ) {
        let (token, product) = try await ReviewsAPITests.sellingPartner(client, database, slug: "shop")
        try await registerAndLogIn(client, "vendeur")
        let attached = try await client.execute(
            uri: "/api/v1/partners/shop/members", method: .post,
            headers: bearer(try await DealsAPITests.staffToken(client, database)), body: json(["handle": "vendeur"]))
        #expect(attached.status == .ok || attached.status == .created, "\(attached.text)")
        return (token, product, try await signedIn(client, "vendeur"))
    }

    static func signedIn(_ client: any TestClientProtocol, _ handle: String) async throws -> PagesTests.Browser {
        if try await client.execute(
            uri: "/api/v1/sessions", method: .post, headers: jsonHeaders,
            body: json(["login": handle, "password": "password-\(handle)"])
        ).status != .created {
            try await registerAndLogIn(client, handle)
        }
        let browser = PagesTests.Browser(client)
        try await DealCommunityPagesTests.logIn(browser, handle)
        return browser
    }

    static func id(in location: String?, after prefix: String) throws -> Int {
        try #require(location.flatMap { Int($0.dropFirst(prefix.count).prefix { $0.isNumber }) }, "\(location ?? "")")
    }

    @Test func aMemberPledgesThroughTheFormAndABadQuantityChangesNothing() async throws {
        let clock = TestClock()
        try await withApp(configure: { $0.clock = clock }) { client, database in
            let (token, product, _) = try await Self.shopWithItsMember(client, database)
            let created = try await client.execute(
                uri: "/api/v1/group-buys", method: .post, headers: bearer(token),
                body: GroupBuysAPITests.campaign(
                    product, ["title": "Téléphones <script>groupés"], deadline: clock.now.addingTimeInterval(3 * 86_400)
                ))
            let id = try #require(created.object["id"] as? Int, "\(created.text)")
            let alice = try await Self.signedIn(client, "alice")

            let list = try await alice.get("/group-buys")
            #expect(list.status == .ok && list.text.contains("/group-buys/\(id)"))
            #expect(
                list.text.contains("Téléphones &lt;script&gt;groupés") && !list.text.contains("<script>groupés"),
                "output is escaped")
            #expect(list.text.contains("/group-buys?status=all"))
            let page = try await alice.get("/group-buys/\(id)")
            #expect(page.status == .ok && page.text.contains(#"data-live-topics="group-buys/\#(id),notifications""#))
            #expect(
                page.text.contains("Unités : 0 sur 12") && page.text.contains("Encore 5 participants pour débloquer"))
            #expect(page.text.contains(#"<progress max="12" value="0""#))
            #expect(page.text.contains("data-deadline=") && page.text.contains(">3 j 0 h</time>"), "the countdown")
            #expect(page.text.contains(#"aria-current="true""#), "the current tier is marked")

            for typed in ["5", "zéro", "0"] {
                let refused = try await alice.post("/group-buys/\(id)/pledge", ["quantity": typed])
                #expect(refused.status == .unprocessableContent, "\(typed)")
                #expect(
                    refused.text.contains(#"id="quantity-error""#) && refused.text.contains("Quantité hors des limites")
                )
                #expect(refused.text.contains(#"value="\#(typed)""#), "what was typed stays")
            }
            #expect(try await count("pledges", in: database) == 0)

            let pledged = try await alice.post("/group-buys/\(id)/pledge", ["quantity": "2"])
            #expect(pledged.status == .seeOther && pledged.headers[.location] == "/group-buys/\(id)#pledge")
            let after = try await alice.get("/group-buys/\(id)")
            #expect(after.text.contains(#"data-testid="my-pledge""#) && after.text.contains("Vous participez pour 2"))
            #expect(after.text.contains("Unités : 2 sur 12") && after.text.contains("Participants : 1 (minimum 3)"))
            #expect(after.text.contains("Encore 4 participants") && after.text.contains(#"value="2""#))
            #expect(after.text.contains("/group-buys/\(id)/leave"))

            // The partner's own member sees no pledge form but may cancel; in English, for everyone.
            _ = try await alice.post("/language", ["language": "en", "returnTo": "/group-buys/\(id)"])
            let english = try await alice.get("/group-buys/\(id)")
            #expect(english.text.contains(#"<html lang="en">"#) && english.text.contains("Units: 2 of 12"))
            #expect(english.text.contains("4 more participants to unlock €420.00") && english.text.contains("3 d 0 h"))
            #expect(try await alice.post("/group-buys/\(id)/leave", [:]).status == .seeOther)
            #expect(try await count("pledges", in: database) == 0)
            #expect(try await alice.post("/group-buys/\(id)/cancel", [:]).status == .forbidden)
        }
    }

    @Test func aMemberBuysFromTheProductPageAndThePartnerMovesTheOrderThroughItsSteps() async throws {
        try await withApp { client, database in
            let (_, product, seller) = try await Self.shopWithItsMember(client, database)
            let alice = try await Self.signedIn(client, "alice")
            let productPage = try await alice.get("/products/\(product)")
            #expect(
                productPage.text.contains(#"action="/orders/new""#) && productPage.text.contains(#"name="offerID""#))
            let offer = try await OrdersAPITests.offerID(database)

            let refused = try await alice.post("/orders/new", ["offerID": "\(offer)", "quantity": "0"])
            #expect(refused.status == .unprocessableContent && refused.text.contains(#"id="order-quantity-error""#))
            #expect(refused.text.contains("Entre 1 et 20 unités par commande.") && refused.text.contains(#"value="0""#))
            let tooMany = try await alice.post("/orders/new", ["offerID": "\(offer)", "quantity": "4"])
            #expect(tooMany.status == .conflict && tooMany.text.contains("plus assez de stock"))
            #expect(try await count("orders", in: database) == 0)

            let placed = try await alice.post("/orders/new", ["offerID": "\(offer)", "quantity": "1"])
            #expect(placed.status == .seeOther, "\(placed.text)")
            let order = try Self.id(in: placed.headers[.location], after: "/orders/")
            let page = try await alice.get("/orders/\(order)")
            #expect(page.status == .ok && page.text.contains("Commande n° \(order)"))
            #expect(page.text.contains("Paiement au partenaire à la livraison") && page.text.contains("499,00"))
            #expect(page.text.contains(#"data-testid="timeline""#) && page.text.contains("passée"))
            #expect(page.text.contains("/orders/\(order)/cancel"), "the member may cancel while it is placed")
            #expect(try await alice.get("/me/orders").text.contains("/orders/\(order)"))

            #expect(try await Self.signedIn(client, "bruno").get("/orders/\(order)").status == .notFound)
            #expect(try await PagesTests.Browser(client).get("/orders/\(order)").status == .seeOther)
            #expect(try await alice.get("/partner/orders").status == .forbidden)

            let orders = try await seller.get("/partner/orders")
            #expect(orders.status == .ok && orders.text.contains("@alice"))
            #expect(orders.text.contains("/partner/orders/\(order)/acknowledge"))
            #expect(!orders.text.contains("/partner/orders/\(order)/ship"), "only the steps allowed now")
            for step in ["acknowledge", "ship", "deliver"] {
                let moved = try await seller.post("/partner/orders/\(order)/\(step)", [:])
                #expect(moved.status == .seeOther && moved.headers[.location] == "/partner/orders#order-\(order)")
            }
            #expect(try await seller.post("/partner/orders/\(order)/ship", [:]).status == .conflict)
            let refundable = try await seller.get("/orders/\(order)")
            #expect(refundable.text.contains("/partner/orders/\(order)/refund") && refundable.text.contains("@alice"))

            let delivered = try await alice.get("/orders/\(order)").text
            let steps = ["passée", "acceptée par le partenaire", "expédiée", "livrée"].compactMap {
                delivered.range(of: "<strong>\($0)</strong>")?.lowerBound
            }
            #expect(steps.count == 4 && steps == steps.sorted(), "each step with its time, in order")
            #expect(!delivered.contains("/orders/\(order)/cancel"))
            let notifications = try await alice.get("/notifications")
            #expect(
                notifications.text.contains("Votre commande n° \(order) : livrée.")
                    && notifications.text.contains(
                        #"href="/orders/\#(order)""#)
            )
            let rewards = try await alice.get("/me/rewards")
            #expect(rewards.status == .ok && rewards.text.contains(#"data-testid="wallet""#))

            // A deal that points to the offer has its own "Buy" form, which carries the deal.
            let deal = try await DealsAPITests.publish(
                client, database, try await logIn(client, "bruno"),
                DealsAPITests.deal("Téléphone Éco à prix doux", ["offerID": offer]))
            let dealPage = try await alice.get("/deals/\(deal)")
            #expect(
                dealPage.text.contains(#"id="buy-form""#) && dealPage.text.contains(#"name="dealID" value="\#(deal)""#))
            let fromDeal = try await alice.post(
                "/orders/new", ["offerID": "\(offer)", "dealID": "\(deal)", "quantity": "1"])
            let second = try Self.id(in: fromDeal.headers[.location], after: "/orders/")
            #expect(try await alice.get("/orders/\(second)").text.contains("/deals/\(deal)"))
        }
    }

    @Test func thePartnerSetsItsWebhookSeesTheSecretOnceAndReadsItsStatement() async throws {
        try await withApp(configure: { $0.webhooksMayReachPrivateNetworks = true }) { client, database in
            let (_, _, seller) = try await Self.shopWithItsMember(client, database)
            let empty = try await seller.get("/partner/webhooks")
            #expect(empty.status == .ok && empty.text.contains("Agora-Signature") && !empty.text.contains("whsec_"))

            let refused = try await seller.post("/partner/webhooks", ["url": "ftp://shop.example/hooks"])
            #expect(refused.status == .unprocessableContent && refused.text.contains(#"id="webhook-url-error""#))
            #expect(refused.text.contains(#"value="ftp://shop.example/hooks""#))
            let set = try await seller.post("/partner/webhooks", ["url": "http://127.0.0.1:9/hooks"])
            #expect(set.status == .ok && set.text.contains(#"data-testid="webhook-secret""#))
            #expect(set.text.contains("whsec_") && set.headers[.cacheControl] == "no-store")
            let again = try await seller.get("/partner/webhooks")
            #expect(!again.text.contains("whsec_") && again.text.contains("http://127.0.0.1:9/hooks"), "shown once")

            let alice = try await Self.signedIn(client, "alice")
            #expect(try await alice.get("/partner/webhooks").status == .forbidden)
            let offer = try await OrdersAPITests.offerID(database)
            let placed = try await alice.post("/orders/new", ["offerID": "\(offer)", "quantity": "1"])
            let order = try Self.id(in: placed.headers[.location], after: "/orders/")
            for step in ["acknowledge", "ship", "deliver"] {
                #expect(try await seller.post("/partner/orders/\(order)/\(step)", [:]).status == .seeOther)
            }
            let deliveries = try await seller.get("/partner/webhooks")
            #expect(deliveries.text.contains("order.placed") && deliveries.text.contains("/replay"))
            let delivery = try #require(
                try await WebhookStore(database: database).deliveries(
                    of: PartnerID(
                        Int64(try await ReviewsAPITests.partnerID("shop", database)))
                ).first)
            let replayed = try await seller.post("/partner/webhooks/deliveries/\(delivery.id)/replay", [:])
            #expect(replayed.status == .seeOther)

            let statement = try await seller.get("/partner/statement")
            #expect(statement.status == .ok && statement.text.contains(#"data-testid="statement-totals""#))
            #expect(statement.text.contains("Ventes") && statement.text.contains("499,00"), "\(statement.text)")
            #expect(statement.text.contains("474,05"), "net of the 5 % commission")
            let csvLink = try #require(
                statement.text.firstMatch(of: #/href="(/api/v1/partner/statement\?format=csv[^"]*)"/#)?.1)
            let csv = try await seller.get(String(csvLink).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(csv.status == .ok && csv.headers[.contentType]?.hasPrefix("text/csv") == true)
            #expect(csv.text.contains("sale") && csv.text.contains("49900"))
            let badPeriod = try await seller.get("/partner/statement?from=2026-13-01")
            #expect(badPeriod.status == .unprocessableContent && badPeriod.text.contains(#"data-testid="form-error""#))

            _ = try await seller.post("/language", ["language": "en", "returnTo": "/partner/statement"])
            let english = try await seller.get("/partner/statement")
            #expect(
                english.text.contains("Sales") && english.text.contains("Download CSV")
                    && english.text.contains("€499.00"))
            let removed = try await seller.post("/partner/webhooks/remove", [:])
            #expect(removed.status == .seeOther)
            #expect(try await WebhookStore(database: database).endpoint(of: delivery.partnerID) == nil)
        }
    }

    @Test func membersProposeThePartnerAnswersFromItsDemandAndStaffReadTheJournal() async throws {
        let clock = TestClock()
        try await withApp(configure: { $0.clock = clock }) { client, database in
            let (_, product, seller) = try await Self.shopWithItsMember(client, database)
            let alice = try await Self.signedIn(client, "alice")
            #expect(try await alice.get("/products/\(product)").text.contains("/group-buys?product=\(product)#propose"))
            let form = try await alice.get("/group-buys?product=\(product)")
            #expect(form.text.contains(#"id="propose-form""#) && form.text.contains(#"value="\#(product)""#))
            let refused = try await alice.post(
                "/group-buy-proposals", ["productID": "\(product)", "targetPrice": "beaucoup", "quantity": "1"])
            #expect(refused.status == .unprocessableContent && refused.text.contains(#"id="propose-target-error""#))
            #expect(refused.text.contains(#"value="beaucoup""#))
            #expect(try await count("group_buy_proposals", in: database) == 0)
            let proposed = try await alice.post(
                "/group-buy-proposals", ["productID": "\(product)", "targetPrice": "399,90", "quantity": "2"])
            #expect(proposed.status == .seeOther, "\(proposed.text)")
            let proposal = try #require(try await GroupBuyStore(database: database).proposals().first)
            let bruno = try await Self.signedIn(client, "bruno")
            let supported = try await bruno.post(
                "/group-buy-proposals/\(proposal.id)/support", ["targetPrice": "420", "quantity": "1"])
            #expect(supported.status == .seeOther)

            let demand = try await seller.get("/partner/demand")
            #expect(demand.status == .ok && demand.text.contains("/partner/group-buys/new?proposal=\(proposal.id)"))
            #expect(demand.text.contains("399,90"), "the lowest target price")
            let campaignForm = try await seller.get("/partner/group-buys/new?proposal=\(proposal.id)")
            #expect(campaignForm.text.contains(#"name="proposalID" value="\#(proposal.id)""#))
            #expect(campaignForm.text.contains(#"<option value="\#(product)" selected>"#))
            var fields = [
                "productID": "\(product)", "proposalID": "\(proposal.id)", "title": "Téléphones pour la demande",
                "description": "", "tier1Participants": "1", "tier1Price": "450", "tier2Participants": "3",
                "tier2Price": "460", "minimumParticipants": "2", "cap": "10", "perMemberMaximum": "2",
                "deadline": GroupBuyFormPages.localDateTime(clock.now.addingTimeInterval(2 * 86_400)),
            ]
            let badTiers = try await seller.post("/partner/group-buys/new", fields)
            #expect(badTiers.status == .unprocessableContent && badTiers.text.contains(#"id="tiers-error""#))
            #expect(badTiers.text.contains(#"value="460""#) && badTiers.text.contains("coûte moins"))
            #expect(try await count("group_buys", in: database) == 0)
            fields["tier2Price"] = "399,90"
            let opened = try await seller.post("/partner/group-buys/new", fields)
            #expect(opened.status == .seeOther, "\(opened.text)")
            let campaign = try Self.id(in: opened.headers[.location], after: "/group-buys/")
            let notified = try await bruno.get("/notifications")
            #expect(notified.text.contains(#"href="/group-buys/\#(campaign)""#) && notified.text.contains("est ouvert"))

            let page = try await seller.get("/group-buys/\(campaign)")
            #expect(page.text.contains(#"id="cancel-form""#) && !page.text.contains(#"id="pledge-form""#))
            #expect(try await alice.post("/group-buys/\(campaign)/pledge", ["quantity": "1"]).status == .seeOther)
            #expect(try await seller.post("/group-buys/\(campaign)/cancel", [:]).status == .seeOther)
            let cancelled = try await alice.get("/group-buys/\(campaign)")
            #expect(cancelled.text.contains("annulé") && !cancelled.text.contains(#"id="pledge-form""#))
            let told = try await alice.get("/notifications")
            #expect(told.text.contains("Achat groupé « Téléphones pour la demande » : annulé."))
            #expect(
                try await LedgerStore(database: database).balance(
                    .customer(try #require(try await MemberStore(database: database).member(handle: "alice")).id),
                    currency: "EUR"
                ).debitsPending == 0, "the hold is released")
            #expect(try await alice.get("/group-buys?status=all").text.contains("/group-buys/\(campaign)"))

            #expect(try await alice.get("/admin/journal").status == .forbidden)
            let staff = try await Self.signedIn(client, "moderator")
            let journal = try await staff.get("/admin/journal")
            #expect(journal.status == .ok && journal.text.contains("Les comptes sont équilibrés."))
        }
    }
}
