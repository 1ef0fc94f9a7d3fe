import AgoraDomain

/// Who is making a request, and by which credential.
public struct Identity: Sendable {
    public enum Credential: Sendable, Equatable {
        /// A browser's session cookie: writes need the CSRF token.
        case browserSession(id: Int64)
        /// A bearer token from `POST /api/v1/sessions`.
        case apiSession(id: Int64)
        /// A partner's API token: it acts for that partner only, never as a member.
        case partnerToken(id: Int64)
    }

    public let member: Member?
    public let partner: Partner?
    public let credential: Credential

    /// Which events this identity may receive live.
    var viewer: EventViewer {
        EventViewer(
            memberID: member?.id, partnerID: partner?.id ?? member?.partnerID, isStaff: member?.role.isStaff ?? false)
    }
}
