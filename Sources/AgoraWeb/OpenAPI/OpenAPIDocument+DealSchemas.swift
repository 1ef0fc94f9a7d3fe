import Foundation

/// The deals' shapes.
extension OpenAPIDocument {
    static var dealSchemas: [String: Any] {
        [
            "Deal": object(
                [
                    "id": integer, "title": string, "description": ["type": ["string", "null"]],
                    "url": ["type": ["string", "null"]],
                    "kind": ["type": "string", "enum": ["deal", "voucher", "freebie"]],
                    "price": ["oneOf": [ref("Amount"), ["type": "null"]]],
                    "shipping": ["oneOf": [ref("Amount"), ["type": "null"]]],
                    "total": ["oneOf": [ref("Amount"), ["type": "null"]]],
                    "referencePrice": ["oneOf": [ref("Amount"), ["type": "null"]]],
                    "reductionPercent": ["type": ["integer", "null"]], "promoCode": ["type": ["string", "null"]],
                    "merchant": object(["partner": ["type": ["string", "null"]], "name": string]),
                    "productID": ["type": ["integer", "null"]], "offerID": ["type": ["integer", "null"]],
                    "category": ["type": ["string", "null"]], "city": ["type": ["string", "null"]],
                    "startsAt": ["type": ["string", "null"], "format": "date-time"],
                    "endsAt": ["type": ["string", "null"], "format": "date-time"], "expired": ["type": "boolean"],
                    "temperature": [
                        "type": ["integer", "null"], "description": "Degrees; null while the deal is new (10 minutes)",
                    ],
                    "isNew": ["type": "boolean"], "isHot": ["type": "boolean"], "votes": ["type": "integer"],
                    "comments": integer, "expiryReports": integer,
                    "status": ["type": "string", "enum": ["published", "pending", "removed"]],
                    "author": string, "postedAt": dateTime, "rankedAt": dateTime,
                ],
                required: [
                    "id", "title", "kind", "merchant", "expired", "isNew", "isHot", "votes", "comments", "status",
                    "author", "postedAt", "rankedAt",
                ]),
            "DealList": object(
                ["items": ["type": "array", "items": ref("Deal")], "nextCursor": ["type": ["string", "null"]]],
                required: ["items"]),
            "PostedDeal": object(
                ["deal": ref("Deal"), "possibleDuplicates": ["type": "array", "items": integer]],
                required: ["deal", "possibleDuplicates"]),
            "NewDeal": object(
                [
                    "title": ["type": "string", "minLength": 5, "maxLength": 140],
                    "description": ["type": "string", "maxLength": 5000], "url": ["type": "string", "format": "uri"],
                    "kind": ["type": "string", "enum": ["deal", "voucher", "freebie"]],
                    "currency": ["type": "string", "pattern": "^[A-Z]{3}$"],
                    "price": ["type": "integer", "minimum": 0, "description": "Minor units; required for a deal"],
                    "shipping": ["type": "integer", "minimum": 0], "referencePrice": ["type": "integer", "minimum": 0],
                    "promoCode": ["type": "string", "maxLength": 40, "description": "Required for a voucher"],
                    "partner": ["type": "string", "description": "A partner's slug; or merchant"],
                    "merchant": ["type": "string", "maxLength": 80], "productID": integer, "offerID": integer,
                    "category": string, "city": ["type": "string", "maxLength": 80],
                    "startsAt": ["type": "string", "description": "2026-12-01 or a full ISO 8601 time"],
                    "endsAt": ["type": "string", "description": "In the future, within a year"],
                    "bump": ["type": "boolean", "description": "On edit only: rank it again from now"],
                ], required: ["title"]),
            "Flag": object(
                [
                    "reason": ["type": "string", "enum": ["spam", "duplicate", "wrongPrice", "expired", "offensive"]],
                    "note": ["type": "string", "maxLength": 500],
                ], required: ["reason"]),
            "Note": object(["note": ["type": "string", "maxLength": 500]]),
            "Comment": object(
                [
                    "id": integer, "dealID": integer, "parentID": ["type": ["integer", "null"]], "author": string,
                    "body": ["type": "string", "description": "Absent once its author deleted it"],
                    "likes": integer, "likedByMe": ["type": "boolean"], "postedAt": dateTime,
                    "editedAt": ["type": ["string", "null"], "format": "date-time"],
                ], required: ["id", "dealID", "author", "likes", "likedByMe", "postedAt"]),
            "CommentList": object(["items": ["type": "array", "items": ref("Comment")]], required: ["items"]),
            "NewComment": object(
                ["body": ["type": "string", "maxLength": 2000], "parentID": integer], required: ["body"]),
            "CommentEdit": object(["body": ["type": "string", "maxLength": 2000]], required: ["body"]),
            "Likes": object(["likes": integer, "likedByMe": ["type": "boolean"]], required: ["likes", "likedByMe"]),
            "Follow": object(
                [
                    "kind": ["type": "string", "enum": ["keyword", "category", "merchant", "product", "member"]],
                    "label": string, "target": string, "since": dateTime,
                ], required: ["kind", "label", "target", "since"]),
            "FollowList": object(["items": ["type": "array", "items": ref("Follow")]], required: ["items"]),
            "NewFollow": object(
                [
                    "kind": ["type": "string", "enum": ["keyword", "category", "merchant", "product", "member"]],
                    "target": ["type": "string", "maxLength": 60],
                ], required: ["kind", "target"]),
            "ModerationQueue": object(
                [
                    "items": [
                        "type": "array",
                        "items": object(
                            [
                                "dealID": integer, "commentID": ["type": ["integer", "null"]], "title": string,
                                "comment": ["type": ["string", "null"]], "pendingApproval": ["type": "boolean"],
                                "flags": ["type": "object", "additionalProperties": integer],
                                "notes": ["type": "array", "items": string], "since": dateTime,
                            ], required: ["dealID", "title", "pendingApproval", "flags", "notes", "since"]),
                    ]
                ], required: ["items"]),
            "Decision": object(
                [
                    "decision": ["type": "string", "enum": ["remove", "restore"]],
                    "note": ["type": "string", "maxLength": 500],
                ],
                required: ["decision"]),
            "AuditLog": object(
                [
                    "items": [
                        "type": "array",
                        "items": object(
                            [
                                "id": integer, "actor": ["type": ["string", "null"]], "action": string,
                                "subject": string, "note": ["type": ["string", "null"]], "at": dateTime,
                            ], required: ["id", "action", "subject", "at"]),
                    ],
                    "nextBefore": ["type": ["integer", "null"]],
                ], required: ["items"]),
            "Profile": object(
                [
                    "handle": string, "displayName": ["type": ["string", "null"]], "memberSince": dateTime,
                    "reputation": integer, "hotDeals": integer, "commentLikes": integer, "deals": integer,
                    "badges": ["type": "array", "items": string],
                ], required: ["handle", "memberSince", "reputation", "hotDeals", "commentLikes", "deals", "badges"]),
            "Vote": object(
                ["direction": ["type": "string", "enum": ["hot", "cold"]]], required: ["direction"]),
        ]
    }
}
