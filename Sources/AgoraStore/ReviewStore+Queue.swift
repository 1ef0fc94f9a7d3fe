import AgoraDomain
import Foundation
import SQLKit

/// What staff read about reviews: those flagged, and those whose stars and text disagree.
extension ReviewStore {
    public struct QueueEntry: Equatable, Sendable {
        public let review: Review
        /// Reason → number of open flags.
        public let reasons: [String: Int]
        public let notes: [String]
        /// Marked because its stars and its text say opposite things.
        public let disagrees: Bool
    }

    /// Hidden reviews first (they wait for a decision), then the most flagged, then disagreements.
    /// Flags are grouped by review in SQL, so a flood of flags on some reviews cannot push others out.
    public func queue(limit: Int = 100) async throws -> [QueueEntry] {
        try await database.read { sql in
            let flagged = try await sql.raw(
                """
                SELECT review_flags.review_id, COUNT(*) AS n FROM review_flags
                JOIN reviews ON reviews.id = review_flags.review_id
                WHERE review_flags.resolved_at IS NULL
                GROUP BY review_flags.review_id, reviews.status
                ORDER BY CASE WHEN reviews.status = 'hidden' THEN 0 ELSE 1 END, COUNT(*) DESC, review_flags.review_id
                LIMIT \(literal: limit)
                """
            ).all().map { try $0.decode(column: "review_id", as: Int64.self) }
            var reasons: [Int64: [String: Int]] = [:]
            var notes: [Int64: [String]] = [:]
            if !flagged.isEmpty {
                for row in try await sql.raw(
                    """
                    SELECT review_id, reason, note FROM review_flags
                    WHERE resolved_at IS NULL AND review_id IN (\(binds: flagged)) ORDER BY id
                    """
                ).all() {
                    let id = try row.decode(column: "review_id", as: Int64.self)
                    reasons[id, default: [:]][try row.decode(column: "reason", as: String.self), default: 0] += 1
                    if let note = try row.decode(column: "note", as: String?.self) {
                        notes[id, default: []].append(note)
                    }
                }
            }
            let disagreeing = try await sql.raw(
                "SELECT id FROM reviews WHERE disagrees = 1 AND status = 'published' ORDER BY id LIMIT \(literal: limit)"
            ).all().map { try $0.decode(column: "id", as: Int64.self) }
            let ids = flagged + disagreeing.filter { !flagged.contains($0) }
            guard !ids.isEmpty else { return [] }
            let rows = try await sql.raw("\(Self.select) WHERE reviews.id IN (\(binds: ids))").all()
            let byID = Dictionary(uniqueKeysWithValues: try await Self.reviews(from: rows, sql).map { ($0.id, $0) })
            return ids.prefix(limit).compactMap { id in
                byID[id].map {
                    QueueEntry(
                        review: $0, reasons: reasons[id] ?? [:], notes: notes[id] ?? [],
                        disagrees: disagreeing.contains(id))
                }
            }
        }
    }
}
