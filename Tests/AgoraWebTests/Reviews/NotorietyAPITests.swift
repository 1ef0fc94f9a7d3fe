import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import SQLKit
import Testing

@Suite struct NotorietyAPITests {
    /// The formula of `/about/notoriety`, written again here from its text, not from `Notoriety`.
    static func expectedIndex(
        ratings: [(rating: Int, daysAgo: Double)], groupMean: Double, likes: Int
    ) -> (index: Int, bayesian: Double) {
        let weights = ratings.map { pow(0.5, $0.daysAgo / 180) }
        let effective = weights.reduce(0, +)
        let recentMean = zip(weights, ratings).map { $0 * Double($1.rating) }.reduce(0, +) / effective
        let bayesian = (5 * groupMean + effective * recentMean) / (5 + effective)
        let volume = min(1, log(1 + Double(ratings.count)) / log(101))
        let critical = ratings.filter { $0.rating <= 2 }.count
        let n = Double(likes + critical)
        let p = Double(likes) / n
        let z = 1.959964
        let liking = (p + z * z / (2 * n) - z * ((p * (1 - p) + z * z / (4 * n)) / n).squareRoot()) / (1 + z * z / n)
        func plain(_ values: [Int]) -> Double {
            (5 * groupMean + Double(values.reduce(0, +))) / (5 + Double(values.count))
        }
        let trend = plain(ratings.map(\.rating)) - plain(ratings.filter { $0.daysAgo >= 30 }.map(\.rating))
        let score = 0.5 * (bayesian - 1) / 4 + 0.15 * volume + 0.25 * liking + 0.1 * min(1, max(0, 0.5 + trend / 2))
        return (Int((100 * score).rounded()), bayesian)
    }

    @Test(arguments: Backend.allCases)
    func theIndexFollowsTheWrittenFormula(backend: Backend) async throws {
        let clock = TestClock()
        // Sessions must outlive the 130 days the clock moves.
        try await withApp(backend, configure: { ($0.clock, $0.sessionLifetime) = (clock, 400 * 86_400) }) {
            client, database in
            let (_, product) = try await ReviewsAPITests.sellingPartner(client, database, slug: "shop")
            var tokens: [String] = []
            for handle in ["alice", "bob", "carol", "dave", "erin"] {
                tokens.append(try await registerAndLogIn(client, handle))
            }
            #expect(
                try await client.execute(uri: "/api/v1/products/\(product)/notoriety", method: .get)
                    .object["index"] == nil, "no review, no like: no index")
            _ = try await ReviewsAPITests.post(client, tokens[0], product: product, ReviewsAPITests.review(5))
            clock.advance(by: 100 * 86_400)
            _ = try await ReviewsAPITests.post(client, tokens[1], product: product, ReviewsAPITests.review(2))
            clock.advance(by: 30 * 86_400)
            _ = try await ReviewsAPITests.post(client, tokens[2], product: product, ReviewsAPITests.review(4))
            // Two likes at once from one member count once.
            try await withThrowingTaskGroup(of: Void.self) { group in
                for token in [tokens[3], tokens[3], tokens[4]] {
                    group.addTask {
                        let liked = try await client.execute(
                            uri: "/api/v1/products/\(product)/like", method: .put, headers: bearer(token))
                        #expect(liked.status == .ok, "\(liked.text)")
                    }
                }
                try await group.waitForAll()
            }
            let answer = try await client.execute(uri: "/api/v1/products/\(product)/notoriety", method: .get).object
            let expected = Self.expectedIndex(
                ratings: [(5, 130), (2, 30), (4, 0)], groupMean: 11.0 / 3, likes: 2)
            #expect(answer["likes"] as? Int == 2)
            #expect(answer["index"] as? Int == expected.index, "\(answer)")
            #expect(abs((answer["bayesianRating"] as? Double ?? 0) - expected.bayesian) < 1e-9, "\(answer)")
            #expect((answer["histogram"] as? [String: Int]) == ["1": 0, "2": 1, "3": 0, "4": 1, "5": 1])

            let unliked = try await client.execute(
                uri: "/api/v1/products/\(product)/like", method: .delete, headers: bearer(tokens[4]))
            #expect(unliked.object["likes"] as? Int == 1 && unliked.object["likedByMe"] as? Bool == false)
            let mine = try await client.execute(uri: "/api/v1/me/likes", method: .get, headers: bearer(tokens[3]))
            #expect(
                (mine.object["items"] as? [[String: Any]])?.map { $0["path"] as? String } == ["/products/\(product)"])
            expectProblem(
                try await client.execute(uri: "/api/v1/products/999999/like", method: .put, headers: bearer(tokens[3])),
                .notFound, type: "not-found")
            expectProblem(
                try await client.execute(uri: "/api/v1/products/\(product)/like", method: .put, headers: jsonHeaders),
                .unauthorized, type: "unauthenticated")
            #expect(try await count("likes", in: database) == 1)
        }
    }

    @Test(arguments: Backend.allCases)
    func rankingsAndDelightsComeFromTheSameCounts(backend: Backend) async throws {
        try await withApp(backend) { client, database in
            let (_, loved) = try await ReviewsAPITests.sellingPartner(client, database, slug: "shop")
            let (seller, disliked) = try await ReviewsAPITests.sellingPartner(
                client, database, slug: "other", gtin: "73513537")
            var tokens: [String] = []
            for handle in ["alice", "bob", "carol"] { tokens.append(try await registerAndLogIn(client, handle)) }
            for token in tokens {
                _ = try await ReviewsAPITests.post(client, token, product: loved, ReviewsAPITests.review(5))
                _ = try await ReviewsAPITests.post(client, token, product: disliked, ReviewsAPITests.review(1))
            }
            expectProblem(
                try await client.execute(
                    uri: "/api/v1/products/\(disliked)/like", method: .put, headers: bearer(seller)),
                .forbidden, type: "forbidden")
            let top = try await client.execute(uri: "/api/v1/rankings?ranking=loved", method: .get)
            #expect(
                (top.object["items"] as? [[String: Any]])?.map { $0["path"] as? String }
                    == ["/products/\(loved)", "/products/\(disliked)"])
            let worst = try await client.execute(uri: "/api/v1/rankings?ranking=disappointing", method: .get)
            #expect((worst.object["items"] as? [[String: Any]])?.first?["path"] as? String == "/products/\(disliked)")
            expectProblem(
                try await client.execute(uri: "/api/v1/rankings?ranking=best", method: .get),
                .unprocessableContent, type: "validation", field: "ranking")
            _ = try await client.execute(
                uri: "/api/v1/products/\(loved)/like", method: .put, headers: bearer(tokens[0]))
            let delights = try await client.execute(uri: "/api/v1/members/alice/delights", method: .get)
            #expect((delights.object["likes"] as? [[String: Any]])?.count == 1)
            #expect((delights.object["reviews"] as? [[String: Any]])?.map { $0["rating"] as? Int } == [5])
        }
    }
}
