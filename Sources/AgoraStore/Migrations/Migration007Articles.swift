extension Migrations {
    /// The media feed: articles, their tags and comments; and an index for a product page's greener
    /// alternative (a category's products from the best environmental score down).
    static let articles = Migration(
        version: 7, name: "articles",
        statements: { types in
            [
                // Written by a member (`author_id`, with `partner_id` when they speak for their partner) or by
                // a partner's token (`partner_id` alone). `hot_score` follows `ArticleRules.hotScore`.
                """
                CREATE TABLE articles (
                    id \(types.id),
                    author_id BIGINT REFERENCES members(id),
                    partner_id BIGINT REFERENCES partners(id),
                    title TEXT NOT NULL,
                    body TEXT NOT NULL,
                    link TEXT,
                    tags TEXT NOT NULL,
                    like_count INTEGER NOT NULL DEFAULT 0,
                    comment_count INTEGER NOT NULL DEFAULT 0,
                    hot_score DOUBLE PRECISION NOT NULL,
                    status TEXT NOT NULL DEFAULT 'published',
                    created_at BIGINT NOT NULL,
                    edited_at BIGINT
                )
                """,
                "CREATE INDEX articles_hot ON articles(status, hot_score, id)",
                "CREATE INDEX articles_new ON articles(status, created_at, id)",
                """
                CREATE TABLE article_tags (
                    tag TEXT NOT NULL,
                    article_id BIGINT NOT NULL REFERENCES articles(id),
                    PRIMARY KEY (tag, article_id)
                )
                """,
                """
                CREATE TABLE article_comments (
                    id \(types.id),
                    article_id BIGINT NOT NULL REFERENCES articles(id),
                    author_id BIGINT NOT NULL REFERENCES members(id),
                    body TEXT NOT NULL,
                    sentiment DOUBLE PRECISION,
                    created_at BIGINT NOT NULL,
                    deleted_at BIGINT
                )
                """,
                "CREATE INDEX article_comments_article ON article_comments(article_id, id)",
                "CREATE INDEX products_category_score ON products(category_id, environmental_score)",
            ]
        })
}
