import AgoraDomain
import AgoraStore
import Foundation
import HummingbirdBcrypt
import SQLKit

/// The deal community of the demo: members who joined months ago, and deals of the last 30 days on
/// the catalog's products, voted, commented, liked, followed, reported and moderated.
///
/// The regular set goes through the stores, rule by rule, as members would (approval of first
/// deals, vote limits, notifications). The large set, for benchmarks, writes 100,000 deals and
/// 2,000,000 votes in bulk, with temperatures and hot scores computed by the same rules.
enum DemoDeals {
    /// Community members share one password, printed with the demo logins.
    static let communityPassword = "demo-password-community"

    static func fill(_ database: Database, clock: DemoData.DemoClock, size: Demo.Size) async throws {
        let now = clock.now.addingTimeInterval(86_400)  // the catalog's clock stops a day before today
        var random = DemoCatalogData.SplitMix64(seed: 0x4445_414C_5321)
        // Members who joined half a year ago: their votes weigh fully.
        clock.set(now.addingTimeInterval(-200 * 86_400))
        let members = try await community(database, count: size == .large ? 2_000 : 40)
        let targets = try await offers(database, limit: size == .large ? 20_000 : 2_000)
        switch size {
        case .regular:
            try await fillRegular(database, clock: clock, now: now, members: members, offers: targets, random: &random)
        case .large:
            try await fillLarge(database, now: now, members: members, offers: targets, random: &random)
        }
        clock.set(now)
    }

    private static let firstNames = [
        "lea", "hugo", "manon", "lucas", "camille", "nathan", "ines", "louis", "jade", "gabriel", "emma", "arthur",
        "zoe", "jules", "lina", "adam", "chloe", "noah", "sarah", "ethan", "olivia", "liam", "amelia", "oscar",
    ]

    /// Registers `count` community members (handles like `lea_3`), all with `communityPassword`.
    private static func community(_ database: Database, count: Int) async throws -> [Member] {
        let store = MemberStore(database: database)
        let hash = Bcrypt.hash(communityPassword, cost: 10)
        var members: [Member] = []
        for index in 0..<count {
            let handle = "\(firstNames[index % firstNames.count])_\(index / firstNames.count + 1)"
            members.append(
                try await store.register(
                    .init(
                        handle: handle, email: "\(handle)@demo.agora.test", passwordHash: hash,
                        language: index % 3 == 2 ? .en : .fr)))
        }
        return members
    }

    /// An offer of the catalog a deal can point to.
    struct Target {
        let offerID: Int64
        let productID: Int64
        let productName: String
        let partnerSlug: String
        let categoryID: Int64
        let categorySlug: String
        let totalMinor: Int64
        let url: String
    }

