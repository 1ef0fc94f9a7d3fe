import Foundation

/// A partner's physical store ("magasin"), where its offers can be seen or collected.
public struct StoreLocation: Equatable, Sendable {
    public let id: Int64
    public let partnerSlug: String
    public let partnerName: String
    public let name: String
    public let address: String
    public let city: String
    public let position: Coordinates

    public init(
        id: Int64, partnerSlug: String, partnerName: String, name: String, address: String, city: String,
        position: Coordinates
    ) {
        self.id = id
        self.partnerSlug = partnerSlug
        self.partnerName = partnerName
        self.name = name
        self.address = address
        self.city = city
        self.position = position
    }

    /// What a partner declares of a store, checked.
    public struct Input: Equatable, Sendable {
        public let name: String
        public let address: String
        public let city: String
        public let position: Coordinates

        public init(name: String, address: String, city: String, latitude: Double, longitude: Double)
            throws(ValidationError)
        {
            func text(_ value: String, _ field: String, max: Int) throws(ValidationError) -> String {
                let trimmed = value.trimmed()
                guard !trimmed.isEmpty else { throw ValidationError(field: field, "error.required") }
                guard trimmed.count <= max else { throw ValidationError.tooLong(field, maximum: max) }
                return trimmed
            }
            self.name = try text(name, "name", max: 80)
            self.address = try text(address, "address", max: 200)
            self.city = try text(city, "city", max: 80)
            do {
                position = try Coordinates(latitude: latitude, longitude: longitude)
            } catch {
                throw error.about(error.field == "homeLatitude" ? "latitude" : "longitude")
            }
        }
    }
}
