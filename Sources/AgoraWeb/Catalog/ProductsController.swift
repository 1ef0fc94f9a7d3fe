import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The catalog API for members: a product compared across partners' offers.
struct ProductsController {
    let products: ProductStore
    let stores: StoreLocationStore
    let clock: any AgoraClock

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("products", use: search)
        api.get("products/:id", use: show)
    }

    struct SearchAnswer: ResponseEncodable {
        struct Item: Encodable {
            let id: Int64
            let name: String
            let brand: String?
            let environmentalGrade: String?
            let environmentalScore: Int?
            let lowestTotal: Amount
            let offerCount: Int
            /// With `near`: the nearest store of a partner that has it in stock.
            let nearestStore: NearbyStoreAnswer?
        }

        let items: [Item]
        /// Pass it back as `cursor` for the next page; absent on the last page.
        let nextCursor: String?
    }

    /// `GET /api/v1/products`: words, filters, an order, and keyset pages.
    @Sendable func search(request: Request, context: AppRequestContext) async throws -> SearchAnswer {
        var parameters: [String: String] = [:]
        for (name, value) in request.uri.queryParameters { parameters[String(name)] = String(value) }
        var query = try ProductQuery(parameters: parameters, home: context.identity?.member?.home)
        if query.sustainabilityWeight == nil {
            query.sustainabilityWeight = context.identity?.member?.sustainabilityWeight
        }
        let page = try await products.search(query)
        return SearchAnswer(
            items: page.items.map { found in
                .init(
                    id: found.id, name: found.name, brand: found.brand,
                    environmentalGrade: found.environmentalScore.map { EnvironmentalGrade(score: $0).rawValue },
                    environmentalScore: found.environmentalScore, lowestTotal: Amount(found.lowestTotal),
                    offerCount: found.offerCount, nearestStore: found.nearest.map(NearbyStoreAnswer.init))
            },
            nextCursor: page.next?.encoded)
    }

    struct Figure<Value: Encodable>: Encodable {
        let value: Value
        let source: String
        let at: Date
    }

    struct ProductAnswer: ResponseEncodable {
        struct Sustainability: Encodable {
            let environmentalGrade: String?
            let environmentalScore: Figure<Int>?
            let carbonKg: Figure<Double>?
            let repairability: Figure<Double>?
            let origin: String?
            let labels: [String]
        }

        struct Line: Encodable {
            let id: Int64
            let partner: PartnerReference
            let price: Amount
            let shipping: Amount
            let total: Amount
            let stock: Int
            let condition: OfferCondition
            let url: String
            let best: Bool
            /// The lowest total of the 30 days before this price (art. L112-1-1), the only basis of a reduction.
            let referencePrice: Amount?
            let reductionPercent: Int?
            /// With `near`: the partner's nearest store within the radius.
            let nearestStore: NearbyStoreAnswer?
        }

        struct DailyLowest: Encodable {
            let date: Date
            let lowestTotal: Amount
        }

        let id: Int64
        let gtin: String
        let name: String
        let brand: String?
        let description: String?
        let category: String?
        let imageURLs: [String]
        let sustainability: Sustainability
        let offers: [Line]
        let lowestTotalLast30Days: Amount?
        let priceHistory: [DailyLowest]
        /// A greener product of the same category within 15 % of the best total, when there is one.
        let greenerAlternative: Alternative?

        struct Alternative: Encodable {
            let id: Int64
            let name: String
            let environmentalGrade: String?
            let lowestTotal: Amount
        }
    }

    @Sendable func show(request: Request, context: AppRequestContext) async throws -> ProductAnswer {
        guard let id = context.parameters.get("id", as: Int64.self),
            let (product, offers) = try await products.product(id: id)
        else { throw Problem.notFound }
        let comparison = ProductComparison(offers: offers, now: clock.now)
        // Near me: the same `near` and `radiusKm` as the search, each offer with its partner's nearest store.
        let parameters = request.uri.queryParameters
        let vicinity = try Vicinity(
            near: parameters.get("near"), radiusKm: parameters.get("radiusKm"), home: context.identity?.member?.home)
        let nearest = try await stores.nearestByPartner(within: vicinity)
        var alternative: ProductStore.Found?
        if let best = comparison.lines.first(where: \.isBest)?.offer.total {
            alternative = try await products.greenerAlternative(to: product, lowest: best)
        }
        return ProductAnswer(
            id: product.id, gtin: product.gtin.digits, name: product.name, brand: product.brand,
            description: product.description,
            category: product.categorySlug, imageURLs: product.imageURLs,
            sustainability: .init(
                environmentalGrade: product.environmentalGrade?.rawValue,
                environmentalScore: product.environmentalScore.map {
                    Figure(value: $0.value, source: $0.source.rawValue, at: $0.at)
                },
                carbonKg: product.carbonGrams.map {
                    Figure(value: Double($0.value) / 1000, source: $0.source.rawValue, at: $0.at)
                },
                repairability: product.repairabilityTenths.map {
                    Figure(value: Double($0.value) / 10, source: $0.source.rawValue, at: $0.at)
                },
                origin: product.origin?.code, labels: product.labels),
            offers: comparison.lines.map { line in
                .init(
                    id: line.offer.offerID, partner: .init(slug: line.offer.partnerSlug, name: line.offer.partnerName),
                    price: Amount(line.offer.price), shipping: Amount(line.offer.shipping),
                    total: Amount(line.offer.total),
                    stock: line.offer.stock, condition: line.offer.condition, url: line.offer.url, best: line.isBest,
                    referencePrice: line.referencePrice.map(Amount.init), reductionPercent: line.reductionPercent,
                    nearestStore: nearest[line.offer.partnerSlug].map(NearbyStoreAnswer.init))
            },
            lowestTotalLast30Days: comparison.lowestLast30Days.map(Amount.init),
            priceHistory: comparison.dailyLowest.map { .init(date: $0.at, lowestTotal: Amount($0.total)) },
            greenerAlternative: alternative.map {
                .init(
                    id: $0.id, name: $0.name,
                    environmentalGrade: $0.environmentalScore.map { EnvironmentalGrade(score: $0).rawValue },
                    lowestTotal: Amount($0.lowestTotal))
            })
    }
}

/// A store near the point searched from, with its distance in kilometres (to 10 m).
struct NearbyStoreAnswer: Encodable {
    let id: Int64
    let name: String
    let address: String
    let city: String
    let latitude: Double
    let longitude: Double
    let partner: PartnerReference
    let distanceKm: Double

    init(store: StoreLocation, distanceKm: Double) {
        (id, name, address, city) = (store.id, store.name, store.address, store.city)
        (latitude, longitude) = (store.position.latitude, store.position.longitude)
        partner = PartnerReference(slug: store.partnerSlug, name: store.partnerName)
        self.distanceKm = (distanceKm * 100).rounded() / 100
    }

    init(_ nearby: ProductStore.NearbyStore) { self.init(store: nearby.store, distanceKm: nearby.distanceKm) }
}

/// A partner named in an answer about something else (an offer, a store).
struct PartnerReference: Encodable {
    let slug: String
    let name: String
}
