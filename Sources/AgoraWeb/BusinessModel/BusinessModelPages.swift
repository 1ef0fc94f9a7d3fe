import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The VISOR dashboard for people: staff read the whole platform (or one partner's slice), try
/// other settings in a what-if and change them; a partner reads its own slice from its tabs. The
/// figures, the periods and the CSV are the API's.
struct BusinessModelPages {
    let pages: Pages
    let store: BusinessModelStore
    let partners: PartnerStore
    let clock: any AgoraClock

    /// The quick periods of the form, in days.
    static let quickPeriods = [30, 90, 365]

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("admin/business-model", use: staffPage)
        router.get("admin/business-model/what-if", use: whatIfForm)
        router.post("admin/business-model/what-if", use: whatIf)
        router.get("admin/business-model/settings", use: settingsPage)
        router.post("admin/business-model/settings", use: saveSettings)
        router.post("admin/business-model/partners/:id/terms", use: saveTerms)
        router.get("partner/business-model", use: partnerPage)
    }

    /// `?from=&to=&partnerID=`: the whole platform, or one partner's slice.
    @Sendable func staffPage(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard member.role.isStaff else { throw Problem.forbidden("error.staffOnly") }
        let query = Self.typed(request, ["from", "to", "partnerID"])
        var values: [String: Any] = ["action": "/admin/business-model", "staffForm": true, "staff": true]
        var slice: PartnerID?
        do {
            // As the API reads it: staff may ask for any partner that exists.
            slice = try QueryParameter.integer(query["partnerID"], field: "partnerID").map(PartnerID.init)
            if let slice, try await partners.partner(id: slice) == nil {
                throw Problem.validation(field: "partnerID", "error.notFound")
            }
        } catch let problem as Problem where problem.status == .unprocessableContent {
            values["partners"] = try await partnerChoices(selected: nil)
            return refused(problem, query: query, values: values, context: context)
        }
        values["partners"] = try await partnerChoices(selected: slice)
        return try await render(query, slice: slice, isStaff: true, values: values, context: context)
    }

    /// `?from=&to=`: the partner's own figures, and nobody else's.
    @Sendable func partnerPage(request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity != nil else { return .seeOther("/login") }
        let partner = try await context.requirePartner(partners)
        let values: [String: Any] = [
            "action": "/partner/business-model", "partnerPage": true, "partnerName": partner.name, "tabBusiness": true,
        ]
        return try await render(
            Self.typed(request, ["from", "to"]), slice: partner.id, isStaff: false, values: values, context: context)
    }

    /// The figures under the form, or the form with what was refused (422).
    private func render(
        _ query: [String: String], slice: PartnerID?, isStaff: Bool, values: [String: Any], context: AppRequestContext
    ) async throws -> Response {
        let now = clock.now
        var values = values
        let period: ReportPeriod
        do {
            period = try BusinessModelController.period(from: query["from"], to: query["to"], now: now)
        } catch let problem as Problem where problem.status == .unprocessableContent {
            return refused(problem, query: query, values: values, context: context)
        }
        let view = BusinessModelView(pages: pages, language: context.language)
        let figures = try await store.figures(period, partner: slice, now: now)
        let terms = try await store.partnerTerms().reduce(into: [PartnerID: PartnerTerms]()) {
            if slice == nil || $1.partner == slice { $0[$1.partner] = $1.terms }
        }
        values["from"] = period.firstDay
        values["to"] = period.lastDay
        values["quick"] = quickLinks(
            values["action"] as? String ?? "", slice: isStaff ? slice : nil, current: period, view: view)
        values["scope"] =
            slice.map { view.text("visor.scope.partner", [figures.partnerNames[$0] ?? ""]) }
            ?? view.text("visor.scope.platform")
        var link = "/api/v1/business-model?from=\(period.firstDay)&to=\(period.lastDay)"
        if isStaff, let slice { link += "&partnerID=\(slice.rawValue)" }
        var dashboard = view.dashboard(figures, terms: terms, now: now) { link + "&format=csv&table=" + $0 }
        // As the API answers them: a partner's slice has its own terms' changes only.
        dashboard["changes"] = figures.settingsChanges.map { view.change($0, partnerNames: figures.partnerNames) }
        dashboard["noChanges"] = figures.settingsChanges.isEmpty
        if isStaff {
            dashboard["whatIfLink"] = "/admin/business-model/what-if?from=\(period.firstDay)&to=\(period.lastDay)"
            if slice != nil { dashboard["sliceNote"] = true }
        }
        values["dashboard"] = dashboard
        return pages.render("business-model", title: "visor.pageTitle", values: values, context: context)
    }

    private func refused(
        _ problem: Problem, query: [String: String], values: [String: Any], context: AppRequestContext
    ) -> Response {
        var values = values
        let message = pages.localizer.text(problem.detail, context.language, problem.arguments)
        values["from"] = query["from"] ?? ""
        values["to"] = query["to"] ?? ""
        values["errors"] = [problem.field ?? "from": message]
        values["errorSummary"] = message
        values["quick"] = quickLinks(
            values["action"] as? String ?? "", slice: nil, current: nil,
            view: BusinessModelView(pages: pages, language: context.language))
        return pages.render(
            "business-model", title: "visor.pageTitle", values: values, status: .unprocessableContent,
            context: context)
    }

    /// The last 30 days, 90 days and year up to today, as links; the one shown is marked.
    private func quickLinks(_ action: String, slice: PartnerID?, current: ReportPeriod?, view: BusinessModelView)
        -> [[String: Any]]
    {
        Self.quickPeriods.map { days in
            let period = ReportPeriod.last(days, now: clock.now)
            var href = "\(action)?from=\(period.firstDay)&to=\(period.lastDay)"
            if let slice { href += "&partnerID=\(slice.rawValue)" }
            return [
                "href": href, "label": view.text("visor.quick.\(days)"), "days": days, "current": period == current,
            ]
        }
    }

    private func partnerChoices(selected: PartnerID?) async throws -> [[String: Any]] {
        try await partners.all().map { partner in
            ["id": partner.id.rawValue, "name": partner.name, "selected": partner.id == selected]
        }
    }

    /// The query's non-empty values among `names`: a form sends its empty fields too.
    static func typed(_ request: Request, _ names: [String]) -> [String: String] {
        var typed: [String: String] = [:]
        for name in names {
            if let value = request.uri.queryParameters.get(name)?.trimmed(), !value.isEmpty { typed[name] = value }
        }
        return typed
    }
}
