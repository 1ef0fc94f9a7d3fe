extension Migrations {
    /// The business model: staff's settings, partners' declared costs, what each order was worth
    /// against the market when it was placed, and the traffic aggregates the dashboard reads
    /// instead of scanning requests.
    static let businessModel = Migration(
        version: 10, name: "business-model",
        statements: { types in
            [
                // Only the settings staff changed; the others are the deployment's (`PlatformSettings.defaults`).
                "CREATE TABLE platform_settings (key TEXT PRIMARY KEY, value BIGINT NOT NULL)",
                "ALTER TABLE partners ADD COLUMN cost_of_goods_bps INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE partners ADD COLUMN cost_per_order_minor BIGINT NOT NULL DEFAULT 0",
                // One unit's price with shipping: the offer's 30-day reference and the median of the
                // product's offers in stock, at the moment of the order (null when unknown).
                "ALTER TABLE orders ADD COLUMN reference_price_minor BIGINT",
                "ALTER TABLE orders ADD COLUMN median_offer_minor BIGINT",
                "CREATE INDEX orders_placed ON orders(placed_at)",
                "CREATE INDEX orders_delivered ON orders(delivered_at)",
                "CREATE INDEX orders_refunded ON orders(refunded_at)",
                "CREATE INDEX members_created ON members(created_at)",
                "CREATE INDEX reviews_published ON reviews(status, created_at)",
                "CREATE INDEX offers_partner_updated ON offers(partner_id, updated_at)",
                "CREATE INDEX webhook_attempts_at ON webhook_attempts(at)",
                "CREATE INDEX share_clicks_at ON share_clicks(at)",
                "CREATE INDEX audit_log_action ON audit_log(action, created_at)",
                // A member seen on a day (UTC days since 1970): signed-in requests and the acts they made.
                """
                CREATE TABLE activity_days (
                    day INTEGER NOT NULL,
                    member_id BIGINT NOT NULL REFERENCES members(id),
                    PRIMARY KEY (day, member_id)
                )
                """,
                // Requests by hour (ms since 1970, floored) and channel, summed over instances.
                """
                CREATE TABLE traffic_hours (
                    hour BIGINT NOT NULL,
                    channel TEXT NOT NULL,
                    requests BIGINT NOT NULL,
                    client_errors BIGINT NOT NULL,
                    server_errors BIGINT NOT NULL,
                    PRIMARY KEY (hour, channel)
                )
                """,
                // Response times in `LatencyHistogram` buckets.
                """
                CREATE TABLE traffic_latency (
                    hour BIGINT NOT NULL,
                    channel TEXT NOT NULL,
                    bucket INTEGER NOT NULL,
                    requests BIGINT NOT NULL,
                    PRIMARY KEY (hour, channel, bucket)
                )
                """,
                // Each instance's live figures, refreshed as it records traffic; stale rows are ignored.
                """
                CREATE TABLE instance_gauges (
                    instance TEXT PRIMARY KEY,
                    live_streams INTEGER NOT NULL,
                    delivery_lag_ms BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL
                )
                """,
            ]
        })
}
