import AgoraDomain
import Foundation

/// The VISOR dashboard's and the business-model settings' operations and shapes.
extension OpenAPIDocument {
    static var businessModelOperations: [Operation] {
        let writeErrors = [400, 401, 403, 404, 413, 415, 422]
        let period = [
            query("from", "string", "First day (YYYY-MM-DD, UTC), default 30 days before `to`"),
            query("to", "string", "Last day, included (YYYY-MM-DD, UTC), default today; at most 366 days"),
        ]
        return [
            Operation(
                method: "get", path: "/api/v1/business-model",
                summary:
                    "The five VISOR panels for a period, from the orders, events and tables. Staff: the platform, or a partner's slice with partnerID; a partner: its own slice only (interface and platform panels left out)",
                auth: .partner, success: (200, "BusinessModel"), errors: [401, 403, 404, 422],
                extraParameters: period + [
                    query("partnerID", "integer", "A partner's slice (staff; a partner may only name itself)"),
                    query("format", "string", "json (default) or csv: one table as CSV (money in cents)"),
                    query(
                        "table", "string", BusinessModelCSV.tables.joined(separator: ", ") + "; default profit-and-loss"
                    ),
                ]),
            Operation(
                method: "post", path: "/api/v1/business-model/what-if",
                summary:
                    "Every party's P&L on the same period's orders with other settings and partners' terms, beside the actual one; nothing is written",
                auth: .staff, body: "WhatIfRequest", success: (200, "WhatIf"), errors: writeErrors),
            Operation(
                method: "get", path: "/api/v1/business-model/settings",
                summary: "The settings in force, every partner's terms, and the last 90 days of changes",
                auth: .staff, success: (200, "BusinessSettings"), errors: [401, 403]),
            Operation(
                method: "put", path: "/api/v1/business-model/settings",
                summary:
                    "Change some settings (only the keys given); each change is audited and applies to orders placed from then on",
                auth: .staff, body: "SettingsChanges", success: (200, "BusinessSettings"), errors: writeErrors),
            Operation(
                method: "put", path: "/api/v1/business-model/partners/{id}/terms",
                summary: "A partner's commission and declared costs (each change audited)", auth: .staff,
                body: "PartnerTerms", success: (200, "PartnerTermsAnswer"), errors: writeErrors),
        ]
    }

    static var businessModelSchemas: [String: Any] {
        let cents: [String: Any] = ["type": "integer", "description": "Minor units (cents) of EUR"]
        func all(_ properties: [String: Any]) -> [String: Any] {
            object(properties, required: Array(properties.keys))
        }
        let partnerResult = all([
            "partnerID": integer, "name": string, "paidOrders": integer, "givenBackOrders": integer,
            "grossSales": cents, "refunds": cents, "netSales": cents, "commission": cents, "costOfGoods": cents,
            "orderCosts": cents, "profit": cents, "profitable": ["type": "boolean"],
        ])
        let revenue = object(
            [
                "currency": string,
                "platform": [
                    "type": ["object", "null"],
                    "description":
                        "commission − processing costs − rewards − fixed costs (by days); null in a partner's slice",
                ],
                "partners": ["type": "array", "items": partnerResult],
                "community": ["type": ["object", "null"], "description": "Rewards earned, net of refunds"],
                "unprofitable": [
                    "type": "array", "items": string,
                    "description": "platform, community, or partners' ids whose profit is below zero",
                ],
                "ordersInOtherCurrencies": integer,
            ], required: ["currency", "partners", "unprofitable", "ordersInOtherCurrencies"])
        let settingsKeys = Dictionary(
            uniqueKeysWithValues: PlatformSettings.Key.allCases.map { key -> (String, Any) in
                (key.rawValue, ["type": "integer", "minimum": key.bounds.lowerBound, "maximum": key.bounds.upperBound])
            })
        let terms = all([
            "commissionBps": ["type": "integer", "minimum": 0, "maximum": PartnerTerms.commissionBounds.upperBound],
            "costOfGoodsBps": ["type": "integer", "minimum": 0, "maximum": PartnerTerms.costOfGoodsBounds.upperBound],
            "costPerOrder": [
                "type": "integer", "minimum": 0, "maximum": PartnerTerms.costPerOrderBounds.upperBound,
                "description": "Minor units",
            ],
        ])
        return [
            "BusinessModel": object(
                [
                    "period": all(["from": string, "to": string, "days": integer]),
                    "partnerID": ["type": ["integer", "null"]],
                    "value": [
                        "type": "object",
                        "description":
                            "Orders placed in the period and not cancelled; savings = max(0, market price × quantity − paid), against the offer's 30-day reference and the median of the product's offers at the time of the order; group buys ended in the period",
                    ],
                    "interface": [
                        "type": ["object", "null"],
                        "description":
                            "Active members (signed-in requests and their acts) by day, in the period, the last 7 and 30 days; channel mix; languages; page latency p50/p95",
                    ],
                    "platform": [
                        "type": ["object", "null"],
                        "description":
                            "Requests, errors, latency p95, live connections and delivery lag of instances that reported in the last minute, webhook success",
                    ],
                    "organizing": [
                        "type": "object",
                        "description":
                            "Active partners, acknowledgement time per partner against the target, offer freshness (updated in the last 7 days), webhook failures, ideas decided within their deadline",
                    ],
                    "revenue": revenue,
                    "settingsChanges": [
                        "type": "array",
                        "description":
                            "Settings changed in the period, oldest first (a partner's slice: its own terms)",
                        "items": object(
                            [
                                "key": string, "partnerID": ["type": ["integer", "null"]], "from": integer,
                                "to": integer, "by": ["type": ["string", "null"]], "at": dateTime,
                            ], required: ["key", "from", "to", "at"]),
                    ],
                ], required: ["period", "value", "organizing", "revenue", "settingsChanges"]),
            "WhatIfRequest": object(
                [
                    "from": string, "to": string, "settings": object(settingsKeys),
                    "partners": [
                        "type": "array", "maxItems": 1_000,
                        "items": object(
                            [
                                "partnerID": integer, "commissionBps": integer, "costOfGoodsBps": integer,
                                "costPerOrder": integer,
                            ], required: ["partnerID", "commissionBps", "costOfGoodsBps", "costPerOrder"]),
                    ],
                ]),
            "WhatIf": all(["period": ["type": "object"], "actual": revenue, "whatIf": revenue]),
            "SettingsChanges": object(settingsKeys),
            "BusinessSettings": all([
                "settings": ["type": "object", "additionalProperties": integer],
                "partners": ["type": "array", "items": ref("PartnerTermsAnswer")],
                "changes": [
                    "type": "array",
                    "items": all([
                        "key": string, "partnerID": ["type": ["integer", "null"]], "from": integer, "to": integer,
                        "by": ["type": ["string", "null"]], "at": dateTime,
                    ]),
                ],
            ]),
            "PartnerTerms": terms,
            "PartnerTermsAnswer": object(
                [
                    "partnerID": integer, "name": string, "commissionBps": integer, "costOfGoodsBps": integer,
                    "costPerOrder": integer,
                ], required: ["partnerID", "name", "commissionBps", "costOfGoodsBps", "costPerOrder"]),
        ]
    }
}
