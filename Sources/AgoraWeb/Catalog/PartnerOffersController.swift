import AgoraDomain
import AgoraStore
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The partner feed API: a partner publishes its offers as JSON or CSV, acting only for itself.
struct PartnerOffersController {
    let offers: OfferStore
    let partners: PartnerStore
    let categories: CategoryStore
    let localizer: Localizer

    /// Feeds are the one kind of request allowed past 1 MiB: 10,000 offers take about 3 MiB of JSON.
    static let maximumFeedBytes = 16 << 20
    static let maximumOffers = 10_000

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.put("partner/offers", use: upsert)
        api.post("partner/offers/import", use: importCSV)
        api.get("partner/offers/:id", use: show)
        api.patch("partner/offers/:id", use: change)
    }

    struct OfferAnswer: ResponseEncodable {
        struct ProductReference: Encodable {
            let id: Int64
            let gtin: String
            let name: String
        }

        let id: Int64
        let sku: String
        let product: ProductReference
        let price: Amount
        let shipping: Amount
        let stock: Int
        let condition: OfferCondition
        let url: String
        let updatedAt: Date

        init(_ offer: OfferStore.StoredOffer) {
            (id, sku, stock, condition, url, updatedAt) = (
                offer.id, offer.sku, offer.stock, offer.condition, offer.url, offer.updatedAt
            )
            product = .init(id: offer.productID, gtin: offer.gtin.digits, name: offer.productName)
            price = .init(offer.price)
            shipping = .init(offer.shipping)
        }
    }

    /// `GET /api/v1/partner/offers/{id}`: one of the partner's own offers; another's is 403.
    @Sendable func show(request: Request, context: AppRequestContext) async throws -> OfferAnswer {
        let partner = try await context.requirePartner(partners)
        guard let id = context.parameters.get("id", as: Int64.self), let offer = try await offers.offer(id: id) else {
            throw Problem.notFound
        }
        guard offer.partnerID == partner.id else { throw Problem.forbidden("error.offer.notYours") }
        return OfferAnswer(offer)
    }

    /// A merge patch of an offer: what is absent stays as it is.
    struct OfferPatch: Decodable {
        let fields: [String: String]

        enum CodingKeys: String, CodingKey, CaseIterable { case price, shipping, stock, condition, url }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(Set(CodingKeys.allCases.map(\.stringValue)))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            var fields: [String: String] = [:]
            fields["price"] = try container.decodeIfPresent(Int64.self, forKey: .price).map(FeedOffer.decimal)
            fields["shipping"] = try container.decodeIfPresent(Int64.self, forKey: .shipping).map(FeedOffer.decimal)
            fields["stock"] = try container.decodeIfPresent(Int.self, forKey: .stock).map(String.init)
            fields["condition"] = try container.decodeIfPresent(String.self, forKey: .condition)
            fields["url"] = try container.decodeIfPresent(String.self, forKey: .url)
            self.fields = fields
        }
    }

    /// `PATCH /api/v1/partner/offers/{id}` (price, shipping, stock, condition, url): another
    /// partner's offer is 403 and stays as it was.
    @Sendable func change(request: Request, context: AppRequestContext) async throws -> OfferAnswer {
        let partner = try await context.requirePartner(partners)
        guard let id = context.parameters.get("id", as: Int64.self) else { throw Problem.notFound }
        let patch = try await request.decodeJSON(as: OfferPatch.self, context: context)
        let outcome = try await offers.change(offerID: id, by: partner.id) { current in
            var fields = [
                "sku": current.sku, "gtin": current.gtin.digits, "name": current.productName,
                "currency": current.price.currency, "price": FeedOffer.decimal(current.price.minorUnits),
                "shipping": FeedOffer.decimal(current.shipping.minorUnits), "stock": String(current.stock),
                "condition": current.condition.rawValue, "url": current.url,
            ]
            fields.merge(patch.fields) { _, new in new }
            return try OfferInput(fields: fields)
        }
        switch outcome {
        case .changed(let offer): return OfferAnswer(offer)
        case .notFound: throw Problem.notFound
        case .forbidden: throw Problem.forbidden("error.offer.notYours")
        }
    }

    /// One offer in a JSON feed; amounts in minor units, as everywhere in the API.
    struct FeedOffer: Decodable {
        let fields: [String: String]

        /// Minor units as the feed rules read them ("1299" cents → "12.99"; a negative amount stays
        /// negative, and they refuse it).
        static func decimal(_ minor: Int64) -> String { Money(minorUnits: minor, currency: "EUR").decimalText }

        enum CodingKeys: String, CodingKey {
            case sku, gtin, name, brand, category, price, shipping, currency, stock, condition, url
            case environmentalScore, carbonKg, repairability, origin, description, imageURLs, labels
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(Set(CodingKeys.allCases.map(\.stringValue)))
            let container = try decoder.container(keyedBy: CodingKeys.self)
            func minor(_ key: CodingKeys) throws -> String? {
                try container.decodeIfPresent(Int64.self, forKey: key).map(FeedOffer.decimal)
            }
            var fields: [String: String] = [:]
            for key in [
                CodingKeys.sku, .gtin, .name, .brand, .category, .currency, .condition, .url, .origin, .description,
            ] {
                fields[key.csvName] = try container.decodeIfPresent(String.self, forKey: key)
            }
            // Lists travel as in a CSV field; an item holding the separator would be split, so it is refused.
            for key in [CodingKeys.imageURLs, .labels] {
                guard let items = try container.decodeIfPresent([String].self, forKey: key) else { continue }
                guard !items.contains(where: { $0.contains(OfferInput.listSeparator) }) else {
                    throw ValidationError(field: key.csvName, "error.invalidValue")
                }
                fields[key.csvName] = items.joined(separator: String(OfferInput.listSeparator))
            }
            fields["price"] = try minor(.price)
            fields["shipping"] = try minor(.shipping)
            fields["stock"] = try container.decodeIfPresent(Int.self, forKey: .stock).map(String.init)
            fields["environmental_score"] = try container.decodeIfPresent(Int.self, forKey: .environmentalScore).map(
                String.init)
            fields["carbon_kg"] = try container.decodeIfPresent(Double.self, forKey: .carbonKg).map { String($0) }
            fields["repairability"] = try container.decodeIfPresent(Double.self, forKey: .repairability).map {
                String($0)
            }
            self.fields = fields
        }
    }

    struct Feed: Decodable {
        let offers: [FeedOffer]

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["offers"])
            offers = try decoder.container(keyedBy: CodingKeys.self).decode([FeedOffer].self, forKey: .offers)
        }

        enum CodingKeys: String, CodingKey { case offers }
    }

    /// `PUT /api/v1/partner/offers`: all or nothing, so that a feed is never half applied.
    @Sendable func upsert(request: Request, context: AppRequestContext) async throws -> OfferStore.UpsertSummary {
        let partner = try await context.requirePartner(partners)
        let feed = try await request.decodeJSON(as: Feed.self, context: context, limit: context.bodyLimit(for: request))
        guard feed.offers.count <= Self.maximumOffers else {
            throw Problem.validation(field: "offers", "error.feed.tooMany", String(Self.maximumOffers))
        }
        var checked: [OfferInput] = []
        var skus = Set<String>()
        let known = Set(try await categories.all().map(\.slug))
        for (index, offer) in feed.offers.enumerated() {
            do {
                let input = try OfferInput(fields: offer.fields)
                guard skus.insert(input.sku).inserted else {
                    throw ValidationError(field: "sku", "error.feed.duplicateSku")
                }
                if let slug = input.categorySlug, !known.contains(slug) {
                    throw Problem.validation(field: "offers[\(index)].category", "error.category.unknown", slug)
                }
                checked.append(input)
            } catch let error as ValidationError {
                throw Problem.validation(error.about("offers[\(index)].\(Self.jsonName(error.field))"))
            }
        }
        return try await offers.upsert(checked, for: partner.id)
    }

    struct ImportAnswer: ResponseEncodable {
        struct LineProblem: Encodable {
            let line: Int
            let field: String
            let detail: String
        }

        let summary: OfferStore.UpsertSummary
        let errors: [LineProblem]
    }

    /// `POST /api/v1/partner/offers/import`: a CSV feed; good lines apply, bad ones are answered line by line.
    @Sendable func importCSV(request: Request, context: AppRequestContext) async throws -> ImportAnswer {
        let partner = try await context.requirePartner(partners)
        guard let type = request.headers[.contentType]?.lowercased(), type.hasPrefix("text/csv") else {
            throw Problem.unsupportedMediaType
        }
        let body = try await request.body.collect(upTo: context.bodyLimit(for: request))
        let feed = OfferFeed(csvBytes: body.readableBytesView)
            .rejectingCategories(notIn: Set(try await categories.all().map(\.slug)))
        if let fault = feed.headerError {
            throw Problem.validation(ValidationError(field: fault.field, fault.message, arguments: fault.arguments))
        }
        guard feed.offers.count + feed.errors.count <= Self.maximumOffers else {
            throw Problem.validation(field: "offers", "error.feed.tooMany", String(Self.maximumOffers))
        }
        let summary = try await offers.upsert(feed.offers.map(\.offer), for: partner.id)
        return ImportAnswer(
            summary: summary,
            errors: feed.errors.map { error in
                .init(
                    line: error.line, field: error.field,
                    detail: localizer.text(error.message, context.language, error.arguments))
            })
    }

    /// The JSON name of a feed field that the rules name as the CSV header does.
    static func jsonName(_ csvName: String) -> String {
        codingKeysByCSV[csvName] ?? csvName
    }

    private static let codingKeysByCSV = Dictionary(
        uniqueKeysWithValues: FeedOffer.CodingKeys.allCases.map { ($0.csvName, $0.stringValue) })
}

extension PartnerOffersController.FeedOffer.CodingKeys: CaseIterable {
    /// The CSV header of the same field.
    var csvName: String {
        switch self {
        case .environmentalScore: "environmental_score"
        case .carbonKg: "carbon_kg"
        case .imageURLs: "image_urls"
        default: stringValue
        }
    }
}

extension OfferStore.UpsertSummary: ResponseEncodable {}
