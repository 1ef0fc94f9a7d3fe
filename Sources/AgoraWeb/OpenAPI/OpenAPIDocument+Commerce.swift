import Foundation

/// Group buys, orders, webhooks and the ledger's statements.
extension OpenAPIDocument {
    static var commerceOperations: [Operation] {
        let writeErrors = [400, 401, 403, 404, 409, 413, 415, 422]
        let cursor = query("cursor", "string", "nextCursor of the previous page")
        var operations = [
            Operation(
                method: "get", path: "/api/v1/group-buys", summary: "Group buys: open ones by nearest deadline",
                auth: .optional, success: (200, "GroupBuyList"), errors: [422],
                extraParameters: [query("status", "string", "open (default), succeeded, failed, cancelled or all")]),
            Operation(
                method: "post", path: "/api/v1/group-buys",
                summary: "A partner opens a group buy on a product it sells (staff name the partner)", auth: .partner,
                body: "NewGroupBuy", success: (201, "GroupBuy"), errors: writeErrors),
            Operation(
                method: "get", path: "/api/v1/group-buys/{id}",
                summary: "A group buy's progress: current tier, how many more unlock the next, the caller's pledge",
                auth: .optional, success: (200, "GroupBuy"), errors: [404]),
            Operation(
                method: "put", path: "/api/v1/group-buys/{id}/pledge",
                summary:
                    "Pledge a quantity, or change it; held in the ledger at the tier price. Never beyond the cap (409 cap-reached)",
                auth: .member, body: "PledgeRequest", success: (200, "PledgeAnswer"), errors: writeErrors),
            Operation(
                method: "delete", path: "/api/v1/group-buys/{id}/pledge",
                summary: "Leave a group buy before its deadline; the hold is released", auth: .member,
                success: (204, nil), errors: [401, 404, 409]),
            Operation(
                method: "post", path: "/api/v1/group-buys/{id}/cancel",
                summary: "Its partner or staff cancel an open group buy; every hold is released", auth: .partner,
                success: (200, "GroupBuy"), errors: [401, 403, 404, 409]),
            Operation(
                method: "get", path: "/api/v1/group-buy-proposals", summary: "Members' open group-buy proposals",
                auth: .optional, success: (200, "ProposalList"), errors: [422],
                extraParameters: [query("productID", "integer", "Only for this product")]),
            Operation(
                method: "post", path: "/api/v1/group-buy-proposals",
                summary: "Ask for a group buy on a product at a target unit price (joins the product's open proposal)",
                auth: .member, body: "SupportRequest", success: (201, "Proposal"), errors: writeErrors),
            Operation(
                method: "put", path: "/api/v1/group-buy-proposals/{id}/support",
                summary: "Support a proposal with one's target price and quantity", auth: .member,
                body: "SupportRequest", success: (200, "Proposal"), errors: writeErrors),
            Operation(
                method: "delete", path: "/api/v1/group-buy-proposals/{id}/support", summary: "Withdraw one's support",
                auth: .member, success: (204, nil), errors: [401, 404]),
            Operation(
                method: "get", path: "/api/v1/partner/demand",
                summary: "Open proposals on the partner's products: supporters, units, target prices", auth: .partner,
                success: (200, "ProposalList"), errors: [401, 403]),
            Operation(
                method: "post", path: "/api/v1/orders",
                summary:
                    "Buy an offer, directly or from a deal (the first sharer within 30 days is rewarded); paid on delivery",
                auth: .member, body: "NewOrder", success: (201, "Order"), errors: writeErrors),
            Operation(
                method: "get", path: "/api/v1/orders/{id}",
                summary: "An order and its timeline (its member, partner, staff)",
                auth: .member, success: (200, "Order"), errors: [401, 404]),
            Operation(
                method: "post", path: "/api/v1/orders/{id}/cancel",
                summary: "The member cancels an order the partner has not acknowledged", auth: .member,
                success: (200, "Order"), errors: [401, 404, 409]),
            Operation(
                method: "get", path: "/api/v1/me/orders", summary: "The member's orders, newest first", auth: .member,
                success: (200, "OrderList"), errors: [401, 422], extraParameters: [cursor]),
            Operation(
                method: "get", path: "/api/v1/partner/orders", summary: "The partner's orders, newest first",
                auth: .partner, success: (200, "OrderList"), errors: [401, 403, 422], extraParameters: [cursor]),
            Operation(
                method: "get", path: "/api/v1/partner/webhook",
                summary: "The partner's webhook endpoint, its events and how calls are signed", auth: .partner,
                success: (200, "WebhookEndpoint"), errors: [401, 403]),
            Operation(
                method: "put", path: "/api/v1/partner/webhook",
                summary: "Set the endpoint (https, public); a new signing secret is returned once", auth: .partner,
                body: "WebhookRequest", success: (200, "WebhookEndpoint"), errors: writeErrors),
            Operation(
                method: "delete", path: "/api/v1/partner/webhook", summary: "Remove the endpoint", auth: .partner,
                success: (204, nil), errors: [401, 403]),
            Operation(
                method: "get", path: "/api/v1/partner/webhook/deliveries",
                summary: "Deliveries newest first, each with its attempts", auth: .partner,
                success: (200, "WebhookDeliveryList"), errors: [401, 403, 422], extraParameters: [cursor]),
            Operation(
                method: "post", path: "/api/v1/partner/webhook/deliveries/{id}/replay",
                summary: "Send a delivery again now",
                auth: .partner, success: (202, nil), errors: [401, 403, 404]),
            Operation(
                method: "get", path: "/api/v1/me/rewards",
                summary:
                    "The member's rewards wallet: vested, pending until return windows close, and its latest 500 entries, newest first",
                auth: .member, success: (200, "Rewards"), errors: [401, 422],
                extraParameters: [query("currency", "string", "ISO 4217, default EUR")]),
            Operation(
                method: "get", path: "/api/v1/partner/statement",
                summary: "The partner's statement for a period: sales, refunds, commission, net; format=csv for a file",
                auth: .partner, success: (200, "Statement"), errors: [401, 403, 422],
                extraParameters: [
                    query("from", "string", "First day, YYYY-MM-DD (default: the first of this month)"),
                    query("to", "string", "Last day, YYYY-MM-DD (default: today)"),
                    query("currency", "string", "ISO 4217, default EUR"),
                    query("format", "string", "csv for a CSV file"),
                ]),
            Operation(
                method: "get", path: "/api/v1/admin/journal", summary: "Every ledger transfer, oldest first (staff)",
                auth: .staff, success: (200, "Journal"), errors: [401, 403, 422], extraParameters: [cursor]),
            Operation(
                method: "get", path: "/api/v1/admin/ledger",
                summary: "Every account's balance and a recount of the ledger's invariants (staff)", auth: .staff,
                success: (200, "LedgerAudit"), errors: [401, 403]),
        ]
        for step in ["acknowledge", "ship", "deliver", "cancel", "refund"] {
            operations.append(
                Operation(
                    method: "post", path: "/api/v1/partner/orders/{id}/\(step)",
                    summary: "The partner moves its order: \(step)", auth: .partner, success: (200, "Order"),
                    errors: [401, 403, 404, 409]))
        }
        return operations
    }

