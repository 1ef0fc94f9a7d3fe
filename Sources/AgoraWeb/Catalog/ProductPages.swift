import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The product page: the same comparison as the API, for people, without JavaScript.
struct ProductPages {
    let pages: Pages
    let products: ProductStore
    let alerts: PriceAlertStore
    let stores: StoreLocationStore
    let clock: any AgoraClock
    let reviews: ReviewSection

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("products/:id", use: show)
        router.post("products/:id/alert", use: setAlert)
        router.post("products/:id/alert/delete", use: removeAlert)
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self),
            let (product, offers) = try await products.product(id: id)
        else { throw Problem.notFound }
        let language = context.language
        let text = { (key: String, arguments: [String]) in pages.localizer.text(key, language, arguments) }
        let comparison = ProductComparison(offers: offers, now: clock.now)
        // A member with a home sees, on each offer, the partner's nearest store within 25 km of it.
        let nearest = try await stores.nearestByPartner(
            within: context.identity?.member?.home.map { Vicinity(center: $0, radiusKm: 25) })
        let lines: [[String: Any]] = comparison.lines.map { line in
            var values: [String: Any] = [
                "offerID": line.offer.offerID, "partner": line.offer.partnerName,
                "total": line.offer.total.formatted(language),
                "price": line.offer.price.formatted(language),
                "shipping": line.offer.shipping.minorUnits == 0
                    ? text("product.freeShipping", []) : line.offer.shipping.formatted(language),
                "condition": text("offer.condition.\(line.offer.condition.rawValue)", []),
                "inStock": line.offer.stock > 0,
                "best": line.isBest,
                "url": line.offer.url,
            ]
            if let store = nearest[line.offer.partnerSlug] {
                values["nearest"] = text(
                    "search.nearest", [store.store.name, store.store.city, language.oneDecimal(store.distanceKm)])
            }
            if let percent = line.reductionPercent, let reference = line.referencePrice {
                values["reduction"] = text("product.reduction", [String(percent), reference.formatted(language)])
            }
            return values
        }
        // Absent values stay absent: an empty string would still open a Mustache section.
        var values: [String: Any] = [
            "id": product.id, "name": product.name, "gtin": product.gtin.digits, "offers": lines,
            "hasOffers": !lines.isEmpty, "labels": product.labels,
        ]
        if let description = product.description { values["description"] = description }
        if let brand = product.brand { values["brand"] = brand }
        if let lowest = comparison.lowestLast30Days { values["lowest30"] = lowest.formatted(language) }
        if let score = product.environmentalScore {
            values["grade"] = EnvironmentalGrade(score: score.value).rawValue
            values["gradeClass"] = EnvironmentalGrade(score: score.value).rawValue.replacingOccurrences(
                of: "+", with: "plus")
            values["gradeSource"] = text("figure.source.\(score.source.rawValue)", [])
        }
        if let carbon = product.carbonGrams {
            values["carbon"] = language.oneDecimal(Double(carbon.value) / 1000)
        }
        if let repairability = product.repairabilityTenths {
            values["repairability"] = language.oneDecimal(Double(repairability.value) / 10)
        }
        if let origin = product.origin { values["origin"] = origin.code }
        if let best = comparison.lines.first(where: \.isBest)?.offer.total,
            let alternative = try await products.greenerAlternative(to: product, lowest: best)
        {
            let grade = EnvironmentalGrade(score: alternative.environmentalScore ?? 0).rawValue
            values["alternative"] = [
                "id": alternative.id, "name": alternative.name, "grade": grade,
                "gradeClass": grade.replacingOccurrences(of: "+", with: "plus"),
                "total": alternative.lowestTotal.formatted(language),
            ]
        }
        if let member = context.identity?.member {
            values["canAlert"] = !lines.isEmpty
            if let alert = try await alerts.alerts(of: member.id, productID: product.id).first {
                values["alert"] = [
                    "target": alert.target.formatted(language),
                    "state": text(alert.armed ? "alert.armed" : "alert.fired", []),
                    "anyDrop": alert.anyDrop,
                ]
            }
        }
        if let failure = request.uri.queryParameters.get("alertError") {
            let keys = ["noPrice": "error.alert.noPrice", "tooMany": "error.alert.tooMany"]
            values["alertError"] = text(keys[failure] ?? "error.money.format", [])
        }
        values.merge(
            try await reviews.values(
                for: .product(product.id), path: "/products/\(product.id)", request: request, context: context)
        ) { current, _ in current }
        if let brand = product.brand,
            let path = try await reviews.notoriety.paths(of: [NotorietyStore.brandKey(brand)]).values.first
        {
            values["brandPath"] = path
        }
        // The chart is SVG we drew ourselves, with every text escaped: the template inserts it unescaped.
        values["chart"] = PriceChart.svg(
            comparison.dailyLowest, language: language, title: text("product.chartTitle", []))
        return pages.render(
            "product", title: product.name, translateTitle: false, values: values, context: context,
            liveTopics: [EventTopic.reviews(of: ReviewSubject.product(product.id).key)])
    }

    /// The alert form: a target in euros, or empty for any drop.
    @Sendable func setAlert(request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound }
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let form = try await request.decodeForm(context: context)
        let typed = form["target"].trimmed()
        // The product's own currency: that of its best offer (euros when it has none).
        let currency =
            try await products.product(id: id).map { ProductComparison(offers: $0.offers, now: clock.now) }?
            .lines.first(where: \.isBest)?.offer.total.currency ?? "EUR"
        do {
            let target = typed.isEmpty ? nil : try Money.parse(decimal: typed, currency: currency, field: "target")
            _ = try await alerts.set(memberID: member.id, productID: id, target: target, currency: currency)
        } catch let error as ValidationError {
            let reason =
                ["error.alert.noPrice": "noPrice", "error.alert.tooMany": "tooMany"][error.message] ?? "format"
            return .seeOther("/products/\(id)?alertError=\(reason)#alert")
        }
        return .seeOther("/products/\(id)#alert")
    }

    @Sendable func removeAlert(request: Request, context: AppRequestContext) async throws -> Response {
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound }
        guard let member = context.identity?.member else { return .seeOther("/login") }
        _ = try await alerts.remove(memberID: member.id, productID: id)
        return .seeOther("/products/\(id)#alert")
    }
}
