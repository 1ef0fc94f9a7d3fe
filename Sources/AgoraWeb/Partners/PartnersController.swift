import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The partners API: staff create organisations and attach members; a partner's members manage its API tokens.
struct PartnersController {
    let partners: PartnerStore
    let members: MemberStore

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("partners", use: list)
        api.post("partners", use: create)
        api.get("partners/:slug", use: show)
        api.get("partners/:slug/members", use: listMembers)
        api.post("partners/:slug/members", use: attachMember)
        api.get("partners/:slug/tokens", use: listTokens)
        api.post("partners/:slug/tokens", use: issueToken)
        api.delete("partners/:slug/tokens/:id", use: revokeToken)
        api.get("partner", use: current)
    }

    struct PartnerResponse: ResponseEncodable {
        let id: Int64
        let name: String
        let slug: String
        let kind: PartnerKind
        let commissionBasisPoints: Int
        let createdAt: Date

        init(_ partner: Partner) {
            id = partner.id.rawValue
            name = partner.name
            slug = partner.slug
            kind = partner.kind
            commissionBasisPoints = partner.commissionBasisPoints
            createdAt = partner.createdAt
        }
    }

    struct PartnerList: ResponseEncodable {
        let items: [PartnerResponse]
    }

    @Sendable func list(request: Request, context: AppRequestContext) async throws -> PartnerList {
        PartnerList(items: try await partners.all().map(PartnerResponse.init))
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> PartnerResponse {
        PartnerResponse(try await partner(context))
    }

    struct NewPartner: Decodable {
        let name: String
        let slug: String
        let kind: PartnerKind
        let commissionBasisPoints: Int

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["name", "slug", "kind", "commissionBasisPoints"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            name = try PartnerRules.name(container.decodeString(.name, max: 200))
            slug = try PartnerRules.slug(container.decodeString(.slug, max: 100))
            kind = try container.decode(PartnerKind.self, forKey: .kind)
            commissionBasisPoints = try PartnerRules.commission(
                basisPoints: container.decode(Int.self, forKey: .commissionBasisPoints))
        }

        enum CodingKeys: String, CodingKey { case name, slug, kind, commissionBasisPoints }
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> EditedResponse<PartnerResponse>
    {
        _ = try context.requireStaff()
        let body = try await request.decodeJSON(as: NewPartner.self, context: context)
        let partner = try await partners.create(
            name: body.name, slug: body.slug, kind: body.kind, commissionBasisPoints: body.commissionBasisPoints)
        return EditedResponse(
            status: .created, headers: [.location: "/api/v1/partners/\(partner.slug)"],
            response: PartnerResponse(partner))
    }

    struct Attachment: Decodable {
        let handle: String

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["handle"])
            handle = try decoder.container(keyedBy: CodingKeys.self).decodeString(.handle, max: 64)
        }

        enum CodingKeys: String, CodingKey { case handle }
    }

    struct MemberList: ResponseEncodable {
        let items: [MemberResponse]
    }

    @Sendable func listMembers(request: Request, context: AppRequestContext) async throws -> MemberList {
        let partner = try await partnerManagedByCaller(context)
        return MemberList(items: try await partners.members(of: partner.id).map(MemberResponse.init))
    }

    /// Staff attach an existing member, who then acts for the partner.
    @Sendable func attachMember(request: Request, context: AppRequestContext) async throws -> MemberResponse {
        _ = try context.requireStaff()
        let partner = try await partner(context)
        let body = try await request.decodeJSON(as: Attachment.self, context: context)
        guard let member = try await members.member(handle: body.handle) else {
            throw Problem.validation(field: "handle", "error.noSuchMember")
        }
        guard !member.role.isStaff else { throw Problem.validation(field: "handle", "error.staffCannotBePartner") }
        return MemberResponse(try await partners.attach(memberID: member.id, to: partner.id))
    }

    struct TokenResponse: ResponseEncodable {
        let id: Int64
        let label: String
        let createdAt: Date
        let revokedAt: Date?
        /// Present only in the answer that creates the token: it is never shown again.
        let token: String?
    }

    struct TokenList: ResponseEncodable {
        let items: [TokenResponse]
    }

    struct NewToken: Decodable {
        let label: String

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["label"])
            let label = try decoder.container(keyedBy: CodingKeys.self).decodeString(.label, max: 80)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            guard !label.isEmpty else { throw Problem.validation(field: "label", "error.required") }
            self.label = label
        }

        enum CodingKeys: String, CodingKey { case label }
    }

    @Sendable func listTokens(request: Request, context: AppRequestContext) async throws -> TokenList {
        let partner = try await partnerManagedByCaller(context)
        return TokenList(
            items: try await partners.tokens(of: partner.id).map {
                TokenResponse(id: $0.id, label: $0.label, createdAt: $0.createdAt, revokedAt: $0.revokedAt, token: nil)
            })
    }

    @Sendable func issueToken(request: Request, context: AppRequestContext) async throws -> EditedResponse<
        TokenResponse
    > {
        let partner = try await partnerManagedByCaller(context)
        let body = try await request.decodeJSON(as: NewToken.self, context: context)
        let (token, secret) = try await partners.issueToken(
            for: partner.id, label: body.label, createdBy: context.identity?.member?.id)
        // no-store: the secret must not be kept by caches, nor replayed for an Idempotency-Key.
        return EditedResponse(
            status: .created, headers: [.cacheControl: "no-store"],
            response: TokenResponse(
                id: token.id, label: token.label, createdAt: token.createdAt, revokedAt: nil, token: secret.value))
    }

    @Sendable func revokeToken(request: Request, context: AppRequestContext) async throws -> HTTPResponse.Status {
        let partner = try await partnerManagedByCaller(context)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound }
        try await partners.revokeToken(id: id, of: partner.id)
        return .noContent
    }

    /// The partner a partner token (or a partner's member) acts for.
    @Sendable func current(request: Request, context: AppRequestContext) async throws -> PartnerResponse {
        guard let identity = context.identity else { throw Problem.unauthenticated }
        if let partner = identity.partner { return PartnerResponse(partner) }
        guard let partnerID = identity.member?.partnerID, let partner = try await partners.partner(id: partnerID) else {
            throw Problem.forbidden("error.partnerOnly")
        }
        return PartnerResponse(partner)
    }

    private func partner(_ context: AppRequestContext) async throws -> Partner {
        let slug = try context.parameters.require("slug")
        guard let partner = try await partners.partner(slug: slug) else { throw Problem.notFound }
        return partner
    }

    /// The partner of the URL, when the caller is staff or one of its members; tokens cannot manage tokens.
    private func partnerManagedByCaller(_ context: AppRequestContext) async throws -> Partner {
        let member = try context.requireMember()
        let partner = try await partner(context)
        guard member.role.isStaff || member.partnerID == partner.id else {
            throw Problem.forbidden("error.notYourPartner")
        }
        return partner
    }
}
