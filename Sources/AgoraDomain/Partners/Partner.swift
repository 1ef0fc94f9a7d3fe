import Foundation

/// A merchant, brand or supplier that publishes offers and receives orders.
public struct Partner: Equatable, Sendable {
    public let id: PartnerID
    public let name: String
    public let slug: String
    public let kind: PartnerKind
    /// The platform's share of each order, in basis points (1/100 of a percent).
    public let commissionBasisPoints: Int
    public let createdAt: Date

    public init(
        id: PartnerID, name: String, slug: String, kind: PartnerKind, commissionBasisPoints: Int, createdAt: Date
    ) {
        self.id = id
        self.name = name
        self.slug = slug
        self.kind = kind
        self.commissionBasisPoints = commissionBasisPoints
        self.createdAt = createdAt
    }
}

/// A partner API token as listed to its owners: the secret itself is shown once, at creation.
public struct PartnerToken: Equatable, Sendable {
    public let id: Int64
    public let partnerID: PartnerID
    public let label: String
    public let createdAt: Date
    public let revokedAt: Date?

    public init(id: Int64, partnerID: PartnerID, label: String, createdAt: Date, revokedAt: Date?) {
        self.id = id
        self.partnerID = partnerID
        self.label = label
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
