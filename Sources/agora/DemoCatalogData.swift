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
}
