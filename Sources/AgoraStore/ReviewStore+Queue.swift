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
    public func queue(limit: Int = 100) async throws -> [QueueEntry] {
        try await database.read { sql in
            var reasons: [Int64: [String: Int]] = [:]
            var notes: [Int64: [String]] = [:]
            for row in try await sql.raw(
                "SELECT review_id, reason, note FROM review_flags WHERE resolved_at IS NULL ORDER BY id LIMIT 5000"
            ).all() {
                let id = try row.decode(column: "review_id", as: Int64.self)
                reasons[id, default: [:]][try row.decode(column: "reason", as: String.self), default: 0] += 1
                if let note = try row.decode(column: "note", as: String?.self) { notes[id, default: []].append(note) }
            }
            let disagreeing = try await sql.raw(
                "SELECT id FROM reviews WHERE disagrees = 1 AND status = 'published' ORDER BY id LIMIT \(literal: limit)"
            ).all().map { try $0.decode(column: "id", as: Int64.self) }
            let ids = Array(Set(reasons.keys).union(disagreeing))
            guard !ids.isEmpty else { return [] }
            let rows = try await sql.raw("\(Self.select) WHERE reviews.id IN (\(binds: ids))").all()
            let entries = try await Self.reviews(from: rows, sql).map { review in
                QueueEntry(
                    review: review, reasons: reasons[review.id] ?? [:], notes: notes[review.id] ?? [],
                    disagrees: disagreeing.contains(review.id))
            }
            func rank(_ entry: QueueEntry) -> (Int, Int) {
                (entry.review.status == .hidden ? 0 : 1, -entry.reasons.values.reduce(0, +))
            }
            return Array(entries.sorted { rank($0) < rank($1) }.prefix(limit))
        }
    }
}
