extension Migrations {
    /// Co-creation: members' ideas, their supports, followers, comments, tags, and every status
    /// change with its official answer; `search_text` is indexed to suggest similar ideas.
    static let coCreation = Migration(
        version: 9, name: "co-creation",
        statements: { types in
            [
                // `supports` always equals the count of its `idea_supports` rows (kept under the idea's
                // row lock). A merged idea keeps its page and points to `merged_into`; its supports moved.
                // `review_deadline` is set when it enters review; `decided_at` when staff then decide.
                """
                CREATE TABLE ideas (
                    id \(types.id),
                    author_id BIGINT NOT NULL REFERENCES members(id),
                    title TEXT NOT NULL,
                    description TEXT NOT NULL,
                    product_id BIGINT REFERENCES products(id),
                    partner_id BIGINT REFERENCES partners(id),
                    category_id BIGINT REFERENCES categories(id),
                    tags TEXT NOT NULL,
                    search_text TEXT NOT NULL,
                    status TEXT NOT NULL DEFAULT 'open',
                    supports INTEGER NOT NULL DEFAULT 0,
                    comment_count INTEGER NOT NULL DEFAULT 0,
                    merged_into BIGINT REFERENCES ideas(id),
                    created_at BIGINT NOT NULL,
                    review_started_at BIGINT,
                    review_deadline BIGINT,
                    first_answer_at BIGINT,
                    decided_at BIGINT,
                    updated_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX ideas_top ON ideas(supports, id)",
                "CREATE INDEX ideas_status ON ideas(status, review_deadline)",
                "CREATE INDEX ideas_product ON ideas(product_id)",
                "CREATE INDEX ideas_partner ON ideas(partner_id)",
                "CREATE INDEX ideas_category ON ideas(category_id)",
                """
                CREATE TABLE idea_tags (
                    tag TEXT NOT NULL,
                    idea_id BIGINT NOT NULL REFERENCES ideas(id),
                    PRIMARY KEY (tag, idea_id)
                )
                """,
                """
                CREATE TABLE idea_supports (
                    idea_id BIGINT NOT NULL REFERENCES ideas(id),
                    member_id BIGINT NOT NULL REFERENCES members(id),
                    created_at BIGINT NOT NULL,
                    PRIMARY KEY (idea_id, member_id)
                )
                """,
                "CREATE INDEX idea_supports_member ON idea_supports(member_id)",
                """
                CREATE TABLE idea_followers (
                    idea_id BIGINT NOT NULL REFERENCES ideas(id),
                    member_id BIGINT NOT NULL REFERENCES members(id),
                    PRIMARY KEY (idea_id, member_id)
                )
                """,
                """
                CREATE TABLE idea_comments (
                    id \(types.id),
                    idea_id BIGINT NOT NULL REFERENCES ideas(id),
                    author_id BIGINT NOT NULL REFERENCES members(id),
                    body TEXT NOT NULL,
                    sentiment DOUBLE PRECISION,
                    created_at BIGINT NOT NULL,
                    deleted_at BIGINT
                )
                """,
                "CREATE INDEX idea_comments_idea ON idea_comments(idea_id, id)",
                // The idea's public history: official answers (`staff_id` and `answer` set) and the
                // automatic entry into review (both null). `merged_into` marks the merge of a duplicate.
                """
                CREATE TABLE idea_updates (
                    id \(types.id),
                    idea_id BIGINT NOT NULL REFERENCES ideas(id),
                    staff_id BIGINT REFERENCES members(id),
                    from_status TEXT NOT NULL,
                    to_status TEXT NOT NULL,
                    answer TEXT,
                    merged_into BIGINT REFERENCES ideas(id),
                    created_at BIGINT NOT NULL
                )
                """,
                "CREATE INDEX idea_updates_idea ON idea_updates(idea_id, id)",
            ] + SearchIndex.creation(types.flavor, table: "ideas")
        })
}
