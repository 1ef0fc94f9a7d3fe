import Foundation

/// Where "near me" looks: a point and a radius, read the same way by every route that asks.
public struct Vicinity: Equatable, Sendable {
    public let center: Coordinates
    public let radiusKm: Double

    public static let defaultRadiusKm = 10.0
    /// Beyond this radius, "near" means nothing.
    public static let maximumRadiusKm = 200.0

    public init(center: Coordinates, radiusKm: Double = Vicinity.defaultRadiusKm) {
        self.center = center
        self.radiusKm = radiusKm
    }

    /// Reads the `near` and `radiusKm` query parameters: `near` is `latitude,longitude`, or `home` for
    /// the member's `home` (nil for visitors and members without one). Nil when `near` is absent; the
    /// radius is checked either way, so a wrong one is never silently ignored.
    public init?(near: String?, radiusKm: String?, home: Coordinates?) throws(ValidationError) {
        var radius = Self.defaultRadiusKm
        if let raw = radiusKm?.trimmed(), !raw.isEmpty {
            guard let value = Double(raw.replacing(",", with: ".")), value.isFinite,
                (0.1...Self.maximumRadiusKm).contains(value)
            else { throw ValidationError(field: "radiusKm", "error.outOfRange") }
            radius = value
        }
        guard let place = near?.trimmed(), !place.isEmpty else { return nil }
        if place == "home" {
            guard let home else { throw ValidationError(field: "near", "error.near.noHome") }
            self.init(center: home, radiusKm: radius)
            return
        }
        let parts = place.split(separator: ",", omittingEmptySubsequences: false).map { Double($0.trimmed()) }
        guard parts.count == 2, let latitude = parts[0], let longitude = parts[1] else {
            throw ValidationError(field: "near", "error.near.format")
        }
        do {
            self.init(center: try Coordinates(latitude: latitude, longitude: longitude), radiusKm: radius)
        } catch {
            throw error.about("near")
        }
    }
}
