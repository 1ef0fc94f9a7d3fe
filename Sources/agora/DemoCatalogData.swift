import AgoraDomain
import Foundation

/// Catalog data for `agora demo`: a category tree, twelve partners with their stores, and a generator of products.
///
/// Everything here is plain data and pure functions, with no database in sight, so that the writer that stores it,
/// the tests and the benchmarks all see the same catalog: the same categories, the same stores at the same places,
/// and, for a given count, the same products in the same order (a smaller count gives a prefix of a larger one).
/// Names mix French and English and carry accents on purpose, so that accent-insensitive search has something to
/// show ("telephone" finds "Téléphone reconditionné", "eco" finds "Lave-vaisselle éco" and "Eco kettle").
enum DemoCatalogData {
    /// A node of the category tree; a category without children is a leaf, and only leaves hold products.
    struct Category: Sendable {
        let slug: String
        let parentSlug: String?
        let nameFR: String
        let nameEN: String
    }

    /// A partner's shop, placed near the centre (or the named district) of a real French city.
    struct Store: Sendable {
        let name: String
        let address: String
        let city: String
        let latitude: Double
        let longitude: Double
    }

    /// A partner organisation as `PartnerStore.create` takes it, with the stores to add under it.
    struct Partner: Sendable {
        let name: String
        let slug: String
        let kind: PartnerKind
        let commissionBasisPoints: Int
        let stores: [Store]
    }

    struct Product: Sendable {
        /// 13 digits: the French GS1 prefix 376, nine digits derived from the product's index, a check digit.
        let gtin: String
        let name: String
        let brand: String
        /// One or two sentences in the language of `name`.
        let description: String
        /// Always a leaf of `categories`.
        let categorySlug: String
        /// 0–100.
        let environmentalScore: Int?
        /// Grams of CO2 equivalent per unit (kilograms × 1000).
        let carbonGrams: Int64?
        /// The French repairability index (0.0–10.0) × 10.
        let repairabilityTenths: Int?
        /// ISO 3166-1 alpha-2.
        let origin: String?
        let labels: [String]
        /// Always empty: the demo has no pictures, and made-up addresses would only show broken images.
        let imageURLs: [String]
        let basePriceMinor: Int64
    }

    // MARK: - Categories

    /// Parents come before their children, so that a writer can insert in this order.
    static let categories: [Category] = [
        Category(slug: "maison", parentSlug: nil, nameFR: "Maison", nameEN: "Home"),
        Category(
            slug: "electromenager-gros", parentSlug: "maison", nameFR: "Gros électroménager",
            nameEN: "Large appliances"),
        Category(
            slug: "electromenager-petit", parentSlug: "maison", nameFR: "Petit électroménager",
            nameEN: "Small appliances"),
        Category(slug: "meubles", parentSlug: "maison", nameFR: "Meubles", nameEN: "Furniture"),

        Category(slug: "high-tech", parentSlug: nil, nameFR: "High-tech", nameEN: "Electronics"),
        Category(
            slug: "telephones", parentSlug: "high-tech", nameFR: "Téléphones et tablettes",
            nameEN: "Phones and tablets"),
        Category(slug: "ordinateurs", parentSlug: "high-tech", nameFR: "Ordinateurs", nameEN: "Computers"),
        Category(slug: "audio", parentSlug: "high-tech", nameFR: "Son et audio", nameEN: "Audio"),

        Category(slug: "bricolage-jardin", parentSlug: nil, nameFR: "Bricolage et jardin", nameEN: "DIY and garden"),
        Category(slug: "outillage", parentSlug: "bricolage-jardin", nameFR: "Outillage", nameEN: "Tools"),
        Category(slug: "jardin", parentSlug: "bricolage-jardin", nameFR: "Jardin", nameEN: "Garden"),

        Category(slug: "alimentation", parentSlug: nil, nameFR: "Alimentation", nameEN: "Food and drink"),
        Category(slug: "epicerie-bio", parentSlug: "alimentation", nameFR: "Épicerie bio", nameEN: "Organic grocery"),
        Category(slug: "boissons", parentSlug: "alimentation", nameFR: "Boissons", nameEN: "Drinks"),

        Category(slug: "mode", parentSlug: nil, nameFR: "Mode", nameEN: "Fashion"),
        Category(slug: "vetements", parentSlug: "mode", nameFR: "Vêtements", nameEN: "Clothing"),
        Category(slug: "chaussures", parentSlug: "mode", nameFR: "Chaussures", nameEN: "Shoes"),

        Category(slug: "sport", parentSlug: nil, nameFR: "Sport et loisirs", nameEN: "Sport and outdoors"),
        Category(slug: "velos", parentSlug: "sport", nameFR: "Vélos", nameEN: "Bicycles"),
        Category(slug: "randonnee", parentSlug: "sport", nameFR: "Randonnée et camping", nameEN: "Hiking and camping"),
    ]

