/// A point on Earth in WGS 84 degrees, such as a member's home.
public struct Coordinates: Equatable, Sendable, Codable {
    public let latitude: Double
    public let longitude: Double

    /// Checks the ranges; `field` names the form field at fault.
    public init(latitude: Double, longitude: Double) throws(ValidationError) {
        guard latitude.isFinite, (-90...90).contains(latitude) else {
            throw ValidationError(field: "homeLatitude", "error.latitude.range")
        }
        guard longitude.isFinite, (-180...180).contains(longitude) else {
            throw ValidationError(field: "homeLongitude", "error.longitude.range")
        }
        self.latitude = latitude
        self.longitude = longitude
    }
}