    static var commerceSchemas: [String: Any] {
        let tier = object(["participants": integer, "unitPrice": integer], required: ["participants", "unitPrice"])
        let nullableInteger: [String: Any] = ["type": ["integer", "null"]]
        let groupBuy = object(
            [
                "id": integer, "title": string, "description": string, "partner": string, "productID": integer,
                "product": string, "proposalID": nullableInteger, "currency": string,
                "tiers": ["type": "array", "items": tier], "minimumParticipants": integer, "cap": integer,
                "perMemberMaximum": integer, "deadline": dateTime,
                "status": ["type": "string", "enum": ["open", "succeeded", "failed", "cancelled"]],
                "participants": integer, "units": integer, "remainingUnits": integer, "currentUnitPrice": integer,
                "nextTier": ["oneOf": [["type": "null"], tier]], "missingParticipants": nullableInteger,
                "finalUnitPrice": nullableInteger, "myPledge": nullableInteger,
            ],
            required: ["id", "title", "status", "participants", "units", "currentUnitPrice", "deadline", "tiers"])
        let proposal = object(
            [
                "id": integer, "productID": integer, "product": string, "proposer": string, "note": string,
                "supporters": integer, "units": integer,
                "lowestTargetPrice": ["oneOf": [["type": "null"], ref("Amount")]],
                "medianTargetPrice": ["oneOf": [["type": "null"], ref("Amount")]], "status": string,
                "groupBuyID": nullableInteger,
            ],
            required: ["id", "productID", "supporters", "units", "status"])
        let step = object(["status": string, "at": dateTime], required: ["status", "at"])
        let order = object(
            [
                "id": integer,
                "status": [
                    "type": "string",
                    "enum": [
                        "placed", "acknowledged", "shipped", "delivered",
                        "cancelled", "refunded",
                    ],
                ],
                "source": ["type": "string", "enum": ["offer", "deal", "group_buy"]], "member": string,
                "partner": string,
                "productID": integer, "product": string, "offerID": nullableInteger, "dealID": nullableInteger,
                "groupBuyID": nullableInteger, "referrer": ["type": ["string", "null"]], "quantity": integer,
                "unitPrice": ref("Amount"), "shipping": ref("Amount"), "total": ref("Amount"),
                "paid": ["type": "boolean"], "paymentMethod": string, "timeline": ["type": "array", "items": step],
            ],
            required: ["id", "status", "source", "quantity", "total", "timeline"])
        let entry = object(
            [
                "sequence": integer, "id": string,
                "kind": ["type": "string", "enum": ["posted", "pending", "post", "void"]],
                "code": string, "debit": string, "credit": string, "amount": ref("Amount"), "orderID": nullableInteger,
                "at": dateTime,
            ],
            required: ["sequence", "id", "kind", "code", "debit", "credit", "amount", "at"])
        let attempt = object(
            [
                "at": dateTime, "statusCode": nullableInteger, "error": ["type": ["string", "null"]],
                "durationMs": integer,
            ],
            required: ["at", "durationMs"])
        let delivery = object(
            [
                "id": integer, "event": string,
                "status": ["type": "string", "enum": ["pending", "delivered", "failed"]],
                "attempts": ["type": "array", "items": attempt], "createdAt": dateTime,
                "nextAttemptAt": ["type": ["string", "null"], "format": "date-time"],
                "deliveredAt": ["type": ["string", "null"], "format": "date-time"], "payload": string,
            ],
            required: ["id", "event", "status", "attempts", "createdAt", "payload"])
        func list(_ item: [String: Any], cursor: Bool = false) -> [String: Any] {
            var properties: [String: Any] = ["items": ["type": "array", "items": item]]
            if cursor { properties["nextCursor"] = ["type": ["string", "null"]] }
            return object(properties, required: ["items"])
        }
        return [
            "GroupBuy": groupBuy, "GroupBuyList": list(groupBuy),
            "NewGroupBuy": object(
                [
                    "productID": integer,
                    "partner": ["type": "string", "description": "Staff only: the partner's slug"],
                    "proposalID": integer, "title": string, "description": string,
                    "tiers": ["type": "array", "items": tier, "minItems": 1, "maxItems": 8],
                    "minimumParticipants": integer,
                    "cap": integer, "perMemberMaximum": integer, "deadline": dateTime,
                ],
                required: ["productID", "title", "tiers", "minimumParticipants", "cap", "perMemberMaximum", "deadline"]),
            "PledgeRequest": object(["quantity": integer], required: ["quantity"]),
            "PledgeAnswer": object(
                ["quantity": integer, "hold": ref("Amount"), "groupBuy": groupBuy],
                required: ["quantity", "hold", "groupBuy"]),
            "Proposal": proposal, "ProposalList": list(proposal),
            "SupportRequest": object(
                ["productID": integer, "targetPrice": integer, "quantity": integer, "note": string],
                required: ["targetPrice"]),
            "NewOrder": object(["offerID": integer, "quantity": integer, "dealID": integer], required: ["offerID"]),
            "Order": order, "OrderList": list(order, cursor: true),
            "WebhookRequest": object(["url": string], required: ["url"]),
            "WebhookEndpoint": object(
                [
                    "url": ["type": ["string", "null"]], "secret": ["type": ["string", "null"]],
                    "events": ["type": "array", "items": string], "signature": string,
                ],
                required: ["events", "signature"]),
            "WebhookDeliveryList": list(delivery, cursor: true),
            "Rewards": object(
                ["available": ref("Amount"), "pending": ref("Amount"), "entries": ["type": "array", "items": entry]],
                required: ["available", "pending", "entries"]),
            "Statement": object(
                [
                    "partner": string, "from": dateTime, "to": dateTime, "sales": ref("Amount"),
                    "refunds": ref("Amount"),
                    "commission": ref("Amount"), "net": ref("Amount"), "held": ref("Amount"),
                    "entries": ["type": "array", "items": entry],
                ],
                required: ["partner", "from", "to", "sales", "refunds", "commission", "net", "held", "entries"]),
            "Journal": list(entry, cursor: true),
            "LedgerAudit": object(
                [
                    "problems": ["type": "array", "items": string],
                    "accounts": [
                        "type": "array",
                        "items": object(
                            [
                                "account": string, "currency": string, "posted": integer, "debitsPending": integer,
                                "creditsPending": integer,
                            ],
                            required: ["account", "currency", "posted", "debitsPending", "creditsPending"]),
                    ],
                ],
                required: ["problems", "accounts"]),
        ]
    }
}
