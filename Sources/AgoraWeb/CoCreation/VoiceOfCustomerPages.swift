import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The voice of the customer for people: staff pick any scope and period, a partner sees its own
/// figures (or those of one of its products). Same figures, checks and CSV as the API.
struct VoiceOfCustomerPages {
    let pages: Pages
    let voices: VoiceOfCustomerStore
    let partners: PartnerStore
    let categories: CategoryStore
    let clock: any AgoraClock

    /// A partner chooses among this many of its products, by name.
    static let productChoices = 500

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("admin/voice-of-customer", use: staffPage)
        router.get("partner/voice-of-customer", use: partnerPage)
    }

    /// `?productID=&partnerID=&categoryID=&from=&to=`: one scope at most (none: the whole site).
    @Sendable func staffPage(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard member.role.isStaff else { throw Problem.forbidden("error.staffOnly") }
        let query = Self.typed(request)
        let language = context.language
        let tree = try await categories.all()
        var depth: [Int64: Int] = [:]
        for category in tree { depth[category.id] = category.parentID.flatMap { depth[$0].map { $0 + 1 } } ?? 0 }
        let values: [String: Any] = [
            "action": "/admin/voice-of-customer", "staffForm": true, "productID": query["productID"] ?? "",
            "partners": try await partners.all().map { partner in
                [
                    "id": partner.id.rawValue, "name": partner.name,
                    "selected": query["partnerID"] == String(partner.id.rawValue),
                ] as [String: Any]
            },
            "categories": tree.map { category in
                [
                    "id": category.id,
                    "name": String(repeating: "· ", count: depth[category.id] ?? 0)
                        + (language == .fr ? category.nameFR : category.nameEN),
                    "selected": query["categoryID"] == String(category.id),
                ] as [String: Any]
            },
        ]
        let names = Dictionary(uniqueKeysWithValues: tree.map { ($0.id, language == .fr ? $0.nameFR : $0.nameEN) })
        return try await render(query, viewer: .staff, values: values, categoryNames: names, context: context)
    }

    /// `?productID=&from=&to=`: the partner's own figures, or those of one of the products it offers.
    @Sendable func partnerPage(request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity != nil else { return .seeOther("/login") }
        let partner = try await context.requirePartner(partners)
        var query = Self.typed(request)
        let products = try await voices.products(soldBy: partner.id, limit: Self.productChoices)
        // Its own partner, unless it picked one of its products; another scope cannot be asked for here.
        query["categoryID"] = nil
        query["partnerID"] = query["productID"] == nil ? String(partner.id.rawValue) : nil
        let values: [String: Any] = [
            "action": "/partner/voice-of-customer", "partnerForm": true, "partnerPage": true,
            "partnerName": partner.name, "tabVoice": true,
            "products": products.map { product in
                ["id": product.id, "name": product.name, "selected": query["productID"] == String(product.id)]
                    as [String: Any]
            },
        ]
        return try await render(query, viewer: .partner(partner), values: values, context: context)
    }

    /// The figures under the form, or the form with what was refused (422).
    private func render(
        _ query: [String: String], viewer: VoiceOfCustomerController.Viewer, values: [String: Any],
        categoryNames: [Int64: String] = [:], context: AppRequestContext
    ) async throws -> Response {
        var values = values
        values["from"] = query["from"] ?? ""
        values["to"] = query["to"] ?? ""
        let view = VoiceOfCustomerView(pages: pages, language: context.language)
        let voice: VoiceOfCustomer
        do {
            let scope = try VoiceOfCustomerController.scope(
                productID: query["productID"], partnerID: query["partnerID"], categoryID: query["categoryID"],
                for: viewer)
            let period = try ReportPeriod.checked(
                from: query["from"], to: query["to"], now: clock.now, standardDays: 90)
            voice = try await VoiceOfCustomerController.voice(of: scope, in: period, for: viewer, voices)
        } catch let error as ValidationError {
            return refused(Problem.validation(error), values: values, context: context)
        } catch let problem as Problem where problem.status == .unprocessableContent {
            return refused(problem, values: values, context: context)
        }
        values["from"] = voice.period.firstDay
        values["to"] = voice.period.lastDay
        values["scopeTitle"] = scopeTitle(voice, categoryNames, view)
        var link = "/api/v1/voice-of-customer?"
        switch voice.scope {
        case .product(let id): link += "productID=\(id)&"
        case .partner(let id): link += "partnerID=\(id)&"
        case .category(let id): link += "categoryID=\(id)&"
        case .site: break
        }
        link += "from=\(voice.period.firstDay)&to=\(voice.period.lastDay)&format=csv&table="
        values["voice"] = view.values(voice) { link + $0.rawValue }
        return pages.render("voice-of-customer", title: "voice.pageTitle", values: values, context: context)
    }

    private func refused(_ problem: Problem, values: [String: Any], context: AppRequestContext) -> Response {
        var values = values
        let message = pages.localizer.text(problem.detail, context.language, problem.arguments)
        values["errors"] = [problem.field ?? "scope": message]
        values["errorSummary"] = message
        return pages.render(
            "voice-of-customer", title: "voice.pageTitle", values: values, status: .unprocessableContent,
            context: context)
    }

    /// What the figures are about; a category by its name in the reader's language.
    private func scopeTitle(_ voice: VoiceOfCustomer, _ categoryNames: [Int64: String], _ view: VoiceOfCustomerView)
        -> String
    {
        let name = voice.scopeName ?? ""
        switch voice.scope {
        case .product: return view.text("voice.scope.product", [name])
        case .partner: return view.text("voice.scope.partner", [name])
        case .category(let id): return view.text("voice.scope.category", [categoryNames[id] ?? name])
        case .site: return view.text("voice.scope.site")
        }
    }

    /// The query's non-empty values: a form sends its empty fields too.
    static func typed(_ request: Request) -> [String: String] {
        var typed: [String: String] = [:]
        for name in ["productID", "partnerID", "categoryID", "from", "to"] {
            if let value = request.uri.queryParameters.get(name)?.trimmed(), !value.isEmpty { typed[name] = value }
        }
        return typed
    }
}
