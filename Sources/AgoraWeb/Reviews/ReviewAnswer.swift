import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// A review as the API shows it, with what French law asks to be shown next to it: the dates of
/// publication and of experience, and whether the purchase was verified.
struct ReviewAnswer: ResponseEncodable {
    struct Photo: ResponseEncodable {
        let id: Int64
        let url: String
        let mediaType: String
    }

    struct Reply: Encodable {
        let partner: String
        let body: String
        let repliedAt: Date
    }

    let id: Int64
    let subject: String
    let author: String
    let rating: Int
    let title: String
    let body: String
    let pros: String?
    let cons: String?
    let experiencedOn: String
    let publishedAt: Date
    let editedAt: Date?
    let boughtFrom: Int64?
    let status: ReviewStatus
    /// `order` or `staff`; absent when the purchase was not verified.
    let verifiedPurchase: String?
    let helpful: Int
    let unhelpful: Int
    /// The Wilson lower bound of the helpful votes: the default order.
    let helpfulness: Double
    let sentiment: Double?
    let photos: [Photo]
    let reply: Reply?
    /// The reader's vote: true helpful, false not, absent when they did not vote.
    let myVote: Bool?

    init(_ review: Review, myVote: Bool? = nil) {
        (id, subject, author, rating) = (review.id, review.subject.key, review.authorHandle, review.content.rating)
        (title, body, pros, cons) = (
            review.content.title, review.content.body, review.content.pros, review.content.cons
        )
        (experiencedOn, publishedAt, editedAt) = (review.content.experiencedOn, review.publishedAt, review.editedAt)
        (boughtFrom, status, verifiedPurchase) = (review.boughtFrom?.rawValue, review.status, review.verifiedBy)
        (helpful, unhelpful, helpfulness, sentiment) = (
            review.helpful, review.unhelpful, review.helpfulness, review.sentiment
        )
        photos = review.photos.map { Photo(id: $0.id, url: "/media/photos/\($0.file)", mediaType: $0.format.mediaType) }
        reply = review.reply.map { Reply(partner: $0.partnerName, body: $0.body, repliedAt: $0.repliedAt) }
        self.myVote = myVote
    }
}

/// What the law asks readers be told about how reviews are handled (Code de la consommation
/// L111-7-2 and D111-17): sent with every list of reviews, shown next to them on pages.
struct ReviewDisclosure: Encodable {
    /// Reviews are checked: members must be signed in, one review per subject, and staff look at flags.
    let checked = true
    let howChecked = "/about/reviews"
    let defaultOrder = ReviewOrder.helpful.rawValue
    let orders = ReviewOrder.allCases.map(\.rawValue)
    /// Where to report a review suspected to be fake, free of charge.
    let reportFake = "POST /api/v1/reviews/{id}/flags with reason fake"
}

/// A review as typed into the API.
struct ReviewRequest: Decodable {
    let input: ReviewInput
    let boughtFrom: Int64?

    init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(["rating", "title", "body", "pros", "cons", "experiencedOn", "boughtFrom"])
        let container = try decoder.container(keyedBy: CodingKeys.self)
        input = ReviewInput(
            rating: try container.decode(Int.self, forKey: .rating),
            title: try container.decodeString(.title, max: 1000, stated: ReviewRules.titleLength.upperBound),
            body: try container.decodeString(.body, max: 20_000, stated: ReviewRules.bodyLength.upperBound),
            pros: try container.decodeIfPresent(String.self, forKey: .pros).map {
                guard $0.count <= 4_000 else {
                    throw ValidationError.tooLong("pros", maximum: ReviewRules.prosAndConsMaximum)
                }
                return $0
            },
            cons: try container.decodeIfPresent(String.self, forKey: .cons).map {
                guard $0.count <= 4_000 else {
                    throw ValidationError.tooLong("cons", maximum: ReviewRules.prosAndConsMaximum)
                }
                return $0
            },
            experiencedOn: try container.decodeString(.experiencedOn, max: 20))
        boughtFrom = try container.decodeIfPresent(Int64.self, forKey: .boughtFrom)
    }

    enum CodingKeys: String, CodingKey { case rating, title, body, pros, cons, experiencedOn, boughtFrom }
}
