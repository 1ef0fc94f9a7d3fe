import AgoraDomain
import Foundation
import SQLKit

/// Members' accounts: registration, look-up, profile changes and roles.
public struct MemberStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// What registration writes; the password arrives already hashed.
    public struct Registration: Sendable {
        public var handle: String
        public var email: String
        public var passwordHash: String
        public var language: Language?
        public var role: Role

        public init(handle: String, email: String, passwordHash: String, language: Language?, role: Role = .member) {
            self.handle = handle
            self.email = email
            self.passwordHash = passwordHash
            self.language = language
            self.role = role
        }
    }

    /// Creates the account, or throws `StoreError.duplicate` naming the handle or e-mail already taken.
    public func register(_ registration: Registration) async throws -> Member {
        do {
            return try await database.write { tx in
                let now = tx.now.millisecondsSince1970
                let row = try await tx.sql.raw(
                    """
                    INSERT INTO members (handle, email, password_hash, locale, sustainability_weight, role, created_at, updated_at)
                    VALUES (\(bind: registration.handle), \(bind: registration.email), \(bind: registration.passwordHash),
                            \(bind: registration.language?.rawValue), \(bind: Member.defaultSustainabilityWeight),
                            \(bind: registration.role.rawValue), \(bind: now), \(bind: now))
                    RETURNING \(unsafeRaw: Self.columns)
                    """
                ).first()
                let member = try Self.member(from: row!)
                try await tx.appendEvent(.memberRegistered, audience: .everyone, payload: ["handle": member.handle])
                return member
            }
        } catch let error where uniqueViolationColumn(error) != nil {
            throw StoreError.duplicate(field: uniqueViolationColumn(error)!)
        }
    }

    public func member(id: MemberID) async throws -> Member? {
        try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM members WHERE id = \(bind: id.rawValue)")
                .first().map(Self.member(from:))
        }
    }

    public func member(handle: String) async throws -> Member? {
        try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM members WHERE handle = \(bind: handle)")
                .first().map(Self.member(from:))
        }
    }

    /// What a public profile shows of a member: their standing in the community and their deals.
    public struct Profile: Equatable, Sendable {
        public let member: Member
        public let standing: Reputation.Standing
        public let publishedDeals: Int
    }

    public func profile(handle: String) async throws -> Profile? {
        try await database.read { sql in
            guard
                let row = try await sql.raw(
                    """
                    SELECT \(unsafeRaw: Self.columns), reputation, hot_deals, comment_likes,
                        (SELECT COUNT(*) FROM deals WHERE author_id = members.id AND status = 'published') AS deal_count
                    FROM members WHERE handle = \(bind: handle.lowercased())
                    """
                ).first()
            else { return nil }
            return Profile(
                member: try Self.member(from: row),
                standing: Reputation.Standing(
                    reputation: try row.decode(column: "reputation", as: Int.self),
                    hotDeals: try row.decode(column: "hot_deals", as: Int.self),
                    commentLikes: try row.decode(column: "comment_likes", as: Int.self)),
                publishedDeals: try row.decode(column: "deal_count", as: Int.self))
        }
    }

    /// The member whose handle or e-mail is `login`, with their password hash, for checking a login.
    public func credentials(login: String) async throws -> (member: Member, passwordHash: String)? {
        let key = login.trimmingCharacters(in: .whitespaces).lowercased()
        return try await database.read { sql in
            guard
                let row = try await sql.raw(
                    """
                    SELECT \(unsafeRaw: Self.columns), password_hash FROM members
                    WHERE handle = \(bind: key) OR email = \(bind: key)
                    """
                ).first()
            else { return nil }
            return (try Self.member(from: row), try row.decode(column: "password_hash", as: String.self))
        }
    }

    /// The profile fields a member may change; nil leaves a field as it is.
    public struct ProfileChanges: Sendable {
        public var displayName: String??
        public var language: Language??
        public var home: Coordinates??
        public var sustainabilityWeight: Int?

        public init(
            displayName: String?? = nil, language: Language?? = nil, home: Coordinates?? = nil,
            sustainabilityWeight: Int? = nil
        ) {
            self.displayName = displayName
            self.language = language
            self.home = home
            self.sustainabilityWeight = sustainabilityWeight
        }
    }

    /// Applies `changes` and records the change for the member's own live stream.
    public func updateProfile(of id: MemberID, _ changes: ProfileChanges) async throws -> Member {
        try await database.write { tx in
            guard
                let row = try await tx.sql.raw(
                    "SELECT \(unsafeRaw: Self.columns) FROM members WHERE id = \(bind: id.rawValue)\(unsafeRaw: tx.lockForUpdate)"
                ).first()
            else { throw StoreError.notFound }
            var member = try Self.member(from: row)
            if let displayName = changes.displayName { member.displayName = displayName }
            if let language = changes.language { member.language = language }
            if let home = changes.home { member.home = home }
            if let weight = changes.sustainabilityWeight { member.sustainabilityWeight = weight }
            try await tx.sql.raw(
                """
                UPDATE members SET display_name = \(bind: member.displayName), locale = \(bind: member.language?.rawValue),
                    home_latitude = \(bind: member.home?.latitude), home_longitude = \(bind: member.home?.longitude),
                    sustainability_weight = \(bind: member.sustainabilityWeight), updated_at = \(bind: tx.now.millisecondsSince1970)
                WHERE id = \(bind: id.rawValue)
                """
            ).run()
            try await tx.appendEvent(.memberUpdated, audience: .member(id), payload: ["handle": member.handle])
            return member
        }
    }

    /// Gives a member a role outside any partner (member, staff, admin).
    public func setRole(of id: MemberID, to role: Role) async throws -> Member {
        try await database.write { tx in
            guard
                let row = try await tx.sql.raw(
                    """
                    UPDATE members SET role = \(bind: role.rawValue), partner_id = NULL, updated_at = \(bind: tx.now.millisecondsSince1970)
                    WHERE id = \(bind: id.rawValue) RETURNING \(unsafeRaw: Self.columns)
                    """
                ).first()
            else { throw StoreError.notFound }
            let member = try Self.member(from: row)
            try await tx.appendEvent(
                .memberRoleChanged, audience: .member(id), payload: ["handle": member.handle, "role": role.rawValue])
            return member
        }
    }

    /// Replaces a member's password hash (after a login with an outdated bcrypt cost).
    public func setPasswordHash(of id: MemberID, to hash: String) async throws {
        try await database.write { tx in
            try await tx.sql.raw("UPDATE members SET password_hash = \(bind: hash) WHERE id = \(bind: id.rawValue)")
                .run()
        }
    }

    public func count() async throws -> Int {
        try await database.read { sql in
            try await sql.raw("SELECT COUNT(*) AS n FROM members").first()?.decode(column: "n", as: Int.self) ?? 0
        }
    }

    static let columns = """
        members.id, members.handle, members.email, members.display_name, members.locale, members.home_latitude,
        members.home_longitude, members.sustainability_weight, members.role, members.partner_id, members.created_at
        """

    static func member(from row: any SQLRow) throws -> Member {
        let latitude = try row.decode(column: "home_latitude", as: Double?.self)
        let longitude = try row.decode(column: "home_longitude", as: Double?.self)
        return Member(
            id: MemberID(try row.decode(column: "id", as: Int64.self)),
            handle: try row.decode(column: "handle", as: String.self),
            email: try row.decode(column: "email", as: String.self),
            displayName: try row.decode(column: "display_name", as: String?.self),
            language: try row.decode(column: "locale", as: String?.self).flatMap(Language.init(rawValue:)),
            home: try latitude.flatMap { latitude in
                try longitude.map { try Coordinates(latitude: latitude, longitude: $0) }
            },
            sustainabilityWeight: try row.decode(column: "sustainability_weight", as: Int.self),
            role: Role(rawValue: try row.decode(column: "role", as: String.self)) ?? .member,
            partnerID: try row.decode(column: "partner_id", as: Int64?.self).map(PartnerID.init),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)))
    }
}
