import SQLKit

/// Full-text search over a table's `search_text` column (products, ideas), the one place where
/// SQLite and PostgreSQL differ.
///
/// The text is already folded (lower case, no accents) by `TextFolding`, so both sides use plain
/// tokenizers: FTS5's `unicode61` on SQLite, the `simple` configuration on PostgreSQL. Each query
/// word matches as a prefix ("tele" finds "telephone").
enum SearchIndex {
    /// The statements that index `table.search_text` (`table` is one of ours, never input).
    static func creation(_ flavor: SQLFlavor, table: String = "products") -> [String] {
        switch flavor {
        case .sqlite:
            return [
                // An external-content table: the words live in the table, the index beside it.
                """
                CREATE VIRTUAL TABLE \(table)_fts USING fts5(
                    search_text, content='\(table)', content_rowid='id', tokenize='unicode61 remove_diacritics 2',
                    prefix='2 3')
                """,
                """
                CREATE TRIGGER \(table)_fts_insert AFTER INSERT ON \(table) BEGIN
                    INSERT INTO \(table)_fts(rowid, search_text) VALUES (new.id, new.search_text);
                END
                """,
                """
                CREATE TRIGGER \(table)_fts_update AFTER UPDATE OF search_text ON \(table) BEGIN
                    INSERT INTO \(table)_fts(\(table)_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
                    INSERT INTO \(table)_fts(rowid, search_text) VALUES (new.id, new.search_text);
                END
                """,
                """
                CREATE TRIGGER \(table)_fts_delete AFTER DELETE ON \(table) BEGIN
                    INSERT INTO \(table)_fts(\(table)_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
                END
                """,
            ]
        case .postgres:
            return [
                """
                ALTER TABLE \(table) ADD COLUMN search_vector tsvector
                    GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED
                """,
                "CREATE INDEX \(table)_search ON \(table) USING GIN (search_vector)",
            ]
        }
    }

    /// How to find rows of `table` whose text holds every word of `words` (or, when `anyWord`,
    /// at least one), as prefixes: a join to add to the FROM clause, a condition, and an expression
    /// ranking relevance (higher is better).
    static func match(_ words: [String], in table: String = "products", anyWord: Bool = false, flavor: SQLFlavor)
        -> (join: SQLQueryString, condition: SQLQueryString, rank: SQLQueryString)
    {
        // Words are folded letters and digits already; filtering again here keeps query syntax out
        // whoever the caller is.
        let safe = words.map { String($0.filter { $0.isLetter || $0.isNumber }) }.filter { !$0.isEmpty }
        switch flavor {
        case .sqlite:
            // Joined once, so that bm25 is computed with the match, not re-run for each row.
            let query = safe.map { "\"\($0)\"*" }.joined(separator: anyWord ? " OR " : " ")
            return (
                "JOIN \(unsafeRaw: table)_fts ON \(unsafeRaw: table)_fts.rowid = \(unsafeRaw: table).id",
                "\(unsafeRaw: table)_fts MATCH \(bind: query)",
                "(-bm25(\(unsafeRaw: table)_fts))"
            )
        case .postgres:
            let query = safe.map { "\($0):*" }.joined(separator: anyWord ? " | " : " & ")
            return (
                "",
                "\(unsafeRaw: table).search_vector @@ to_tsquery('simple', \(bind: query))",
                "ts_rank(\(unsafeRaw: table).search_vector, to_tsquery('simple', \(bind: query)))"
            )
        }
    }
}
