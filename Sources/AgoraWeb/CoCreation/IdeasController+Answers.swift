import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// What the idea board's API answers.
extension IdeasController {
    struct SubjectAnswer: Encodable {
        let id: Int64
        let name: String
    }

    struct UpdateAnswer: Encodable {
        let from: String
        let to: String
        let staff: String?
        let answer: String?
        let mergedInto: Int64?
        let at: Date

        init(_ update: IdeaUpdate) {
            (from, to, staff, answer, mergedInto, at) = (
                update.from.rawValue, update.to.rawValue, update.staffHandle, update.answer, update.mergedInto,
                update.at
            )
        }
    }

    struct IdeaAnswer: ResponseEncodable {
        let id: Int64
        let title: String
        let description: String
        let author: String
        let product: SubjectAnswer?
        let partner: SubjectAnswer?
        /// The category's slug as its name.
        let category: SubjectAnswer?
        let tags: [String]
        let status: String
        let supports: Int
        let comments: Int
        let mergedInto: Int64?
        let submittedAt: Date
        let reviewDeadline: Date?
        let overdue: Bool
        let firstAnswerAt: Date?
        let decidedAt: Date?
        let supportedByMe: Bool?
        let followedByMe: Bool?
        /// Its public history, on the idea's own page only.
        let updates: [UpdateAnswer]?

        init(
            _ idea: Idea, now: Date, supportedByMe: Bool? = nil, followedByMe: Bool? = nil,
            updates: [IdeaUpdate]? = nil
        ) {
            func subject(_ value: Idea.Subject?) -> SubjectAnswer? { value.map { .init(id: $0.id, name: $0.name) } }
            (id, title, description, author, tags) = (
                idea.id, idea.title, idea.description, idea.authorHandle, idea.tags
            )
            (product, partner, category) = (subject(idea.product), subject(idea.partner), subject(idea.category))
            (status, supports, comments, mergedInto) = (
                idea.status.rawValue, idea.supports, idea.comments, idea.mergedInto
            )
            (submittedAt, reviewDeadline, overdue, firstAnswerAt, decidedAt) = (
                idea.submittedAt, idea.reviewDeadline, idea.isOverdue(at: now), idea.firstAnswerAt, idea.decidedAt
            )
            (self.supportedByMe, self.followedByMe, self.updates) = (
                supportedByMe, followedByMe, updates?.map(UpdateAnswer.init)
            )
        }
    }

    struct IdeaList: ResponseEncodable {
        let items: [IdeaAnswer]
        let nextCursor: String?
    }

    struct CommentAnswer: ResponseEncodable {
        let id: Int64
        let author: String
        let body: String
        let postedAt: Date

        init(_ comment: IdeaStore.IdeaComment) {
            (id, author, body, postedAt) = (comment.id, comment.authorHandle, comment.body, comment.postedAt)
        }
    }

    struct CommentList: ResponseEncodable {
        let items: [CommentAnswer]
    }
}
