extension Migrations {
    /// Members, partners, sessions, partner tokens, login throttling, idempotency keys and the event outbox.
    ///
    /// Times are UTC milliseconds since 1970 in BIGINT columns: the same on both databases,
    /// ordered, and free of time-zone conversions.
    static let accountsAndOutbox = Migration(version: 1, name: "accounts and outbox") { types in
        [
            """
            CREATE TABLE partners (
                id \(types.id),
                name TEXT NOT NULL,
                slug TEXT NOT NULL UNIQUE,
                kind TEXT NOT NULL,
                commission_bps INTEGER NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE members (
                id \(types.id),
                handle TEXT NOT NULL UNIQUE,
                email TEXT NOT NULL UNIQUE,
                password_hash TEXT NOT NULL,
                display_name TEXT,
                locale TEXT,
                home_latitude DOUBLE PRECISION,
                home_longitude DOUBLE PRECISION,
                sustainability_weight INTEGER NOT NULL,
                role TEXT NOT NULL,
                partner_id BIGINT REFERENCES partners(id),
                created_at BIGINT NOT NULL,
                updated_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX members_partner ON members(partner_id)",
            """
            CREATE TABLE sessions (
                id \(types.id),
                token_hash TEXT NOT NULL UNIQUE,
                member_id BIGINT NOT NULL REFERENCES members(id) ON DELETE CASCADE,
                kind TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                expires_at BIGINT NOT NULL
            )
            """,
            "CREATE INDEX sessions_member ON sessions(member_id)",
            """
            CREATE TABLE partner_tokens (
                id \(types.id),
                partner_id BIGINT NOT NULL REFERENCES partners(id) ON DELETE CASCADE,
                token_hash TEXT NOT NULL UNIQUE,
                label TEXT NOT NULL,
                created_by BIGINT REFERENCES members(id),
                created_at BIGINT NOT NULL,
                revoked_at BIGINT
            )
            """,
            "CREATE INDEX partner_tokens_partner ON partner_tokens(partner_id)",
            """
            CREATE TABLE login_failures (
                scope TEXT PRIMARY KEY,
                failures INTEGER NOT NULL,
                last_failure_at BIGINT NOT NULL
            )
            """,
            """
            CREATE TABLE idempotency_keys (
                scope TEXT NOT NULL,
                key TEXT NOT NULL,
                request_hash TEXT NOT NULL,
                status INTEGER,
                content_type TEXT,
                location TEXT,
                body TEXT,
                created_at BIGINT NOT NULL,
                PRIMARY KEY (scope, key)
            )
            """,
            "CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at)",
            """
            CREATE TABLE events (
                id \(types.id),
                type TEXT NOT NULL,
                audience TEXT NOT NULL,
                payload TEXT NOT NULL,
                created_at BIGINT NOT NULL
            )
            """,
        ]
    }
}
