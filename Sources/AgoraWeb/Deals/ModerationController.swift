import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Staff moderation: the queue of pending and flagged deals and comments, decisions, the audit log.
struct ModerationController {
    let moderation: ModerationStore
    let clock: any AgoraClock

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("moderation/queue", use: queue)
        api.post("moderation/deals/:id/decision", use: decideDeal)
        api.post("moderation/comments/:id/decision", use: decideComment)
        api.get("moderation/audit", use: audit)
    }

    struct QueueAnswer: ResponseEncodable {
        struct Entry: Encodable {
            let dealID: Int64
            let commentID: Int64?
            let title: String
            let comment: String?
            let pendingApproval: Bool
            let flags: [String: Int]
            let notes: [String]
            let since: Date
        }

        let items: [Entry]
    }

    /// `GET /api/v1/moderation/queue`: deals waiting for approval, then flagged deals and comments.
    @Sendable func queue(request: Request, context: AppRequestContext) async throws -> QueueAnswer {
        _ = try context.requireStaff()
        return QueueAnswer(
            items: try await moderation.queue().map {
                .init(
                    dealID: $0.dealID.rawValue, commentID: $0.commentID, title: $0.title, comment: $0.commentBody,
                    pendingApproval: $0.pending, flags: $0.reasons, notes: $0.notes, since: $0.since)
            })
    }

    struct DecisionRequest: Decodable {
        let decision: Moderation.Decision
        let note: String?

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["decision", "note"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            decision = try container.decode(Moderation.Decision.self, forKey: .decision)
            note = try ModerationNote.checked(try container.decodeIfPresent(String.self, forKey: .note))
        }

        enum CodingKeys: String, CodingKey { case decision, note }
    }

    /// `POST /api/v1/moderation/deals/{id}/decision`: `restore` approves a pending deal or restores a
    /// removed one; `remove` takes it down.
    @Sendable func decideDeal(request: Request, context: AppRequestContext) async throws -> DealsController.DealAnswer {
        let staff = try context.requireStaff()
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound }
        let body = try await request.decodeJSON(as: DecisionRequest.self, context: context)
        let deal = try await moderation.decide(body.decision, deal: DealID(id), note: body.note, by: staff)
        return DealsController.DealAnswer(deal, now: clock.now)
    }

    /// `POST /api/v1/moderation/comments/{id}/decision`.
    @Sendable func decideComment(request: Request, context: AppRequestContext) async throws -> Response {
        let staff = try context.requireStaff()
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound }
        let body = try await request.decodeJSON(as: DecisionRequest.self, context: context)
        try await moderation.decide(body.decision, comment: id, note: body.note, by: staff)
        return Response(status: .noContent)
    }

    struct AuditAnswer: ResponseEncodable {
        struct Entry: Encodable {
            let id: Int64
            let actor: String?
            let action: String
            let subject: String
            let note: String?
            let at: Date
        }

        let items: [Entry]
        let nextBefore: Int64?
    }

    /// `GET /api/v1/moderation/audit?before=`: every moderation decision, newest first.
    @Sendable func audit(request: Request, context: AppRequestContext) async throws -> AuditAnswer {
        _ = try context.requireStaff()
        let before: Int64? = try QueryParameter.integer(request.uri.queryParameters.get("before"), field: "before")
        let entries = try await moderation.auditLog(before: before, limit: 51)
        return AuditAnswer(
            items: entries.prefix(50).map {
                .init(id: $0.id, actor: $0.actor, action: $0.action, subject: $0.subject, note: $0.note, at: $0.at)
            },
            nextBefore: entries.count > 50 ? entries[49].id : nil)
    }
}
