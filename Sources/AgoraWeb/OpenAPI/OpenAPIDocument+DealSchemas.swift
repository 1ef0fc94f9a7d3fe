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
                    "author": string, "postedAt": dateTime,
                ],
                required: [
                    "id", "title", "kind", "merchant", "expired", "isNew", "isHot", "votes", "author", "postedAt",
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
                ], required: ["title"]),
            "Vote": object(
                ["direction": ["type": "string", "enum": ["hot", "cold"]]], required: ["direction"]),
        ]
    }
}
