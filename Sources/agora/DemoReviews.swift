import AgoraDomain
import AgoraStore
import Foundation
import SQLKit

/// Reviews, helpful votes, partner replies and likes for the demo catalog, over the last 18 months.
///
/// The regular set goes through the stores as members would, so notoriety is kept by the same
/// running sums as in use. The large set writes 1,000,000 product reviews in bulk and its
/// notoriety sums, computed here with the same `NotorietyTally` rules.
enum DemoReviews {
    static func fill(_ database: Database, clock: DemoData.DemoClock, size: Demo.Size) async throws {
        var random = DemoCatalogData.SplitMix64(seed: 0x5245_5649_4557)
        let now = clock.now
        let community = try await database.read { sql in
            try await sql.raw(
                "SELECT id FROM members WHERE email LIKE '%@demo.agora.test' AND partner_id IS NULL AND role = 'member' ORDER BY id"
            ).all().map { MemberID(try $0.decode(column: "id", as: Int64.self)) }
        }
        switch size {
        case .regular: try await fillRegular(database, clock: clock, now: now, community: community, random: &random)
        case .large: try await fillLarge(database, now: now, community: community, random: &random)
        }
        clock.set(now)
    }

    /// A rating around a subject's quality (1.5 to 4.9), so that subjects differ and reviews mostly agree.
    private static func rating(quality: Double, _ random: inout DemoCatalogData.SplitMix64) -> Int {
        let noise = Double(random.next() % 300) / 100 - 1.5
        return min(5, max(1, Int((quality + noise).rounded())))
    }

    /// The `index`th text of the tone of `rating`: consecutive indices give a subject different texts.
    private static func text(
        _ table: [String: [[DemoReviewTexts.Text]]], rating: Int, language: Language, index: Int
    ) -> DemoReviewTexts.Text {
        let choices = table[language.rawValue]![DemoReviewTexts.tone(of: rating)]
        return choices[index % choices.count]
    }

    private static func fillRegular(
        _ database: Database, clock: DemoData.DemoClock, now: Date, community: [MemberID],
        random: inout DemoCatalogData.SplitMix64
    ) async throws {
        let reviews = ReviewStore(database: database)
        let likes = LikeStore(database: database)
        let memberStore = MemberStore(database: database)
        var members: [Member] = []
        for id in community { if let member = try await memberStore.member(id: id) { members.append(member) } }
        let products = try await database.read { sql in
            try await sql.raw(
                "SELECT product_id, MIN(partner_id) AS partner_id FROM offers GROUP BY product_id ORDER BY product_id LIMIT 150"
            ).all().map {
                (
                    try $0.decode(column: "product_id", as: Int64.self),
                    PartnerID(try $0.decode(column: "partner_id", as: Int64.self))
                )
            }
        }
        let partners = try await PartnerStore(database: database).all()
        var written: [Review] = []
        func write(
            _ subject: ReviewSubject, seller: PartnerID?, quality: Double, count: Int,
            table: [String: [[DemoReviewTexts.Text]]], random: inout DemoCatalogData.SplitMix64
        ) async throws {
            let start = Int(random.next() % UInt64(members.count))
            for offset in 0..<count {
                let author = members[(start + offset * 7) % members.count]
                let stars = rating(quality: quality, &random)
                let chosen = text(table, rating: stars, language: author.language ?? .fr, index: start + offset)
                let daysAgo = Double(random.next() % 540) + 1
                clock.set(now.addingTimeInterval(-daysAgo * 86_400))
                let experienced = ReviewRules.day(
                    of: clock.now.addingTimeInterval(-Double(random.next() % 20) * 86_400))
                let input = ReviewInput(
                    rating: stars, title: chosen.title, body: chosen.body, pros: chosen.pros, cons: chosen.cons,
                    experiencedOn: experienced)
                let boughtFrom = seller != nil && random.next() % 2 == 0 ? seller : nil
                if let review = try? await reviews.write(input, about: subject, boughtFrom: boughtFrom, by: author) {
                    written.append(review)
                }
            }
        }
        for (index, (productID, seller)) in products.enumerated() {
            let quality = 1.5 + Double(random.next() % 340) / 100
            let count = index % 5 == 4 ? 0 : Int(random.next() % 7)
            try await write(
                .product(productID), seller: seller, quality: quality, count: count, table: DemoReviewTexts.products,
                random: &random)
        }
        for partner in partners {
            let quality = 2 + Double(random.next() % 290) / 100
            try await write(
                .partner(partner.id), seller: nil, quality: quality, count: 3 + Int(random.next() % 6),
                table: DemoReviewTexts.partners, random: &random)
        }
        clock.set(now)
        // Readers find most reviews helpful, critical and detailed ones a little more.
        for review in written {
            let voters = Int(random.next() % 6)
            let start = Int(random.next() % UInt64(members.count))
            for offset in 0..<voters {
                let voter = members[(start + offset * 3) % members.count]
                guard voter.id != review.authorID else { continue }
                _ = try await reviews.vote(review.id, helpful: random.next() % 10 < 8, by: voter)
            }
        }
        // Partners answer a part of the critical reviews about them.
        for review in written where review.content.rating <= 2 {
            if case .partner(let partnerID) = review.subject, random.next() % 2 == 0 {
                _ = try await reviews.reply(
                    to: review.id,
                    "Merci pour votre retour, nous sommes désolés. Notre service client vous contacte pour trouver une solution.",
                    as: partnerID)
            }
        }
        for member in members {
            for _ in 0..<(3 + Int(random.next() % 6)) {
                let (productID, _) = products[Int(random.next() % UInt64(products.count))]
                _ = try? await likes.set(.product(productID), liked: true, by: member)
            }
            if random.next() % 2 == 0 {
                _ = try? await likes.set(
                    .partner(partners[Int(random.next() % UInt64(partners.count))].id), liked: true, by: member)
            }
        }
        // One member suspects a fake review: it waits in the staff queue.
        if let suspicious = written.first(where: { $0.content.rating == 5 }), let reporter = members.last {
            try? await reviews.flag(
                suspicious.id, reason: .fake, note: "Même texte que sur un autre site", by: reporter)
        }
        say("Demo reviews: \(written.count) reviews, with helpful votes, replies and likes.")
    }

