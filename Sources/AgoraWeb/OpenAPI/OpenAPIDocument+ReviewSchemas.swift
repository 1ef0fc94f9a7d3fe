import Foundation

/// The shapes of reviews, likes and notoriety.
extension OpenAPIDocument {
    static var reviewSchemas: [String: Any] {
        let nullableString: [String: Any] = ["type": ["string", "null"]]
        let number: [String: Any] = ["type": "number"]
        let day: [String: Any] = ["type": "string", "format": "date", "description": "YYYY-MM-DD"]
        let likedEntry = object(
            ["subject": string, "title": string, "path": string, "likedAt": dateTime],
            required: ["subject", "title", "path", "likedAt"])
        return [
            "Review": object(
                [
                    "id": integer, "subject": ["type": "string", "description": "product:ID or partner:ID"],
                    "author": string, "rating": ["type": "integer", "minimum": 1, "maximum": 5], "title": string,
                    "body": string, "pros": nullableString, "cons": nullableString,
                    "experiencedOn": day, "publishedAt": dateTime,
                    "editedAt": ["type": ["string", "null"], "format": "date-time"],
                    "boughtFrom": ["type": ["integer", "null"], "description": "The seller's partner id"],
                    "status": ["type": "string", "enum": ["published", "hidden", "removed"]],
                    "verifiedPurchase": [
                        "type": ["string", "null"], "enum": ["order", "staff", NSNull()],
                        "description": "How the purchase was verified; null when it was not",
                    ],
                    "helpful": integer, "unhelpful": integer,
                    "helpfulness": ["type": "number", "description": "Wilson lower bound (95 %) of helpful votes"],
                    "sentiment": ["type": ["number", "null"], "description": "The text's tone, −1 to 1"],
                    "photos": ["type": "array", "items": ref("Photo")],
                    "reply": [
                        "oneOf": [
                            object(
                                ["partner": string, "body": string, "repliedAt": dateTime],
                                required: ["partner", "body", "repliedAt"]),
                            ["type": "null"],
                        ]
                    ],
                    "myVote": ["type": ["boolean", "null"]],
                ],
                required: [
                    "id", "subject", "author", "rating", "title", "body", "experiencedOn", "publishedAt", "status",
                    "helpful", "unhelpful", "helpfulness", "photos",
                ]),
            "NewReview": object(
                [
                    "rating": ["type": "integer", "minimum": 1, "maximum": 5],
                    "title": ["type": "string", "minLength": 3, "maxLength": 120],
                    "body": ["type": "string", "minLength": 20, "maxLength": 5000],
                    "pros": ["type": "string", "maxLength": 1000], "cons": ["type": "string", "maxLength": 1000],
                    "experiencedOn": day,
                    "boughtFrom": ["type": "integer", "description": "For a product: the partner it was bought from"],
                ],
                required: ["rating", "title", "body", "experiencedOn"]),
            "ReviewList": object(
                [
                    "items": ["type": "array", "items": ref("Review")], "next": nullableString, "order": string,
                    "disclosure": object(
                        [
                            "checked": ["type": "boolean"], "howChecked": string, "defaultOrder": string,
                            "orders": ["type": "array", "items": string], "reportFake": string,
                        ],
                        required: ["checked", "howChecked", "defaultOrder", "orders", "reportFake"]),
                ],
                required: ["items", "order", "disclosure"]),
            "ReviewHistory": object(
                [
                    "current": ref("Review"),
                    "versions": [
                        "type": "array",
                        "items": object(
                            [
                                "rating": integer, "title": string, "body": string, "pros": nullableString,
                                "cons": nullableString, "experiencedOn": day, "writtenAt": dateTime,
                            ], required: ["rating", "title", "body", "experiencedOn", "writtenAt"]),
                    ],
                ],
                required: ["current", "versions"]),
            "Photo": object(
                [
                    "id": integer, "url": string,
                    "mediaType": ["type": "string", "enum": ["image/jpeg", "image/png", "image/webp"]],
                ],
                required: ["id", "url", "mediaType"]),
            "HelpfulVote": object(["helpful": ["type": "boolean"]], required: ["helpful"]),
            "ReviewReply": object(["body": ["type": "string", "maxLength": 2000]], required: ["body"]),
            "ReviewFlag": object(
                [
                    "reason": ["type": "string", "enum": ["fake", "offensive", "offTopic", "personalData"]],
                    "note": ["type": "string", "maxLength": 500],
                ], required: ["reason"]),
            "ReviewQueue": object(
                [
                    "items": [
                        "type": "array",
                        "items": object(
                            [
                                "review": ref("Review"), "flags": ["type": "object", "additionalProperties": integer],
                                "notes": ["type": "array", "items": string],
                                "starsAndTextDisagree": ["type": "boolean"],
                            ], required: ["review", "flags", "notes", "starsAndTextDisagree"]),
                    ]
                ], required: ["items"]),
            "Notoriety": object(
                [
                    "subject": string,
                    "index": ["type": ["integer", "null"], "description": "0–100; null with no review nor like"],
                    "reviews": integer, "meanRating": ["type": ["number", "null"]], "priorMean": number,
                    "priorWeight": number, "recentMean": ["type": ["number", "null"]], "effectiveReviews": number,
                    "halfLifeDays": number, "bayesianRating": number, "volume": number, "likes": integer,
                    "criticalReviews": integer, "liking": number, "trend30Days": number,
                    "histogram": [
                        "type": "object", "additionalProperties": integer, "description": "\"1\" to \"5\" stars",
                    ],
                    "formula": string,
                ],
                required: [
                    "subject", "reviews", "priorMean", "priorWeight", "effectiveReviews", "halfLifeDays",
                    "bayesianRating", "volume", "likes", "criticalReviews", "liking", "trend30Days", "histogram",
                    "formula",
                ]),
            "Ranking": object(
                [
                    "ranking": string, "kind": string,
                    "items": [
                        "type": "array",
                        "items": object(
                            [
                                "subject": string, "name": string, "path": string,
                                "index": ["type": ["integer", "null"]], "bayesianRating": number,
                                "trend30Days": number, "reviews": integer,
                            ], required: ["subject", "name", "path", "bayesianRating", "trend30Days", "reviews"]),
                    ],
                ], required: ["ranking", "kind", "items"]),
            "LikedList": object(["items": ["type": "array", "items": likedEntry]], required: ["items"]),
            "Delights": object(
                [
                    "member": string, "likes": ["type": "array", "items": likedEntry],
                    "reviews": ["type": "array", "items": ref("Review")],
                ], required: ["member", "likes", "reviews"]),
        ]
    }
}
