/// Who may see an event on the live stream. Events carry only what their audience may read.
public enum EventAudience: Equatable, Sendable {
    case everyone
    case staff
    case member(MemberID)
    case partner(PartnerID)

    /// The form stored in the `events.audience` column.
    public var stored: String {
        switch self {
        case .everyone: "public"
        case .staff: "staff"
        case .member(let id): "member:\(id)"
        case .partner(let id): "partner:\(id)"
        }
    }

    public init?(stored: String) {
        switch stored {
        case "public": self = .everyone
        case "staff": self = .staff
        default:
            let parts = stored.split(separator: ":")
            guard parts.count == 2, let id = Int64(parts[1]) else { return nil }
            switch parts[0] {
            case "member": self = .member(MemberID(id))
            case "partner": self = .partner(PartnerID(id))
            default: return nil
            }
        }
    }
}

/// Who is watching the live stream, to decide which events they may receive.
public struct EventViewer: Sendable {
    public let memberID: MemberID?
    public let partnerID: PartnerID?
    public let isStaff: Bool

    public init(memberID: MemberID?, partnerID: PartnerID?, isStaff: Bool) {
        self.memberID = memberID
        self.partnerID = partnerID
        self.isStaff = isStaff
    }

    public static let anonymous = EventViewer(memberID: nil, partnerID: nil, isStaff: false)

    /// Whether this viewer's stream carries an event: what its audience allows, except that a
    /// member's own notifications (their unread badge) go to that member only, staff included.
    public func receives(_ audience: EventAudience, topic: String?) -> Bool {
        if topic == EventTopic.notifications, case .member(let id) = audience { return id == memberID }
        return mayReceive(audience)
    }

    public func mayReceive(_ audience: EventAudience) -> Bool {
        switch audience {
        case .everyone: true
        case .staff: isStaff
        case .member(let id): id == memberID || isStaff
        case .partner(let id): id == partnerID || isStaff
        }
    }
}
