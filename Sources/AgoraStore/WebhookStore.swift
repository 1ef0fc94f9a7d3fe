import AgoraDomain
import Crypto
import Foundation
import SQLKit

/// A webhook call waiting, done or given up, with its attempts.
public struct WebhookDelivery: Sendable, Equatable {
    public enum Status: String, Sendable, Codable { case pending, delivered, failed }

    public struct Attempt: Sendable, Equatable {
        public let at: Date
        public let statusCode: Int?
        public let error: String?
        public let durationMilliseconds: Int
    }

    public let id: Int64
    public let partnerID: PartnerID
    public let eventType: String
    public let payload: String
    public let status: Status
    public let attempts: Int
    public let createdAt: Date
    public let nextAttemptAt: Date?
    public let deliveredAt: Date?
    public var history: [Attempt] = []
}

/// What a partner's endpoint receives: where to send it and the secret that signs it.
public struct WebhookEndpoint: Sendable, Equatable {
    public let url: String
    public let secret: String
}

/// Signs a webhook body the way partners check it: HMAC-SHA256 over `timestamp.body` with the
/// partner's secret, sent as `Agora-Signature: t=<unix seconds>,v1=<hex>`. The timestamp lets a
/// receiver refuse replays older than a few minutes.
public enum WebhookSignature {
    public static func header(secret: String, timestamp: Int64, body: String) -> String {
        "t=\(timestamp),v1=\(sign(secret: secret, timestamp: timestamp, body: body))"
    }

    public static func sign(secret: String, timestamp: Int64, body: String) -> String {
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(timestamp).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return SecretToken.hex(Array(mac))
    }

