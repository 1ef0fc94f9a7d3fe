import Foundation

/// A deal as stored and shown: what its author wrote, where it stands, who posted it.
public struct Deal: Equatable, Sendable {
    public let id: DealID
    public let authorID: MemberID
    public let authorHandle: String
    public let title: String
    public let description: String?
    public let url: String?
    public let kind: DealKind
    public let price: Money?
    public let shipping: Money?
    public let referencePrice: Money?
    public let promoCode: String?
    /// The partner's slug when the merchant is a partner of the platform.
    public let partnerSlug: String?
    /// The partner's name, or the merchant as the author named it.
    public let merchantName: String
    public let productID: Int64?
    public let offerID: Int64?
    public let categorySlug: String?
    public let city: String?
    public let startsAt: Date?
    public let endsAt: Date?
    public let temperature: Double
    public let voteCount: Int
    /// When it was posted, or last bumped: the time term of its hot score.
    public let rankedAt: Date
    public let createdAt: Date
    public let status: DealStatus
    /// When members' reports expired it; nil while it runs (or after it was revived).
    public let expiredAt: Date?
    public let expiryReports: Int
    public let commentCount: Int

    public init(
        id: DealID, authorID: MemberID, authorHandle: String, title: String, description: String?, url: String?,
        kind: DealKind, price: Money?, shipping: Money?, referencePrice: Money?, promoCode: String?,
        partnerSlug: String?, merchantName: String, productID: Int64?, offerID: Int64?, categorySlug: String?,
        city: String?, startsAt: Date?, endsAt: Date?, temperature: Double, voteCount: Int, rankedAt: Date,
        createdAt: Date, status: DealStatus = .published, expiredAt: Date? = nil, expiryReports: Int = 0,
        commentCount: Int = 0
    ) {
        self.id = id
        self.authorID = authorID
        self.authorHandle = authorHandle
        self.title = title
        self.description = description
        self.url = url
        self.kind = kind
        self.price = price
        self.shipping = shipping
        self.referencePrice = referencePrice
        self.promoCode = promoCode
        self.partnerSlug = partnerSlug
        self.merchantName = merchantName
        self.productID = productID
        self.offerID = offerID
        self.categorySlug = categorySlug
        self.city = city
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.temperature = temperature
        self.voteCount = voteCount
        self.rankedAt = rankedAt
        self.createdAt = createdAt
        self.status = status
        self.expiredAt = expiredAt
        self.expiryReports = expiryReports
        self.commentCount = commentCount
    }

    /// Past its end date, or reported expired by enough members.
    public func isExpired(at now: Date) -> Bool { expiredAt != nil || endsAt.map { $0 <= now } ?? false }

    /// Price plus shipping, when the deal has a price.
    public var total: Money? { DealInput.total(price: price, shipping: shipping) }

    /// The announced reduction against the 30-day reference price (see `ReferencePrice`); nil without one.
    public var reductionPercent: Int? {
        total.flatMap { ReferencePrice.reductionPercent(current: $0, reference: referencePrice) }
    }
}

/// Where a deal stands with moderation.
public enum DealStatus: String, Sendable, Codable, CaseIterable {
    /// Listed for everyone.
    case published
    /// A new member's deal, waiting for staff approval; seen only by its author and staff.
    case pending
    /// Taken down by staff; seen only by its author and staff.
    case removed
}
