extension Migrations {
    /// When staff were told that an idea under review passed its response deadline (cleared each
    /// time an idea enters review, so staff are told once per review; ideas already overdue when
    /// this runs are told of at the first pass), and the supports by date, for the voice of the
    /// customer's ideas of a period.
    static let ideaDeadlines = Migration(
        version: 11, name: "idea-deadlines",
        statements: { _ in
            [
                "ALTER TABLE ideas ADD COLUMN overdue_notified_at BIGINT",
                "CREATE INDEX idea_supports_created ON idea_supports(created_at)",
            ]
        })
}
