import Foundation

/// The media feed's operations and shapes.
extension OpenAPIDocument {
    static var articleOperations: [Operation] {
        let writeErrors = [400, 401, 403, 404, 413, 415, 422]
        return [
            Operation(
                method: "get", path: "/api/v1/articles", summary: "Published articles in keyset pages, hot or new",
                auth: .optional, success: (200, "ArticleList"), errors: [422],
                extraParameters: [
                    query("sort", "string", "hot (default: likes and comments in a time-invariant score) or new"),
                    query("tag", "string", "Only articles with this topic"),
                    query("cursor", "string", "nextCursor of the previous page"),
                    query("limit", "integer", "1–50, default 20"),
                ]),
            Operation(
                method: "post", path: "/api/v1/articles",
                summary: "Publish an article: staff, partners (token or member) and members from 100 reputation points",
                auth: .member, body: "NewArticle", success: (201, "Article"), errors: writeErrors),
            Operation(
                method: "get", path: "/api/v1/articles/{id}", summary: "One article, its Markdown rendered safely",
                auth: .optional, success: (200, "Article"), errors: [404]),
            Operation(
                method: "put", path: "/api/v1/articles/{id}", summary: "Its author replaces an article", auth: .member,
                body: "NewArticle", success: (200, "Article"), errors: writeErrors),
            Operation(
                method: "put", path: "/api/v1/articles/{id}/like", summary: "Like an article (once per member)",
                auth: .member, success: (200, "Likes"), errors: [401, 404]),
            Operation(
                method: "delete", path: "/api/v1/articles/{id}/like", summary: "Take back one's like of an article",
                auth: .member, success: (200, "Likes"), errors: [401, 404]),
            Operation(
                method: "get", path: "/api/v1/articles/{id}/comments", summary: "An article's comments, oldest first",
                auth: .optional, success: (200, "ArticleCommentList"), errors: [404]),
            Operation(
                method: "post", path: "/api/v1/articles/{id}/comments",
                summary: "Comment on an article; its author is told",
                auth: .member, body: "CommentEdit", success: (201, "ArticleComment"), errors: writeErrors),
            Operation(
                method: "delete", path: "/api/v1/article-comments/{id}", summary: "Its author deletes a comment",
                auth: .member, success: (204, nil), errors: [401, 403, 404]),
            Operation(
                method: "post", path: "/api/v1/moderation/articles/{id}/decision",
                summary: "Staff take an article down (remove) or put it back (restore)", auth: .staff, body: "Decision",
                success: (200, "Article"), errors: writeErrors),
        ]
    }

    static var articleSchemas: [String: Any] {
        let comment = object(
            ["id": integer, "author": string, "body": string, "postedAt": dateTime],
            required: ["id", "author", "body", "postedAt"])
        return [
            "Article": object(
                [
                    "id": integer, "title": string, "body": ["type": "string", "description": "Markdown, as written"],
                    "html": [
                        "type": "string",
                        "description": "The body rendered: the source escaped, then only Markdown's tags added",
                    ],
                    "link": ["type": ["string", "null"]], "tags": ["type": "array", "items": string],
                    "author": ["type": ["string", "null"]], "partner": ["type": ["string", "null"]],
                    "likes": integer, "comments": integer,
                    "status": ["type": "string", "enum": ["published", "removed"]], "publishedAt": dateTime,
                    "editedAt": ["type": ["string", "null"], "format": "date-time"],
                ],
                required: ["id", "title", "body", "html", "tags", "likes", "comments", "status", "publishedAt"]),
            "ArticleList": object(
                ["items": ["type": "array", "items": ref("Article")], "nextCursor": ["type": ["string", "null"]]],
                required: ["items"]),
            "NewArticle": object(
                [
                    "title": ["type": "string", "minLength": 5, "maxLength": 140],
                    "body": ["type": "string", "minLength": 20, "maxLength": 20_000, "description": "Markdown"],
                    "link": ["type": "string", "format": "uri"],
                    "tags": [
                        "type": "array", "maxItems": 5, "items": ["type": "string", "minLength": 2, "maxLength": 30],
                    ],
                ],
                required: ["title", "body"]),
            "ArticleComment": comment,
            "ArticleCommentList": object(["items": ["type": "array", "items": comment]], required: ["items"]),
        ]
    }
}
