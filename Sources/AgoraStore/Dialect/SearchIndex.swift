import SQLKit

/// Full-text search over `products.search_text`, the one place where SQLite and PostgreSQL differ.
///
/// The text is already folded (lower case, no accents) by `TextFolding`, so both sides use plain
/// tokenizers: FTS5's `unicode61` on SQLite, the `simple` configuration on PostgreSQL. Each query
/// word matches as a prefix ("tele" finds "telephone").
enum SearchIndex {
    static func creation(_ flavor: SQLFlavor) -> [String] {
        switch flavor {
        case .sqlite:
            return [
                // An external-content table: the words live in products, the index beside them.
                """
                CREATE VIRTUAL TABLE products_fts USING fts5(
                    search_text, content='products', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
                    prefix='2 3')
                """,
                """
                CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
                    INSERT INTO products_fts(rowid, search_text) VALUES (new.id, new.search_text);
                END
                """,
                """
                CREATE TRIGGER products_fts_update AFTER UPDATE OF search_text ON products BEGIN
                    INSERT INTO products_fts(products_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
                    INSERT INTO products_fts(rowid, search_text) VALUES (new.id, new.search_text);
                END
                """,
                """
                CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
                    INSERT INTO products_fts(products_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
                END
                """,
            ]
        case .postgres:
            return [
                """
                ALTER TABLE products ADD COLUMN search_vector tsvector
                    GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED
                """,
                "CREATE INDEX products_search ON products USING GIN (search_vector)",
            ]
        }
    }

    /// How to find products whose text holds every word of `words` (as prefixes): a join to add
    /// to the FROM clause, a condition, and an expression ranking relevance (higher is better).
    static func match(_ words: [String], flavor: SQLFlavor) -> (
        join: SQLQueryString, condition: SQLQueryString, rank: SQLQueryString
    ) {
        // Words are folded letters and digits already; filtering again here keeps query syntax out
        // whoever the caller is.
        let safe = words.map { String($0.filter { $0.isLetter || $0.isNumber }) }.filter { !$0.isEmpty }
        switch flavor {
        case .sqlite:
            // Joined once, so that bm25 is computed with the match, not re-run for each row.
            let query = safe.map { "\"\($0)\"*" }.joined(separator: " ")
            return (
                "JOIN products_fts ON products_fts.rowid = products.id",
                "products_fts MATCH \(bind: query)",
                "(-bm25(products_fts))"
            )
        case .postgres:
            let query = safe.map { "\($0):*" }.joined(separator: " & ")
            return (
                "",
                "products.search_vector @@ to_tsquery('simple', \(bind: query))",
                "ts_rank(products.search_vector, to_tsquery('simple', \(bind: query)))"
            )
        }
    }
}
