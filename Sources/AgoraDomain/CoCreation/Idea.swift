import Foundation

/// Where an idea stands. Staff move it along `open → underReview → planned → inProgress → done`
/// (skipping steps is allowed) or decline it, each time with a public official answer; an open
/// idea also enters review by itself when enough members support it in time (`IdeaSettings`).
public enum IdeaStatus: String, Sendable, Codable, CaseIterable {
    case open
    case underReview = "under_review"
    case planned
    case inProgress = "in_progress"
    case done
    case declined

    /// Whether staff may move an idea from this status to `next`: forward along the road, to
    /// declined from anywhere but done, and a declined idea back into review when staff reconsider.
    public func allows(_ next: IdeaStatus) -> Bool {
        switch (self, next) {
        case (.done, _): false
        case (.declined, .underReview): true
        case (.declined, _): false
        case (_, .declined): true
        default: Self.road.firstIndex(of: next)! > Self.road.firstIndex(of: self)!
        }
    }

    /// Members may still support it: not once it is done or declined.
    public var isClosed: Bool { self == .done || self == .declined }

    private static let road: [IdeaStatus] = [.open, .underReview, .planned, .inProgress, .done]
}

/// How ideas reach review and how fast staff must answer, as LEGO Ideas does with its 10,000
/// supporters within a time limit. Set by the deployment (`AGORA_IDEA_*`, see the README).
public struct IdeaSettings: Equatable, Sendable {
    /// Supports (the author's included) that send an open idea into review...
    public var supportThreshold: Int
    /// ...when reached within this long after it was submitted.
    public var supportWindow: TimeInterval
    /// Staff decide (plan, start, finish or decline) within this long after the idea entered review;
    /// later, the idea is overdue and flagged to staff.
    public var responseDeadline: TimeInterval

    public init(supportThreshold: Int, supportWindow: TimeInterval, responseDeadline: TimeInterval) {
        self.supportThreshold = supportThreshold
        self.supportWindow = supportWindow
        self.responseDeadline = responseDeadline
    }

    public static let standard = IdeaSettings(
        supportThreshold: 10, supportWindow: 60 * 86_400, responseDeadline: 14 * 86_400)

    /// Whether an open idea submitted at `submittedAt`, now with `supports`, enters review at `now`.
    public func entersReview(status: IdeaStatus, supports: Int, submittedAt: Date, now: Date) -> Bool {
        status == .open && supports >= supportThreshold && now.timeIntervalSince(submittedAt) <= supportWindow
    }
}

/// An idea as typed: what it is about is optional (a product, a partner or a category).
public struct IdeaInput: Equatable, Sendable {
    public var title: String
    public var description: String
    public var productID: Int64?
    public var partnerID: PartnerID?
    public var categoryID: Int64?
    public var tags: [String]

    public init(
        title: String, description: String, productID: Int64? = nil, partnerID: PartnerID? = nil,
        categoryID: Int64? = nil, tags: [String] = []
    ) {
        self.title = title
        self.description = description
        self.productID = productID
        self.partnerID = partnerID
        self.categoryID = categoryID
        self.tags = tags
    }
}

public enum IdeaRules {
    public static let titleLength = 8...140
    public static let descriptionLength = 20...5_000
    public static let answerLength = 10...5_000
    public static let maximumTags = 5
    public static let tagLength = 2...30

    /// The input trimmed and checked; tags folded like articles' (`-` between words), without repeats.
    public static func checked(_ input: IdeaInput) throws(ValidationError) -> IdeaInput {
        var checked = input
        checked.title = try TextField.checked(input.title, field: "title", length: titleLength)
        checked.description = try TextField.checked(
            input.description, field: "description", length: descriptionLength, multiline: true)
        checked.tags = []
        for raw in input.tags {
            let tag = TextFolding.words(raw).joined(separator: "-")
            if tag.isEmpty { continue }
            guard tagLength.contains(tag.count) else { throw ValidationError(field: "tags", "error.idea.tag") }
            if !checked.tags.contains(tag) { checked.tags.append(tag) }
        }
        guard checked.tags.count <= maximumTags else { throw ValidationError(field: "tags", "error.idea.tags") }
        return checked
    }

    /// An official answer, trimmed and checked.
    public static func checkedAnswer(_ answer: String) throws(ValidationError) -> String {
        try TextField.checked(answer, field: "answer", length: answerLength, multiline: true)
    }

    /// The words that say what a text is about, for finding similar ideas: folded, without stop
    /// words (French and English) or words shorter than three letters, each once, at most 12.
    public static func significantWords(_ text: String) -> [String] {
        var seen: Set<String> = []
        return TextFolding.words(text).filter { word in
            word.count >= 3 && !StopWords.contains(word) && seen.insert(word).inserted
        }.prefix(12).map { $0 }
    }
}

/// An idea as the board shows it.
public struct Idea: Equatable, Sendable {
    /// What an idea is about, by id and name.
    public struct Subject: Equatable, Sendable {
        public let id: Int64
        public let name: String
        public init(id: Int64, name: String) {
            self.id = id
            self.name = name
        }
    }

    public let id: Int64
    public let title: String
    public let description: String
    public let authorID: MemberID
    public let authorHandle: String
    public let product: Subject?
    public let partner: Subject?
    /// The category's slug as its name; pages translate it.
    public let category: Subject?
    public let tags: [String]
    public let status: IdeaStatus
    public let supports: Int
    public let comments: Int
    /// Set when staff merged this idea into another: its page points there.
    public let mergedInto: Int64?
    public let submittedAt: Date
    public let reviewDeadline: Date?
    public let firstAnswerAt: Date?
    public let decidedAt: Date?

    public init(
        id: Int64, title: String, description: String, authorID: MemberID, authorHandle: String, product: Subject?,
        partner: Subject?, category: Subject?, tags: [String], status: IdeaStatus, supports: Int, comments: Int,
        mergedInto: Int64?, submittedAt: Date, reviewDeadline: Date?, firstAnswerAt: Date?, decidedAt: Date?
    ) {
        (self.id, self.title, self.description, self.authorID, self.authorHandle) = (
            id, title, description, authorID, authorHandle
        )
        (self.product, self.partner, self.category, self.tags) = (product, partner, category, tags)
        (self.status, self.supports, self.comments, self.mergedInto) = (status, supports, comments, mergedInto)
        (self.submittedAt, self.reviewDeadline, self.firstAnswerAt, self.decidedAt) = (
            submittedAt, reviewDeadline, firstAnswerAt, decidedAt
        )
    }

    /// In review past its response deadline: flagged to staff.
    public func isOverdue(at now: Date) -> Bool {
        status == .underReview && mergedInto == nil && (reviewDeadline.map { $0 < now } ?? false)
    }
}

/// One step of an idea's public history: an official answer (with or without a change of status),
/// its automatic entry into review, or its merge into another idea.
public struct IdeaUpdate: Equatable, Sendable {
    public let from: IdeaStatus
    public let to: IdeaStatus
    /// The staff member who answered; nil for the automatic entry into review.
    public let staffHandle: String?
    public let answer: String?
    public let mergedInto: Int64?
    public let at: Date

    public init(
        from: IdeaStatus, to: IdeaStatus, staffHandle: String?, answer: String?, mergedInto: Int64?, at: Date
    ) {
        (self.from, self.to, self.staffHandle, self.answer, self.mergedInto, self.at) = (
            from, to, staffHandle, answer, mergedInto, at
        )
    }
}
