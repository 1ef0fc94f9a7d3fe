import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// What others do with a review: helpful votes, the concerned partner's reply, flags; and what
/// staff do: verify purchases and decide on flagged reviews.
struct ReviewCommunityController {
    let reviews: ReviewStore
    let partners: PartnerStore

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.put("reviews/:id/vote", use: vote)
        api.delete("reviews/:id/vote", use: unvote)
        api.put("reviews/:id/reply", use: reply)
        api.delete("reviews/:id/reply", use: removeReply)
        api.post("reviews/:id/flags", use: flag)
        api.put("reviews/:id/verified", use: verify)
        api.delete("reviews/:id/verified", use: unverify)
        api.get("moderation/reviews", use: queue)
        api.post("moderation/reviews/:id/decision", use: decide)
    }

    struct VoteRequest: Decodable {
        let helpful: Bool

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["helpful"])
            helpful = try decoder.container(keyedBy: CodingKeys.self).decode(Bool.self, forKey: .helpful)
        }

        enum CodingKeys: String, CodingKey { case helpful }
    }

    /// `PUT /api/v1/reviews/{id}/vote` with `{"helpful": true|false}`; a second vote replaces the first.
    @Sendable func vote(request: Request, context: AppRequestContext) async throws -> ReviewAnswer {
        let member = try context.requireMember()
        let body = try await request.decodeJSON(as: VoteRequest.self, context: context)
        let review = try await reviews.vote(try context.pathID(), helpful: body.helpful, by: member)
        return ReviewAnswer(review, myVote: body.helpful)
    }

    /// `DELETE /api/v1/reviews/{id}/vote`.
    @Sendable func unvote(request: Request, context: AppRequestContext) async throws -> ReviewAnswer {
        ReviewAnswer(try await reviews.vote(try context.pathID(), helpful: nil, by: try context.requireMember()))
    }

    struct ReplyRequest: Decodable {
        let body: String

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["body"])
            body = try decoder.container(keyedBy: CodingKeys.self).decodeString(.body, max: 10_000)
        }

        enum CodingKeys: String, CodingKey { case body }
    }

    /// `PUT /api/v1/reviews/{id}/reply`: the partner concerned answers (a partner token, or a member
    /// of the partner), or replaces its answer.
    @Sendable func reply(request: Request, context: AppRequestContext) async throws -> ReviewAnswer {
        let partner = try await context.requirePartner(partners)
        let body = try await request.decodeJSON(as: ReplyRequest.self, context: context)
        return ReviewAnswer(try await reviews.reply(to: try context.pathID(), body.body, as: partner.id))
    }

    /// `DELETE /api/v1/reviews/{id}/reply`.
    @Sendable func removeReply(request: Request, context: AppRequestContext) async throws -> Response {
        let partner = try await context.requirePartner(partners)
        try await reviews.removeReply(to: try context.pathID(), as: partner.id)
        return Response(status: .noContent)
    }

    struct FlagRequest: Decodable {
        let reason: ReviewFlagReason
        let note: String?

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["reason", "note"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            guard let reason = ReviewFlagReason(rawValue: try container.decode(String.self, forKey: .reason)) else {
                throw Problem.validation(field: "reason", "error.invalidValue")
            }
            self.reason = reason
            note = try ModerationNote.checked(try container.decodeIfPresent(String.self, forKey: .note))
        }

        enum CodingKeys: String, CodingKey { case reason, note }
    }

    /// `POST /api/v1/reviews/{id}/flags`: `fake`, `offensive`, `offTopic` or `personalData`, free
    /// for any member. The last two hide the review until staff decide.
    @Sendable func flag(request: Request, context: AppRequestContext) async throws -> Response {
        let member = try context.requireMember()
        let body = try await request.decodeJSON(as: FlagRequest.self, context: context)
        try await reviews.flag(try context.pathID(), reason: body.reason, note: body.note, by: member)
        return Response(status: .accepted)
    }

    /// `PUT /api/v1/reviews/{id}/verified`: staff mark a verified purchase.
    @Sendable func verify(request: Request, context: AppRequestContext) async throws -> ReviewAnswer {
        ReviewAnswer(try await reviews.verify(try context.pathID(), true, by: try context.requireStaff()))
    }

    /// `DELETE /api/v1/reviews/{id}/verified`.
    @Sendable func unverify(request: Request, context: AppRequestContext) async throws -> ReviewAnswer {
        ReviewAnswer(try await reviews.verify(try context.pathID(), false, by: try context.requireStaff()))
    }

    struct QueueAnswer: ResponseEncodable {
        struct Entry: Encodable {
            let review: ReviewAnswer
            let flags: [String: Int]
            let notes: [String]
            let starsAndTextDisagree: Bool
        }

        let items: [Entry]
    }

    /// `GET /api/v1/moderation/reviews`: hidden, flagged and stars-versus-text reviews.
    @Sendable func queue(request: Request, context: AppRequestContext) async throws -> QueueAnswer {
        _ = try context.requireStaff()
        return QueueAnswer(
            items: try await reviews.queue().map {
                .init(
                    review: ReviewAnswer($0.review), flags: $0.reasons, notes: $0.notes,
                    starsAndTextDisagree: $0.disagrees)
            })
    }

    /// `POST /api/v1/moderation/reviews/{id}/decision`: `restore` keeps or shows it again, `remove` takes it down.
    @Sendable func decide(request: Request, context: AppRequestContext) async throws -> ReviewAnswer {
        let staff = try context.requireStaff()
        let body = try await request.decodeJSON(as: ModerationController.DecisionRequest.self, context: context)
        return ReviewAnswer(
            try await reviews.decide(body.decision, review: try context.pathID(), note: body.note, by: staff))
    }
}
