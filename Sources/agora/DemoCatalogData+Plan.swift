import AgoraDomain
import Foundation

/// The types the catalog is described with, and the plan the generator indexes into.
extension DemoCatalogData {
    /// A tiny PRNG (SplitMix64): fast, good enough for demo data, and identical on every platform, unlike the
    /// system generator.
    struct SplitMix64: RandomNumberGenerator {
        private var state: UInt64

        init(seed: UInt64) {
            state = seed
        }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var mixed = state
            mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
            mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
            return mixed ^ (mixed >> 31)
        }

        /// In 0..<1, from the top 53 bits.
        mutating func unit() -> Double {
            Double(next() >> 11) / Double(UInt64(1) << 53)
        }

        /// In 0..<bound (the modulo bias is negligible for the small bounds used here).
        mutating func index(below bound: Int) -> Int {
            Int(next() % UInt64(bound))
        }

        mutating func integer(in range: ClosedRange<Int>) -> Int {
            range.lowerBound + index(below: range.count)
        }
    }

    enum TextLanguage: Sendable {
        case french, english
    }

    /// One kind of product (a "Lave-linge hublot", a "Cordless drill") with what varies between its products.
    struct ProductKind: Sendable {
        let leaf: String
        let language: TextLanguage
        let name: String
        /// Goes after "en" / "made of" for goods, after "à base de" / "made with" for food.
        let material: String
        /// Goes after "pensé" / "designed" for goods (so it starts with "pour" / "for"), after "à savourer" /
        /// "best enjoyed" for food.
        let use: String
        /// The first axis of variants, smallest first when `sizeDrivesPrice`.
        let sizes: [String]
        /// The second axis (colours, finishes, flavours), possibly empty.
        let finishes: [String]
        let sizeLast: Bool
        let sizeDrivesPrice: Bool
        let euros: ClosedRange<Double>
        let kilogramsCO2e: ClosedRange<Double>
        let repairabilityTenths: ClosedRange<Int>?
        /// Typical score of the kind; each product adds noise of ±8.
        let environmentalScore: Int
        let origins: [String]
        /// Always present (organic food carries its label).
        let labels: [String]
        /// One of them is added to about half of the products.
        let optionalLabels: [String]

        init(
            _ leaf: String, _ language: TextLanguage, _ name: String, material: String, use: String,
            sizes: [String], finishes: [String] = [], sizeLast: Bool = false, sizeDrivesPrice: Bool = true,
            euros: ClosedRange<Double>, kg: ClosedRange<Double>, repair: ClosedRange<Int>? = nil, score: Int,
            origins: [String], labels: [String] = [], optionalLabels: [String] = []
        ) {
            self.leaf = leaf
            self.language = language
            self.name = name
            self.material = material
            self.use = use
            self.sizes = sizes
            self.finishes = finishes
            self.sizeLast = sizeLast
            self.sizeDrivesPrice = sizeDrivesPrice
            self.euros = euros
            self.kilogramsCO2e = kg
            self.repairabilityTenths = repair
            self.environmentalScore = score
            self.origins = origins
            self.labels = labels
            self.optionalLabels = optionalLabels
        }

        /// "Café en grains bio corsé 1 kg" when the size reads better last, "Lave-linge hublot 8 kg Blanc" otherwise.
        func variantName(size: Int, finish: Int?) -> String {
            guard let finish else { return name + " " + sizes[size] }
            return sizeLast
                ? "\(name) \(finishes[finish]) \(sizes[size])"
                : "\(name) \(sizes[size]) \(finishes[finish])"
        }
    }

    struct Variant: Sendable {
        let size: Int
        let finish: Int?
    }

    /// A kind ready for generation: its variants shuffled once, and their names built once.
    struct KindPlan: Sendable {
        let ordinal: Int
        let facts: ProductKind
        let variants: [Variant]
        let variantNames: [String]
    }

    struct LeafPlan: Sendable {
        let slug: String
        let isFood: Bool
        let brands: [String]
        let kinds: [KindPlan]
    }

    struct CatalogPlan: Sendable {
        let leaves: [LeafPlan]
    }

    /// Built once, on first use; `products(count:)` then only indexes into it.
    static let catalogPlan: CatalogPlan = {
        let parents = Dictionary(uniqueKeysWithValues: categories.map { ($0.slug, $0.parentSlug) })
        let parentSlugs = Set(categories.compactMap(\.parentSlug))
        let leafSlugs = categories.map(\.slug).filter { !parentSlugs.contains($0) }
        var shuffler = SplitMix64(seed: variantSeed)
        var ordinal = 0
        var leaves: [LeafPlan] = []
        for slug in leafSlugs {
            var kinds: [KindPlan] = []
            for facts in productKinds where facts.leaf == slug {
                var variants: [Variant] = []
                for size in facts.sizes.indices {
                    if facts.finishes.isEmpty {
                        variants.append(Variant(size: size, finish: nil))
                    } else {
                        variants += facts.finishes.indices.map { Variant(size: size, finish: $0) }
                    }
                }
                // Fisher–Yates, so that a kind's first products do not all share a size.
                for position in stride(from: variants.count - 1, to: 0, by: -1) {
                    variants.swapAt(position, shuffler.index(below: position + 1))
                }
                let names = variants.map { facts.variantName(size: $0.size, finish: $0.finish) }
                kinds.append(KindPlan(ordinal: ordinal, facts: facts, variants: variants, variantNames: names))
                ordinal += 1
            }
            precondition(!kinds.isEmpty, "leaf category \(slug) has no product kind")
            let topSlug = parents[slug].flatMap { $0 } ?? slug
            let brands = brandsByTopCategory[topSlug] ?? []
            precondition(!brands.isEmpty, "top-level category \(topSlug) has no brand")
            leaves.append(LeafPlan(slug: slug, isFood: topSlug == "alimentation", brands: brands, kinds: kinds))
        }
        precondition(ordinal == productKinds.count, "a product kind names a category that is not a leaf")
        return CatalogPlan(leaves: leaves)
    }()
}