    // MARK: - Products

    /// The largest count `products(count:)` accepts: GTINs stay distinct up to there (nine digits from the index).
    static let maximumProductCount = 1_000_000_000

    /// `count` products, the same ones for the same count, every GTIN distinct, every name distinct.
    ///
    /// Product `i` depends only on `i`: leaves take turns, then the kinds of a leaf, then each kind's variants in a
    /// shuffled order; the rest (brand, price, scores, labels, wording) comes from a PRNG seeded with `i`. Once a
    /// kind has used all its variants, names get a model number, which keeps them distinct for any count.
    static func products(count: Int) -> [Product] {
        guard count > 0 else { return [] }
        precondition(count <= maximumProductCount, "GTINs would repeat beyond \(maximumProductCount) products")
        let plan = catalogPlan
        var products: [Product] = []
        products.reserveCapacity(count)
        for index in 0..<count {
            products.append(product(at: index, plan: plan))
        }
        return products
    }

    static func product(at index: Int, plan: CatalogPlan) -> Product {
        let leaf = plan.leaves[index % plan.leaves.count]
        let turnOfLeaf = index / plan.leaves.count
        let kind = leaf.kinds[turnOfLeaf % leaf.kinds.count]
        let turnOfKind = turnOfLeaf / leaf.kinds.count
        let variant = kind.variants[turnOfKind % kind.variants.count]
        let repetition = turnOfKind / kind.variants.count
        var random = SplitMix64(seed: productSeed ^ (UInt64(index) &* 0xD1B5_4A32_D192_ED03))
        let facts = kind.facts

        var name = kind.variantNames[turnOfKind % kind.variants.count]
        if repetition > 0 {
            name += facts.language == .french ? " – modèle " : " – model "
            name += String(modelNumber(repetition: repetition, kindOrdinal: kind.ordinal))
        }

        let brand = leaf.brands[random.index(below: leaf.brands.count)]
        // Bigger variants (listed last) cost more and weigh more in CO2, with noise so that prices overlap.
        let position: Double =
            facts.sizes.count > 1 ? Double(variant.size) / Double(facts.sizes.count - 1) : 0.5
        let priceFraction = facts.sizeDrivesPrice ? 0.65 * position + 0.35 * random.unit() : random.unit()
        let carbonFraction = facts.sizeDrivesPrice ? 0.6 * position + 0.4 * random.unit() : random.unit()

        let scoreNoise = random.integer(in: -8...8)
        let environmentalScore: Int? =
            random.unit() < 0.10 ? nil : min(100, max(0, facts.environmentalScore + scoreNoise))
        let carbonKilograms = interpolate(facts.kilogramsCO2e, carbonFraction)
        let carbonGrams: Int64? = random.unit() < 0.15 ? nil : Int64((carbonKilograms * 1000).rounded())
        var repairabilityTenths: Int?
        if let range = facts.repairabilityTenths, random.unit() >= 0.05 {
            repairabilityTenths = random.integer(in: range)
        }
        var origin: String?
        if !facts.origins.isEmpty, random.unit() >= 0.05 {
            origin = facts.origins[random.index(below: facts.origins.count)]
        }
        var labels = facts.labels
        if labels.count < 2, !facts.optionalLabels.isEmpty, random.unit() < 0.5 {
            labels.append(facts.optionalLabels[random.index(below: facts.optionalLabels.count)])
        }

        return Product(
            gtin: gtin(forIndex: index),
            name: name,
            brand: brand,
            description: describe(facts, brand: brand, isFood: leaf.isFood, template: random.index(below: 3)),
            categorySlug: leaf.slug,
            environmentalScore: environmentalScore,
            carbonGrams: carbonGrams,
            repairabilityTenths: repairabilityTenths,
            origin: origin,
            labels: labels,
            imageURLs: [],
            basePriceMinor: shelfPrice(euros: interpolate(facts.euros, priceFraction)))
    }

