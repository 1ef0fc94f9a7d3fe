import Foundation

/// A member's published review of a product or a partner.
public struct Review: Equatable, Sendable {
    public let id: Int64
    public let subject: ReviewSubject
    public let authorID: MemberID
    public let authorHandle: String
    public let content: ReviewInput
    /// For a product review, the partner it was bought from, when the member said so.
    public let boughtFrom: PartnerID?
    public let status: ReviewStatus
    /// How the purchase was verified (`order` or `staff`); nil when it was not.
    public let verifiedBy: String?
    public let helpful: Int
    public let unhelpful: Int
    public let photos: [ReviewPhoto]
    public let reply: ReviewReply?
    /// The text's tone, −1…1, when it has been scored.
    public let sentiment: Double?
    public let publishedAt: Date
    public let editedAt: Date?

    public init(
        id: Int64, subject: ReviewSubject, authorID: MemberID, authorHandle: String, content: ReviewInput,
        boughtFrom: PartnerID?, status: ReviewStatus, verifiedBy: String?, helpful: Int, unhelpful: Int,
        photos: [ReviewPhoto], reply: ReviewReply?, sentiment: Double?, publishedAt: Date, editedAt: Date?
    ) {
        self.id = id
        self.subject = subject
        self.authorID = authorID
        self.authorHandle = authorHandle
        self.content = content
        self.boughtFrom = boughtFrom
        self.status = status
        self.verifiedBy = verifiedBy
        self.helpful = helpful
        self.unhelpful = unhelpful
        self.photos = photos
        self.reply = reply
        self.sentiment = sentiment
        self.publishedAt = publishedAt
        self.editedAt = editedAt
    }

    /// Where it ranks in the default order: how sure we are that readers find it helpful.
    public var helpfulness: Double { WilsonScore.lowerBound(positive: helpful, total: helpful + unhelpful) }
}

/// `published`, `hidden` while staff look at a flag for harm (offensive, personal data), or `removed` by staff.
public enum ReviewStatus: String, Sendable, Codable {
    case published, hidden, removed
}

public struct ReviewPhoto: Equatable, Sendable {
    public let id: Int64
    public let format: ImageFormat
    /// The file's name in the data folder: the SHA-256 of its bytes and the format's extension.
    public let file: String

    public init(id: Int64, format: ImageFormat, file: String) {
        self.id = id
        self.format = format
        self.file = file
    }
}

/// The one public answer of the partner concerned.
public struct ReviewReply: Equatable, Sendable {
    public let partnerID: PartnerID
    public let partnerName: String
    public let body: String
    public let repliedAt: Date

    public init(partnerID: PartnerID, partnerName: String, body: String, repliedAt: Date) {
        self.partnerID = partnerID
        self.partnerName = partnerName
        self.body = body
        self.repliedAt = repliedAt
    }
}

/// The orders a reader may list reviews in; `helpful` is the default (French law asks that the
/// default be stated and the others offered, newest first among them).
public enum ReviewOrder: String, Sendable, CaseIterable {
    case helpful, newest, highest, lowest
}

/// Why a member flags a review. Offensive text and personal data hide the review at once, until
/// staff decide: the harm of showing them outweighs that of hiding a fair review for a while.
public enum ReviewFlagReason: String, Sendable, CaseIterable {
    case fake, offensive, offTopic, personalData

    public var hidesAtOnce: Bool { self == .offensive || self == .personalData }
}
