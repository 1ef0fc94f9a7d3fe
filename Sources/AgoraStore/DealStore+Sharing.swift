import AgoraDomain
import Foundation
import SQLKit

extension DealStore {
    /// A visitor opened a deal through `referrer`'s share link: the first such click of a visitor on a
    /// deal is kept, with the visitor's account when logged in; `OrderStore` rewards the first within 30 days. Unknown handles and one's own link are ignored.
    public func recordShareClick(_ id: DealID, referrer handle: String, visitor: String, viewer: MemberID?) async throws
    {
        guard (3...30).contains(handle.count), (16...64).contains(visitor.count),
            visitor.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
        else { return }
        try await database.write { tx in
            guard
                let row = try await tx.sql.raw("SELECT id FROM members WHERE handle = \(bind: handle.lowercased())")
                    .first()
            else { return }
            let referrer = try row.decode(column: "id", as: Int64.self)
            guard referrer != viewer?.rawValue else { return }
            try await tx.sql.raw(
                """
                INSERT INTO share_clicks (deal_id, visitor, referrer_id, at, member_id)
                VALUES (\(bind: id.rawValue), \(bind: visitor), \(bind: referrer), \(bind: tx.now.millisecondsSince1970),
                    \(bind: viewer?.rawValue))
                ON CONFLICT (deal_id, visitor) DO NOTHING
                """
            ).run()
        }
    }

    /// How many visitors each share link brought to a deal, by referrer handle.
    public func shareClicks(_ id: DealID) async throws -> [String: Int] {
        try await database.read { sql in
            var clicks: [String: Int] = [:]
            for row in try await sql.raw(
                """
                SELECT members.handle, COUNT(*) AS clicks FROM share_clicks
                JOIN members ON members.id = share_clicks.referrer_id
                WHERE share_clicks.deal_id = \(bind: id.rawValue) GROUP BY members.handle
                """
            ).all() {
                clicks[try row.decode(column: "handle", as: String.self)] = try row.decode(
                    column: "clicks", as: Int.self)
            }
            return clicks
        }
    }
}
