import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The search page: the API's search as a form that works without JavaScript, and its results.
struct SearchPages {
    let pages: Pages
    let products: ProductStore
    let categories: CategoryStore
    let stores: StoreLocationStore

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("search", use: search)
    }

    /// The form's fields, as the API names them except prices, which people type in euros.
    static let fields = [
        "q", "category", "min", "max", "grade", "maxCarbonKg", "minRepairability", "origin", "inStock", "condition",
        "sort", "near", "radiusKm", "cursor",
    ]

    @Sendable func search(request: Request, context: AppRequestContext) async throws -> Response {
        let language = context.language
        var form: [String: String] = [:]
        for (name, value) in request.uri.queryParameters where Self.fields.contains(String(name)) {
            form[String(name)] = String(String(value).prefix(200))
        }
        let member = context.identity?.member
        var values: [String: Any] = ["form": form, "hasHome": member?.home != nil]
        values["categories"] = try await categories.all().map { category in
            [
                "slug": category.slug, "selected": category.slug == form["category"],
                "name": (category.parentID == nil ? "" : "— ")
                    + (language == .fr ? category.nameFR : category.nameEN),
            ] as [String: Any]
        }
        values["grades"] = EnvironmentalGrade.allCases.map {
            ["grade": $0.rawValue, "selected": $0.rawValue == form["grade"]]
        }
        values["conditions"] = OfferCondition.allCases.map {
            [
                "value": $0.rawValue, "label": pages.localizer.text("offer.condition.\($0.rawValue)", language),
                "selected": $0.rawValue == form["condition"],
            ] as [String: Any]
        }
        values["sorts"] = ProductQuery.Sort.allCases.map {
            [
                "value": $0.rawValue, "label": pages.localizer.text("search.sort.\($0.rawValue)", language),
                "selected": $0.rawValue == (form["sort"] ?? "relevance"),
            ] as [String: Any]
        }
        values["cities"] = try await stores.cities().map { city in
            let point = "\(Self.rounded(city.center.latitude)),\(Self.rounded(city.center.longitude))"
            return ["name": city.name, "point": point, "selected": point == form["near"]] as [String: Any]
        }
        values["homeSelected"] = form["near"] == "home"
        values["radii"] = [2, 5, 10, 25, 50].map {
            ["km": $0, "selected": Double(form["radiusKm"] ?? "10") == Double($0)] as [String: Any]
        }
        values["inStockChecked"] = form["inStock"] == "true"
        // Nothing asked yet: the form alone, filters open, not a list of everything. Once there are
        // results, the filters fold away so that a phone shows the results first.
        guard form.values.contains(where: { !$0.isEmpty }) else {
            values["filtersOpen"] = true
            return pages.render("search", title: "page.search.title", values: values, context: context)
        }
        do {
            var parameters = form
            for (field, name) in [("min", "minPrice"), ("max", "maxPrice")] {
                guard let text = form[field], !text.isEmpty else { continue }
                parameters[name] = String(try Money.parse(decimal: text, currency: "EUR", field: field).minorUnits)
            }
            var query = try ProductQuery(parameters: parameters, home: member?.home)
            query.sustainabilityWeight = member?.sustainabilityWeight
            let page = try await products.search(query)
            values["searched"] = true
            values["results"] = page.items.map { found in
                var item: [String: Any] = [
                    "id": found.id, "name": found.name, "total": found.lowestTotal.formatted(language),
                    "offers": pages.localizer.text(
                        found.offerCount == 1 ? "search.offerCount.one" : "search.offerCount.other", language,
                        [String(found.offerCount)]),
                ]
                if let brand = found.brand { item["brand"] = brand }
                if let score = found.environmentalScore {
                    let grade = EnvironmentalGrade(score: score).rawValue
                    item["grade"] = grade
                    item["gradeClass"] = grade.replacingOccurrences(of: "+", with: "plus")
                }
                if let nearest = found.nearest {
                    item["nearest"] = pages.localizer.text(
                        "search.nearest", language,
                        [nearest.store.name, nearest.store.city, language.oneDecimal(nearest.distanceKm)])
                }
                return item
            }
            values["hasResults"] = !page.items.isEmpty
            if let next = page.next {
                var nextForm = form
                nextForm["cursor"] = next.encoded
                values["nextPage"] = "/search?" + Self.query(nextForm)
            }
            return pages.render("search", title: "page.search.title", values: values, context: context)
        } catch let error as ValidationError {
            // The form comes back with the message next to the field at fault.
            let field = ["minPrice": "min", "maxPrice": "max"][error.field] ?? error.field
            values["errors"] = [field: pages.message(error, context)]
            values["filtersOpen"] = true
            values["errorSummary"] = pages.message(error, context)
            return pages.render(
                "search", title: "page.search.title", values: values, status: .unprocessableContent, context: context)
        }
    }

    static func rounded(_ degrees: Double) -> String { String(format: "%.4f", degrees) }

    /// The form's values as a query string, in a stable order.
    static func query(_ form: [String: String]) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        return fields.compactMap { name in
            guard let value = form[name], !value.isEmpty else { return nil }
            return "\(name)=\(value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")"
        }.joined(separator: "&")
    }
}
