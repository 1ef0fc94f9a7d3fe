extension Migrations {
    /// Members' deals and their votes. `temperature` and `hot_score` are kept by each vote, in its
    /// transaction (see `HotScore`): the hot list reads an index, nothing recomputes it on a timer.
    static let deals = Migration(version: 4, name: "deals") { types in
        [
            """
            CREATE TABLE deals (
                id \(types.id),
                author_id BIGINT NOT NULL REFERENCES members(id),
                title TEXT NOT NULL,
                description TEXT,
                url TEXT,
                kind TEXT NOT NULL,
                currency TEXT NOT NULL,
                price_minor BIGINT,
                shipping_minor BIGINT,
                reference_minor BIGINT,
                promo_code TEXT,
                partner_id BIGINT REFERENCES partners(id),
                merchant_name TEXT,
                product_id BIGINT REFERENCES products(id),
                offer_id BIGINT REFERENCES offers(id),
                category_id BIGINT REFERENCES categories(id),
                city TEXT,
                starts_at BIGINT,
                ends_at BIGINT,
                temperature DOUBLE PRECISION NOT NULL,
                hot_score DOUBLE PRECISION NOT NULL,
                vote_count INTEGER NOT NULL,
                ranked_at BIGINT NOT NULL,
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX deals_hot ON deals(hot_score, id)",
            "CREATE INDEX deals_new ON deals(created_at, id)",
            "CREATE INDEX deals_url ON deals(url)",
            """
            CREATE TABLE deal_votes (
                deal_id BIGINT NOT NULL REFERENCES deals(id),
                member_id BIGINT NOT NULL REFERENCES members(id),
                direction TEXT NOT NULL,
                weight DOUBLE PRECISION NOT NULL,
                at BIGINT NOT NULL,
                PRIMARY KEY (deal_id, member_id)
            )
            """,
            "CREATE INDEX deal_votes_member ON deal_votes(member_id, at)",
        ]
    }
}
