import AgoraDomain
import Foundation
import SQLKit

extension IdeaStore {
    /// How many overdue ideas one pass tells staff about; the next pass takes the rest.
    public static let overdueBatch = 100

    /// Tells every staff member, once per review, of the ideas under review past their response
    /// deadline (at most `overdueBatch`, the longest overdue first), and answers how many ideas
    /// that was. Claiming an idea (setting `overdue_notified_at` where it is still null) and the
    /// notifications commit together, so two instances running this at once tell staff once, and a
    /// crash tells them nothing twice. The claim repeats every condition: on PostgreSQL, an update
    /// that waited for another transaction re-checks only its own WHERE on the new row, and an
    /// idea answered or merged meanwhile must not be claimed.
    public func notifyOverdue() async throws -> Int {
        try await database.write { tx in
            let now = tx.now.millisecondsSince1970
            let claimed = try await tx.sql.raw(
                """
                UPDATE ideas SET overdue_notified_at = \(bind: now)
                WHERE id IN (
                    SELECT id FROM ideas
                    WHERE status = 'under_review' AND review_deadline < \(bind: now)
                      AND overdue_notified_at IS NULL AND merged_into IS NULL
                    ORDER BY review_deadline, id LIMIT \(literal: Self.overdueBatch))
                  AND overdue_notified_at IS NULL AND status = 'under_review' AND review_deadline < \(bind: now)
                  AND merged_into IS NULL
                RETURNING id, title
                """
            ).all().map {
                (
                    id: try $0.decode(column: "id", as: Int64.self),
                    title: try $0.decode(column: "title", as: String.self)
                )
            }
            guard !claimed.isEmpty else { return 0 }
            let staff = try await tx.sql.raw(
                "SELECT id FROM members WHERE role IN ('staff', 'admin') ORDER BY id"
            ).all().map { MemberID(try $0.decode(column: "id", as: Int64.self)) }
            for idea in claimed.sorted(by: { $0.id < $1.id }) {
                for member in staff {
                    try await NotificationStore.add(
                        to: member, kind: NotificationStore.Kind.ideaOverdue,
                        payload: ["ideaID": "\(idea.id)", "title": idea.title], tx: tx)
                }
            }
            return claimed.count
        }
    }
}