    /// A four-digit model number that differs for every repetition of a kind's variant; past 8,999 repetitions
    /// (about ten million products) it grows to five digits and more, still without repeating.
    static func modelNumber(repetition: Int, kindOrdinal: Int) -> Int {
        guard repetition < 9000 else { return 10_000 + repetition }
        // 7919 is prime and does not divide 9000, so this walks through all 9000 numbers before repeating.
        return 1000 + (repetition * 7919 + kindOrdinal * 613) % 9000
    }

    /// "376" (GS1 France) + nine digits + the GS1 check digit. Multiplying by 3^18, which shares no factor with
    /// 10^9, scatters consecutive indices while keeping them distinct below one billion.
    static func gtin(forIndex index: Int) -> String {
        let itemDigits = String((UInt64(index) &* 387_420_489 &+ 104_729) % 1_000_000_000)
        let body = "376" + String(repeating: "0", count: 9 - itemDigits.count) + itemDigits
        var sum = 0
        for (position, byte) in body.utf8.reversed().enumerated() {
            sum += Int(byte - 48) * (position % 2 == 0 ? 3 : 1)
        }
        return body + String((10 - sum % 10) % 10)
    }

    /// Rounds to a shop-like price: 349,99 € above twenty euros, 4,49 € below.
    static func shelfPrice(euros: Double) -> Int64 {
        if euros >= 20 {
            return Int64(euros.rounded()) * 100 - 1
        }
        return max(9, Int64((euros * 10).rounded()) * 10 - 1)
    }

    static func interpolate(_ range: ClosedRange<Double>, _ fraction: Double) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * fraction
    }

    /// Builds the description from a few templates per language; food reads differently from goods.
    static func describe(_ facts: ProductKind, brand: String, isFood: Bool, template: Int) -> String {
        let material = facts.material
        let use = facts.use
        switch (facts.language, isFood, template) {
        case (.french, false, 0): return "Modèle en \(material), pensé \(use)."
        case (.french, false, 1): return "Conçu \(use), ce modèle \(brand) est fabriqué en \(material)."
        case (.french, false, _): return "\(brand) propose ce modèle en \(material), pensé \(use)."
        case (.french, true, 0): return "Recette à base \(frenchDe(material)), à savourer \(use)."
        case (.french, true, 1): return "Ingrédient principal : \(material). À déguster \(use)."
        case (.french, true, _): return "Une sélection \(brand) à base \(frenchDe(material)), à savourer \(use)."
        case (.english, false, 0): return "Made of \(material), designed \(use)."
        case (.english, false, 1): return "This \(brand) model in \(material) is built \(use)."
        case (.english, false, _): return "Built from \(material) and made \(use)."
        case (.english, true, 0): return "Made with \(material), best enjoyed \(use)."
        case (.english, true, 1): return "Main ingredient: \(material). Best enjoyed \(use)."
        case (.english, true, _): return "From \(brand): \(material), best enjoyed \(use)."
        }
    }

    /// "de blé", but "d'olives": French elides before a vowel (the data avoids words starting with h).
    static func frenchDe(_ noun: String) -> String {
        guard let first = noun.first, "aeiouyâàéèêîôœ".contains(first) else { return "de " + noun }
        return "d'" + noun
    }

    // MARK: - Generator machinery

    /// Fixed seeds: changing them changes every demo product, so they stay as they are.
    static let productSeed: UInt64 = 0x4147_4F52_4144_454D
    static let variantSeed: UInt64 = 0x5641_5249_414E_5453

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
