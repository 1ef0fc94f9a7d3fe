import Foundation

/// The catalog's shapes: feeds, products, categories, stores, alerts and notifications.
extension OpenAPIDocument {
    static var catalogSchemas: [String: Any] {
        [
            "Feed": object(
                ["offers": ["type": "array", "maxItems": 10_000, "items": ref("FeedOffer")]], required: ["offers"]),
            "FeedOffer": object(
                [
                    "sku": ["type": "string", "maxLength": 64],
                    "gtin": ["type": "string", "pattern": "^[0-9 -]{8,20}$"],
                    "name": ["type": "string", "maxLength": 200], "brand": string, "category": string,
                    "price": ["type": "integer", "minimum": 0, "description": "Minor units (cents)"],
                    "shipping": ["type": "integer", "minimum": 0, "description": "Minor units (cents)"],
                    "currency": ["type": "string", "pattern": "^[A-Z]{3}$"],
                    "stock": ["type": "integer", "minimum": 0],
                    "condition": ["type": "string", "enum": ["new", "refurbished", "used"]],
                    "url": ["type": "string", "format": "uri"],
                    "environmentalScore": ["type": "integer", "minimum": 0, "maximum": 100],
                    "carbonKg": ["type": "number", "minimum": 0],
                    "repairability": ["type": "number", "minimum": 0, "maximum": 10],
                    "origin": ["type": "string", "description": "ISO 3166-1 alpha-2"],
                    "description": ["type": "string", "maxLength": 2000],
                    "imageURLs": ["type": "array", "maxItems": 4, "items": ["type": "string", "format": "uri"]],
                    "labels": ["type": "array", "maxItems": 6, "items": ["type": "string", "maxLength": 60]],
                ],
                required: ["sku", "gtin", "name", "price", "currency", "stock", "condition", "url"]),
            "FeedSummary": object(
                [
                    "created": ["type": "integer"], "updated": ["type": "integer"], "unchanged": ["type": "integer"],
                    "productsCreated": ["type": "integer"], "pricesChanged": ["type": "integer"],
                ],
                required: ["created", "updated", "unchanged", "productsCreated", "pricesChanged"]),
            "ImportAnswer": object(
                [
                    "summary": ref("FeedSummary"),
                    "errors": [
                        "type": "array",
                        "items": object(
                            ["line": ["type": "integer"], "field": string, "detail": string],
                            required: ["line", "field", "detail"]),
                    ],
                ],
                required: ["summary", "errors"]),
            "ProductComparison": object(
                [
                    "id": integer, "gtin": string, "name": string, "brand": ["type": ["string", "null"]],
                    "description": ["type": ["string", "null"]], "category": ["type": ["string", "null"]],
                    "imageURLs": ["type": "array", "items": string],
                    "sustainability": object([
                        "environmentalGrade": [
                            "type": ["string", "null"], "enum": ["A+", "A", "B", "C", "D", "E", "F", NSNull()],
                        ],
                        "environmentalScore": ref("Figure"), "carbonKg": ref("Figure"), "repairability": ref("Figure"),
                        "origin": ["type": ["string", "null"]], "labels": ["type": "array", "items": string],
                    ]),
                    "offers": [
                        "type": "array",
                        "items": object(
                            [
                                "id": integer, "partner": object(["slug": string, "name": string]),
                                "price": ref("Amount"),
                                "shipping": ref("Amount"), "total": ref("Amount"), "stock": ["type": "integer"],
                                "condition": ["type": "string", "enum": ["new", "refurbished", "used"]],
                                "url": string, "best": ["type": "boolean"], "referencePrice": ref("Amount"),
                                "reductionPercent": ["type": ["integer", "null"]],
                                "nearestStore": ["oneOf": [["type": "null"], ref("NearbyStore")]],
                            ],
                            required: [
                                "id", "partner", "price", "shipping", "total", "stock", "condition", "url", "best",
                            ]),
                    ],
                    "lowestTotalLast30Days": ref("Amount"),
                    "greenerAlternative": [
                        "description":
                            "A greener product of the same category (score ≥ 10 points better) within 15 % of the best total",
                        "oneOf": [
                            ["type": "null"],
                            object([
                                "id": integer, "name": string, "environmentalGrade": ["type": ["string", "null"]],
                                "lowestTotal": ref("Amount"),
                            ]),
                        ],
                    ],
                    "priceHistory": [
                        "type": "array",
                        "items": object(
                            ["date": dateTime, "lowestTotal": ref("Amount")], required: ["date", "lowestTotal"]),
                    ],
                ],
                required: ["id", "gtin", "name", "imageURLs", "sustainability", "offers", "priceHistory"]),
            "ProductPage": object(
                [
                    "items": [
                        "type": "array",
                        "items": object(
                            [
                                "id": integer, "name": string, "brand": ["type": ["string", "null"]],
                                "environmentalGrade": ["type": ["string", "null"]],
                                "environmentalScore": ["type": ["integer", "null"]],
                                "lowestTotal": ref("Amount"), "offerCount": ["type": "integer"],
                                "nearestStore": [
                                    "description": "With near: the nearest store of a partner that has it in stock",
                                    "oneOf": [["type": "null"], ref("NearbyStore")],
                                ],
                            ], required: ["id", "name", "lowestTotal", "offerCount"]),
                    ],
                    "nextCursor": ["type": ["string", "null"]],
                ], required: ["items"]),
            "Network": object(
                [
                    "stores": [
                        "type": "array", "maxItems": 1_000,
                        "items": object(
                            [
                                "name": ["type": "string", "maxLength": 80],
                                "address": ["type": "string", "maxLength": 200],
                                "city": ["type": "string", "maxLength": 80],
                                "latitude": ["type": "number", "minimum": -90, "maximum": 90],
                                "longitude": ["type": "number", "minimum": -180, "maximum": 180],
                            ], required: ["name", "address", "city", "latitude", "longitude"]),
                    ]
                ], required: ["stores"]),
            "Category": object(
                [
                    "id": integer, "slug": string, "parent": ["type": ["string", "null"]], "nameFR": string,
                    "nameEN": string,
                ], required: ["id", "slug", "nameFR", "nameEN"]),
            "CategoryList": object(["items": ["type": "array", "items": ref("Category")]], required: ["items"]),
            "NewCategory": object(
                [
                    "slug": ["type": "string", "pattern": "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", "maxLength": 60],
                    "parent": ["type": ["string", "null"], "description": "The parent's slug"],
                    "nameFR": ["type": "string", "maxLength": 80], "nameEN": ["type": "string", "maxLength": 80],
                ], required: ["slug", "nameFR", "nameEN"]),
            "PartnerOffer": object(
                [
                    "id": integer, "sku": string,
                    "product": object(["id": integer, "gtin": string, "name": string]),
                    "price": ref("Amount"), "shipping": ref("Amount"), "stock": ["type": "integer"],
                    "condition": ["type": "string", "enum": ["new", "refurbished", "used"]], "url": string,
                    "updatedAt": dateTime,
                ],
                required: ["id", "sku", "product", "price", "shipping", "stock", "condition", "url", "updatedAt"]),
            "OfferPatch": object([
                "price": ["type": "integer", "minimum": 0, "description": "Minor units"],
                "shipping": ["type": "integer", "minimum": 0, "description": "Minor units"],
                "stock": ["type": "integer", "minimum": 0],
                "condition": ["type": "string", "enum": ["new", "refurbished", "used"]],
                "url": ["type": "string", "format": "uri"],
            ]),
            "NearbyStore": object(
                [
                    "id": integer, "name": string, "address": string, "city": string,
                    "latitude": ["type": "number"], "longitude": ["type": "number"],
                    "partner": object(["slug": string, "name": string]),
                    "distanceKm": [
                        "type": "number", "description": "Great-circle distance from the point asked about, to 10 m",
                    ],
                ], required: ["id", "name", "address", "city", "latitude", "longitude", "partner", "distanceKm"]),
            "AlertRequest": object(
                [
                    "target": [
                        "description": "The total price to reach; absent: any drop below today's lowest total",
                        "oneOf": [ref("Amount"), ["type": "null"]],
                    ],
                    "currency": [
                        "type": "string", "pattern": "^[A-Z]{3}$", "description": "For any drop; default EUR",
                    ],
                ]),
            "Alert": object(
                [
                    "productID": integer, "productName": string, "target": ref("Amount"),
                    "anyDrop": ["type": "boolean"],
                    "armed": [
                        "type": "boolean",
                        "description": "False once fired, until the price goes back above the target",
                    ],
                    "currentLowest": ["oneOf": [ref("Amount"), ["type": "null"]]], "createdAt": dateTime,
                    "firedAt": ["type": ["string", "null"], "format": "date-time"],
                ], required: ["productID", "productName", "target", "anyDrop", "armed", "createdAt"]),
            "AlertList": object(["items": ["type": "array", "items": ref("Alert")]], required: ["items"]),
            "NotificationList": object(
                [
                    "items": [
                        "type": "array",
                        "items": object(
                            [
                                "id": integer, "kind": string, "text": string, "link": ["type": ["string", "null"]],
                                "createdAt": dateTime, "readAt": ["type": ["string", "null"], "format": "date-time"],
                            ], required: ["id", "kind", "text", "createdAt"]),
                    ],
                    "unreadCount": ["type": "integer"],
                    "nextBefore": ["type": ["integer", "null"], "description": "Pass as before for older ones"],
                ], required: ["items", "unreadCount"]),
            "MarkRead": object(["upTo": ["type": "integer", "description": "Up to this id; absent: all"]]),
            "MarkedCount": object(["marked": ["type": "integer"]], required: ["marked"]),
            "StoreCount": object(["stores": ["type": "integer"]], required: ["stores"]),
            "StoresNear": object(["items": ["type": "array", "items": ref("NearbyStore")]], required: ["items"]),
        ]
    }
}
