import Foundation

/// The operations of reviews, likes and notoriety.
extension OpenAPIDocument {
    static var reviewOperations: [Operation] {
        let writeErrors = [400, 401, 403, 404, 413, 415, 422]
        let listParameters = [
            query(
                "order", "string", "helpful (default: Wilson lower bound of helpful votes), newest, highest or lowest"),
            query("limit", "integer", "1–50, default 20"), query("cursor", "string", "next of the previous page"),
        ]
        var operations: [Operation] = []
        for (path, subject) in [("/api/v1/products/{id}", "a product"), ("/api/v1/partners/{slug}", "a partner")] {
            operations += [
                Operation(
                    method: "get", path: "\(path)/reviews",
                    summary: "Published reviews of \(subject), with how reviews are checked and ordered (French law)",
                    auth: .optional, success: (200, "ReviewList"), errors: [404, 422], extraParameters: listParameters),
                Operation(
                    method: "post", path: "\(path)/reviews",
                    summary: "Review \(subject): one review per member and subject; not by the partner concerned",
                    auth: .member, body: "NewReview", success: (201, "Review"), errors: writeErrors + [409]),
                Operation(
                    method: "get", path: "\(path)/notoriety",
                    summary: "The notoriety index of \(subject), each part of its formula, and the rating histogram",
                    auth: .none, success: (200, "Notoriety"), errors: [404]),
                Operation(
                    method: "put", path: "\(path)/like", summary: "Like \(subject) (once per member)", auth: .member,
                    success: (200, "Likes"), errors: [401, 403, 404]),
                Operation(
                    method: "delete", path: "\(path)/like", summary: "Take back one's like of \(subject)",
                    auth: .member, success: (200, "Likes"), errors: [401, 403, 404]),
            ]
        }
        return operations + [
            Operation(
                method: "get", path: "/api/v1/brands/{name}/notoriety",
                summary: "The notoriety index of a brand (its name, case and accents ignored)", auth: .none,
                success: (200, "Notoriety"), errors: [404]),
            Operation(
                method: "get", path: "/api/v1/rankings",
                summary: "Products, brands or partners ranked by notoriety: most loved, rising, most disappointing",
                auth: .none, success: (200, "Ranking"), errors: [422],
                extraParameters: [
                    query("ranking", "string", "loved (default), rising or disappointing"),
                    query("kind", "string", "product (default), brand or partner"),
                    query("category", "string", "A category's slug (products only)"),
                    query("limit", "integer", "1–100, default 20"),
                ]),
            Operation(
                method: "get", path: "/api/v1/reviews/{id}",
                summary: "One review (hidden and removed ones for their author and staff only)", auth: .optional,
                success: (200, "Review"), errors: [404]),
            Operation(
                method: "put", path: "/api/v1/reviews/{id}",
                summary: "Its author replaces a review; the former version is kept in its history", auth: .member,
                body: "NewReview", success: (200, "Review"), errors: writeErrors),
            Operation(
                method: "get", path: "/api/v1/reviews/{id}/history",
                summary: "Every former version of a review, oldest first (its author and staff only)", auth: .member,
                success: (200, "ReviewHistory"), errors: [401, 403, 404]),
            Operation(
                method: "post", path: "/api/v1/reviews/{id}/photos",
                summary: "Its author adds a photo (JPEG, PNG or WebP by its bytes, 5 MB at most, 4 per review)",
                auth: .member, body: "Photo", success: (201, "Photo"), errors: writeErrors),
            Operation(
                method: "delete", path: "/api/v1/reviews/{id}/photos/{photo}",
                summary: "Its author takes a photo off a review", auth: .member, success: (204, nil),
                errors: [401, 404]),
            Operation(
                method: "put", path: "/api/v1/reviews/{id}/vote",
                summary: "Find a review helpful or not (one vote per member, never on one's own: 403)",
                auth: .member, body: "HelpfulVote", success: (200, "Review"), errors: writeErrors),
            Operation(
                method: "delete", path: "/api/v1/reviews/{id}/vote", summary: "Take one's helpful vote back",
                auth: .member, success: (200, "Review"), errors: [401, 404, 422]),
            Operation(
                method: "put", path: "/api/v1/reviews/{id}/reply",
                summary: "The partner concerned answers a review publicly (or replaces its answer)", auth: .partner,
                body: "ReviewReply", success: (200, "Review"), errors: writeErrors),
            Operation(
                method: "delete", path: "/api/v1/reviews/{id}/reply", summary: "The partner takes its answer back",
                auth: .partner, success: (204, nil), errors: [401, 403, 404]),
            Operation(
                method: "post", path: "/api/v1/reviews/{id}/flags",
                summary: "Flag a review for staff, free: fake, offensive, offTopic, personalData (the last two "
                    + "hide it until staff decide)", auth: .member, body: "ReviewFlag", success: (202, nil),
                errors: writeErrors + [409]),
            Operation(
                method: "put", path: "/api/v1/reviews/{id}/verified", summary: "Staff mark a verified purchase",
                auth: .staff, success: (200, "Review"), errors: [401, 403, 404]),
            Operation(
                method: "delete", path: "/api/v1/reviews/{id}/verified", summary: "Staff take the mark back",
                auth: .staff, success: (200, "Review"), errors: [401, 403, 404]),
            Operation(
                method: "get", path: "/api/v1/moderation/reviews",
                summary: "Reviews for staff: hidden, flagged, or whose stars and text disagree", auth: .staff,
                success: (200, "ReviewQueue"), errors: [401, 403]),
            Operation(
                method: "post", path: "/api/v1/moderation/reviews/{id}/decision",
                summary: "Staff keep or restore (restore) or take down (remove) a review", auth: .staff,
                body: "Decision", success: (200, "Review"), errors: writeErrors),
            Operation(
                method: "get", path: "/api/v1/me/likes",
                summary: "What the member likes: products, partners and comments, newest first", auth: .member,
                success: (200, "LikedList"), errors: [401]),
            Operation(
                method: "get", path: "/api/v1/members/{handle}/delights",
                summary: "A member's public delights: what they like and their 5-star reviews", auth: .none,
                success: (200, "Delights"), errors: [404]),
        ]
    }
}
