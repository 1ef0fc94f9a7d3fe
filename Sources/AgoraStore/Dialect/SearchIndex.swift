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
                    search_text, content='products', content_rowid='id', tokenize='unicode61 remove_diacritics 2')
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

    /// A condition matching products whose text holds every word of `words` (as prefixes), and an
    /// expression to order by relevance (higher is better).
    static func match(_ words: [String], flavor: SQLFlavor) -> (condition: SQLQueryString, rank: SQLQueryString) {
        // Only letters and digits reach here (see TextFolding.words), so quoting cannot be broken.
        switch flavor {
        case .sqlite:
            let query = words.map { "\"\($0)\"*" }.joined(separator: " ")
            return (
                "products.id IN (SELECT rowid FROM products_fts WHERE products_fts MATCH \(bind: query))",
                "-(SELECT bm25(products_fts) FROM products_fts WHERE products_fts.rowid = products.id AND products_fts MATCH \(bind: query))"
            )
        case .postgres:
            let query = words.map { "\($0):*" }.joined(separator: " & ")
            return (
                "products.search_vector @@ to_tsquery('simple', \(bind: query))",
                "ts_rank(products.search_vector, to_tsquery('simple', \(bind: query)))"
            )
        }
    }
}