    /// Whether `header` signs `body` with `secret`, within `tolerance` seconds of `now`.
    public static func verify(header: String, secret: String, body: String, now: Date, tolerance: TimeInterval = 300)
        -> Bool
    {
        var fields: [Substring: Substring] = [:]
        for part in header.split(separator: ",") {
            let pair = part.split(separator: "=", maxSplits: 1)
            if pair.count == 2 { fields[pair[0]] = pair[1] }
        }
        guard let timestamp = fields["t"].flatMap({ Int64($0) }), let signature = fields["v1"],
            abs(now.timeIntervalSince1970 - Double(timestamp)) <= tolerance
        else { return false }
        let expected = sign(secret: secret, timestamp: timestamp, body: body)
        // Compared in constant time, so that a forger learns nothing from how long a refusal takes.
        guard expected.utf8.count == signature.utf8.count else { return false }
        return zip(expected.utf8, signature.utf8).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

extension Transaction {
    /// Queues a webhook call to the partner, when it has an endpoint, in the transaction of the change
    /// it announces: the call exists if and only if the change commits.
    func enqueueWebhook(partner: PartnerID, type: EventType, payload: some Encodable & Sendable) async throws {
        let body = WebhookBody(type: type.rawValue, createdAt: now, data: payload)
        let json = String(decoding: try JSONEncoder.events.encode(body), as: UTF8.self)
        try await sql.raw(
            """
            INSERT INTO webhook_deliveries (partner_id, event_type, payload, status, created_at, next_attempt_at)
            SELECT id, \(bind: type.rawValue), \(bind: json), 'pending', \(bind: now.millisecondsSince1970),
                \(bind: now.millisecondsSince1970)
            FROM partners WHERE id = \(bind: partner.rawValue) AND webhook_url IS NOT NULL
            """
        ).run()
    }

    /// An order as partners receive it in `order.*` webhooks.
    func webhookOrder(_ id: OrderID) async throws -> WebhookOrder {
        let row = try await sql.raw(
            """
            SELECT orders.id, orders.status, orders.product_id, products.name, orders.offer_id, orders.quantity,
                orders.unit_price_minor, orders.shipping_minor, orders.gross_minor, orders.commission_minor,
                orders.currency, orders.source, orders.group_buy_id, members.handle
            FROM orders JOIN products ON products.id = orders.product_id JOIN members ON members.id = orders.member_id
            WHERE orders.id = \(bind: id.rawValue)
            """
        ).first()!
        return WebhookOrder(
            id: try row.decode(column: "id", as: Int64.self), status: try row.decode(column: "status", as: String.self),
            productID: try row.decode(column: "product_id", as: Int64.self),
            productName: try row.decode(column: "name", as: String.self),
            offerID: try row.decode(column: "offer_id", as: Int64?.self),
            quantity: try row.decode(column: "quantity", as: Int.self),
            unitPriceMinor: try row.decode(column: "unit_price_minor", as: Int64.self),
            shippingMinor: try row.decode(column: "shipping_minor", as: Int64.self),
            grossMinor: try row.decode(column: "gross_minor", as: Int64.self),
            commissionMinor: try row.decode(column: "commission_minor", as: Int64.self),
            currency: try row.decode(column: "currency", as: String.self),
            source: try row.decode(column: "source", as: String.self),
            groupBuyID: try row.decode(column: "group_buy_id", as: Int64?.self),
            member: try row.decode(column: "handle", as: String.self))
    }
}

struct WebhookBody<Data: Encodable & Sendable>: Encodable, Sendable {
    let type: String
    let createdAt: Date
    let data: Data
}

struct WebhookOrder: Encodable, Sendable {
    let id: Int64
    let status: String
    let productID: Int64
    let productName: String
    let offerID: Int64?
    let quantity: Int
    let unitPriceMinor: Int64
    let shippingMinor: Int64
    let grossMinor: Int64
    let commissionMinor: Int64
    let currency: String
    let source: String
    let groupBuyID: Int64?
    let member: String
}

/// Partners' endpoints and the deliveries to them.
public struct WebhookStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Sets (or, with nil, removes) the partner's endpoint; a new secret is drawn each time and
    /// returned once, for the partner to keep.
    public func setEndpoint(_ url: String?, for partner: PartnerID) async throws -> WebhookEndpoint? {
        let secret = url == nil ? nil : SecretToken(prefix: "whsec_").value
        try await database.write { tx in
            try await tx.sql.raw(
                """
                UPDATE partners SET webhook_url = \(bind: url), webhook_secret = \(bind: secret)
                WHERE id = \(bind: partner.rawValue)
                """
            ).run()
            try await tx.appendEvent(
                .webhookChanged, audience: .partner(partner), payload: ["url": url ?? ""])
        }
        guard let url, let secret else { return nil }
        return WebhookEndpoint(url: url, secret: secret)
    }

    public func endpoint(of partner: PartnerID) async throws -> WebhookEndpoint? {
        try await database.read { sql in
            guard
                let row = try await sql.raw(
                    "SELECT webhook_url, webhook_secret FROM partners WHERE id = \(bind: partner.rawValue)"
                ).first(),
                let url = try row.decode(column: "webhook_url", as: String?.self),
                let secret = try row.decode(column: "webhook_secret", as: String?.self)
            else { return nil }
            return WebhookEndpoint(url: url, secret: secret)
        }
    }

    /// Deliveries whose time has come, oldest first, each claimed for `lease`: an instance sends only
    /// what it claimed, so two instances never call the same delivery at once; a claim left by a
    /// crashed instance expires and the delivery is tried again (at least once, never lost).
    public func claimDue(limit: Int = 20, lease: TimeInterval = 60) async throws -> [WebhookDelivery] {
        let now = database.clock.now
        let due = try await database.read { sql in
            try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.columns) FROM webhook_deliveries
                WHERE status = 'pending' AND next_attempt_at <= \(bind: now.millisecondsSince1970)
                ORDER BY next_attempt_at, id LIMIT \(literal: limit)
                """
            ).all().map(Self.delivery)
        }
        var claimed: [WebhookDelivery] = []
        for delivery in due {
            let rows = try await database.write { tx in
                try await tx.sql.raw(
                    """
                    UPDATE webhook_deliveries SET next_attempt_at = \(bind: now.addingTimeInterval(lease).millisecondsSince1970)
                    WHERE id = \(bind: delivery.id) AND status = 'pending'
                    AND next_attempt_at = \(bind: delivery.nextAttemptAt?.millisecondsSince1970 ?? 0) RETURNING id
                    """
                ).all()
            }
            if !rows.isEmpty { claimed.append(delivery) }
        }
        return claimed
    }

    /// Records one attempt and what follows: delivered, tried again later (`next`), or given up.
    /// Only a pending delivery changes, so two instances that raced for one record one outcome.
    @discardableResult
    public func recordAttempt(
        _ delivery: Int64, statusCode: Int?, error: String?, duration: Int, delivered: Bool, next: Date?
    ) async throws -> Bool {
        try await database.write { tx in
            let status = delivered ? "delivered" : next == nil ? "failed" : "pending"
            let updated = try await tx.sql.raw(
                """
                UPDATE webhook_deliveries SET status = \(bind: status), attempts = attempts + 1,
                    next_attempt_at = \(bind: next?.millisecondsSince1970),
                    delivered_at = \(bind: delivered ? tx.now.millisecondsSince1970 : nil)
                WHERE id = \(bind: delivery) AND status = 'pending' RETURNING id
                """
            ).all()
            guard !updated.isEmpty else { return false }
            try await tx.sql.raw(
                """
                INSERT INTO webhook_attempts (delivery_id, at, status_code, error, duration_ms)
                VALUES (\(bind: delivery), \(bind: tx.now.millisecondsSince1970), \(bind: statusCode),
                    \(bind: error.map { String($0.prefix(500)) }), \(bind: duration))
                """
            ).run()
            return true
        }
    }

    /// Sends a delivery again now, whatever became of it (the partner fixed its endpoint).
    public func replay(_ delivery: Int64, partner: PartnerID) async throws {
        try await database.write { tx in
            let updated = try await tx.sql.raw(
                """
                UPDATE webhook_deliveries SET status = 'pending', next_attempt_at = \(bind: tx.now.millisecondsSince1970),
                    created_at = \(bind: tx.now.millisecondsSince1970)
                WHERE id = \(bind: delivery) AND partner_id = \(bind: partner.rawValue) RETURNING id
                """
            ).all()
            guard !updated.isEmpty else { throw StoreError.notFound }
        }
    }

    /// A partner's deliveries, newest first, each with its attempts.
    public func deliveries(of partner: PartnerID, before: Int64? = nil, limit: Int = 50) async throws
        -> [WebhookDelivery]
    {
        try await database.read { sql in
            var deliveries = try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.columns) FROM webhook_deliveries
                WHERE partner_id = \(bind: partner.rawValue) AND id < \(bind: before ?? Int64.max)
                ORDER BY id DESC LIMIT \(literal: limit)
                """
            ).all().map(Self.delivery)
            guard !deliveries.isEmpty else { return [] }
            var attempts: [Int64: [WebhookDelivery.Attempt]] = [:]
            for row in try await sql.raw(
                """
                SELECT delivery_id, at, status_code, error, duration_ms FROM webhook_attempts
                WHERE delivery_id IN (\(binds: deliveries.map(\.id))) ORDER BY id
                """
            ).all() {
                attempts[try row.decode(column: "delivery_id", as: Int64.self), default: []].append(
                    .init(
                        at: Date(millisecondsSince1970: try row.decode(column: "at", as: Int64.self)),
                        statusCode: try row.decode(column: "status_code", as: Int?.self),
                        error: try row.decode(column: "error", as: String?.self),
                        durationMilliseconds: try row.decode(column: "duration_ms", as: Int.self)))
            }
            for index in deliveries.indices { deliveries[index].history = attempts[deliveries[index].id] ?? [] }
            return deliveries
        }
    }

    static let columns =
        "id, partner_id, event_type, payload, status, attempts, created_at, next_attempt_at, delivered_at"

    static func delivery(_ row: any SQLRow) throws -> WebhookDelivery {
        WebhookDelivery(
            id: try row.decode(column: "id", as: Int64.self),
            partnerID: PartnerID(try row.decode(column: "partner_id", as: Int64.self)),
            eventType: try row.decode(column: "event_type", as: String.self),
            payload: try row.decode(column: "payload", as: String.self),
            status: WebhookDelivery.Status(rawValue: try row.decode(column: "status", as: String.self)) ?? .pending,
            attempts: try row.decode(column: "attempts", as: Int.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            nextAttemptAt: try row.decode(column: "next_attempt_at", as: Int64?.self).map(
                Date.init(millisecondsSince1970:)),
            deliveredAt: try row.decode(column: "delivered_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)))
    }
}
