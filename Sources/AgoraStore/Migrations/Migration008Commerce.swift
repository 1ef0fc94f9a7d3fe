extension Migrations {
    /// Selling: the ledger, group buys and their pledges, members' proposals, orders, and the
    /// webhooks that carry orders to partners.
    static let commerce = Migration(
        version: 8, name: "commerce",
        statements: { types in
            [
                // One row per account and currency; the four sums follow `LedgerRules` and always equal
                // the sums of the account's transfers (a test and `scripts/lib/ledger_check.py` recount them).
                """
                CREATE TABLE ledger_accounts (
                    id \(types.id),
                    kind TEXT NOT NULL,
                    owner_id BIGINT NOT NULL,
                    currency TEXT NOT NULL,
                    debits_posted BIGINT NOT NULL DEFAULT 0,
                    credits_posted BIGINT NOT NULL DEFAULT 0,
                    debits_pending BIGINT NOT NULL DEFAULT 0,
                    credits_pending BIGINT NOT NULL DEFAULT 0,
                    UNIQUE (kind, owner_id, currency)
                )
                """,
                // Immutable once written. `transfer_id` is the caller's idempotent id; `resolved` marks a
                // pending transfer that was posted or voided (by the transfer whose `pending_id` names it).
                """
                CREATE TABLE ledger_transfers (
                    id \(types.id),
                    transfer_id TEXT NOT NULL UNIQUE,
                    kind TEXT NOT NULL,
                    debit_account_id BIGINT NOT NULL REFERENCES ledger_accounts(id),
                    credit_account_id BIGINT NOT NULL REFERENCES ledger_accounts(id),
                    amount BIGINT NOT NULL,
                    currency TEXT NOT NULL,
                    pending_id TEXT UNIQUE,
                    resolved INTEGER NOT NULL DEFAULT 0,
                    code TEXT NOT NULL,
                    order_id BIGINT,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX ledger_transfers_debit ON ledger_transfers(debit_account_id, id)",
                "CREATE INDEX ledger_transfers_credit ON ledger_transfers(credit_account_id, id)",
                """
                CREATE TABLE group_buy_proposals (
                    id \(types.id),
                    product_id BIGINT NOT NULL REFERENCES products(id),
                    member_id BIGINT NOT NULL REFERENCES members(id),
                    note TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    supporters INTEGER NOT NULL DEFAULT 0,
                    status TEXT NOT NULL DEFAULT 'open',
                    group_buy_id BIGINT,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX group_buy_proposals_product ON group_buy_proposals(product_id, status)",
                // One open proposal per product, even when two members ask at the same instant.
                "CREATE UNIQUE INDEX group_buy_proposals_open ON group_buy_proposals(product_id) WHERE status = 'open'",
                """
                CREATE TABLE proposal_supports (
                    proposal_id BIGINT NOT NULL REFERENCES group_buy_proposals(id),
                    member_id BIGINT NOT NULL REFERENCES members(id),
                    target_price_minor BIGINT NOT NULL,
                    quantity INTEGER NOT NULL,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (proposal_id, member_id)
                )
                """,
                // `participants` and `units` are kept under the campaign's row lock and always equal the
                // count and the sum of its pledges.
                """
                CREATE TABLE group_buys (
                    id \(types.id),
                    partner_id BIGINT NOT NULL REFERENCES partners(id),
                    product_id BIGINT NOT NULL REFERENCES products(id),
                    proposal_id BIGINT REFERENCES group_buy_proposals(id),
                    created_by BIGINT REFERENCES members(id),
                    title TEXT NOT NULL,
                    description TEXT NOT NULL,
                    tiers TEXT NOT NULL,
                    currency TEXT NOT NULL,
                    minimum_participants INTEGER NOT NULL,
                    cap INTEGER NOT NULL,
                    per_member_maximum INTEGER NOT NULL,
                    deadline BIGINT NOT NULL,
                    status TEXT NOT NULL,
                    participants INTEGER NOT NULL DEFAULT 0,
                    units INTEGER NOT NULL DEFAULT 0,
                    final_unit_price_minor BIGINT,
                    created_at BIGINT NOT NULL,
                    settled_at BIGINT
                )
                """,
                "CREATE INDEX group_buys_due ON group_buys(status, deadline)",
                "CREATE INDEX group_buys_partner ON group_buys(partner_id, id)",
                """
                CREATE TABLE pledges (
                    id \(types.id),
                    group_buy_id BIGINT NOT NULL REFERENCES group_buys(id),
                    member_id BIGINT NOT NULL REFERENCES members(id),
                    quantity INTEGER NOT NULL,
                    hold_version INTEGER NOT NULL,
                    hold_amount_minor BIGINT NOT NULL,
                    created_at BIGINT NOT NULL,
                    updated_at BIGINT NOT NULL,
                    UNIQUE (group_buy_id, member_id)
                )
                """,
                "CREATE INDEX pledges_member ON pledges(member_id)",
                """
                CREATE TABLE orders (
                    id \(types.id),
                    member_id BIGINT NOT NULL REFERENCES members(id),
                    partner_id BIGINT NOT NULL REFERENCES partners(id),
                    product_id BIGINT NOT NULL REFERENCES products(id),
                    offer_id BIGINT REFERENCES offers(id),
                    source TEXT NOT NULL,
                    deal_id BIGINT REFERENCES deals(id),
                    group_buy_id BIGINT REFERENCES group_buys(id),
                    referrer_id BIGINT REFERENCES members(id),
                    quantity INTEGER NOT NULL,
                    unit_price_minor BIGINT NOT NULL,
                    shipping_minor BIGINT NOT NULL,
                    gross_minor BIGINT NOT NULL,
                    currency TEXT NOT NULL,
                    commission_minor BIGINT NOT NULL,
                    processing_cost_minor BIGINT NOT NULL,
                    reward_minor BIGINT NOT NULL,
                    hold_id TEXT NOT NULL,
                    hold_amount_minor BIGINT NOT NULL,
                    payment_method TEXT NOT NULL,
                    payment_reference TEXT,
                    paid INTEGER NOT NULL DEFAULT 0,
                    reward_vested INTEGER NOT NULL DEFAULT 0,
                    reward_vests_at BIGINT,
                    status TEXT NOT NULL,
                    placed_at BIGINT NOT NULL,
                    acknowledged_at BIGINT,
                    shipped_at BIGINT,
                    delivered_at BIGINT,
                    cancelled_at BIGINT,
                    refunded_at BIGINT
                )
                """,
                "CREATE INDEX orders_member ON orders(member_id, id)",
                "CREATE INDEX orders_partner ON orders(partner_id, status, id)",
                "CREATE INDEX orders_rewards_due ON orders(reward_vested, reward_vests_at)",
                "CREATE UNIQUE INDEX orders_group_buy_member ON orders(group_buy_id, member_id)",
                "ALTER TABLE partners ADD COLUMN webhook_url TEXT",
                "ALTER TABLE partners ADD COLUMN webhook_secret TEXT",
                // The webhooks' own outbox: written in the transaction of the change it announces,
                // delivered and retried by `WebhookService`.
                """
                CREATE TABLE webhook_deliveries (
                    id \(types.id),
                    partner_id BIGINT NOT NULL REFERENCES partners(id),
                    event_type TEXT NOT NULL,
                    payload TEXT NOT NULL,
                    status TEXT NOT NULL,
                    attempts INTEGER NOT NULL DEFAULT 0,
                    created_at BIGINT NOT NULL,
                    next_attempt_at BIGINT,
                    delivered_at BIGINT
                )
                """,
                "CREATE INDEX webhook_deliveries_due ON webhook_deliveries(status, next_attempt_at)",
                "CREATE INDEX webhook_deliveries_partner ON webhook_deliveries(partner_id, id)",
                """
                CREATE TABLE webhook_attempts (
                    id \(types.id),
                    delivery_id BIGINT NOT NULL REFERENCES webhook_deliveries(id),
                    at BIGINT NOT NULL,
                    status_code INTEGER,
                    error TEXT,
                    duration_ms INTEGER NOT NULL
                )
                """,
                "CREATE INDEX webhook_attempts_delivery ON webhook_attempts(delivery_id, id)",
                // A member's own clicks on share links, so that an order placed while logged in on
                // another device is attributed as well as one from the same browser.
                "ALTER TABLE share_clicks ADD COLUMN member_id BIGINT",
                "CREATE INDEX share_clicks_member ON share_clicks(member_id, deal_id)",
            ]
        })
}
