import AgoraDomain
import Foundation
import Hummingbird

/// A member as the API shows it to themselves and to staff.
struct MemberResponse: ResponseEncodable {
    struct Home: Codable {
        let latitude: Double
        let longitude: Double
    }

    let id: Int64
    let handle: String
    let email: String
    let displayName: String?
    let locale: String?
    let home: Home?
    let sustainabilityWeight: Int
    let role: String
    let partnerID: Int64?
    let createdAt: Date

    init(_ member: Member) {
        id = member.id.rawValue
        handle = member.handle
        email = member.email
        displayName = member.displayName
        locale = member.language?.rawValue
        home = member.home.map { Home(latitude: $0.latitude, longitude: $0.longitude) }
        sustainabilityWeight = member.sustainabilityWeight
        role = member.role.rawValue
        partnerID = member.partnerID?.rawValue
        createdAt = member.createdAt
    }
}
