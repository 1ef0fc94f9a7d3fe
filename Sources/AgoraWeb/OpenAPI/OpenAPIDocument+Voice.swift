import AgoraDomain
import Foundation

/// The voice of the customer's operation and shapes.
extension OpenAPIDocument {
    static var voiceOperations: [Operation] {
        [
            Operation(
                method: "get", path: "/api/v1/voice-of-customer",
                summary:
                    "What customers say about one product, partner or category (with its sub-categories), or the "
                    + "whole site, over a period: weekly rating and sentiment, delights and disappointments, recurring "
                    + "terms of complaints, top ideas, answer rates and median times. Staff see any scope; a partner "
                    + "(token or member) only its own partner and the products it offers, anything else is 403. "
                    + "With format=csv, one table as text/csv. Errors: two scopes, none for a partner, an unknown "
                    + "subject, or a bad period are 422 (field scope, productID, partnerID, categoryID, from or to).",
                auth: .partner, success: (200, "VoiceOfCustomer"), errors: [401, 403, 422],
                extraParameters: [
                    query("productID", "integer", "A product: its reviews and the ideas about it"),
                    query(
                        "partnerID", "integer",
                        "A partner: its reviews and those of the products it offers, the ideas about it and them"),
                    query(
                        "categoryID", "integer",
                        "A category: the reviews of its products and its sub-categories', the ideas about them"),
                    query(
                        "from", "string",
                        "First day, YYYY-MM-DD (UTC), included; default: 90 days before to (or up to today)"),
                    query(
                        "to", "string",
                        "Last day, YYYY-MM-DD (UTC), included; default: the 90th day counting from from, or today. "
                            + "At most 366 days in all"),
                    query("format", "string", "json (default) or csv"),
                    query(
                        "table", "string",
                        "With format=csv: weeks (week_start, reviews, average_rating, idea_comments, "
                            + "average_sentiment_per_mille: the sentiment in thousandths), terms (term, texts) or ideas "
                            + "(id, title, status, supports_in_period, supports, submitted_at)"),
                ])
        ]
    }

    static var voiceSchemas: [String: Any] {
        func nullable(_ type: String, _ description: String) -> [String: Any] {
            ["type": [type, "null"], "description": description]
        }
        let share = object(
            [
                "count": integer, "total": integer,
                "share": nullable("number", "count / total, 0–1; absent when total is 0"),
            ],
            required: ["count", "total"])
        let answers = object(
            [
                "total": ["type": "integer", "description": "Reviews (or ideas) that call for an answer"],
                "answered": integer,
                "share": nullable("number", "answered / total, 0–1; absent when total is 0"),
                "medianSeconds": nullable("integer", "Median time to the answer; absent when none was answered"),
            ],
            required: ["total", "answered"])
        return [
            "VoiceOfCustomer": object(
                [
                    "scope": object(
                        [
                            "kind": ["type": "string", "enum": ["product", "partner", "category", "site"]],
                            "id": integer,
                            "name": ["type": "string", "description": "Product or partner name, category slug"],
                        ],
                        required: ["kind"]),
                    "from": ["type": "string", "format": "date", "description": "First day, included (UTC)"],
                    "to": ["type": "string", "format": "date", "description": "Last day, included (UTC)"],
                    "reviews": ["type": "integer", "description": "Published reviews of the scope in the period"],
                    "averageRating": nullable("number", "1–5"),
                    "averageSentiment": nullable(
                        "number", "−1…1, over the period's scored reviews and comments on the scope's ideas"),
                    "weeks": [
                        "type": "array",
                        "description":
                            "Every week that overlaps the period, Monday first (UTC); the first and last count only "
                            + "their days inside it",
                        "items": object(
                            [
                                "weekStart": ["type": "string", "format": "date"], "reviews": integer,
                                "averageRating": nullable("number", "1–5"),
                                "comments": [
                                    "type": "integer", "description": "Scored comments on the scope's ideas",
                                ],
                                "averageSentiment": nullable("number", "−1…1, reviews and comments together"),
                            ],
                            required: ["weekStart", "reviews", "comments"]),
                    ],
                    "delights": share.merging(["description": "5-star reviews among the period's"]) { $1 },
                    "disappointments": share.merging(["description": "1- and 2-star reviews among the period's"]) {
                        $1
                    },
                    "terms": [
                        "type": "array",
                        "description":
                            "The 15 folded words (3 letters or more, no FR or EN stop words) found in the most "
                            + "critical reviews (1–2 stars: title, text, cons) and negative comments (sentiment "
                            + "below 0) on the scope's ideas, each text counted once; ties by word",
                        "items": object(["term": string, "texts": integer], required: ["term", "texts"]),
                    ],
                    "criticalTexts": [
                        "type": "integer", "description": "The critical reviews and negative comments read for terms",
                    ],
                    "topIdeas": [
                        "type": "array",
                        "description":
                            "The 5 ideas about the scope most supported during the period, then overall; merged "
                            + "ones out",
                        "items": object(
                            [
                                "id": integer, "title": string,
                                "status": ["type": "string", "enum": IdeaStatus.allCases.map(\.rawValue)],
                                "supportsInPeriod": integer, "supports": integer, "submittedAt": dateTime,
                            ],
                            required: ["id", "title", "status", "supportsInPeriod", "supports", "submittedAt"]),
                    ],
                    "answeredByPartners": answers.merging([
                        "description": "The period's reviews with a partner's reply; time from review to reply"
                    ]) { $1 },
                    "answeredByStaff": answers.merging([
                        "description":
                            "The scope's ideas submitted in the period (merged ones out) with an official answer; "
                            + "time from submission to the first answer"
                    ]) { $1 },
                ],
                required: [
                    "scope", "from", "to", "reviews", "weeks", "delights", "disappointments", "terms", "criticalTexts",
                    "topIdeas", "answeredByPartners", "answeredByStaff",
                ])
        ]
    }
}
