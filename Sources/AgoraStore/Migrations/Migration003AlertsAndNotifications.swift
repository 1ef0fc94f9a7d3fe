extension Migrations {
    /// Members' price alerts and the notifications that tell them what happened (later issues add
    /// their own kinds of notification to the same table), and two indexes for the large catalog:
    /// one walks a partner's offers by product ("near me, nearest first"), the other answers a
    /// product's offer totals from the index alone (search), replacing the product-only one.
    static let alertsAndNotifications = Migration(version: 3, name: "alerts_and_notifications") { types in
        [
            "CREATE INDEX offers_partner_product ON offers(partner_id, product_id)",
            "CREATE INDEX offers_product_prices ON offers(product_id, currency, stock, price_minor, shipping_minor)",
            "DROP INDEX offers_product",
            """
            CREATE TABLE price_alerts (
                id \(types.id),
                member_id BIGINT NOT NULL REFERENCES members(id),
                product_id BIGINT NOT NULL REFERENCES products(id),
                target_minor BIGINT NOT NULL,
                currency TEXT NOT NULL,
                any_drop INTEGER NOT NULL,
                armed INTEGER NOT NULL,
                created_at BIGINT NOT NULL,
                fired_at BIGINT,
                UNIQUE (member_id, product_id)
            )
            """,
            "CREATE INDEX price_alerts_product ON price_alerts(product_id)",
            """
            CREATE TABLE notifications (
                id \(types.id),
                member_id BIGINT NOT NULL REFERENCES members(id),
                kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                read_at BIGINT
            )
            """,
            "CREATE INDEX notifications_member ON notifications(member_id, id)",
        ]
    }
}
