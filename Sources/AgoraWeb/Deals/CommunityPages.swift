import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The forms of the deal community (comments, likes, flags, revivals, follows), public profiles,
/// and the staff moderation page. Each form answers with a redirect back to the page it came from.
struct CommunityPages {
    let pages: Pages
    let deals: DealStore
    let comments: CommentStore
    let moderation: ModerationStore
    let follows: FollowStore
    let members: MemberStore
    let reviews: ReviewStore

    func addRoutes(to router: Router<AppRequestContext>) {
        router.post("deals/:id/comments", use: comment)
        router.post("deals/:id/flag", use: flagDeal)
        router.post("deals/:id/revive", use: revive)
        router.post("comments/:id/edit", use: editComment)
        router.post("comments/:id/delete", use: deleteComment)
        router.post("comments/:id/like", use: like)
        router.post("comments/:id/flag", use: flagComment)
        router.get("follows", use: followsPage)
        router.post("follows", use: follow)
        router.post("follows/remove", use: unfollow)
        router.get("members/:handle", use: profile)
        router.get("moderation", use: moderationPage)
        router.post("moderation/deals/:id", use: decideDeal)
        router.post("moderation/comments/:id", use: decideComment)
        router.post("moderation/reviews/:id", use: decideReview)
    }

    /// Runs a form's action for a signed-in member, and comes back to `page` with a notice, or with the
    /// error a member can fix (a refused value, a repeated flag).
    private func act(
        _ request: Request, _ context: AppRequestContext, back page: String, notice: String? = nil,
        _ action: (Member, FormFields) async throws -> Void
    ) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let form = try await request.decodeForm(context: context)
        let separator = page.contains("?") ? "&" : "?"
        do {
            try await action(member, form)
        } catch let error as ValidationError {
            return .seeOther("\(page)\(separator)\(error.redirectQuery)")
        } catch StoreError.duplicate {
            return .seeOther("\(page)\(separator)error=flag.already")
        }
        return .seeOther(notice.map { "\(page)\(separator)notice=\($0)" } ?? page)
    }

    /// The deal page a comment belongs to, for coming back to it.
    private func dealPage(ofComment id: Int64) async throws -> String {
        guard let dealID = try await comments.dealID(ofComment: id) else { throw Problem.notFound }
        return "/deals/\(dealID)"
    }

    @Sendable func comment(request: Request, context: AppRequestContext) async throws -> Response {
        let dealID = DealID(try context.pathID())
        return try await act(request, context, back: "/deals/\(dealID)") { member, form in
            let parent = Int64(form["parentID"])
            _ = try await comments.post(form["body"], on: dealID, replyingTo: parent, by: member)
        }
    }

    @Sendable func editComment(request: Request, context: AppRequestContext) async throws -> Response {
        let commentID = try context.pathID()
        return try await act(request, context, back: try await dealPage(ofComment: commentID)) { member, form in
            _ = try await comments.edit(commentID, body: form["body"], by: member)
        }
    }

    @Sendable func deleteComment(request: Request, context: AppRequestContext) async throws -> Response {
        let commentID = try context.pathID()
        return try await act(request, context, back: try await dealPage(ofComment: commentID)) { member, _ in
            try await comments.delete(commentID, by: member)
        }
    }

    @Sendable func like(request: Request, context: AppRequestContext) async throws -> Response {
        let commentID = try context.pathID()
        return try await act(request, context, back: try await dealPage(ofComment: commentID)) { member, form in
            _ = try await comments.like(commentID, form["liked"] != "false", by: member)
        }
    }

    @Sendable func flagDeal(request: Request, context: AppRequestContext) async throws -> Response {
        let dealID = DealID(try context.pathID())
        return try await act(request, context, back: "/deals/\(dealID)", notice: "flagged") { member, form in
            guard let reason = Moderation.FlagReason(rawValue: form["reason"]) else {
                throw ValidationError(field: "reason", "error.invalidValue")
            }
            try await moderation.flag(
                .deal(dealID), reason: reason, note: try ModerationNote.checked(form["note"]), by: member)
        }
    }

    @Sendable func flagComment(request: Request, context: AppRequestContext) async throws -> Response {
        let commentID = try context.pathID()
        return try await act(request, context, back: try await dealPage(ofComment: commentID), notice: "flagged") {
            member, form in
            guard let reason = Moderation.FlagReason(rawValue: form["reason"]) else {
                throw ValidationError(field: "reason", "error.invalidValue")
            }
            try await moderation.flag(
                .comment(commentID), reason: reason, note: try ModerationNote.checked(form["note"]), by: member)
        }
    }

    @Sendable func revive(request: Request, context: AppRequestContext) async throws -> Response {
        let dealID = DealID(try context.pathID())
        return try await act(request, context, back: "/deals/\(dealID)", notice: "revived") { member, form in
            try await moderation.revive(dealID, note: try ModerationNote.checked(form["note"]), by: member)
        }
    }

    // MARK: Follows

    @Sendable func followsPage(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let language = context.language
        let dates = Date.FormatStyle(date: .abbreviated, time: .omitted).locale(Locale(identifier: language.rawValue))
        var values: [String: Any] = [
            "follows": try await follows.follows(of: member.id).map { follow in
                [
                    "kind": follow.kind.rawValue,
                    "kindLabel": pages.localizer.text("follow.kind.\(follow.kind.rawValue)", language),
                    "label": follow.label, "target": follow.target, "since": follow.createdAt.formatted(dates),
                ]
            },
            "kinds": FollowKind.allCases.map {
                ["value": $0.rawValue, "label": pages.localizer.text("follow.kind.\($0.rawValue)", language)]
            },
        ]
        values["hasFollows"] = !((values["follows"] as? [Any])?.isEmpty ?? true)
        if let raw = request.uri.queryParameters.get("error"), pages.localizer.has("error.\(raw)") {
            values["error"] = pages.localizer.text("error.\(raw)", language, request.redirectedLimit)
        }
        return pages.render("follows", title: "page.follows.title", values: values, context: context)
    }

    /// Follows from the follows page, a deal or a profile, and shows the follows page with it.
    @Sendable func follow(request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, back: "/follows") { member, form in
            guard let kind = FollowKind(rawValue: form["kind"]) else {
                throw ValidationError(field: "kind", "error.invalidValue")
            }
            _ = try await follows.follow(kind, form["target"], by: member.id)
        }
    }

    @Sendable func unfollow(request: Request, context: AppRequestContext) async throws -> Response {
        try await act(request, context, back: "/follows") { member, form in
            guard let kind = FollowKind(rawValue: form["kind"]) else {
                throw ValidationError(field: "kind", "error.invalidValue")
            }
            try await follows.unfollow(kind, target: form["target"], by: member.id)
        }
    }

    // MARK: Profiles

    @Sendable func profile(request: Request, context: AppRequestContext) async throws -> Response {
        guard let handle = context.parameters.get("handle"), let profile = try await members.profile(handle: handle)
        else { throw Problem.notFound }
        let language = context.language
        let dates = Date.FormatStyle(date: .abbreviated, time: .omitted).locale(Locale(identifier: language.rawValue))
        let values: [String: Any] = [
            "handle": profile.member.handle, "name": profile.member.displayName ?? profile.member.handle,
            "since": profile.member.createdAt.formatted(dates), "reputation": profile.standing.reputation,
            "hotDeals": profile.standing.hotDeals, "commentLikes": profile.standing.commentLikes,
            "deals": profile.publishedDeals,
            "badges": Reputation.badges.map { badge in
                [
                    "name": pages.localizer.text("badge.\(badge.id).name", language),
                    "rule": pages.localizer.text("badge.\(badge.id).rule", language, [String(badge.threshold)]),
                    "earned": profile.standing.value(badge.measure) >= badge.threshold,
                ]
            },
            "canFollow": context.identity?.member.map { $0.id != profile.member.id } ?? false,
        ]
        return pages.render(
            "profile", title: "@\(profile.member.handle)", translateTitle: false, values: values, context: context)
    }

    // MARK: Moderation

    @Sendable func moderationPage(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard member.role.isStaff else { throw Problem.forbidden("error.staffOnly") }
        let language = context.language
        let dates = Date.FormatStyle(date: .abbreviated, time: .shortened).locale(Locale(identifier: language.rawValue))
        let queue = try await moderation.queue()
        let audit = try await moderation.auditLog(before: nil, limit: 50)
        let reviewQueue = try await reviews.queue()
        let values: [String: Any] = [
            "queue": queue.map { entry -> [String: Any] in
                var item: [String: Any] = [
                    "dealID": entry.dealID.rawValue, "title": entry.title, "pending": entry.pending,
                    "since": entry.since.formatted(dates), "notes": entry.notes,
                    "reasons": entry.reasons.sorted { $0.key < $1.key }.map {
                        "\(pages.localizer.text("flag.\($0.key)", language)) × \($0.value)"
                    }.joined(separator: ", "),
                ]
                if let comment = entry.commentID {
                    item["commentID"] = comment
                    item["comment"] = entry.commentBody ?? ""
                }
                return item
            },
            "hasQueue": !queue.isEmpty,
            "reviewQueue": reviewQueue.map { entry -> [String: Any] in
                [
                    "id": entry.review.id, "title": entry.review.content.title, "body": entry.review.content.body,
                    "rating": entry.review.content.rating, "author": entry.review.authorHandle,
                    "hidden": entry.review.status == .hidden, "disagrees": entry.disagrees, "notes": entry.notes,
                    "reasons": entry.reasons.sorted { $0.key < $1.key }.map {
                        "\(pages.localizer.text("reviews.flag.\($0.key)", language)) × \($0.value)"
                    }.joined(separator: ", "),
                ]
            },
            "hasReviewQueue": !reviewQueue.isEmpty,
            "audit": audit.map {
                [
                    "actor": $0.actor.map { "@\($0)" } ?? "Agora", "action": $0.action, "subject": $0.subject,
                    "note": $0.note ?? "", "at": $0.at.formatted(dates),
                ]
            },
        ]
        return pages.render("moderation", title: "page.moderation.title", values: values, context: context)
    }

    @Sendable func decideDeal(request: Request, context: AppRequestContext) async throws -> Response {
        let dealID = DealID(try context.pathID())
        return try await staffDecision(request, context) { staff, decision, note in
            _ = try await moderation.decide(decision, deal: dealID, note: note, by: staff)
        }
    }

    @Sendable func decideComment(request: Request, context: AppRequestContext) async throws -> Response {
        let commentID = try context.pathID()
        return try await staffDecision(request, context) { staff, decision, note in
            try await moderation.decide(decision, comment: commentID, note: note, by: staff)
        }
    }

    @Sendable func decideReview(request: Request, context: AppRequestContext) async throws -> Response {
        let reviewID = try context.pathID()
        return try await staffDecision(request, context) { staff, decision, note in
            _ = try await reviews.decide(decision, review: reviewID, note: note, by: staff)
        }
    }

    private func staffDecision(
        _ request: Request, _ context: AppRequestContext,
        _ action: (Member, Moderation.Decision, String?) async throws -> Void
    ) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard member.role.isStaff else { throw Problem.forbidden("error.staffOnly") }
        let form = try await request.decodeForm(context: context)
        guard let decision = Moderation.Decision(rawValue: form["decision"]) else {
            throw Problem.validation(field: "decision", "error.invalidValue")
        }
        try await action(member, decision, try ModerationNote.checked(form["note"]))
        return .seeOther("/moderation")
    }
}
