import Foundation

/// Distances on Earth, for "stores near me".
public enum Geo {
    /// The mean Earth radius (IUGG), in kilometres.
    public static let earthRadiusKm = 6371.0088

    /// The great-circle distance between two points (haversine formula), in kilometres.
    public static func distanceKm(_ a: Coordinates, _ b: Coordinates) -> Double {
        let φ1 = a.latitude * .pi / 180
        let φ2 = b.latitude * .pi / 180
        let Δφ = (b.latitude - a.latitude) * .pi / 180
        let Δλ = (b.longitude - a.longitude) * .pi / 180
        let h = sin(Δφ / 2) * sin(Δφ / 2) + cos(φ1) * cos(φ2) * sin(Δλ / 2) * sin(Δλ / 2)
        return 2 * earthRadiusKm * asin(min(1, sqrt(h)))
    }

    /// A latitude/longitude rectangle that contains every point within `radiusKm` of `center`: an
    /// index can cut the candidates to it before the exact distance is computed.
    public struct BoundingBox: Equatable, Sendable {
        public let minLatitude: Double
        public let maxLatitude: Double
        public let minLongitude: Double
        public let maxLongitude: Double

        public func contains(_ point: Coordinates) -> Bool {
            (minLatitude...maxLatitude).contains(point.latitude)
                && (minLongitude...maxLongitude).contains(point.longitude)
        }
    }

    public static func boundingBox(around center: Coordinates, radiusKm: Double) -> BoundingBox {
        let Δlatitude = radiusKm / earthRadiusKm * 180 / .pi
        let minLatitude = max(-90, center.latitude - Δlatitude)
        let maxLatitude = min(90, center.latitude + Δlatitude)
        // Near a pole, or across the antimeridian, the box spans every longitude: a wider filter, still correct.
        let cosine = cos(center.latitude * .pi / 180)
        guard minLatitude > -90, maxLatitude < 90, cosine > 1e-9 else {
            return BoundingBox(
                minLatitude: minLatitude, maxLatitude: maxLatitude, minLongitude: -180, maxLongitude: 180)
        }
        let Δlongitude = asin(min(1, sin(radiusKm / earthRadiusKm) / cosine)) * 180 / .pi
        let minLongitude = center.longitude - Δlongitude
        let maxLongitude = center.longitude + Δlongitude
        guard minLongitude >= -180, maxLongitude <= 180 else {
            return BoundingBox(
                minLatitude: minLatitude, maxLatitude: maxLatitude, minLongitude: -180, maxLongitude: 180)
        }
        return BoundingBox(
            minLatitude: minLatitude, maxLatitude: maxLatitude, minLongitude: minLongitude, maxLongitude: maxLongitude)
    }
}
