import AgoraDomain
import AgoraStore
import AgoraTestSupport
import Foundation
import Testing

@Suite struct StoreLocationStoreTests {
    /// The spherical law of cosines: another formula than the code's haversine, to check it independently.
    static func independentDistanceKm(_ a: Coordinates, _ b: Coordinates) -> Double {
        let (φ1, φ2) = (a.latitude * .pi / 180, b.latitude * .pi / 180)
        let Δλ = (b.longitude - a.longitude) * .pi / 180
        return acos(min(1, sin(φ1) * sin(φ2) + cos(φ1) * cos(φ2) * cos(Δλ))) * 6371.0088
    }

    static let network: [(String, String, Double, Double)] = [
        ("Louvre", "Paris", 48.8606, 2.3376), ("Bastille", "Paris", 48.8532, 2.3692),
        ("Château", "Versailles", 48.8049, 2.1204),
        ("Bellecour", "Lyon", 45.7578, 4.8320), ("Vieux-Port", "Marseille", 43.2951, 5.3740),
    ]

    @Test(arguments: Backend.allCases)
    func storesNearAPointComeNearestFirstAtTheirTrueDistance(backend: Backend) async throws {
        try await withFreshDatabase(backend) { database, _ in
            let partner = try await PartnerStore(database: database).create(
                name: "Maison Verte", slug: "maison-verte", kind: .merchant, commissionBasisPoints: 0)
            let stores = StoreLocationStore(database: database)
            try await stores.replace(
                try Self.network.map {
                    try StoreLocation.Input(
                        name: $0.0, address: "1 rue \($0.0)", city: $0.1, latitude: $0.2, longitude: $0.3)
                },
                for: partner.id)
            let notreDame = try Coordinates(latitude: 48.8530, longitude: 2.3499)
            let close = try await stores.near(notreDame, radiusKm: 5)
            #expect(close.map(\.store.name) == ["Louvre", "Bastille"])
            for (store, distance) in close {
                #expect(abs(distance - Self.independentDistanceKm(notreDame, store.position)) < 0.01, "\(store.name)")
            }
            #expect(
                try await stores.near(notreDame, radiusKm: 25).map(\.store.name) == ["Louvre", "Bastille", "Château"])
            let all = try await stores.near(notreDame, radiusKm: 1_000)
            #expect(all.map(\.store.city) == ["Paris", "Paris", "Versailles", "Lyon", "Marseille"])
            #expect(abs(all[3].distanceKm - Self.independentDistanceKm(notreDame, all[3].store.position)) < 0.01)

            try await stores.replace([], for: partner.id)
            #expect(try await stores.near(notreDame, radiusKm: 1_000).isEmpty, "a new list replaces the old one")
        }
    }
}
