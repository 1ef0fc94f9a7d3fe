import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Partners' physical stores: a partner declares its network; anyone finds the stores near a point.
struct StoresController {
    let stores: StoreLocationStore
    let partners: PartnerStore

    static let maximumStores = 1_000
    static let maximumRadiusKm = 200.0

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.put("partner/stores", use: replace)
        api.get("stores", use: near)
    }

    struct Network: Decodable {
        let stores: [StoreLocation.Input]

        struct Entry: Decodable {
            let input: StoreLocation.Input

            enum CodingKeys: String, CodingKey { case name, address, city, latitude, longitude }

            init(from decoder: any Decoder) throws {
                try decoder.rejectUnknownKeys(["name", "address", "city", "latitude", "longitude"])
                let container = try decoder.container(keyedBy: CodingKeys.self)
                do {
                    input = try StoreLocation.Input(
                        name: container.decodeString(.name, max: 200),
                        address: container.decodeString(.address, max: 400),
                        city: container.decodeString(.city, max: 200),
                        latitude: container.decode(Double.self, forKey: .latitude),
                        longitude: container.decode(Double.self, forKey: .longitude))
                } catch let error as ValidationError {
                    throw Problem.validation(
                        field: Problem.fieldPath(decoder.codingPath) + ".\(error.field)", error.message)
                }
            }
        }

        init(from decoder: any Decoder) throws {
            try decoder.rejectUnknownKeys(["stores"])
            let entries = try decoder.container(keyedBy: CodingKeys.self).decode([Entry].self, forKey: .stores)
            guard entries.count <= StoresController.maximumStores else {
                throw Problem.validation(field: "stores", "error.feed.tooMany", String(StoresController.maximumStores))
            }
            stores = entries.map(\.input)
        }

        enum CodingKeys: String, CodingKey { case stores }
    }

    struct Count: ResponseEncodable {
        let stores: Int
    }

    /// `PUT /api/v1/partner/stores`: the partner's whole network, replacing the previous one.
    @Sendable func replace(request: Request, context: AppRequestContext) async throws -> Count {
        let partner = try await context.requirePartner(partners)
        let network = try await request.decodeJSON(as: Network.self, context: context)
        try await stores.replace(network.stores, for: partner.id)
        return Count(stores: network.stores.count)
    }

    struct NearAnswer: ResponseEncodable {
        struct Item: Encodable {
            let id: Int64
            let name: String
            let address: String
            let city: String
            let latitude: Double
            let longitude: Double
            let partner: PartnerReference
            /// Great-circle distance from the point asked about, in kilometres, to 10 m.
            let distanceKm: Double
        }

        let items: [Item]
    }

    /// `GET /api/v1/stores?near=lat,lon&radiusKm=10`: nearest first; without `near`, from the member's home.
    @Sendable func near(request: Request, context: AppRequestContext) async throws -> NearAnswer {
        let center: Coordinates
        if let near = request.uri.queryParameters.get("near") {
            let parts = near.split(separator: ",", omittingEmptySubsequences: false).map {
                Double($0.trimmingCharacters(in: .whitespaces))
            }
            guard parts.count == 2, let latitude = parts[0], let longitude = parts[1],
                let point = try? Coordinates(latitude: latitude, longitude: longitude)
            else {
                throw Problem.validation(field: "near", "error.near.format")
            }
            center = point
        } else if let home = context.identity?.member?.home {
            center = home
        } else {
            throw Problem.validation(field: "near", "error.near.missing")
        }
        var radius = 10.0
        if let raw = request.uri.queryParameters.get("radiusKm") {
            guard let value = Double(raw), value.isFinite, value > 0, value <= Self.maximumRadiusKm else {
                throw Problem.validation(field: "radiusKm", "error.outOfRange")
            }
            radius = value
        }
        let found = try await stores.near(center, radiusKm: radius)
        return NearAnswer(
            items: found.map { store, distance in
                .init(
                    id: store.id, name: store.name, address: store.address, city: store.city,
                    latitude: store.position.latitude,
                    longitude: store.position.longitude,
                    partner: .init(slug: store.partnerSlug, name: store.partnerName),
                    distanceKm: (distance * 100).rounded() / 100)
            })
    }
}
