import Foundation

/// An article of the media feed: written by staff, a partner, or a member with enough reputation.
public struct Article: Equatable, Sendable {
    public let id: Int64
    public let title: String
    /// Markdown; render it with `Markdown.html`.
    public let body: String
    public let link: String?
    public let tags: [String]
    /// The member who wrote it (a partner's member included); nil when a partner's token did.
    public let authorHandle: String?
    public let authorID: MemberID?
    /// The partner it speaks for, if any.
    public let partnerName: String?
    public let partnerID: PartnerID?
    public let likes: Int
    public let comments: Int
    public let removed: Bool
    public let publishedAt: Date
    public let editedAt: Date?

    public init(
        id: Int64, title: String, body: String, link: String?, tags: [String], authorHandle: String?,
        authorID: MemberID?, partnerName: String?, partnerID: PartnerID?, likes: Int, comments: Int, removed: Bool,
        publishedAt: Date, editedAt: Date?
    ) {
        self.id = id
        self.title = title
        self.body = body
        self.link = link
        self.tags = tags
        self.authorHandle = authorHandle
        self.authorID = authorID
        self.partnerName = partnerName
        self.partnerID = partnerID
        self.likes = likes
        self.comments = comments
        self.removed = removed
        self.publishedAt = publishedAt
        self.editedAt = editedAt
    }
}

/// An article as typed.
public struct ArticleInput: Equatable, Sendable {
    public var title: String
    public var body: String
    public var link: String?
    public var tags: [String]

    public init(title: String, body: String, link: String?, tags: [String]) {
        self.title = title
        self.body = body
        self.link = link
        self.tags = tags
    }
}

/// Who may publish, and what an article holds.
public enum ArticleRules {
    /// Members publish from this reputation on (staff and partners always may).
    public static let reputationToPublish = 100
    public static let titleLength = 5...140
    public static let bodyLength = 20...20_000
    public static let maximumTags = 5
    public static let tagLength = 2...30

    /// The feed's hot order: likes count like hot votes and comments half as much, in the deals'
    /// time-invariant score (see `HotScore`), so only a like or a comment changes an article's rank.
    public static func hotScore(likes: Int, comments: Int, publishedAt: Date) -> Double {
        HotScore.score(
            temperature: Temperature.move(.hot, weight: 1) * (Double(likes) + Double(comments) / 2),
            rankedAt: publishedAt)
    }

    /// The input trimmed and checked; tags folded (lower case, no accents, `-` between words) and
    /// without repeats.
    public static func checked(_ input: ArticleInput) throws(ValidationError) -> ArticleInput {
        let title = input.title.trimmed()
        guard !title.isEmpty else { throw ValidationError(field: "title", "error.required") }
        guard titleLength.contains(title.count), !title.unicodeScalars.contains(where: \.isUnsafeInText) else {
            throw ValidationError(
                field: "title", titleLength.contains(title.count) ? "error.invalidValue" : "error.article.title")
        }
        let body = input.body.trimmed()
        guard bodyLength.contains(body.count) else { throw ValidationError(field: "body", "error.article.body") }
        let allowed: Set<Unicode.Scalar> = ["\n", "\r", "\t"]
        guard !body.unicodeScalars.contains(where: { $0.isUnsafeInText && !allowed.contains($0) }) else {
            throw ValidationError(field: "body", "error.invalidValue")
        }
        var link = input.link?.trimmed()
        if link?.isEmpty == true { link = nil }
        // ASCII only: what a browser would percent-encode anyway, and nothing for escaping to miss.
        if let link, link.count > 2000 || !link.allSatisfy(\.isASCII) || !OfferInput.isWebAddress(link) {
            throw ValidationError(field: "link", "error.url")
        }
        var tags: [String] = []
        for raw in input.tags {
            let tag = TextFolding.words(raw).joined(separator: "-")
            if tag.isEmpty { continue }
            guard tagLength.contains(tag.count) else { throw ValidationError(field: "tags", "error.article.tag") }
            if !tags.contains(tag) { tags.append(tag) }
        }
        guard tags.count <= maximumTags else { throw ValidationError(field: "tags", "error.article.tags") }
        return ArticleInput(title: title, body: body, link: link, tags: tags)
    }
}
