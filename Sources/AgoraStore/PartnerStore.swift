import AgoraDomain
import Foundation
import SQLKit

/// Partner organisations, the members who act for them, and their API tokens.
public struct PartnerStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// Creates a partner, or throws `StoreError.duplicate(field: "slug")`.
    public func create(name: String, slug: String, kind: PartnerKind, commissionBasisPoints: Int) async throws
        -> Partner
    {
        do {
            return try await database.write { tx in
                let row = try await tx.sql.raw(
                    """
                    INSERT INTO partners (name, slug, kind, commission_bps, created_at)
                    VALUES (\(bind: name), \(bind: slug), \(bind: kind.rawValue), \(bind: commissionBasisPoints),
                            \(bind: tx.now.millisecondsSince1970))
                    RETURNING \(unsafeRaw: Self.columns)
                    """
                ).first()
                let partner = try Self.partner(from: row!)
                try await tx.appendEvent(
                    .partnerCreated, audience: .everyone, payload: ["slug": partner.slug, "name": partner.name])
                return partner
            }
        } catch let error where uniqueViolationColumn(error) != nil {
            throw StoreError.duplicate(field: uniqueViolationColumn(error)!)
        }
    }

    public func partner(slug: String) async throws -> Partner? {
        try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM partners WHERE slug = \(bind: slug)")
                .first().map(Self.partner(from:))
        }
    }

    public func partner(id: PartnerID) async throws -> Partner? {
        try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM partners WHERE id = \(bind: id.rawValue)")
                .first().map(Self.partner(from:))
        }
    }

    /// Every partner, by name.
    public func all() async throws -> [Partner] {
        try await database.read { sql in
            try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM partners ORDER BY name, id").all().map(
                Self.partner(from:))
        }
    }

    /// Makes `memberID` act for the partner. Staff keep their role: attaching is for ordinary members.
    public func attach(memberID: MemberID, to partnerID: PartnerID) async throws -> Member {
        try await database.write { tx in
            guard
                let row = try await tx.sql.raw(
                    """
                    UPDATE members SET role = 'partner', partner_id = \(bind: partnerID.rawValue),
                        updated_at = \(bind: tx.now.millisecondsSince1970)
                    WHERE id = \(bind: memberID.rawValue) AND role IN ('member', 'partner')
                    RETURNING \(unsafeRaw: MemberStore.columns)
                    """
                ).first()
            else { throw StoreError.notFound }
            let member = try MemberStore.member(from: row)
            try await tx.appendEvent(
                .partnerMemberAttached, audience: .partner(partnerID), payload: ["handle": member.handle])
            return member
        }
    }

    /// The members who act for a partner.
    public func members(of partnerID: PartnerID) async throws -> [Member] {
        try await database.read { sql in
            try await sql.raw(
                "SELECT \(unsafeRaw: MemberStore.columns) FROM members WHERE partner_id = \(bind: partnerID.rawValue) ORDER BY handle"
            ).all().map(MemberStore.member(from:))
        }
    }

    /// Issues an API token for the partner; the secret is returned once and only its hash is kept.
    public func issueToken(for partnerID: PartnerID, label: String, createdBy: MemberID?) async throws -> (
        PartnerToken, SecretToken
    ) {
        let secret = SecretToken(prefix: "agp_")
        let token = try await database.write { tx in
            let row = try await tx.sql.raw(
                """
                INSERT INTO partner_tokens (partner_id, token_hash, label, created_by, created_at)
                VALUES (\(bind: partnerID.rawValue), \(bind: secret.hash), \(bind: label), \(bind: createdBy?.rawValue),
                        \(bind: tx.now.millisecondsSince1970))
                RETURNING id, partner_id, label, created_at, revoked_at
                """
            ).first()
            let token = try Self.token(from: row!)
            try await tx.appendEvent(.partnerTokenCreated, audience: .partner(partnerID), payload: ["label": label])
            return token
        }
        return (token, secret)
    }

    /// The partner a live (not revoked) token acts for.
    public func partner(token: String) async throws -> (partner: Partner, tokenID: Int64)? {
        try await database.read { sql in
            guard
                let row = try await sql.raw(
                    """
                    SELECT \(unsafeRaw: Self.columns), partner_tokens.id AS token_id FROM partner_tokens
                    JOIN partners ON partners.id = partner_tokens.partner_id
                    WHERE partner_tokens.token_hash = \(bind: SecretToken.hash(token)) AND partner_tokens.revoked_at IS NULL
                    """
                ).first()
            else { return nil }
            return (try Self.partner(from: row), try row.decode(column: "token_id", as: Int64.self))
        }
    }

    public func tokens(of partnerID: PartnerID) async throws -> [PartnerToken] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT id, partner_id, label, created_at, revoked_at FROM partner_tokens
                WHERE partner_id = \(bind: partnerID.rawValue) ORDER BY id
                """
            ).all().map(Self.token(from:))
        }
    }

    /// Revokes one of the partner's tokens; a token of another partner is `notFound`.
    public func revokeToken(id: Int64, of partnerID: PartnerID) async throws {
        try await database.write { tx in
            let rows = try await tx.sql.raw(
                """
                UPDATE partner_tokens SET revoked_at = \(bind: tx.now.millisecondsSince1970)
                WHERE id = \(bind: id) AND partner_id = \(bind: partnerID.rawValue) AND revoked_at IS NULL
                RETURNING id
                """
            ).all()
            guard !rows.isEmpty else { throw StoreError.notFound }
            try await tx.appendEvent(.partnerTokenRevoked, audience: .partner(partnerID), payload: ["id": id])
        }
    }

    static let columns =
        "partners.id, partners.name, partners.slug, partners.kind, partners.commission_bps, partners.created_at"

    static func partner(from row: any SQLRow) throws -> Partner {
        Partner(
            id: PartnerID(try row.decode(column: "id", as: Int64.self)),
            name: try row.decode(column: "name", as: String.self),
            slug: try row.decode(column: "slug", as: String.self),
            kind: PartnerKind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .merchant,
            commissionBasisPoints: try row.decode(column: "commission_bps", as: Int.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)))
    }

    static func token(from row: any SQLRow) throws -> PartnerToken {
        PartnerToken(
            id: try row.decode(column: "id", as: Int64.self),
            partnerID: PartnerID(try row.decode(column: "partner_id", as: Int64.self)),
            label: try row.decode(column: "label", as: String.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            revokedAt: try row.decode(column: "revoked_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)))
    }
}
