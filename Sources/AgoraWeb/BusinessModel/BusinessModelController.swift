import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The VISOR dashboard and the business-model settings through the API: staff read every figure
/// and tune the settings; a partner reads its own slice and nothing else.
struct BusinessModelController {
    let store: BusinessModelStore
    let partners: PartnerStore
    let clock: any AgoraClock

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("business-model", use: figures)
        api.post("business-model/what-if", use: whatIf)
        api.get("business-model/settings", use: settings)
        api.put("business-model/settings", use: updateSettings)
        api.put("business-model/partners/:id/terms", use: setTerms)
    }

    /// Who reads: staff (the whole platform, or any partner's slice with `partnerID`), or a partner
    /// (its own slice; naming another partner is refused).
    func slice(_ request: Request, _ context: AppRequestContext) async throws -> PartnerID? {
        let asked = try QueryParameter.integer(request.uri.queryParameters.get("partnerID"), field: "partnerID")
            .map(PartnerID.init)
        guard let identity = context.identity else { throw Problem.unauthenticated }
        if identity.member?.role.isStaff == true {
            if let asked, try await partners.partner(id: asked) == nil { throw Problem.notFound }
            return asked
        }
        let partner = try await context.requirePartner(partners)
        guard asked == nil || asked == partner.id else { throw Problem.forbidden("error.notYourPartner") }
        return partner.id
    }

    /// The period of `from` and `to` (ISO days, both included); the last 30 days by default.
    static func period(_ request: Request, now: Date) throws -> ReportPeriod {
        let query = request.uri.queryParameters
        return try period(from: query.get("from"), to: query.get("to"), now: now)
    }

    static func period(from: String?, to: String?, now: Date) throws -> ReportPeriod {
        do {
            return try ReportPeriod.checked(from: from, to: to, now: now, standardDays: 30)
        } catch {
            throw Problem.validation(error)
        }
    }

    /// `GET /api/v1/business-model?from=&to=&partnerID=&format=csv&table=`.
    @Sendable func figures(request: Request, context: AppRequestContext) async throws -> Response {
        let partner = try await slice(request, context)
        let period = try Self.period(request, now: clock.now)
        let figures = try await store.figures(period, partner: partner, now: clock.now)
        switch request.uri.queryParameters.get("format") {
        case nil, "json": return try BusinessModelAnswer(figures).response(from: request, context: context)
        case "csv": break
        default: throw Problem.validation(field: "format", "error.invalidValue")
        }
        let table = request.uri.queryParameters.get("table") ?? "profit-and-loss"
        guard let csv = BusinessModelCSV.table(table, of: figures) else {
            throw Problem.validation(field: "table", "error.invalidValue")
        }
        let name = "agora-business-model-\(table)-\(period.firstDay).csv"
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"",
            ],
            body: .init(byteBuffer: .init(string: csv)))
    }

    struct WhatIfRequest: Decodable {
        let from: String?
        let to: String?
        let settings: [PlatformSettings.Key: Int64]
        let partners: [PartnerID: PartnerTerms]

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["from", "to", "settings", "partners"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            from = try container.decodeIfPresent(String.self, forKey: .from)
            to = try container.decodeIfPresent(String.self, forKey: .to)
            settings = try SettingsRequest.keys(
                try container.decodeIfPresent([String: Int64].self, forKey: .settings) ?? [:])
            let terms = try container.decodeIfPresent([TermsEntry].self, forKey: .partners) ?? []
            guard terms.count <= 1_000 else { throw Problem.validation(field: "partners", "error.tooMany") }
            var partners: [PartnerID: PartnerTerms] = [:]
            for entry in terms {
                do {
                    partners[PartnerID(entry.partnerID)] = try PartnerTerms(
                        commissionBps: entry.commissionBps, costOfGoodsBps: entry.costOfGoodsBps,
                        costPerOrder: entry.costPerOrder
                    ).checked()
                } catch {
                    throw Problem.validation(error.about("partners.\(error.field)"))
                }
            }
            self.partners = partners
        }

        struct TermsEntry: Decodable {
            let partnerID: Int64
            let commissionBps: Int
            let costOfGoodsBps: Int
            let costPerOrder: Int64
        }

        enum CodingKeys: String, CodingKey { case from, to, settings, partners }
    }

    struct WhatIfAnswer: ResponseEncodable {
        let period: BusinessModelAnswer.Period
        let actual: BusinessModelAnswer.Revenue
        let whatIf: BusinessModelAnswer.Revenue
    }

    /// `POST /api/v1/business-model/what-if`: the period's P&L recomputed with other settings and
    /// partners' terms, beside the actual one. Staff only; nothing is written.
    @Sendable func whatIf(request: Request, context: AppRequestContext) async throws -> WhatIfAnswer {
        _ = try context.requireStaff()
        let body = try await request.decodeJSON(as: WhatIfRequest.self, context: context)
        let period = try Self.period(from: body.from, to: body.to, now: clock.now)
        let current = try await store.platformSettings()
        let tried: PlatformSettings
        do {
            tried = try current.applying(body.settings)
        } catch {
            throw Problem.validation(error.about("settings.\(error.field)"))
        }
        let result = try await store.whatIf(period, platform: tried, terms: body.partners)
        func revenue(_ pnl: ProfitAndLoss) -> BusinessModelAnswer.Revenue {
            BusinessModelAnswer.revenue(
                pnl, names: result.partnerNames, slice: nil, otherCurrencies: result.ordersInOtherCurrencies)
        }
        return WhatIfAnswer(
            period: BusinessModelAnswer.Period(period), actual: revenue(result.actual), whatIf: revenue(result.whatIf))
    }

    struct SettingsAnswer: ResponseEncodable {
        struct Terms: Encodable {
            let partnerID: Int64
            let name: String
            let commissionBps: Int
            let costOfGoodsBps: Int
            let costPerOrder: Int64
        }

        let settings: [String: Int64]
        let partners: [Terms]
        /// The last 90 days of changes, oldest first.
        let changes: [BusinessModelAnswer.Change]
    }

    /// `GET /api/v1/business-model/settings` (staff).
    @Sendable func settings(request: Request, context: AppRequestContext) async throws -> SettingsAnswer {
        _ = try context.requireStaff()
        return try await settingsAnswer()
    }

    func settingsAnswer() async throws -> SettingsAnswer {
        let settings = try await store.platformSettings()
        let now = clock.now
        return SettingsAnswer(
            settings: Dictionary(
                uniqueKeysWithValues: PlatformSettings.Key.allCases.map { ($0.rawValue, settings[$0]) }),
            partners: try await store.partnerTerms().map {
                .init(
                    partnerID: $0.partner.rawValue, name: $0.name, commissionBps: $0.terms.commissionBps,
                    costOfGoodsBps: $0.terms.costOfGoodsBps, costPerOrder: $0.terms.costPerOrder)
            },
            changes: try await store.changes(from: now.addingTimeInterval(-90 * 86_400), to: now.addingTimeInterval(1))
                .map(BusinessModelAnswer.Change.init))
    }

    struct SettingsRequest: Decodable {
        let changes: [PlatformSettings.Key: Int64]

        init(from decoder: any Decoder) throws {
            changes = try Self.keys(try [String: Int64](from: decoder))
        }

        static func keys(_ raw: [String: Int64]) throws -> [PlatformSettings.Key: Int64] {
            var changes: [PlatformSettings.Key: Int64] = [:]
            for (name, value) in raw {
                guard let key = PlatformSettings.Key(rawValue: name) else {
                    throw Problem.validation(field: name, "error.unknownField")
                }
                changes[key] = value
            }
            return changes
        }
    }

    /// `PUT /api/v1/business-model/settings` with `{"reward_share_bps": 2500, …}` (staff): only the
    /// keys given change; each change is audited. Applies to orders placed from now on.
    @Sendable func updateSettings(request: Request, context: AppRequestContext) async throws -> SettingsAnswer {
        let staff = try context.requireStaff()
        let body = try await request.decodeJSON(as: SettingsRequest.self, context: context)
        guard !body.changes.isEmpty else { throw Problem.validation(field: "settings", "error.required") }
        _ = try await store.update(body.changes, by: staff)
        return try await settingsAnswer()
    }

    struct TermsRequest: Decodable {
        let terms: PartnerTerms

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["commissionBps", "costOfGoodsBps", "costPerOrder"])
            let container = try decoder.container(keyedBy: CodingKeys.self)
            terms = PartnerTerms(
                commissionBps: try container.decode(Int.self, forKey: .commissionBps),
                costOfGoodsBps: try container.decode(Int.self, forKey: .costOfGoodsBps),
                costPerOrder: try container.decode(Int64.self, forKey: .costPerOrder))
        }

        enum CodingKeys: String, CodingKey { case commissionBps, costOfGoodsBps, costPerOrder }
    }

    /// `PUT /api/v1/business-model/partners/{id}/terms` (staff): a partner's commission and declared costs.
    @Sendable func setTerms(request: Request, context: AppRequestContext) async throws
        -> SettingsAnswer.Terms
    {
        let staff = try context.requireStaff()
        let body = try await request.decodeJSON(as: TermsRequest.self, context: context)
        let entry = try await store.setTerms(body.terms, of: PartnerID(try context.pathID()), by: staff)
        return .init(
            partnerID: entry.partner.rawValue, name: entry.name, commissionBps: entry.terms.commissionBps,
            costOfGoodsBps: entry.terms.costOfGoodsBps, costPerOrder: entry.terms.costPerOrder)
    }
}

extension BusinessModelController.SettingsAnswer.Terms: ResponseEncodable {}
extension BusinessModelAnswer: ResponseEncodable {}
