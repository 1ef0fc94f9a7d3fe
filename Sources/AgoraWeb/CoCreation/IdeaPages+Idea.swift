import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// An idea's page: the idea, where the member stands, its public history and its discussion, and
/// for staff the forms that answer it and merge it into another.
extension IdeaPages {
    /// A form of the idea's page that came back refused: which one, what was typed, and what is wrong.
    struct Refusal {
        /// `support`, `follow`, `comment`, `answer` or `merge`.
        let form: String
        let fields: [String: String]
        let message: String
        let status: HTTPResponse.Status
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        try await page(try context.pathID(), refusal: nil, context: context)
    }

    /// The idea's page; after a refused form, with what was typed and the message.
    func page(_ id: Int64, refusal: Refusal?, context: AppRequestContext) async throws -> Response {
        guard let idea = try await ideas.idea(id) else { throw Problem.notFound }
        let view = IdeaView(pages: pages, context: context)
        let member = context.identity?.member
        let isStaff = member?.role.isStaff ?? false
        let now = clock.now
        let isMerged = idea.mergedInto != nil
        var values = view.card(idea, subjects: try await subjects(of: [idea]), supported: false)
        values["description"] = idea.description
        values["mergedInto"] = idea.mergedInto
        if idea.status == .underReview, !isMerged, let deadline = idea.reviewDeadline {
            values["reviewDue"] = view.text("ideas.reviewDue", [view.dateTime(deadline)])
            if isStaff, idea.isOverdue(at: now) { values["overdue"] = view.days("ideas.late", from: deadline, to: now) }
        }
        if let member, !isMerged {
            let standing = try await ideas.standing(of: member.id, on: id)
            values["supported"] = standing.supports
            values["following"] = standing.follows
            values["canFollow"] = true
            values["canComment"] = true
        }
        values["closed"] = idea.status.isClosed && !isMerged
        let history = try await ideas.updates(of: id)
        values["history"] = history.map(view.update)
        values["noHistory"] = history.isEmpty
        values["commentList"] = try await ideas.comments(on: id).map { comment -> [String: Any] in
            [
                "id": comment.id, "ideaID": id, "author": comment.authorHandle, "body": comment.body,
                "at": view.dateTime(comment.postedAt), "isMine": comment.authorID == member?.id,
            ]
        }
        if isStaff, !isMerged { values["staff"] = staffForms(idea, refusal: refusal, view) }
        if let refusal {
            values["error"] = refusal.message
            if refusal.form == "comment" {
                values["commentBody"] = refusal.fields["body"]
                values["commentError"] = refusal.message
            }
        }
        return pages.render(
            "idea", title: idea.title, translateTitle: false, values: values, status: refusal?.status ?? .ok,
            context: context)
    }

    /// The answer form (the statuses the idea may move to) and the merge form, as typed after a refusal.
    private func staffForms(_ idea: Idea, refusal: Refusal?, _ view: IdeaView) -> [String: Any] {
        let typed = refusal?.fields ?? [:]
        var forms: [String: Any] = [
            "keepStatus": view.text("ideas.staff.keepStatus", [view.status(idea.status)]),
            "statuses": IdeaStatus.allCases.filter { idea.status.allows($0) }.map { status -> [String: Any] in
                [
                    "value": status.rawValue, "label": view.status(status),
                    "selected": typed["status"] == status.rawValue,
                ]
            },
            "answer": typed["answer"] ?? "", "into": typed["into"] ?? "", "note": typed["note"] ?? "",
        ]
        if let refusal, refusal.form == "answer" || refusal.form == "merge" {
            forms["\(refusal.form)Error"] = refusal.message
        }
        return forms
    }

    /// `POST /ideas/{id}/comments` with `body`.
    @Sendable func comment(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let id = try context.pathID()
        let form = try await request.decodeForm(context: context)
        return try await acting(on: id, form: "comment", fields: ["body": form["body"]], context: context) {
            let comment = try await ideas.comment(form["body"], on: id, by: member)
            return "/ideas/\(id)#idea-comment-\(comment.id)"
        }
    }

    /// `POST /idea-comments/{id}/delete` with `idea`, the page to come back to: its author deletes it.
    @Sendable func deleteComment(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let form = try await request.decodeForm(context: context)
        try await ideas.deleteComment(try context.pathID(), by: member)
        return .seeOther(Int64(form["idea"]).map { "/ideas/\($0)#comments" } ?? "/ideas")
    }

    /// `POST /ideas/{id}/answer` with `answer` and `status` (empty keeps it): staff answer publicly.
    @Sendable func answer(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard member.role.isStaff else { throw Problem.forbidden("error.staffOnly") }
        let id = try context.pathID()
        let form = try await request.decodeForm(context: context)
        let fields = ["answer": form["answer"], "status": form["status"]]
        return try await acting(on: id, form: "answer", fields: fields, context: context) {
            var status: IdeaStatus?
            if !form["status"].isEmpty {
                guard let chosen = IdeaStatus(rawValue: form["status"]) else {
                    throw ValidationError(field: "status", "error.invalidValue")
                }
                status = chosen
            }
            _ = try await ideas.answer(id, form["answer"], status: status, by: member)
            return "/ideas/\(id)#history"
        }
    }

    /// `POST /ideas/{id}/merge` with `into` (the original's number, `#12` or `12`) and an optional
    /// `note`: staff merge this duplicate into the original, whose page the member lands on.
    @Sendable func merge(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard member.role.isStaff else { throw Problem.forbidden("error.staffOnly") }
        let id = try context.pathID()
        let form = try await request.decodeForm(context: context)
        let fields = ["into": form["into"], "note": form["note"]]
        return try await acting(on: id, form: "merge", fields: fields, context: context) {
            let typed = form["into"].trimmed()
            guard let original = Int64(typed.hasPrefix("#") ? String(typed.dropFirst()) : typed), original > 0 else {
                throw ValidationError(field: "into", "error.invalidValue")
            }
            let note = form["note"].trimmed()
            do {
                _ = try await ideas.merge(id, into: original, answer: note.isEmpty ? nil : note, by: member)
            } catch StoreError.notFound {
                // The duplicate was just shown: what is missing is the original typed.
                throw ValidationError(field: "into", "error.notFound")
            }
            return "/ideas/\(original)"
        }
    }

    /// Runs a form's action and sends the member where it says; what they can fix (a refused check,
    /// a conflict with the idea's state) comes back as the idea's page with the message.
    func acting(
        on id: Int64, form: String, fields: [String: String] = [:], context: AppRequestContext,
        _ action: () async throws -> String
    ) async throws -> Response {
        let view = IdeaView(pages: pages, context: context)
        do {
            return .seeOther(try await action())
        } catch let error as ValidationError {
            let refusal = Refusal(
                form: form, fields: fields, message: view.message(error), status: .unprocessableContent)
            return try await page(id, refusal: refusal, context: context)
        } catch StoreError.conflict(let reason) {
            let refusal = Refusal(
                form: form, fields: fields, message: view.text("error.conflict.\(reason)"), status: .conflict)
            return try await page(id, refusal: refusal, context: context)
        }
    }
}
