import Foundation

/// A sustainability figure with where it came from and when.
public struct SourcedFigure<Value: Equatable & Sendable>: Equatable, Sendable {
    public let value: Value
    public let source: FigureSource
    public let at: Date

    public init(value: Value, source: FigureSource, at: Date) {
        self.value = value
        self.source = source
        self.at = at
    }
}

/// A product of the catalog with its facts (offers are compared separately).
public struct Product: Equatable, Sendable {
    public let id: Int64
    public let gtin: GTIN
    public let name: String
    public let brand: String?
    public let description: String?
    public let categorySlug: String?
    public let imageURLs: [String]
    public let environmentalScore: SourcedFigure<Int>?
    public let carbonGrams: SourcedFigure<Int64>?
    public let repairabilityTenths: SourcedFigure<Int>?
    public let origin: CountryCode?
    public let labels: [String]

    public init(
        id: Int64, gtin: GTIN, name: String, brand: String?, description: String?, categorySlug: String?,
        imageURLs: [String],
        environmentalScore: SourcedFigure<Int>?, carbonGrams: SourcedFigure<Int64>?,
        repairabilityTenths: SourcedFigure<Int>?,
        origin: CountryCode?, labels: [String]
    ) {
        self.id = id
        self.gtin = gtin
        self.name = name
        self.brand = brand
        self.description = description
        self.categorySlug = categorySlug
        self.imageURLs = imageURLs
        self.environmentalScore = environmentalScore
        self.carbonGrams = carbonGrams
        self.repairabilityTenths = repairabilityTenths
        self.origin = origin
        self.labels = labels
    }

    public var environmentalGrade: EnvironmentalGrade? {
        environmentalScore.map { EnvironmentalGrade(score: $0.value) }
    }
}