    private static func offers(_ database: Database, limit: Int) async throws -> [Target] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT offers.id, offers.product_id, products.name, partners.slug AS partner, products.category_id,
                       categories.slug AS category, offers.price_minor + offers.shipping_minor AS total, offers.url
                FROM offers JOIN products ON products.id = offers.product_id
                JOIN partners ON partners.id = offers.partner_id
                JOIN categories ON categories.id = products.category_id
                WHERE offers.stock > 0 ORDER BY offers.id LIMIT \(literal: limit)
                """
            ).all().map { row in
                Target(
                    offerID: try row.decode(column: "id", as: Int64.self),
                    productID: try row.decode(column: "product_id", as: Int64.self),
                    productName: try row.decode(column: "name", as: String.self),
                    partnerSlug: try row.decode(column: "partner", as: String.self),
                    categoryID: try row.decode(column: "category_id", as: Int64.self),
                    categorySlug: try row.decode(column: "category", as: String.self),
                    totalMinor: try row.decode(column: "total", as: Int64.self),
                    url: try row.decode(column: "url", as: String.self))
            }
        }
    }

    static let localDeals: [(title: String, merchant: String, city: String, price: String)] = [
        ("Paniers de légumes bio à moitié prix le samedi", "Marché de la Croix-Rousse", "Lyon", "6"),
        ("Atelier de réparation de vélos gratuit", "La Cyclerie", "Paris", "0"),
        ("Fromages AOP : le deuxième à −50 %", "Fromagerie du Vieux-Port", "Marseille", "12,90"),
        ("Pain au levain de la veille à 1 €", "Boulangerie des Chartrons", "Bordeaux", "1"),
        ("Second-hand winter coats, any size", "Emmaüs Lille", "Lille", "15"),
    ]

    static let comments = [
        "Merci, commandé !", "Attention, la livraison est payante sous 25 €.", "Déjà vu moins cher le mois dernier.",
        "Super qualité, je recommande.", "Thanks, great find!", "Still works this morning.",
        "Le code ne passe plus chez moi.", "Bon plan pour les étudiants.", "Is it available in stores too?",
        "J'ai le même depuis un an, aucun souci.", "Prix correct sans plus.", "Stock épuisé en magasin à Lyon.",
    ]

    private static func fillRegular(
        _ database: Database, clock: DemoData.DemoClock, now: Date, members: [Member], offers: [Target],
        random: inout DemoCatalogData.SplitMix64
    ) async throws {
        let deals = DealStore(database: database)
        let memberStore = MemberStore(database: database)
        let staff = try await memberStore.member(handle: "equipe")!
        let voters =
            members + [try await memberStore.member(handle: "bruno")!, try await memberStore.member(handle: "chloe")!]
        let alice = try await memberStore.member(handle: "alice")!
        let follows = FollowStore(database: database)
        for (kind, target) in [(FollowKind.keyword, "vélo"), (.category, "telephones"), (.merchant, "maison-verte")] {
            _ = try await follows.follow(kind, target, by: alice.id)
        }
        _ = try await follows.follow(.keyword, "bio", by: voters[0].id)
        let moderation = ModerationStore(database: database)
        let commentStore = CommentStore(database: database)
        let count = 300
        clock.set(now.addingTimeInterval(-30 * 86_400))
        let step = 30 * 86_400 / Double(count)
        var published: [DealID] = []
        for index in 0..<count {
            clock.advance(seconds: step * (0.5 + Double(random.next() % 100) / 100))
            let author = index % 11 == 0 ? alice : members[Int(random.next() % UInt64(members.count))]
            var fields: [String: String]
            if index % 23 == 0 {
                let local = localDeals[(index / 23) % localDeals.count]
                fields = [
                    "title": local.title, "merchant": local.merchant, "city": local.city, "price": local.price,
                    "kind": local.price == "0" ? "freebie" : "deal",
                ]
            } else {
                let target = offers[Int(random.next() % UInt64(offers.count))]
                let percent = 10 + Int(random.next() % 40)
                let price = max(99, target.totalMinor * Int64(100 - percent) / 100 / 10 * 10 - 1)
                fields = [
                    "title": "\(target.productName) à −\(percent) %", "partner": target.partnerSlug,
                    "productID": String(target.productID), "offerID": String(target.offerID),
                    "category": target.categorySlug,
                    "price": Money(minorUnits: price, currency: "EUR").decimalText, "shipping": "0",
                    "referencePrice": Money(minorUnits: target.totalMinor, currency: "EUR").decimalText,
                    "url": target.url,
                ]
                if index % 7 == 0 {
                    fields["kind"] = "voucher"
                    fields["promoCode"] = "AGORA\(10 + index % 40)"
                }
            }
            if index % 3 == 0 {
                fields["endsAt"] = clock.now.addingTimeInterval(Double(1 + random.next() % 20) * 86_400)
                    .formatted(.iso8601)
            }
            let posted = try await deals.post(try DealInput(fields: fields, now: clock.now), by: author).deal
            // The last few stay in the staff queue, waiting for approval.
            if posted.status == .pending {
                guard index < count - 20 else { continue }
                _ = try await moderation.decide(.restore, deal: posted.id, note: nil, by: staff)
            }
            published.append(posted.id)
            // Votes: most deals draw a few, some catch fire.
            let appeal = Double(random.next() % 1000) / 1000
            let votes = Int(appeal * appeal * appeal * 40)
            let start = Int(random.next() % UInt64(voters.count))
            for offset in 0..<min(votes, voters.count) {
                let voter = voters[(start + offset) % voters.count]
                guard voter.id != author.id else { continue }
                let direction: VoteDirection = random.next() % 100 < UInt64(55 + appeal * 40) ? .hot : .cold
                _ = try? await deals.vote(direction, on: posted.id, by: voter)
            }
            for reply in 0..<Int(random.next() % 4) {
                let commenter = voters[Int(random.next() % UInt64(voters.count))]
                let text = comments[Int(random.next() % UInt64(comments.count))]
                _ = try await commentStore.post(
                    reply == 1 ? "@\(author.handle) \(text)" : text, on: posted.id, replyingTo: nil, by: commenter)
            }
        }
        // Members report some deals expired, and flag a couple for staff.
        for id in published.suffix(40).prefix(3) {
            for reporter in voters.prefix(Moderation.expiryReportsToExpire) {
                _ = try? await moderation.flag(.deal(id), reason: .expired, note: nil, by: reporter)
            }
        }
        for (id, reason) in [
            (published[published.count - 5], Moderation.FlagReason.wrongPrice),
            (published[published.count - 9], .duplicate),
        ] {
            _ = try? await moderation.flag(.deal(id), reason: reason, note: "Vu ailleurs", by: voters[3])
        }
    }

    private static func fillLarge(
        _ database: Database, now: Date, members: [Member], offers: [Target], random: inout DemoCatalogData.SplitMix64
    ) async throws {
        let dealCount = 100_000
        let votesPerDeal = 40  // at most; 20 on average: 2,000,000 votes
        let steps: [Int] = [7, 11, 13, 17, 19, 23, 29, 31]  // coprime with 2,000: a deal's voters are distinct
        let start = now.addingTimeInterval(-30 * 86_400).millisecondsSince1970
        let span = Int64(30 * 86_400_000)
        let batch = 1_000
        var voteTotal = 0
        for first in stride(from: 0, to: dealCount, by: batch) {
            let indices = first..<min(first + batch, dealCount)
            // How many votes each deal draws, how many hot, and from which members.
            let draws = indices.map { _ in
                let votes = Int(random.next() % UInt64(votesPerDeal + 1))
                let hot = votes == 0 ? 0 : Int(random.next() % UInt64(votes + 1))
                return (votes: votes, hot: hot, voterStart: Int(random.next() % UInt64(members.count)))
            }
            voteTotal += try await database.write { tx in
                var dealRows: [SQLQueryString] = []
                var plans: [(votes: Int, start: Int, step: Int, hot: Int)] = []
                let nextID =
                    try await tx.sql.raw("SELECT COALESCE(MAX(id), 0) + 1 AS next FROM deals").first()!
                    .decode(column: "next", as: Int64.self)
                for (index, draw) in zip(indices, draws) {
                    let target = offers[index % offers.count]
                    let author = members[index % members.count]
                    let posted = start + span * Int64(index) / Int64(dealCount)
                    let (votes, hot, voterStart) = draw
                    let step = steps[index % steps.count]
                    // Voters skip the author, so the count of votes is the count of voters but the author.
                    let castBy = (0..<votes).map { members[(voterStart + $0 * step) % members.count].id }
                    let cast = castBy.filter { $0 != author.id }.count
                    let hotCast = min(hot, cast)
                    let temperature =
                        Temperature.move(.hot, weight: 1) * Double(hotCast)
                        + Temperature.move(.cold, weight: 1) * Double(cast - hotCast)
                    let percent = 10 + index % 40
                    let price = max(99, target.totalMinor * Int64(100 - percent) / 100)
                    let title = "\(target.productName) à −\(percent) %"
                    let searchText =
                        " " + TextFolding.words("\(title) \(target.partnerSlug)").joined(separator: " ") + " "
                    let score = HotScore.score(temperature: temperature, rankedAt: Date(millisecondsSince1970: posted))
                    dealRows.append(
                        """
                        (\(bind: author.id.rawValue), \(bind: title), \(bind: target.url), 'deal', 'EUR', \(bind: price), 0,
                         \(bind: target.totalMinor), (SELECT id FROM partners WHERE slug = \(bind: target.partnerSlug)),
                         \(bind: target.productID), \(bind: target.offerID), \(bind: target.categoryID),
                         \(bind: index % 3 == 0 ? posted + Int64(1 + index % 20) * 86_400_000 : nil),
                         \(bind: temperature), \(bind: score), \(bind: cast), \(bind: posted), \(bind: posted), \(bind: posted),
                         \(bind: searchText), \(bind: temperature >= Temperature.hotThreshold ? posted : nil))
                        """)
                    plans.append((votes, voterStart, step, hotCast))
                }
                try await tx.sql.raw(
                    """
                    INSERT INTO deals (author_id, title, url, kind, currency, price_minor, shipping_minor,
                        reference_minor, partner_id, product_id, offer_id, category_id, ends_at, temperature, hot_score,
                        vote_count, ranked_at, created_at, updated_at, search_text, hot_since)
                    VALUES \(dealRows.joined(separator: ", "))
                    """
                ).run()
                var voteRows: [SQLQueryString] = []
                var written = 0
                for (offset, plan) in plans.enumerated() {
                    let dealID = nextID + Int64(offset)
                    let authorID = members[(first + offset) % members.count].id
                    let posted = start + span * Int64(first + offset) / Int64(dealCount)
                    var hotLeft = plan.hot
                    for vote in 0..<plan.votes {
                        let voter = members[(plan.start + vote * plan.step) % members.count].id
                        guard voter != authorID else { continue }
                        let direction = hotLeft > 0 ? "hot" : "cold"
                        hotLeft -= 1
                        voteRows.append(
                            "(\(bind: dealID), \(bind: voter.rawValue), \(bind: direction), 1.0, \(bind: posted + Int64(vote) * 60_000))"
                        )
                        if voteRows.count == 2_000 {
                            try await insertVotes(voteRows, tx)
                            written += voteRows.count
                            voteRows.removeAll(keepingCapacity: true)
                        }
                    }
                }
                if !voteRows.isEmpty {
                    try await insertVotes(voteRows, tx)
                    written += voteRows.count
                }
                return written
            }
        }
        say("Demo deals: \(dealCount) deals and \(voteTotal) votes.")
    }

    private static func insertVotes(_ rows: [SQLQueryString], _ tx: Transaction) async throws {
        try await tx.sql.raw(
            "INSERT INTO deal_votes (deal_id, member_id, direction, weight, at) VALUES \(rows.joined(separator: ", "))"
        ).run()
    }
}
