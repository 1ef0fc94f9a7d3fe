/// What an account may do. Each role includes the powers of the ones before it, except `partner`,
/// which acts for one partner organisation and is not a staff power.
public enum Role: String, Sendable, Codable, CaseIterable {
    case member, partner, staff, admin

    /// Staff and admins run the platform: they moderate, create partners and read the dashboard.
    public var isStaff: Bool { self == .staff || self == .admin }
}
