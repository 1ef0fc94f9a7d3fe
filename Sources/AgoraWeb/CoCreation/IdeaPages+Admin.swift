import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The staff's review queue: the ideas past their response deadline first, then the others under
/// review, the nearest deadline first.
extension IdeaPages {
    @Sendable func reviewQueue(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard member.role.isStaff else { throw Problem.forbidden("error.staffOnly") }
        let view = IdeaView(pages: pages, context: context)
        let now = clock.now
        let overdue = try await every(IdeaStore.Filter(overdueAt: now))
        let inTime = try await every(IdeaStore.Filter(status: .underReview)).filter { !$0.isOverdue(at: now) }
        func row(_ idea: Idea) -> [String: Any] {
            var values: [String: Any] = [
                "id": idea.id, "title": idea.title, "supports": view.count("ideas.supports", idea.supports),
                "comments": view.count("ideas.comments", idea.comments), "author": idea.authorHandle,
            ]
            if let deadline = idea.reviewDeadline {
                values["deadline"] = view.text("ideas.admin.deadline", [view.dateTime(deadline)])
                values["late"] =
                    idea.isOverdue(at: now)
                    ? view.days("ideas.late", from: deadline, to: now)
                    : view.days("ideas.daysLeft", from: now, to: deadline)
            }
            return values
        }
        let values: [String: Any] = [
            "intro": view.text("ideas.admin.intro", [Self.days(settings.responseDeadline)]),
            "overdue": overdue.map(row), "noneOverdue": overdue.isEmpty,
            "inTime": inTime.map(row), "noneInTime": inTime.isEmpty,
        ]
        return pages.render("admin-ideas", title: "ideas.pageTitle.admin", values: values, context: context)
    }

    /// Every idea `filter` keeps (up to 1,000, more than a review queue holds), the nearest deadline first.
    private func every(_ filter: IdeaStore.Filter) async throws -> [Idea] {
        var found: [Idea] = []
        var cursor: String?
        repeat {
            let page = try await ideas.ideas(filter, order: .new, limit: 100, after: cursor)
            found += page.ideas
            cursor = page.next
        } while cursor != nil && found.count < 1_000
        return found.sorted {
            ($0.reviewDeadline ?? .distantFuture, $0.id) < ($1.reviewDeadline ?? .distantFuture, $1.id)
        }
    }
}
