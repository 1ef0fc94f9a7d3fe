import Foundation

/// A person with an account: a customer, a partner's employee, or staff.
public struct Member: Equatable, Sendable {
    public let id: MemberID
    public let handle: String
    public let email: String
    public var displayName: String?
    /// The language the member chose; nil means "follow my browser".
    public var language: Language?
    public var home: Coordinates?
    public var sustainabilityWeight: Int
    public var role: Role
    /// The partner organisation this member acts for, when their role is `partner`.
    public var partnerID: PartnerID?
    public let createdAt: Date

    public init(
        id: MemberID, handle: String, email: String, displayName: String?, language: Language?, home: Coordinates?,
        sustainabilityWeight: Int, role: Role, partnerID: PartnerID?, createdAt: Date
    ) {
        self.id = id
        self.handle = handle
        self.email = email
        self.displayName = displayName
        self.language = language
        self.home = home
        self.sustainabilityWeight = sustainabilityWeight
        self.role = role
        self.partnerID = partnerID
        self.createdAt = createdAt
    }

    /// The neutral default: price and impact count equally until the member says otherwise.
    public static let defaultSustainabilityWeight = 50
}
