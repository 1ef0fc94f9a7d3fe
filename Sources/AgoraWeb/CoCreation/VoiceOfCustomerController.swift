import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The voice of the customer through the API, as JSON or one table as CSV: staff see any scope,
/// a partner its own figures and those of the products it sells (see `VoiceOfCustomer` for what
/// each figure means).
struct VoiceOfCustomerController {
    let voices: VoiceOfCustomerStore
    let partners: PartnerStore
    let clock: any AgoraClock

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("voice-of-customer", use: show)
    }

    /// `GET /api/v1/voice-of-customer?productID=|partnerID=|categoryID=&from=&to=&format=csv&table=`.
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let viewer = try await Self.viewer(context, partners)
        let scope = try Self.scope(
            productID: query.get("productID"), partnerID: query.get("partnerID"),
            categoryID: query.get("categoryID"), for: viewer)
        let period = try ReportPeriod.checked(
            from: query.get("from"), to: query.get("to"), now: clock.now, standardDays: 90)
        var table: Table?
        switch query.get("format") {
        case nil, "json": break
        case "csv":
            guard let chosen = query.get("table").flatMap(Table.init(rawValue:)) else {
                throw Problem.validation(field: "table", "error.invalidValue")
            }
            table = chosen
        default: throw Problem.validation(field: "format", "error.invalidValue")
        }
        let voice = try await Self.voice(of: scope, in: period, for: viewer, voices)
        guard let table else { return try VoiceOfCustomerAnswer(voice).response(from: request, context: context) }
        let name = "agora-voice-\(Self.fileLabel(scope))-\(voice.period.firstDay)-\(voice.period.lastDay)-\(table).csv"
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"",
            ],
            body: .init(byteBuffer: .init(string: Self.csv(voice, table))))
    }

    /// Who may read figures: staff, or a partner (by its token or a member working for it).
    enum Viewer {
        case staff
        case partner(Partner)
    }

    /// The tables that export as CSV.
    enum Table: String, CaseIterable {
        case weeks, terms, ideas
    }

    /// 401 for nobody, 403 for a member who is neither staff nor a partner's.
    static func viewer(_ context: AppRequestContext, _ partners: PartnerStore) async throws -> Viewer {
        guard let identity = context.identity else { throw Problem.unauthenticated }
        if identity.member?.role.isStaff == true { return .staff }
        do {
            return .partner(try await context.requirePartner(partners))
        } catch let problem as Problem where problem.status == .forbidden {
            throw Problem.forbidden("voice.error.staffOrPartner")
        }
    }

    /// The scope named by at most one of the three ids; none is the whole site, which only staff see.
    static func scope(productID: String?, partnerID: String?, categoryID: String?, for viewer: Viewer) throws
        -> VoiceOfCustomer.Scope
    {
        let named = [productID, partnerID, categoryID].compactMap { $0 }
        guard named.count <= 1 else { throw Problem.validation(field: "scope", "voice.error.oneScope") }
        if let id = try QueryParameter.integer(productID, field: "productID") as Int64? { return .product(id) }
        if let id = try QueryParameter.integer(partnerID, field: "partnerID") as Int64? {
            return .partner(PartnerID(id))
        }
        if let id = try QueryParameter.integer(categoryID, field: "categoryID") as Int64? { return .category(id) }
        guard case .staff = viewer else { throw Problem.validation(field: "scope", "voice.error.scopeRequired") }
        return .site
    }

    /// The figures, once the viewer may see them: a partner only its own and its products'.
    static func voice(
        of scope: VoiceOfCustomer.Scope, in period: ReportPeriod, for viewer: Viewer,
        _ voices: VoiceOfCustomerStore
    ) async throws -> VoiceOfCustomer {
        if case .partner(let partner) = viewer {
            let allowed =
                switch scope {
                case .partner(let id): id == partner.id
                case .product(let id): try await voices.sells(partner.id, product: id)
                case .category, .site: false
                }
            guard allowed else { throw Problem.forbidden("voice.error.notYours") }
        }
        guard let voice = try await voices.voice(of: scope, in: period) else {
            throw Problem.validation(field: field(of: scope), "error.notFound")
        }
        return voice
    }

    static func field(of scope: VoiceOfCustomer.Scope) -> String {
        switch scope {
        case .product: "productID"
        case .partner: "partnerID"
        case .category: "categoryID"
        case .site: "scope"
        }
    }

    /// `product-12`, `partner-3`, `category-5`, `site`: the scope in a file's name.
    static func fileLabel(_ scope: VoiceOfCustomer.Scope) -> String {
        switch scope {
        case .product(let id): "product-\(id)"
        case .partner(let id): "partner-\(id)"
        case .category(let id): "category-\(id)"
        case .site: "site"
        }
    }

    /// One table as CSV. Averages are written with a point; the sentiment in thousandths, as an
    /// integer, so that a negative one is a number and not text that a spreadsheet might run.
    static func csv(_ voice: VoiceOfCustomer, _ table: Table) -> String {
        switch table {
        case .weeks:
            return CSV.line(["week_start", "reviews", "average_rating", "idea_comments", "average_sentiment_per_mille"])
                + voice.weeks.map { week in
                    CSV.line([
                        .text(ReportPeriod.isoDay(week.start)), .number(Int64(week.reviews)),
                        .text(week.averageRating.map { String(format: "%.2f", $0) } ?? ""),
                        .number(Int64(week.comments)),
                        week.averageSentiment.map { .number(Int64(($0 * 1000).rounded())) } ?? .text(""),
                    ])
                }.joined()
        case .terms:
            return CSV.line(["term", "texts"])
                + voice.terms.map { CSV.line([.text($0.word), .number(Int64($0.texts))]) }.joined()
        case .ideas:
            return CSV.line(["id", "title", "status", "supports_in_period", "supports", "submitted_at"])
                + voice.topIdeas.map { idea in
                    CSV.line([
                        .number(idea.id), .text(idea.title), .text(idea.status.rawValue),
                        .number(Int64(idea.supportsInPeriod)), .number(Int64(idea.supports)),
                        .text(idea.submittedAt.formatted(.iso8601)),
                    ])
                }.joined()
        }
    }
}
