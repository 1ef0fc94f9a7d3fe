import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The staff's review queue: the ideas past their response deadline first, then the others under
/// review, the nearest deadline first.
extension IdeaPages {
    /// How many ideas the queue lists: the nearest deadlines; it says how many more wait.
    static let queueLength = 200

    @Sendable func reviewQueue(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard member.role.isStaff else { throw Problem.forbidden("error.staffOnly") }
        let view = IdeaView(pages: pages, context: context)
        let now = clock.now
        let queue = try await ideas.underReview(limit: Self.queueLength)
        let overdue = queue.ideas.filter { $0.isOverdue(at: now) }
        let inTime = queue.ideas.filter { !$0.isOverdue(at: now) }
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
        var values: [String: Any] = [
            "intro": view.text("ideas.admin.intro", [Self.days(settings.responseDeadline)]),
            "overdue": overdue.map(row), "noneOverdue": overdue.isEmpty,
            "inTime": inTime.map(row), "noneInTime": inTime.isEmpty,
        ]
        if queue.total > queue.ideas.count {
            let more = queue.total - queue.ideas.count
            values["more"] = view.text(
                more == 1 ? "ideas.admin.more.one" : "ideas.admin.more.other",
                [String(queue.ideas.count), String(more)])
        }
        return pages.render("admin-ideas", title: "ideas.pageTitle.admin", values: values, context: context)
    }
}
