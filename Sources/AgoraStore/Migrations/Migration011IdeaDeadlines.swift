extension Migrations {
    /// When staff were told that an idea under review passed its response deadline: each time an
    /// idea enters review it is cleared, so staff are told once per review.
    static let ideaDeadlines = Migration(
        version: 11, name: "idea-deadlines",
        statements: { _ in
            ["ALTER TABLE ideas ADD COLUMN overdue_notified_at BIGINT"]
        })
}
