import Foundation

/// Every operation of `/api/v1`, in the order the document lists them.
extension OpenAPIDocument {
    static var operations: [Operation] {
        accountAndCatalogOperations + dealOperations + reviewOperations + articleOperations + commerceOperations
            + ideaOperations + businessModelOperations + voiceOperations
    }

    private static var accountAndCatalogOperations: [Operation] {
        [
            Operation(
                method: "post", path: "/api/v1/members", summary: "Register a member", body: "Registration",
                success: (201, "Member"), errors: [400, 409, 413, 415, 422]),
            Operation(
                method: "put", path: "/api/v1/members/{handle}/role", summary: "Change a member's role (admins)",
                auth: .admin, body: "RoleChange", success: (200, "Member"), errors: [400, 401, 403, 404, 422]),
            Operation(
                method: "post", path: "/api/v1/sessions",
                summary: "Log in by handle or e-mail; answers a bearer token and sets the session cookie",
                body: "Credentials", success: (201, "Session"), errors: [400, 401, 422, 429]),
            Operation(
                method: "delete", path: "/api/v1/sessions/current", summary: "Log out (ends the current session)",
                auth: .member, success: (204, nil), errors: [401, 403]),
            Operation(
                method: "get", path: "/api/v1/me", summary: "The signed-in member", auth: .member,
                success: (200, "Member"), errors: [401, 403]),
            Operation(
                method: "patch", path: "/api/v1/me",
                summary: "Change one's profile (merge patch: absent stays, null clears)",
                auth: .member, body: "ProfilePatch", success: (200, "Member"), errors: [400, 401, 403, 413, 415, 422]),
            Operation(method: "get", path: "/api/v1/partners", summary: "Every partner", success: (200, "PartnerList")),
            Operation(
                method: "post", path: "/api/v1/partners", summary: "Create a partner organisation (staff)",
                auth: .staff,
                body: "NewPartner", success: (201, "Partner"), errors: [400, 401, 403, 409, 422]),
            Operation(
                method: "get", path: "/api/v1/partners/{slug}", summary: "One partner", success: (200, "Partner"),
                errors: [404]),
            Operation(
                method: "get", path: "/api/v1/partners/{slug}/members",
                summary: "The members acting for a partner (staff or its members)",
                auth: .member, success: (200, "MemberList"), errors: [401, 403, 404]),
            Operation(
                method: "post", path: "/api/v1/partners/{slug}/members",
                summary: "Attach a member to a partner (staff)",
                auth: .staff, body: "Attachment", success: (200, "Member"), errors: [400, 401, 403, 404, 422]),
            Operation(
                method: "get", path: "/api/v1/partners/{slug}/tokens",
                summary: "A partner's API tokens (staff or its members)",
                auth: .member, success: (200, "TokenList"), errors: [401, 403, 404]),
            Operation(
                method: "post", path: "/api/v1/partners/{slug}/tokens",
                summary: "Issue a partner API token; its secret is shown once",
                auth: .member, body: "NewToken", success: (201, "Token"), errors: [400, 401, 403, 404, 422]),
            Operation(
                method: "delete", path: "/api/v1/partners/{slug}/tokens/{id}", summary: "Revoke a partner API token",
                auth: .member, success: (204, nil), errors: [400, 401, 403, 404]),
            Operation(
                method: "put", path: "/api/v1/partner/offers",
                summary: "Publish offers (up to 10,000, 16 MiB): created or updated by SKU, all or nothing",
                auth: .partner, body: "Feed", success: (200, "FeedSummary"), errors: [401, 403]),
            Operation(
                method: "post", path: "/api/v1/partner/offers/import",
                summary: "Publish offers as CSV (text/csv): good lines apply, bad ones are answered line by line",
                auth: .partner, body: "FeedCSV", success: (200, "ImportAnswer"), errors: [401, 403]),
            Operation(
                method: "get", path: "/api/v1/partner/offers/{id}", summary: "One of the partner's own offers",
                auth: .partner, success: (200, "PartnerOffer"), errors: [401, 403, 404]),
            Operation(
                method: "patch", path: "/api/v1/partner/offers/{id}",
                summary: "Change one of the partner's offers (merge patch: price, shipping, stock, condition, url); "
                    + "another partner's offer is 403 and stays as it was",
                auth: .partner, body: "OfferPatch", success: (200, "PartnerOffer"), errors: [401, 403, 404]),
            Operation(
                method: "get", path: "/api/v1/partner", summary: "The partner this token (or partner member) acts for",
                auth: .partner, success: (200, "Partner"), errors: [401, 403]),
            Operation(
                method: "get", path: "/api/v1/products",
                summary: "Search products that have offers: words (ignoring case and accents, as prefixes), filters, "
                    + "an order and keyset pages",
                success: (200, "ProductPage"), errors: [422],
                extraParameters: [
                    query("q", "string", "Words to find in name, brand and description"),
                    query("category", "string", "A category slug; its sub-categories are included"),
                    query("minPrice", "integer", "Lowest total price, minor units"),
                    query("maxPrice", "integer", "Highest total price, minor units"),
                    query("grade", "string", "Environmental grade at least (A+, A, B, C, D, E, F)"),
                    query("maxCarbonKg", "number", "kg CO2e per unit at most"),
                    query("minRepairability", "number", "Repairability index at least, 0–10"),
                    query("origin", "string", "ISO 3166-1 alpha-2 country of origin"),
                    query("inStock", "boolean", "Only offers in stock"),
                    query("condition", "string", "new, refurbished or used"),
                    query(
                        "sort", "string",
                        "relevance (default with q), price (default without), sustainability, popularity, forMe "
                            + "(total price and sustainability blended by weight), distance (with near)"),
                    query(
                        "near", "string",
                        "latitude,longitude, or home (the member's): only products in stock in a partner's store "
                            + "within radiusKm"),
                    query("radiusKm", "number", "With near: radius in kilometres, default 10, at most 200"),
                    query(
                        "weight", "integer",
                        "How much sustainability counts in forMe, 0–100; default: the member's setting, else 50"),
                    query("currency", "string", "ISO 4217 currency whose offers are compared, default EUR"),
                    query("cursor", "string", "nextCursor of the previous page"),
                    query("limit", "integer", "1–50, default 20"),
                ]),
            Operation(
                method: "put", path: "/api/v1/partner/stores",
                summary: "Declare the partner's stores (replaces the list, up to 1,000)",
                auth: .partner, body: "Network", success: (200, "StoreCount"), errors: [401, 403]),
            Operation(
                method: "get", path: "/api/v1/stores",
                summary:
                    "Stores within radiusKm (default 10, at most 200) of a point, nearest first; without near, the member's home",
                auth: .optional, success: (200, "StoresNear"), errors: [422],
                extraParameters: [
                    query("near", "string", "latitude,longitude in degrees (WGS 84)"),
                    query("radiusKm", "number", "Radius in kilometres, default 10, at most 200"),
                ]),
            Operation(
                method: "get", path: "/api/v1/products/{id}",
                summary: "A product with its offers by total price, the best marked, each reduction against the lowest "
                    + "total of the 30 days before it (art. L112-1-1), and 90 days of daily lowest totals",
                auth: .optional, success: (200, "ProductComparison"), errors: [404, 422],
                extraParameters: [
                    query("near", "string", "latitude,longitude, or home: each offer gets its partner's nearest store"),
                    query("radiusKm", "number", "With near: radius in kilometres, default 10, at most 200"),
                ]),
            Operation(
                method: "get", path: "/api/v1/categories", summary: "The category tree, parents before children",
                success: (200, "CategoryList")),
            Operation(
                method: "post", path: "/api/v1/categories",
                summary: "Add a category, at the top or under a parent (staff)",
                auth: .staff, body: "NewCategory", success: (201, "Category"), errors: [401, 403, 409]),
            Operation(
                method: "put", path: "/api/v1/products/{id}/alert",
                summary: "Set one's price alert on a product: a target total, or any drop below today's lowest; "
                    + "it fires once, and again only after the price went back above the target",
                auth: .member, body: "AlertRequest", success: (200, "Alert"), errors: [401, 404]),
            Operation(
                method: "delete", path: "/api/v1/products/{id}/alert", summary: "Remove one's price alert on a product",
                auth: .member, success: (204, nil), errors: [401, 404]),
            Operation(
                method: "get", path: "/api/v1/alerts", summary: "One's price alerts, newest first", auth: .member,
                success: (200, "AlertList"), errors: [401]),
            Operation(
                method: "get", path: "/api/v1/notifications", summary: "One's notifications, newest first",
                auth: .member, success: (200, "NotificationList"), errors: [401, 422],
                extraParameters: [
                    query("unread", "boolean", "Only unread ones"),
                    query("before", "integer", "nextBefore of the previous page"),
                    query("limit", "integer", "1–100, default 20"),
                ]),
            Operation(
                method: "post", path: "/api/v1/notifications/read", summary: "Mark one's notifications read",
                auth: .member, body: "MarkRead", success: (200, "MarkedCount"), errors: [401]),
            Operation(
                method: "get", path: "/api/v1/events",
                summary: "Live events as Server-Sent Events (text/event-stream), resumable with Last-Event-ID",
                auth: .optional, success: (200, nil), errors: [422],
                extraParameters: [
                    [
                        "name": "Last-Event-ID", "in": "header", "schema": ["type": "string"],
                        "description": "Resume after this event id",
                    ],
                    [
                        "name": "lastEventId", "in": "query", "schema": ["type": "integer", "minimum": 0],
                        "description": "Same, for a first connection",
                    ],
                    query(
                        "topics", "string",
                        "Comma-separated topics to receive (deals, deals/{id}, notifications); all when absent"),
                ]),
            Operation(method: "get", path: "/api/v1/openapi.json", summary: "This document", success: (200, nil)),
        ]
    }
}
