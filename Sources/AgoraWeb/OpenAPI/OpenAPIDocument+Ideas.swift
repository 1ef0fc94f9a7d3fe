import AgoraDomain
import Foundation

/// The idea board's operations and shapes.
extension OpenAPIDocument {
    static var ideaOperations: [Operation] {
        let writeErrors = [400, 401, 403, 404, 409, 413, 415, 422]
        return [
            Operation(
                method: "get", path: "/api/v1/ideas", summary: "Ideas in keyset pages, most supported or newest first",
                auth: .optional, success: (200, "IdeaList"), errors: [403, 422],
                extraParameters: [
                    query("sort", "string", "top (default: most supported) or new"),
                    query("status", "string", IdeaStatus.allCases.map(\.rawValue).joined(separator: ", ")),
                    query("tag", "string", "Only ideas with this tag"),
                    query("productID", "integer", "Only ideas about this product"),
                    query("partnerID", "integer", "Only ideas about this partner"),
                    query("categoryID", "integer", "Only ideas about this category"),
                    query("q", "string", "Words that must all appear (as prefixes), accents and case ignored"),
                    query("overdue", "boolean", "true: staff only, ideas in review past their response deadline"),
                    query("cursor", "string", "nextCursor of the previous page"),
                    query("limit", "integer", "1–50, default 20"),
                ]),
            Operation(
                method: "post", path: "/api/v1/ideas",
                summary: "Submit an idea (its author supports and follows it)", auth: .member, body: "NewIdea",
                success: (201, "Idea"), errors: writeErrors),
            Operation(
                method: "get", path: "/api/v1/ideas/similar",
                summary: "Up to 5 ideas sharing significant words with q (stop words left out), most alike first",
                auth: .none, success: (200, "IdeaList"), errors: [422],
                extraParameters: [query("q", "string", "The text being typed, at most 1,000 characters")]),
            Operation(
                method: "get", path: "/api/v1/ideas/{id}",
                summary: "An idea with its public history and where the caller stands", auth: .optional,
                success: (200, "Idea"), errors: [404]),
            Operation(
                method: "put", path: "/api/v1/ideas/{id}/support",
                summary:
                    "Support an idea (once per member); reaching the threshold within the window sends it into review",
                auth: .member, success: (200, "Idea"), errors: [401, 403, 404, 409]),
            Operation(
                method: "delete", path: "/api/v1/ideas/{id}/support", summary: "Take back one's support",
                auth: .member, success: (200, "Idea"), errors: [401, 403, 404, 409]),
            Operation(
                method: "put", path: "/api/v1/ideas/{id}/follow", summary: "Be told of an idea's answers",
                auth: .member, success: (204, nil), errors: [401, 403, 404]),
            Operation(
                method: "delete", path: "/api/v1/ideas/{id}/follow", summary: "Stop following an idea", auth: .member,
                success: (204, nil), errors: [401, 403, 404]),
            Operation(
                method: "get", path: "/api/v1/ideas/{id}/comments", summary: "An idea's comments, oldest first",
                auth: .optional, success: (200, "IdeaCommentList"), errors: [404]),
            Operation(
                method: "post", path: "/api/v1/ideas/{id}/comments", summary: "Comment on an idea; its author is told",
                auth: .member, body: "CommentEdit", success: (201, "IdeaComment"), errors: writeErrors),
            Operation(
                method: "delete", path: "/api/v1/idea-comments/{id}", summary: "Its author deletes a comment",
                auth: .member, success: (204, nil), errors: [401, 403, 404]),
            Operation(
                method: "post", path: "/api/v1/ideas/{id}/answers",
                summary:
                    "Staff answer an idea publicly, moving it to a new status or not; every supporter and follower is told",
                auth: .staff, body: "IdeaAnswerRequest", success: (200, "Idea"), errors: writeErrors),
            Operation(
                method: "post", path: "/api/v1/ideas/{id}/merge",
                summary:
                    "Staff merge a duplicate into an original: supports and followers move (nobody counted twice); answers the original",
                auth: .staff, body: "IdeaMergeRequest", success: (200, "Idea"), errors: writeErrors),
        ]
    }

    static var ideaSchemas: [String: Any] {
        let nullableDate: [String: Any] = ["type": ["string", "null"], "format": "date-time"]
        let subject: [String: Any] = [
            "type": ["object", "null"], "properties": ["id": integer, "name": string], "required": ["id", "name"],
        ]
        let status: [String: Any] = ["type": "string", "enum": IdeaStatus.allCases.map(\.rawValue)]
        let comment = object(
            ["id": integer, "author": string, "body": string, "postedAt": dateTime],
            required: ["id", "author", "body", "postedAt"])
        return [
            "Idea": object(
                [
                    "id": integer, "title": string, "description": string, "author": string,
                    "product": subject, "partner": subject,
                    "category": subject.merging(["description": "name is the category's slug"]) { $1 },
                    "tags": ["type": "array", "items": string], "status": status,
                    "supports": ["type": "integer", "description": "Members supporting it, its author included"],
                    "comments": integer,
                    "mergedInto": ["type": ["integer", "null"], "description": "Set once merged into that idea"],
                    "submittedAt": dateTime,
                    "reviewDeadline": nullableDate.merging(["description": "Staff decide by then once in review"]) {
                        $1
                    },
                    "overdue": ["type": "boolean", "description": "In review past its deadline"],
                    "firstAnswerAt": nullableDate, "decidedAt": nullableDate,
                    "supportedByMe": ["type": ["boolean", "null"]], "followedByMe": ["type": ["boolean", "null"]],
                    "updates": [
                        "type": "array", "description": "The public history, on GET /ideas/{id} and answers",
                        "items": object(
                            [
                                "from": status, "to": status,
                                "staff": [
                                    "type": ["string", "null"], "description": "null: entered review by itself",
                                ],
                                "answer": ["type": ["string", "null"]], "mergedInto": ["type": ["integer", "null"]],
                                "at": dateTime,
                            ],
                            required: ["from", "to", "at"]),
                    ],
                ],
                required: [
                    "id", "title", "description", "author", "tags", "status", "supports", "comments", "submittedAt",
                    "overdue",
                ]),
            "IdeaList": object(
                ["items": ["type": "array", "items": ref("Idea")], "nextCursor": ["type": ["string", "null"]]],
                required: ["items"]),
            "NewIdea": object(
                [
                    "title": ["type": "string", "minLength": 8, "maxLength": 140],
                    "description": ["type": "string", "minLength": 20, "maxLength": 5_000],
                    "productID": integer, "partnerID": integer, "categoryID": integer,
                    "tags": [
                        "type": "array", "maxItems": 5, "items": ["type": "string", "minLength": 2, "maxLength": 30],
                    ],
                ],
                required: ["title", "description"]),
            "IdeaAnswerRequest": object(
                [
                    "answer": ["type": "string", "minLength": 10, "maxLength": 5_000],
                    "status": status.merging(["description": "Omitted: the status stays"]) { $1 },
                ],
                required: ["answer"]),
            "IdeaMergeRequest": object(
                ["into": integer, "answer": ["type": "string", "minLength": 10, "maxLength": 5_000]],
                required: ["into"]),
            "IdeaComment": comment,
            "IdeaCommentList": object(["items": ["type": "array", "items": comment]], required: ["items"]),
        ]
    }
}
