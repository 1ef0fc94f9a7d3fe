extension Migrations {
    /// Reviews of products and partners with their history, photos, helpful votes, partner replies
    /// and flags; likes; and the running sums the notoriety index is computed from.
    static let reviews = Migration(
        version: 6, name: "reviews and notoriety",
        statements: { types in
            [
                // `subject` is `product:ID` or `partner:ID` (see `ReviewSubject.key`).
                // `helpfulness` is the Wilson lower bound of the helpful votes, kept so that the
                // default order is an index range. `disagrees` (0 or 1): stars and text say opposite things.
                """
                CREATE TABLE reviews (
                    id \(types.id),
                    subject TEXT NOT NULL,
                    author_id BIGINT NOT NULL REFERENCES members(id),
                    rating INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    pros TEXT,
                    cons TEXT,
                    experienced_on TEXT NOT NULL,
                    bought_from BIGINT REFERENCES partners(id),
                    status TEXT NOT NULL DEFAULT 'published',
                    verified_by TEXT,
                    helpful INTEGER NOT NULL DEFAULT 0,
                    unhelpful INTEGER NOT NULL DEFAULT 0,
                    helpfulness DOUBLE PRECISION NOT NULL DEFAULT 0,
                    sentiment DOUBLE PRECISION,
                    disagrees INTEGER NOT NULL DEFAULT 0,
                    created_at BIGINT NOT NULL,
                    edited_at BIGINT,
                    reply_partner_id BIGINT REFERENCES partners(id),
                    reply_body TEXT,
                    replied_at BIGINT,
                    UNIQUE (subject, author_id)
                )
                """,
                "CREATE INDEX reviews_helpful ON reviews(subject, status, helpfulness, id)",
                "CREATE INDEX reviews_newest ON reviews(subject, status, created_at, id)",
                "CREATE INDEX reviews_rating ON reviews(subject, status, rating, id)",
                "CREATE INDEX reviews_author ON reviews(author_id, created_at)",
                // Each version a review had before an edit replaced it.
                """
                CREATE TABLE review_revisions (
                    id \(types.id),
                    review_id BIGINT NOT NULL REFERENCES reviews(id),
                    rating INTEGER NOT NULL,
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    pros TEXT,
                    cons TEXT,
                    experienced_on TEXT NOT NULL,
                    written_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX review_revisions_review ON review_revisions(review_id, id)",
                """
                CREATE TABLE review_photos (
                    id \(types.id),
                    review_id BIGINT NOT NULL REFERENCES reviews(id),
                    format TEXT NOT NULL,
                    file TEXT NOT NULL,
                    size INTEGER NOT NULL,
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX review_photos_review ON review_photos(review_id, id)",
                "CREATE INDEX review_photos_file ON review_photos(file)",
                """
                CREATE TABLE review_votes (
                    review_id BIGINT NOT NULL REFERENCES reviews(id),
                    member_id BIGINT NOT NULL REFERENCES members(id),
                    helpful INTEGER NOT NULL,
                    at BIGINT NOT NULL,
                    PRIMARY KEY (review_id, member_id)
                )
                """,
                """
                CREATE TABLE review_flags (
                    id \(types.id),
                    review_id BIGINT NOT NULL REFERENCES reviews(id),
                    reporter_id BIGINT NOT NULL REFERENCES members(id),
                    reason TEXT NOT NULL,
                    note TEXT,
                    created_at BIGINT NOT NULL,
                    resolved_at BIGINT,
                    resolved_by BIGINT REFERENCES members(id),
                    resolution TEXT
                )
                """,
                "CREATE INDEX review_flags_open ON review_flags(resolved_at, id)",
                """
                CREATE UNIQUE INDEX review_flags_open_once ON review_flags(review_id, reporter_id, reason)
                    WHERE resolved_at IS NULL
                """,
                // `subject` is `product:ID`, `partner:ID` or `article:ID`.
                """
                CREATE TABLE likes (
                    subject TEXT NOT NULL,
                    member_id BIGINT NOT NULL REFERENCES members(id),
                    at BIGINT NOT NULL,
                    PRIMARY KEY (subject, member_id)
                )
                """,
                "CREATE INDEX likes_member ON likes(member_id, at)",
                // Running sums per subject (`product:ID`, `partner:ID`, `brand:FOLDED NAME`) and per
                // group whose mean is a prior (`category:ID`, `products`, `partners`); see `Notoriety`.
                // `label` names a brand as first written. `score`, `bayesian` and `trend` are as of
                // the last change, for rankings.
                """
                CREATE TABLE notoriety (
                    subject TEXT PRIMARY KEY,
                    label TEXT,
                    category_id BIGINT,
                    reviews INTEGER NOT NULL DEFAULT 0,
                    rating_sum INTEGER NOT NULL DEFAULT 0,
                    stars1 INTEGER NOT NULL DEFAULT 0,
                    stars2 INTEGER NOT NULL DEFAULT 0,
                    stars3 INTEGER NOT NULL DEFAULT 0,
                    stars4 INTEGER NOT NULL DEFAULT 0,
                    stars5 INTEGER NOT NULL DEFAULT 0,
                    weighted_rating_sum DOUBLE PRECISION NOT NULL DEFAULT 0,
                    weight_sum DOUBLE PRECISION NOT NULL DEFAULT 0,
                    likes INTEGER NOT NULL DEFAULT 0,
                    critical INTEGER NOT NULL DEFAULT 0,
                    score INTEGER,
                    bayesian DOUBLE PRECISION,
                    trend DOUBLE PRECISION,
                    updated_at BIGINT NOT NULL DEFAULT 0
                )
                """,
                "CREATE INDEX notoriety_category_score ON notoriety(category_id, score)",
                "CREATE INDEX notoriety_category_trend ON notoriety(category_id, trend)",
                "CREATE INDEX notoriety_score ON notoriety(score)",
                // The tone of a comment's text, −1…1 (see `SentimentAnalyzer`).
                "ALTER TABLE deal_comments ADD COLUMN sentiment DOUBLE PRECISION",
                // Reviews per subject and day (days since 1970, UTC): the 30-day trend reads 30 rows at most.
                """
                CREATE TABLE notoriety_days (
                    subject TEXT NOT NULL,
                    day INTEGER NOT NULL,
                    reviews INTEGER NOT NULL DEFAULT 0,
                    rating_sum INTEGER NOT NULL DEFAULT 0,
                    PRIMARY KEY (subject, day)
                )
                """,
            ]
        })
}
