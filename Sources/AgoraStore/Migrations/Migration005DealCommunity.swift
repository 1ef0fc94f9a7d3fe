extension Migrations {
    /// What grows a deal list into a community: moderation and expiry flags, comments and their likes,
    /// follows, reputation, share clicks, the audit log, and topics on events for the live stream.
    static let dealCommunity = Migration(
        version: 5, name: "deal community",
        statements: { types in
            [
                // `published`, `pending` (a new member's deal waiting for staff) or `removed` (by staff).
                "ALTER TABLE deals ADD COLUMN status TEXT NOT NULL DEFAULT 'published'",
                // Set when enough members flag the deal expired; cleared when it is revived.
                "ALTER TABLE deals ADD COLUMN expired_at BIGINT",
                // Open `expired` flags: the deal expires when they reach `Moderation.expiryReportsToExpire`.
                "ALTER TABLE deals ADD COLUMN expiry_reports INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE deals ADD COLUMN comment_count INTEGER NOT NULL DEFAULT 0",
                // Folded title, description and merchant (see `TextFolding`), padded with spaces, for keywords.
                "ALTER TABLE deals ADD COLUMN search_text TEXT NOT NULL DEFAULT ''",
                // When the deal first reached the hot threshold: its author's points are given once.
                "ALTER TABLE deals ADD COLUMN hot_since BIGINT",
                // When it was first published (at posting, or at approval): followers are told once.
                "ALTER TABLE deals ADD COLUMN published_at BIGINT",
                "UPDATE deals SET published_at = created_at",
                "UPDATE deals SET hot_since = created_at WHERE temperature >= 100",
                "CREATE INDEX deals_category_hot ON deals(category_id, hot_score, id)",
                "CREATE INDEX deals_partner_hot ON deals(partner_id, hot_score, id)",
                "CREATE INDEX deals_author ON deals(author_id, created_at)",
                "CREATE INDEX deals_ends ON deals(ends_at, id)",
                "CREATE INDEX deals_discussed ON deals(comment_count, id)",
                // Lists show published deals: led by status, the hot and new indexes give a page in order
                // without sorting every deal (the planner chose a status index and sorted 100,000 rows).
                "DROP INDEX deals_hot",
                "DROP INDEX deals_new",
                "CREATE INDEX deals_status_hot ON deals(status, hot_score, id)",
                "CREATE INDEX deals_status_new ON deals(status, created_at, id)",
                "ALTER TABLE members ADD COLUMN reputation INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE members ADD COLUMN hot_deals INTEGER NOT NULL DEFAULT 0",
                "ALTER TABLE members ADD COLUMN comment_likes INTEGER NOT NULL DEFAULT 0",
                """
                CREATE TABLE deal_comments (
                    id \(types.id),
                    deal_id BIGINT NOT NULL REFERENCES deals(id),
                    author_id BIGINT NOT NULL REFERENCES members(id),
                    parent_id BIGINT REFERENCES deal_comments(id),
                    body TEXT NOT NULL,
                    like_count INTEGER NOT NULL DEFAULT 0,
                    created_at BIGINT NOT NULL,
                    edited_at BIGINT,
                    deleted_at BIGINT,
                    removed_at BIGINT
                )
                """,
                "CREATE INDEX deal_comments_deal ON deal_comments(deal_id, id)",
                """
                CREATE TABLE comment_likes (
                    comment_id BIGINT NOT NULL REFERENCES deal_comments(id),
                    member_id BIGINT NOT NULL REFERENCES members(id),
                    at BIGINT NOT NULL,
                    PRIMARY KEY (comment_id, member_id)
                )
                """,
                // `target` is what is followed, in a form a new deal can be matched against: a folded
                // keyword, a category or partner id, a folded merchant name, a product id, a member id.
                // `lead_word` is a keyword's longest word, so a new deal finds its candidates by index.
                """
                CREATE TABLE follows (
                    member_id BIGINT NOT NULL REFERENCES members(id),
                    kind TEXT NOT NULL,
                    target TEXT NOT NULL,
                    label TEXT NOT NULL,
                    lead_word TEXT,
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (member_id, kind, target)
                )
                """,
                "CREATE INDEX follows_target ON follows(kind, target)",
                "CREATE INDEX follows_lead_word ON follows(lead_word)",
                """
                CREATE TABLE flags (
                    id \(types.id),
                    deal_id BIGINT NOT NULL REFERENCES deals(id),
                    comment_id BIGINT REFERENCES deal_comments(id),
                    reporter_id BIGINT NOT NULL REFERENCES members(id),
                    reason TEXT NOT NULL,
                    note TEXT,
                    created_at BIGINT NOT NULL,
                    resolved_at BIGINT,
                    resolved_by BIGINT REFERENCES members(id),
                    resolution TEXT
                )
                """,
                "CREATE INDEX flags_open ON flags(resolved_at, id)",
                // One open flag per member, subject and reason; once resolved, the member may flag again.
                """
                CREATE UNIQUE INDEX flags_open_once ON flags(deal_id, COALESCE(comment_id, 0), reporter_id, reason)
                    WHERE resolved_at IS NULL
                """,
                """
                CREATE TABLE audit_log (
                    id \(types.id),
                    actor_id BIGINT REFERENCES members(id),
                    action TEXT NOT NULL,
                    subject TEXT NOT NULL,
                    note TEXT,
                    created_at BIGINT NOT NULL
                )
                """,
                // A share link opened: the first click of a visitor on a deal is attributed to the member
                // whose link it was; the orders issue turns these into rewards.
                """
                CREATE TABLE share_clicks (
                    deal_id BIGINT NOT NULL REFERENCES deals(id),
                    visitor TEXT NOT NULL,
                    referrer_id BIGINT NOT NULL REFERENCES members(id),
                    at BIGINT NOT NULL,
                    PRIMARY KEY (deal_id, visitor)
                )
                """,
                "CREATE INDEX share_clicks_referrer ON share_clicks(referrer_id, at)",
                // What part of the site an event is about (`deals/42`, `notifications`), for live-stream topics.
                "ALTER TABLE events ADD COLUMN topic TEXT",
            ]
        },
        backfill: { tx in
            // Deals posted before this version get the folded words keywords are matched against.
            for row in try await tx.sql.raw(
                """
                SELECT deals.id, deals.title, deals.description, COALESCE(partners.name, deals.merchant_name, '') AS merchant
                FROM deals LEFT JOIN partners ON partners.id = deals.partner_id
                """
            ).all() {
                let text = DealStore.searchText(
                    title: try row.decode(column: "title", as: String.self),
                    description: try row.decode(column: "description", as: String?.self),
                    merchant: try row.decode(column: "merchant", as: String.self))
                try await tx.sql.raw(
                    "UPDATE deals SET search_text = \(bind: text) WHERE id = \(bind: try row.decode(column: "id", as: Int64.self))"
                ).run()
            }
        })
}
