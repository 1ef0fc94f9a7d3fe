import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Partners' physical stores: a partner declares its network; anyone finds the stores near a point.
struct StoresController {
    let stores: StoreLocationStore
    let partners: PartnerStore

    static let maximumStores = 1_000

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
                        error.about(Problem.fieldPath(decoder.codingPath) + ".\(error.field)"))
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
        let items: [NearbyStoreAnswer]
    }

    /// `GET /api/v1/stores?near=lat,lon&radiusKm=10`: nearest first; without `near`, from the member's home.
    @Sendable func near(request: Request, context: AppRequestContext) async throws -> NearAnswer {
        let parameters = request.uri.queryParameters
        let home = context.identity?.member?.home
        guard
            let vicinity = try Vicinity(
                near: parameters.get("near") ?? (home == nil ? nil : "home"), radiusKm: parameters.get("radiusKm"),
                home: home)
        else { throw Problem.validation(field: "near", "error.near.missing") }
        let found = try await stores.near(vicinity.center, radiusKm: vicinity.radiusKm)
        return NearAnswer(items: found.map { NearbyStoreAnswer(store: $0.store, distanceKm: $0.distanceKm) })
    }
}