    private static func fillLarge(
        _ database: Database, now: Date, community: [MemberID], random: inout DemoCatalogData.SplitMix64
    ) async throws {
        let perProduct = 50
        let productCount = 20_000  // 1,000,000 reviews
        let steps = [7, 11, 13, 17, 19, 23, 29, 31]  // coprime with 2,000: a product's authors are distinct
        let products = try await database.read { sql in
            try await sql.raw(
                "SELECT id, category_id, brand FROM products ORDER BY id LIMIT \(literal: productCount)"
            ).all().map {
                (
                    id: try $0.decode(column: "id", as: Int64.self),
                    category: try $0.decode(column: "category_id", as: Int64?.self),
                    brand: try $0.decode(column: "brand", as: String?.self)
                )
            }
        }
        var tallies: [String: (tally: NotorietyTally, category: Int64?, label: String?)] = [:]
        var days: [String: [Int: (reviews: Int, ratingSum: Int)]] = [:]
        let today = Int((now.timeIntervalSince1970 / 86_400).rounded(.down))
        let batch = 200
        for first in stride(from: 0, to: products.count, by: batch) {
            let slice = products[first..<min(first + batch, products.count)]
            var rows: [SQLQueryString] = []
            for (offset, product) in slice.enumerated() {
                let index = first + offset
                let quality = 1.5 + Double(random.next() % 340) / 100
                let step = steps[index % steps.count]
                let start = Int(random.next() % UInt64(community.count))
                let subject = "product:\(product.id)"
                var keys = [subject, "products"]
                if let category = product.category { keys.append("category:\(category)") }
                if let brand = product.brand, !TextFolding.fold(brand).isEmpty {
                    keys.append(NotorietyStore.brandKey(brand))
                }
                for review in 0..<perProduct {
                    let author = community[(start + review * step) % community.count]
                    let stars = rating(quality: quality, &random)
                    let language: Language = review % 3 == 2 ? .en : .fr
                    let chosen = text(
                        DemoReviewTexts.products, rating: stars, language: language, index: start + review)
                    let published = now.addingTimeInterval(-Double(random.next() % (540 * 86_400)) - 3_600)
                    for key in keys {
                        var entry =
                            tallies[key]
                            ?? (
                                NotorietyTally(), key == subject || key.hasPrefix("brand:") ? product.category : nil,
                                key.hasPrefix("brand:") ? product.brand : nil
                            )
                        entry.tally.count(rating: stars, publishedAt: published, sign: 1)
                        tallies[key] = entry
                    }
                    let day = Int((published.timeIntervalSince1970 / 86_400).rounded(.down))
                    // Only the days a reading can still ask for (the last 30) are written.
                    if day > today - Notoriety.trendDays {
                        for key in keys where key == subject || key.hasPrefix("brand:") {
                            let current = days[key, default: [:]][day] ?? (0, 0)
                            days[key, default: [:]][day] = (current.reviews + 1, current.ratingSum + stars)
                        }
                    }
                    rows.append(
                        """
                        (\(bind: subject), \(bind: author.rawValue), \(bind: stars), \(bind: chosen.title),
                         \(bind: chosen.body), \(bind: chosen.pros), \(bind: chosen.cons),
                         \(bind: ReviewRules.day(of: published)), \(bind: published.millisecondsSince1970))
                        """)
                }
            }
            let batchRows = rows
            try await database.write { tx in
                for chunk in stride(from: 0, to: batchRows.count, by: 1_000) {
                    try await insert(Array(batchRows[chunk..<min(chunk + 1_000, batchRows.count)]), tx)
                }
            }
        }
        func mean(_ key: String) -> Double? {
            tallies[key].flatMap { $0.tally.reviews > 0 ? Double($0.tally.ratingSum) / Double($0.tally.reviews) : nil }
        }
        var tallyRows: [SQLQueryString] = []
        for (key, entry) in tallies {
            let t = entry.tally
            // Products and brands carry the index rankings sort by, as `NotorietyStore` would store it now.
            var parts: Notoriety.Components?
            if key.hasPrefix("product:") || key.hasPrefix("brand:") {
                let recent = days[key, default: [:]].values.reduce((0, 0)) { ($0.0 + $1.reviews, $0.1 + $1.ratingSum) }
                let prior =
                    key.hasPrefix("brand:") ? mean("products") : entry.category.flatMap { mean("category:\($0)") }
                parts = Notoriety.components(
                    of: t, recentReviews: recent.0, recentRatingSum: recent.1, priorMean: prior ?? mean("products"),
                    now: now)
            }
            tallyRows.append(
                """
                (\(bind: key), \(bind: entry.label), \(bind: entry.category), \(bind: t.reviews), \(bind: t.ratingSum),
                 \(bind: t.histogram[0]), \(bind: t.histogram[1]), \(bind: t.histogram[2]), \(bind: t.histogram[3]),
                 \(bind: t.histogram[4]), \(bind: t.recencyWeightedRatingSum), \(bind: t.recencyWeightSum), 0,
                 \(bind: t.critical), \(bind: parts?.index), \(bind: parts?.bayesianRating), \(bind: parts?.trend),
                 \(bind: now.millisecondsSince1970))
                """)
        }
        var dayRows: [SQLQueryString] = []
        for (key, byDay) in days {
            for (day, counts) in byDay {
                dayRows.append("(\(bind: key), \(bind: day), \(bind: counts.reviews), \(bind: counts.ratingSum))")
            }
        }
        let (allTallies, allDays) = (tallyRows, dayRows)
        try await database.write { tx in
            for chunk in stride(from: 0, to: allTallies.count, by: 500) {
                try await tx.sql.raw(
                    """
                    INSERT INTO notoriety (subject, label, category_id, reviews, rating_sum, stars1, stars2, stars3,
                        stars4, stars5, weighted_rating_sum, weight_sum, likes, critical, score, bayesian, trend,
                        updated_at)
                    VALUES \(allTallies[chunk..<min(chunk + 500, allTallies.count)].joined(separator: ", "))
                    """
                ).run()
            }
            for chunk in stride(from: 0, to: allDays.count, by: 500) {
                try await tx.sql.raw(
                    """
                    INSERT INTO notoriety_days (subject, day, reviews, rating_sum)
                    VALUES \(allDays[chunk..<min(chunk + 500, allDays.count)].joined(separator: ", "))
                    """
                ).run()
            }
        }
        say("Demo reviews: \(products.count * perProduct) reviews in bulk.")
    }

    private static func insert(_ rows: [SQLQueryString], _ tx: Transaction) async throws {
        try await tx.sql.raw(
            """
            INSERT INTO reviews (subject, author_id, rating, title, body, pros, cons, experienced_on, created_at)
            VALUES \(rows.joined(separator: ", "))
            """
        ).run()
    }
}
