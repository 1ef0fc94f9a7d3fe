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

    // MARK: - Partners and stores

    /// Twelve partners of every kind. Eight of their stores are in Paris and five in Lyon, a few kilometres apart,
    /// so that "stores near me" has something to sort; the others spread over France.
    static let partners: [Partner] = [
        Partner(
            name: "Maison Verte", slug: "maison-verte", kind: .merchant, commissionBasisPoints: 800,
            stores: [
                Store(
                    name: "Maison Verte Oberkampf", address: "48 rue Oberkampf", city: "Paris",
                    latitude: 48.8650, longitude: 2.3760),
                Store(
                    name: "Maison Verte Commerce", address: "63 rue du Commerce", city: "Paris",
                    latitude: 48.8460, longitude: 2.2960),
                Store(
                    name: "Maison Verte Presqu'île", address: "27 rue de la République", city: "Lyon",
                    latitude: 45.7620, longitude: 4.8360),
                Store(
                    name: "Maison Verte Croix-Rousse", address: "112 Grande Rue de la Croix-Rousse", city: "Lyon",
                    latitude: 45.7765, longitude: 4.8290),
                Store(
                    name: "Maison Verte Nantes", address: "9 rue Crébillon", city: "Nantes",
                    latitude: 47.2135, longitude: -1.5615),
                Store(
                    name: "Maison Verte Bordeaux", address: "154 rue Sainte-Catherine", city: "Bordeaux",
                    latitude: 44.8390, longitude: -0.5740),
            ]),
        Partner(
            name: "Atelier Réparable", slug: "atelier-reparable", kind: .brand, commissionBasisPoints: 500,
            stores: [
                Store(
                    name: "Atelier Réparable Paris 10e", address: "71 rue du Faubourg Saint-Denis", city: "Paris",
                    latitude: 48.8725, longitude: 2.3545),
                Store(
                    name: "Atelier Réparable Guillotière", address: "35 cours Gambetta", city: "Lyon",
                    latitude: 45.7530, longitude: 4.8450),
                Store(
                    name: "Atelier Réparable Grenoble", address: "18 Grande Rue", city: "Grenoble",
                    latitude: 45.1920, longitude: 5.7285),
            ]),
        Partner(
            name: "Coopérative du Sud", slug: "cooperative-du-sud", kind: .supplier, commissionBasisPoints: 300,
            stores: [
                Store(
                    name: "Coopérative du Sud Montpellier", address: "14 rue de la Loge", city: "Montpellier",
                    latitude: 43.6105, longitude: 3.8770),
                Store(
                    name: "Coopérative du Sud Perpignan", address: "6 quai Vauban", city: "Perpignan",
                    latitude: 42.6995, longitude: 2.8955),
                Store(
                    name: "Coopérative du Sud Avignon", address: "52 rue de la République", city: "Avignon",
                    latitude: 43.9475, longitude: 4.8060),
            ]),
        Partner(
            name: "Le Comptoir Durable", slug: "comptoir-durable", kind: .merchant, commissionBasisPoints: 650,
            stores: [
                Store(
                    name: "Le Comptoir Durable Marais", address: "39 rue de Bretagne", city: "Paris",
                    latitude: 48.8630, longitude: 2.3620),
                Store(
                    name: "Le Comptoir Durable Lille", address: "22 rue de Béthune", city: "Lille",
                    latitude: 50.6335, longitude: 3.0615),
                Store(
                    name: "Le Comptoir Durable Rennes", address: "11 rue Le Bastard", city: "Rennes",
                    latitude: 48.1125, longitude: -1.6800),
                Store(
                    name: "Le Comptoir Durable Strasbourg", address: "30 rue des Grandes Arcades", city: "Strasbourg",
                    latitude: 48.5835, longitude: 7.7475),
            ]),
        Partner(
            name: "Électro Seconde Vie", slug: "electro-seconde-vie", kind: .merchant, commissionBasisPoints: 1000,
            stores: [
                Store(
                    name: "Électro Seconde Vie Italie", address: "88 avenue d'Italie", city: "Paris",
                    latitude: 48.8255, longitude: 2.3575),
                Store(
                    name: "Électro Seconde Vie Part-Dieu", address: "145 cours Lafayette", city: "Lyon",
                    latitude: 45.7635, longitude: 4.8540),
                Store(
                    name: "Électro Seconde Vie Marseille", address: "97 rue de Rome", city: "Marseille",
                    latitude: 43.2925, longitude: 5.3805),
                Store(
                    name: "Électro Seconde Vie Toulouse", address: "41 rue d'Alsace-Lorraine", city: "Toulouse",
                    latitude: 43.6030, longitude: 1.4450),
            ]),
        Partner(
            name: "Les Ateliers du Rhône", slug: "ateliers-du-rhone", kind: .brand, commissionBasisPoints: 450,
            stores: [
                Store(
                    name: "Les Ateliers du Rhône Vieux Lyon", address: "24 rue Saint-Jean", city: "Lyon",
                    latitude: 45.7625, longitude: 4.8275),
                Store(
                    name: "Les Ateliers du Rhône Valence", address: "60 Grande Rue", city: "Valence",
                    latitude: 44.9330, longitude: 4.8920),
            ]),
        Partner(
            name: "Bio & Terroir", slug: "bio-et-terroir", kind: .supplier, commissionBasisPoints: 250,
            stores: [
                Store(
                    name: "Bio & Terroir Dijon", address: "45 rue de la Liberté", city: "Dijon",
                    latitude: 47.3220, longitude: 5.0390),
                Store(
                    name: "Bio & Terroir Clermont-Ferrand", address: "16 rue des Gras", city: "Clermont-Ferrand",
                    latitude: 45.7790, longitude: 3.0860),
                Store(
                    name: "Bio & Terroir Tours", address: "73 rue Nationale", city: "Tours",
                    latitude: 47.3930, longitude: 0.6885),
            ]),
        Partner(
            name: "Cycles Lumière", slug: "cycles-lumiere", kind: .merchant, commissionBasisPoints: 900,
            stores: [
                Store(
                    name: "Cycles Lumière Daguerre", address: "57 rue Daguerre", city: "Paris",
                    latitude: 48.8340, longitude: 2.3300),
                Store(
                    name: "Cycles Lumière Strasbourg", address: "102 Grand'Rue", city: "Strasbourg",
                    latitude: 48.5810, longitude: 7.7430),
                Store(
                    name: "Cycles Lumière Nantes", address: "20 quai de la Fosse", city: "Nantes",
                    latitude: 47.2110, longitude: -1.5690),
                Store(
                    name: "Cycles Lumière La Rochelle", address: "8 quai Duperré", city: "La Rochelle",
                    latitude: 46.1590, longitude: -1.1525),
            ]),
        Partner(
            name: "La Fabrique Textile", slug: "fabrique-textile", kind: .brand, commissionBasisPoints: 700,
            stores: [
                Store(
                    name: "La Fabrique Textile Vieux-Lille", address: "33 rue Esquermoise", city: "Lille",
                    latitude: 50.6380, longitude: 3.0610),
                Store(
                    name: "La Fabrique Textile Roubaix", address: "125 Grande Rue", city: "Roubaix",
                    latitude: 50.6920, longitude: 3.1790),
            ]),
        Partner(
            name: "Quincaillerie Moderne", slug: "quincaillerie-moderne", kind: .merchant,
            commissionBasisPoints: 550,
            stores: [
                Store(
                    name: "Quincaillerie Moderne Batignolles", address: "76 rue des Dames", city: "Paris",
                    latitude: 48.8850, longitude: 2.3220),
                Store(
                    name: "Quincaillerie Moderne Rouen", address: "29 rue du Gros-Horloge", city: "Rouen",
                    latitude: 49.4410, longitude: 1.0925),
                Store(
                    name: "Quincaillerie Moderne Reims", address: "64 rue de Vesle", city: "Reims",
                    latitude: 49.2545, longitude: 4.0290),
            ]),
        Partner(
            name: "Grossiste des Alpes", slug: "grossiste-des-alpes", kind: .supplier, commissionBasisPoints: 200,
            stores: [
                Store(
                    name: "Grossiste des Alpes Annecy", address: "13 rue Royale", city: "Annecy",
                    latitude: 45.9000, longitude: 6.1260)
            ]),
        Partner(
            name: "Sentiers & Bivouacs", slug: "sentiers-et-bivouacs", kind: .merchant, commissionBasisPoints: 1200,
            stores: [
                Store(
                    name: "Sentiers & Bivouacs Mouffetard", address: "92 rue Mouffetard", city: "Paris",
                    latitude: 48.8420, longitude: 2.3500),
                Store(
                    name: "Sentiers & Bivouacs Pau", address: "5 boulevard des Pyrénées", city: "Pau",
                    latitude: 43.2945, longitude: -0.3690),
                Store(
                    name: "Sentiers & Bivouacs Brest", address: "47 rue de Siam", city: "Brest",
                    latitude: 48.3885, longitude: -4.4880),
            ]),
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

    private static func product(at index: Int, plan: CatalogPlan) -> Product {
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
    private static func modelNumber(repetition: Int, kindOrdinal: Int) -> Int {
        guard repetition < 9000 else { return 10_000 + repetition }
        // 7919 is prime and does not divide 9000, so this walks through all 9000 numbers before repeating.
        return 1000 + (repetition * 7919 + kindOrdinal * 613) % 9000
    }

    /// "376" (GS1 France) + nine digits + the GS1 check digit. Multiplying by 3^18, which shares no factor with
    /// 10^9, scatters consecutive indices while keeping them distinct below one billion.
    private static func gtin(forIndex index: Int) -> String {
        let itemDigits = String((UInt64(index) &* 387_420_489 &+ 104_729) % 1_000_000_000)
        let body = "376" + String(repeating: "0", count: 9 - itemDigits.count) + itemDigits
        var sum = 0
        for (position, byte) in body.utf8.reversed().enumerated() {
            sum += Int(byte - 48) * (position % 2 == 0 ? 3 : 1)
        }
        return body + String((10 - sum % 10) % 10)
    }

    /// Rounds to a shop-like price: 349,99 € above twenty euros, 4,49 € below.
    private static func shelfPrice(euros: Double) -> Int64 {
        if euros >= 20 {
            return Int64(euros.rounded()) * 100 - 1
        }
        return max(9, Int64((euros * 10).rounded()) * 10 - 1)
    }

    private static func interpolate(_ range: ClosedRange<Double>, _ fraction: Double) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * fraction
    }

    /// Builds the description from a few templates per language; food reads differently from goods.
    private static func describe(_ facts: ProductKind, brand: String, isFood: Bool, template: Int) -> String {
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
    private static func frenchDe(_ noun: String) -> String {
        guard let first = noun.first, "aeiouyâàéèêîôœ".contains(first) else { return "de " + noun }
        return "d'" + noun
    }

    // MARK: - Generator machinery

    /// Fixed seeds: changing them changes every demo product, so they stay as they are.
    private static let productSeed: UInt64 = 0x4147_4F52_4144_454D
    private static let variantSeed: UInt64 = 0x5641_5249_414E_5453

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

    private enum TextLanguage: Sendable {
        case french, english
    }

    /// One kind of product (a "Lave-linge hublot", a "Cordless drill") with what varies between its products.
    private struct ProductKind: Sendable {
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

    private struct Variant: Sendable {
        let size: Int
        let finish: Int?
    }

    /// A kind ready for generation: its variants shuffled once, and their names built once.
    private struct KindPlan: Sendable {
        let ordinal: Int
        let facts: ProductKind
        let variants: [Variant]
        let variantNames: [String]
    }

    private struct LeafPlan: Sendable {
        let slug: String
        let isFood: Bool
        let brands: [String]
        let kinds: [KindPlan]
    }

    private struct CatalogPlan: Sendable {
        let leaves: [LeafPlan]
    }

    /// Built once, on first use; `products(count:)` then only indexes into it.
    private static let catalogPlan: CatalogPlan = {
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

    // MARK: - Brands and kinds

    /// Invented brands, four to six per top-level category. The three partners of kind `brand` appear among them,
    /// so that a brand partner finds products of its own in the catalog.
    private static let brandsByTopCategory: [String: [String]] = [
        "maison": ["Foyelle", "Calidome", "Domilune", "Boisvif", "Ardoisine", "Atelier Réparable"],
        "high-tech": ["Pixelune", "Ondalis", "Voltaïs", "Sonorive", "Circuitelle", "Atelier Réparable"],
        "bricolage-jardin": ["Forgeval", "Outiléo", "Racinor", "Clouvert", "Les Ateliers du Rhône"],
        "alimentation": [
            "Grange Fleurie", "Potager Solène", "Clos des Tilleuls", "Moulin de Vaurèze", "Terres d'Oriane",
        ],
        "mode": ["Fil d'Ondine", "Maille & Sens", "Lin Corsaire", "Atelier Bastide", "La Fabrique Textile"],
        "sport": ["Pédalune", "Roulevent", "Crête Bleue", "Altisente", "Vélomire"],
    ]

    /// Sizes come last in clothing and shoe names ("T-shirt en coton bio Blanc taille M").
    private static let clothingSizes = ["taille XS", "taille S", "taille M", "taille L", "taille XL"]
    private static let englishClothingSizes = ["size XS", "size S", "size M", "size L", "size XL"]

    private static func shoeSizes(_ sizes: ClosedRange<Int>, english: Bool = false) -> [String] {
        sizes.map { (english ? "size " : "pointure ") + String($0) }
    }

    /// About one kind in four is named in English. Prices in euros, carbon in kilograms of CO2e per unit.
    private static let productKinds: [ProductKind] = [
        // Gros électroménager
        ProductKind(
            "electromenager-gros", .french, "Lave-linge hublot", material: "acier émaillé",
            use: "pour le linge d'une famille de quatre personnes",
            sizes: ["7 kg", "8 kg", "9 kg", "10 kg"], finishes: ["Blanc", "Gris anthracite"],
            euros: 349...849, kg: 260...420, repair: 55...85, score: 50,
            origins: ["DE", "PL", "IT", "TR"], optionalLabels: ["Ecolabel européen"]),
        ProductKind(
            "electromenager-gros", .french, "Lave-linge reconditionné", material: "acier émaillé",
            use: "pour s'équiper à moindre coût, avec un an de garantie après révision en atelier",
            sizes: ["7 kg", "8 kg", "9 kg"], finishes: ["grade A", "grade B"],
            euros: 229...449, kg: 40...90, repair: 65...90, score: 85,
            origins: ["FR"], optionalLabels: ["QualiRépar"]),
        ProductKind(
            "electromenager-gros", .french, "Réfrigérateur combiné", material: "acier inoxydable",
            use: "pour conserver les produits frais de toute la maisonnée",
            sizes: ["250 L", "300 L", "350 L"], finishes: ["Blanc", "Inox", "Noir"],
            euros: 449...1199, kg: 300...550, repair: 50...80, score: 45,
            origins: ["DE", "PL", "IT", "ES"], optionalLabels: ["Ecolabel européen"]),
        ProductKind(
            "electromenager-gros", .french, "Lave-vaisselle éco", material: "acier inoxydable",
            use: "pour une vaisselle quotidienne qui consomme peu d'eau",
            sizes: ["9 couverts", "12 couverts", "14 couverts"], finishes: ["Blanc", "Inox"],
            euros: 379...899, kg: 220...380, repair: 60...88, score: 62,
            origins: ["DE", "IT", "PL", "FR"], optionalLabels: ["Ecolabel européen"]),
        ProductKind(
            "electromenager-gros", .french, "Sèche-linge pompe à chaleur", material: "acier galvanisé",
            use: "pour sécher le linge sans chauffer toute la pièce",
            sizes: ["7 kg", "8 kg", "9 kg"], finishes: ["Blanc", "Gris"],
            euros: 499...999, kg: 250...400, repair: 55...80, score: 55,
            origins: ["DE", "PL", "CN"]),
        ProductKind(
            "electromenager-gros", .french, "Four encastrable multifonction", material: "acier émaillé et verre",
            use: "pour les rôtis, les gratins et la pâtisserie",
            sizes: ["65 L", "72 L"], finishes: ["Noir", "Inox", "Blanc"],
            euros: 279...699, kg: 150...280, repair: 55...82, score: 50,
            origins: ["FR", "DE", "IT"]),
        ProductKind(
            "electromenager-gros", .english, "Induction hob", material: "ceramic glass",
            use: "for fast cooking that wastes little heat",
            sizes: ["60 cm", "77 cm", "90 cm"], finishes: ["3 zones", "4 zones", "5 zones"],
            euros: 299...899, kg: 90...180, repair: 50...80, score: 55,
            origins: ["DE", "IT", "PL", "CN"]),

        // Petit électroménager
        ProductKind(
            "electromenager-petit", .english, "Eco kettle", material: "stainless steel",
            use: "for boiling only the water you need",
            sizes: ["1 L", "1.5 L", "1.7 L"], finishes: ["Brushed steel", "White", "Black"],
            euros: 24...69, kg: 6...15, repair: 40...75, score: 68,
            origins: ["CN", "PL", "FR"]),
        ProductKind(
            "electromenager-petit", .english, "Hand blender", material: "stainless steel and recycled plastic",
            use: "for soups, sauces and smoothies",
            sizes: ["600 W", "800 W", "1000 W"], finishes: ["White", "Stainless steel", "Sage green"],
            euros: 29...99, kg: 5...12, repair: 40...75, score: 55,
            origins: ["FR", "CN", "DE"]),
        ProductKind(
            "electromenager-petit", .french, "Cafetière à filtre programmable", material: "verre borosilicaté et inox",
            use: "pour trouver le café prêt au réveil",
            sizes: ["10 tasses", "15 tasses"], finishes: ["Noir", "Blanc", "Inox"],
            euros: 29...89, kg: 8...18, repair: 45...75, score: 55,
            origins: ["CN", "FR", "DE"]),
        ProductKind(
            "electromenager-petit", .french, "Machine à espresso avec broyeur", material: "acier inoxydable",
            use: "pour moudre le grain juste avant chaque tasse",
            sizes: ["Compact", "Série 3", "Série 5"], finishes: ["Noir", "Argent", "Crème"],
            euros: 249...799, kg: 25...60, repair: 50...80, score: 52,
            origins: ["IT", "CH", "DE", "CN"]),
        ProductKind(
            "electromenager-petit", .french, "Aspirateur balai sans fil", material: "polypropylène recyclé",
            use: "pour un ménage rapide du sol au plafond",
            sizes: ["Compact", "Confort", "Pro"], finishes: ["Graphite", "Rouge", "Blanc"],
            euros: 129...499, kg: 25...70, repair: 45...80, score: 48,
            origins: ["CN", "MY", "DE"]),
        ProductKind(
            "electromenager-petit", .french, "Grille-pain", material: "acier inoxydable",
            use: "pour des tartines dorées de façon régulière",
            sizes: ["2 fentes", "4 fentes"], finishes: ["Crème", "Noir", "Inox brossé"],
            euros: 24...79, kg: 6...14, repair: 40...70, score: 55,
            origins: ["CN", "FR"]),

        // Meubles
        ProductKind(
            "meubles", .french, "Table de salle à manger", material: "chêne massif issu de forêts gérées",
            use: "pour les repas de famille et les longues soirées",
            sizes: ["4 places", "6 places", "8 places"], finishes: ["chêne naturel", "chêne huilé", "chêne blanchi"],
            euros: 399...1299, kg: 60...160, score: 60,
            origins: ["FR", "PL", "PT", "RO"], optionalLabels: ["FSC", "PEFC"]),
        ProductKind(
            "meubles", .french, "Chaise en hêtre", material: "hêtre massif",
            use: "pour la cuisine comme pour la salle à manger",
            sizes: ["à l'unité", "lot de 2", "lot de 4"], finishes: ["naturel", "noir", "vert sauge"], sizeLast: true,
            euros: 49...299, kg: 10...45, score: 58,
            origins: ["PL", "RO", "FR", "IT"], optionalLabels: ["FSC", "PEFC"]),
        ProductKind(
            "meubles", .french, "Bibliothèque modulable", material: "panneaux de bois recyclé",
            use: "pour ranger livres et vinyles en suivant la place disponible",
            sizes: ["3 étagères", "5 étagères"], finishes: ["Pin", "Chêne clair", "Blanc"],
            euros: 89...349, kg: 30...90, score: 55,
            origins: ["FR", "PL", "DE"], optionalLabels: ["FSC"]),
        ProductKind(
            "meubles", .french, "Canapé convertible", material: "tissu recyclé sur structure en pin",
            use: "pour recevoir des amis pour la nuit",
            sizes: ["2 places", "3 places"], finishes: ["Gris chiné", "Bleu canard", "Terracotta"],
            euros: 499...1499, kg: 150...380, score: 38,
            origins: ["PL", "IT", "PT"]),
        ProductKind(
            "meubles", .french, "Bureau rénové", material: "bois massif poncé et reverni",
            use: "pour le télétravail, sans acheter de meuble neuf",
            sizes: ["120 cm", "140 cm", "160 cm"], finishes: ["Chêne", "Noyer", "Blanc"],
            euros: 149...449, kg: 8...25, score: 82,
            origins: ["FR"]),
        ProductKind(
            "meubles", .english, "Solid wood bed frame", material: "solid pine",
            use: "for a sturdy bed that lasts for decades",
            sizes: ["140 x 190", "160 x 200", "180 x 200"], finishes: ["Natural", "White oil"],
            euros: 299...899, kg: 60...180, score: 60,
            origins: ["FR", "PT", "LT"], optionalLabels: ["FSC"]),

        // Téléphones et tablettes
        ProductKind(
            "telephones", .french, "Téléphone reconditionné", material: "aluminium et verre trempé",
            use: "pour un usage quotidien, après quarante points de contrôle",
            sizes: ["64 Go", "128 Go", "256 Go"], finishes: ["Noir", "Blanc", "Graphite", "Bleu"],
            euros: 149...549, kg: 12...28, repair: 65...90, score: 86,
            origins: ["FR", "PL", "PT"]),
        ProductKind(
            "telephones", .french, "Smartphone 5G", material: "aluminium recyclé",
            use: "pour la photo, la navigation et le paiement sans contact",
            sizes: ["128 Go", "256 Go", "512 Go"], finishes: ["Noir minuit", "Vert sauge", "Argent"],
            euros: 249...1099, kg: 55...95, repair: 40...75, score: 35,
            origins: ["CN", "VN", "IN", "KR"]),
        ProductKind(
            "telephones", .french, "Téléphone à clapet", material: "polycarbonate",
            use: "pour appeler simplement, avec de grosses touches",
            sizes: ["2G", "4G"], finishes: ["Noir", "Rouge", "Bleu"],
            euros: 39...99, kg: 8...16, repair: 45...70, score: 60,
            origins: ["CN", "VN"]),
        ProductKind(
            "telephones", .french, "Tablette tactile", material: "aluminium",
            use: "pour lire, dessiner et regarder des films",
            sizes: ["10 pouces", "11 pouces", "13 pouces"], finishes: ["64 Go", "128 Go", "256 Go"],
            euros: 179...899, kg: 80...140, repair: 40...72, score: 40,
            origins: ["CN", "VN", "TW"]),
        ProductKind(
            "telephones", .english, "Modular phone", material: "recycled plastics and aluminium",
            use: "for owners who want to swap the battery and the screen themselves",
            sizes: ["128 GB", "256 GB"], finishes: ["Black", "Ocean blue", "Sand"],
            euros: 449...699, kg: 35...60, repair: 85...100, score: 78,
            origins: ["CN", "NL"], optionalLabels: ["Fairtrade"]),
        ProductKind(
            "telephones", .english, "Fast charger USB-C", material: "gallium nitride and recycled plastic",
            use: "for charging a phone and a laptop from one plug",
            sizes: ["20 W", "45 W", "65 W"], finishes: ["White", "Black"],
            euros: 19...59, kg: 1...3, score: 55,
            origins: ["CN", "VN"]),

        // Ordinateurs
        ProductKind(
            "ordinateurs", .french, "Ordinateur portable reconditionné", material: "aluminium",
            use: "pour le travail et les études, avec une batterie neuve",
            sizes: ["13 pouces", "14 pouces", "15,6 pouces"], finishes: ["8 Go", "16 Go", "32 Go"],
            euros: 229...799, kg: 45...90, repair: 60...88, score: 84,
            origins: ["FR", "DE", "PL"]),
        ProductKind(
            "ordinateurs", .french, "Ordinateur portable", material: "aluminium",
            use: "pour la bureautique comme pour le montage vidéo",
            sizes: ["13 pouces", "14 pouces", "16 pouces"], finishes: ["256 Go SSD", "512 Go SSD", "1 To SSD"],
            euros: 549...1899, kg: 220...360, repair: 35...75, score: 35,
            origins: ["CN", "TW"], optionalLabels: ["Energy Star", "EPEAT"]),
        ProductKind(
            "ordinateurs", .french, "Écran", material: "plastique recyclé",
            use: "pour travailler avec deux fenêtres côte à côte",
            sizes: ["24 pouces", "27 pouces", "32 pouces"], finishes: ["Full HD", "QHD", "4K"],
            euros: 129...649, kg: 180...420, repair: 40...72, score: 42,
            origins: ["CN", "TW", "PL"], optionalLabels: ["TCO Certified", "Energy Star"]),
        ProductKind(
            "ordinateurs", .french, "Ordinateur de bureau compact", material: "acier recyclé",
            use: "pour la bureautique et le multimédia familial",
            sizes: ["8 Go", "16 Go", "32 Go"], finishes: ["512 Go SSD", "1 To SSD"],
            euros: 399...1199, kg: 250...450, repair: 50...85, score: 45,
            origins: ["CN", "TW", "DE"], optionalLabels: ["EPEAT", "Energy Star"]),
        ProductKind(
            "ordinateurs", .english, "Mechanical keyboard", material: "aluminium and PBT plastic",
            use: "for long typing sessions, with switches you can replace",
            sizes: ["Compact", "Full size"], finishes: ["AZERTY", "QWERTY", "QWERTZ"],
            euros: 59...189, kg: 3...9, repair: 60...90, score: 60,
            origins: ["CN", "TW", "DE"]),
        ProductKind(
            "ordinateurs", .english, "Wireless mouse", material: "recycled plastic",
            use: "for precise everyday work",
            sizes: ["Compact", "Ergonomic"], finishes: ["Black", "Grey", "White"],
            euros: 19...89, kg: 2...6, repair: 30...60, score: 52,
            origins: ["CN", "VN"]),

        // Son et audio
        ProductKind(
            "audio", .french, "Écouteurs sans fil", material: "plastique recyclé",
            use: "pour écouter sa musique dans les transports",
            sizes: ["Lite", "Sport", "Pro"], finishes: ["Noir", "Blanc", "Sable"],
            euros: 39...249, kg: 4...11, repair: 10...45, score: 35,
            origins: ["CN", "VN"]),
        ProductKind(
            "audio", .french, "Casque audio à réduction de bruit", material: "aluminium et similicuir",
            use: "pour travailler au calme ou voyager",
            sizes: ["Série 3", "Série 5"], finishes: ["Noir", "Beige", "Bleu nuit"],
            euros: 99...399, kg: 10...22, repair: 40...75, score: 45,
            origins: ["CN", "MY", "VN"]),
        ProductKind(
            "audio", .french, "Enceinte Bluetooth", material: "tissu recyclé et caoutchouc",
            use: "pour la plage, le jardin ou le salon",
            sizes: ["Mini", "Compacte", "XL"], finishes: ["Noir", "Vert forêt", "Corail"],
            euros: 29...249, kg: 6...25, repair: 35...70, score: 45,
            origins: ["CN", "VN", "MY"]),
        ProductKind(
            "audio", .french, "Platine vinyle", material: "MDF et aluminium",
            use: "pour redécouvrir sa collection de disques",
            sizes: ["manuelle", "automatique"], finishes: ["Noyer", "Noir laqué", "Blanc"],
            euros: 149...599, kg: 18...45, repair: 65...92, score: 62,
            origins: ["DE", "CZ", "JP", "CN"]),
        ProductKind(
            "audio", .french, "Radio FM et DAB+", material: "bois de noyer",
            use: "pour les informations du matin dans la cuisine",
            sizes: ["portable", "de salon"], finishes: ["Crème", "Bois", "Noir"],
            euros: 39...149, kg: 5...14, repair: 40...75, score: 55,
            origins: ["CN", "GB", "DE"]),
        ProductKind(
            "audio", .english, "Soundbar", material: "aluminium and recycled plastics",
            use: "for clearer dialogue in films and series",
            sizes: ["2.1", "3.1", "5.1"], finishes: ["Black", "White"],
            euros: 149...699, kg: 40...95, repair: 40...70, score: 40,
            origins: ["CN", "MY", "VN"]),
        ProductKind(
            "audio", .english, "Refurbished hi-fi amplifier", material: "steel and aluminium",
            use: "for giving vintage speakers a second life",
            sizes: ["2 x 50 W", "2 x 100 W"], finishes: ["Silver", "Black", "Champagne"],
            euros: 149...599, kg: 8...20, repair: 75...95, score: 84,
            origins: ["FR", "JP", "DE"]),

        // Outillage
        ProductKind(
            "outillage", .english, "Cordless drill", material: "glass-fibre reinforced polyamide",
            use: "for drilling and screwdriving around the house",
            sizes: ["12 V", "18 V"], finishes: ["bare tool", "with 1 battery", "with 2 batteries"],
            euros: 59...249, kg: 12...30, repair: 60...88, score: 52,
            origins: ["CN", "DE", "MY"]),
        ProductKind(
            "outillage", .english, "Refurbished impact driver", material: "reinforced polyamide",
            use: "for driving long screws into hardwood",
            sizes: ["12 V", "18 V"], finishes: ["bare tool", "with 1 battery", "with 2 batteries"],
            euros: 69...189, kg: 3...8, repair: 70...92, score: 82,
            origins: ["FR", "DE"]),
        ProductKind(
            "outillage", .french, "Perceuse à percussion filaire", material: "aluminium et polyamide",
            use: "pour percer le béton, le bois et le métal",
            sizes: ["600 W", "750 W", "850 W"], finishes: ["Vert", "Bleu", "Jaune"],
            euros: 49...169, kg: 10...22, repair: 60...88, score: 50,
            origins: ["CN", "DE", "HU"]),
        ProductKind(
            "outillage", .french, "Scie circulaire", material: "aluminium moulé",
            use: "pour des coupes droites dans le bois massif",
            sizes: ["1200 W", "1500 W"], finishes: ["lame 165 mm", "lame 190 mm", "lame 210 mm"],
            euros: 79...299, kg: 15...35, repair: 60...88, score: 48,
            origins: ["CN", "DE", "HU"]),
        ProductKind(
            "outillage", .french, "Ponceuse excentrique", material: "polyamide renforcé",
            use: "pour préparer les boiseries avant peinture",
            sizes: ["300 W", "400 W"], finishes: ["plateau 125 mm", "plateau 150 mm", "avec coffret"],
            euros: 49...199, kg: 8...20, repair: 60...88, score: 52,
            origins: ["CN", "DE"]),
        ProductKind(
            "outillage", .french, "Jeu de tournevis", material: "acier chrome-vanadium",
            use: "pour le montage de meubles et les réparations courantes",
            sizes: ["6 pièces", "12 pièces", "24 pièces"], finishes: ["embouts magnétiques", "manches bi-matière"],
            euros: 12...59, kg: 1...4, score: 72,
            origins: ["DE", "FR", "TW", "CN"]),

        // Jardin
        ProductKind(
            "jardin", .french, "Tondeuse à gazon sans fil", material: "acier et polypropylène",
            use: "pour entretenir un jardin de 200 à 600 m²",
            sizes: ["33 cm", "38 cm", "46 cm"], finishes: ["avec batterie", "sans batterie"],
            euros: 179...599, kg: 55...120, repair: 60...85, score: 50,
            origins: ["CN", "DE", "IT"]),
        ProductKind(
            "jardin", .french, "Taille-haie électrique", material: "acier trempé et polyamide",
            use: "pour une taille nette des haies",
            sizes: ["50 cm", "60 cm", "70 cm"], finishes: ["filaire", "sur batterie"],
            euros: 69...249, kg: 12...32, repair: 55...80, score: 48,
            origins: ["CN", "DE"]),
        ProductKind(
            "jardin", .french, "Composteur en bois", material: "douglas non traité",
            use: "pour transformer les déchets de cuisine en engrais",
            sizes: ["300 L", "400 L", "600 L"], finishes: ["à lattes", "à panneaux"],
            euros: 49...149, kg: 10...30, score: 88,
            origins: ["FR", "PL", "LT"], optionalLabels: ["FSC", "PEFC"]),
        ProductKind(
            "jardin", .french, "Récupérateur d'eau de pluie", material: "polyéthylène recyclé",
            use: "pour arroser le potager sans puiser dans le réseau",
            sizes: ["300 L", "500 L", "1000 L"], finishes: ["Gris granit", "Vert", "Beige"],
            euros: 59...299, kg: 15...60, score: 80,
            origins: ["FR", "DE", "ES"]),
        ProductKind(
            "jardin", .french, "Sécateur de jardin", material: "acier forgé",
            use: "pour tailler rosiers et arbustes",
            sizes: ["lames franches", "lame et enclume", "à crémaillère"], finishes: ["coupe 20 mm", "coupe 25 mm"],
            euros: 19...69, kg: 0.6...2.5, score: 78,
            origins: ["FR", "CH", "ES", "TW"]),
        ProductKind(
            "jardin", .english, "Garden hose", material: "recycled rubber",
            use: "for watering beds and rinsing the terrace",
            sizes: ["15 m", "25 m", "30 m"], finishes: ["with spray gun", "with reel"],
            euros: 19...89, kg: 3...12, score: 55,
            origins: ["IT", "DE", "CN"]),

        // Épicerie bio (always labelled organic)
        ProductKind(
            "epicerie-bio", .french, "Café en grains bio", material: "arabica torréfié lentement",
            use: "au petit-déjeuner ou en fin de repas",
            sizes: ["250 g", "500 g", "1 kg"], finishes: ["doux", "corsé", "intense"], sizeLast: true,
            euros: 4.5...24, kg: 1.5...9, score: 70,
            origins: ["PE", "HN", "ET", "CO"], labels: ["Agriculture biologique"], optionalLabels: ["Fairtrade"]),
        ProductKind(
            "epicerie-bio", .french, "Huile d'olive vierge extra bio", material: "olives pressées à froid",
            use: "en assaisonnement comme en cuisson douce",
            sizes: ["50 cl", "75 cl", "1 L"], finishes: ["fruité vert", "fruité mûr"], sizeLast: true,
            euros: 6.9...22, kg: 1.5...5, score: 72,
            origins: ["ES", "IT", "GR", "FR", "PT"], labels: ["Agriculture biologique"]),
        ProductKind(
            "epicerie-bio", .french, "Pâtes complètes bio", material: "blé dur complet",
            use: "en plat principal ou en salade",
            sizes: ["500 g", "1 kg"], finishes: ["penne", "fusilli", "spaghetti", "coquillettes"], sizeLast: true,
            euros: 1.6...4.9, kg: 0.6...1.8, score: 78,
            origins: ["IT", "FR"], labels: ["Agriculture biologique"]),
        ProductKind(
            "epicerie-bio", .french, "Lentilles vertes bio",
            material: "lentilles cultivées sans pesticides de synthèse",
            use: "en salade, en soupe ou en dal",
            sizes: ["500 g", "1 kg", "2 kg"], finishes: ["en sachet kraft", "en vrac"], sizeLast: true,
            euros: 2.4...9, kg: 0.4...1.8, score: 88,
            origins: ["FR", "CA"], labels: ["Agriculture biologique"]),
        ProductKind(
            "epicerie-bio", .french, "Chocolat noir bio", material: "fèves de cacao fermentées",
            use: "à l'heure du goûter ou en pâtisserie",
            sizes: ["100 g", "200 g"], finishes: ["70 % cacao", "85 % cacao", "éclats de noisette"], sizeLast: true,
            euros: 2.3...6.5, kg: 1...4, score: 62,
            origins: ["FR", "BE", "CH", "PE"], labels: ["Agriculture biologique"], optionalLabels: ["Fairtrade"]),
        ProductKind(
            "epicerie-bio", .french, "Miel de fleurs bio", material: "nectar de fleurs sauvages",
            use: "sur une tartine ou dans une infusion",
            sizes: ["250 g", "500 g", "1 kg"], finishes: ["crémeux", "liquide"], sizeLast: true,
            euros: 5.5...19, kg: 0.4...2, score: 76,
            origins: ["FR", "ES", "IT"], labels: ["Agriculture biologique"]),
        ProductKind(
            "epicerie-bio", .english, "Organic green tea", material: "hand-picked tea leaves",
            use: "in the afternoon or after a meal",
            sizes: ["50 g", "100 g"], finishes: ["loose leaf", "jasmine", "sencha"], sizeLast: true,
            euros: 3.5...12, kg: 0.2...1, score: 70,
            origins: ["CN", "JP", "IN", "LK"], labels: ["Agriculture biologique"], optionalLabels: ["Fairtrade"]),

        // Boissons
        ProductKind(
            "boissons", .french, "Jus de pomme artisanal", material: "pommes de vergers normands",
            use: "bien frais, au petit-déjeuner",
            sizes: ["75 cl", "1 L", "3 L"], finishes: ["trouble", "filtré"], sizeLast: true,
            euros: 2.9...12, kg: 0.5...2.2, score: 70,
            origins: ["FR"], optionalLabels: ["Agriculture biologique"]),
        ProductKind(
            "boissons", .french, "Bière artisanale", material: "malt d'orge et houblon",
            use: "bien fraîche, à l'apéritif",
            sizes: ["33 cl", "75 cl"], finishes: ["blonde", "ambrée", "blanche", "IPA"], sizeLast: true,
            euros: 2.2...6.9, kg: 0.3...0.9, score: 55,
            origins: ["FR", "BE"], optionalLabels: ["Agriculture biologique"]),
        ProductKind(
            "boissons", .french, "Vin rouge", material: "raisins vendangés à la main",
            use: "avec des viandes grillées ou des fromages affinés",
            sizes: ["75 cl", "150 cl"], finishes: ["Côtes-du-Rhône", "Bordeaux supérieur", "Languedoc"],
            sizeLast: true,
            euros: 6.5...29, kg: 1...2.5, score: 52,
            origins: ["FR"], optionalLabels: ["Agriculture biologique"]),
        ProductKind(
            "boissons", .french, "Limonade artisanale", material: "citrons pressés et sucre de canne",
            use: "bien fraîche, en terrasse",
            sizes: ["33 cl", "75 cl", "1 L"], finishes: ["citron", "citron-gingembre", "sureau"], sizeLast: true,
            euros: 1.8...4.9, kg: 0.2...0.8, score: 60,
            origins: ["FR"], optionalLabels: ["Agriculture biologique"]),
        ProductKind(
            "boissons", .english, "Cold brew coffee", material: "arabica beans steeped for twelve hours",
            use: "over ice on a warm day",
            sizes: ["25 cl", "1 L"], finishes: ["original", "oat milk", "vanilla"], sizeLast: true,
            euros: 2.9...9.9, kg: 0.3...1.5, score: 55,
            origins: ["FR", "DE"], optionalLabels: ["Fairtrade"]),
        ProductKind(
            "boissons", .english, "Sparkling kombucha", material: "fermented organic green tea",
            use: "chilled, as a light aperitif",
            sizes: ["33 cl", "75 cl"], finishes: ["ginger", "hibiscus", "raspberry"], sizeLast: true,
            euros: 2.5...5.9, kg: 0.2...0.6, score: 70,
            origins: ["FR", "ES"], optionalLabels: ["Agriculture biologique"]),

        // Vêtements (the size does not change the price)
        ProductKind(
            "vetements", .french, "T-shirt en coton bio", material: "coton biologique",
            use: "pour tous les jours",
            sizes: clothingSizes, finishes: ["Blanc", "Noir", "Bleu marine", "Vert olive"], sizeLast: true,
            sizeDrivesPrice: false,
            euros: 14...35, kg: 4...9, score: 66,
            origins: ["PT", "IN", "TR", "FR"], optionalLabels: ["GOTS", "Oeko-Tex"]),
        ProductKind(
            "vetements", .french, "Jean coupe droite", material: "denim de coton recyclé",
            use: "pour tous les jours, solide au lavage",
            sizes: ["taille 36", "taille 38", "taille 40", "taille 42", "taille 44"],
            finishes: ["brut", "délavé", "noir"], sizeLast: true, sizeDrivesPrice: false,
            euros: 49...119, kg: 18...33, score: 48,
            origins: ["TN", "PT", "IT", "TR"], optionalLabels: ["Oeko-Tex"]),
        ProductKind(
            "vetements", .french, "Pull en laine mérinos", material: "laine mérinos",
            use: "pour les journées fraîches",
            sizes: clothingSizes, finishes: ["Gris chiné", "Bordeaux", "Camel"], sizeLast: true, sizeDrivesPrice: false,
            euros: 59...149, kg: 12...30, score: 55,
            origins: ["IT", "PT", "FR"], optionalLabels: ["Oeko-Tex"]),
        ProductKind(
            "vetements", .french, "Chemise en lin", material: "lin cultivé en Normandie",
            use: "pour les journées d'été",
            sizes: clothingSizes, finishes: ["Blanc", "Bleu ciel", "Sable"], sizeLast: true, sizeDrivesPrice: false,
            euros: 39...99, kg: 6...12, score: 70,
            origins: ["FR", "PT", "LT"], optionalLabels: ["Oeko-Tex"]),
        ProductKind(
            "vetements", .english, "Waterproof jacket", material: "recycled polyester with a PFC-free coating",
            use: "for rainy commutes and weekend walks",
            sizes: englishClothingSizes, finishes: ["Navy", "Forest green", "Mustard"], sizeLast: true,
            sizeDrivesPrice: false,
            euros: 79...249, kg: 15...40, score: 45,
            origins: ["VN", "CN", "PT"], optionalLabels: ["bluesign"]),
        ProductKind(
            "vetements", .english, "Second-hand denim jacket", material: "cotton denim",
            use: "for a vintage look that needs no new production",
            sizes: englishClothingSizes, finishes: ["light wash", "dark wash"], sizeLast: true, sizeDrivesPrice: false,
            euros: 25...65, kg: 1...3, score: 90,
            origins: []),

        // Chaussures
        ProductKind(
            "chaussures", .french, "Baskets ressemelables", material: "cuir tanné au végétal",
            use: "pour marcher en ville, avec une semelle que l'on remplace",
            sizes: shoeSizes(37...44), finishes: ["Blanc", "Noir", "Kaki"], sizeLast: true, sizeDrivesPrice: false,
            euros: 89...159, kg: 10...16, score: 66,
            origins: ["FR", "PT", "ES"]),
        ProductKind(
            "chaussures", .french, "Chaussures de randonnée", material: "nubuck et membrane imperméable",
            use: "pour les sentiers de moyenne montagne",
            sizes: shoeSizes(38...46), finishes: ["Marron", "Gris", "Bleu"], sizeLast: true, sizeDrivesPrice: false,
            euros: 89...219, kg: 14...25, score: 50,
            origins: ["VN", "RO", "IT", "PT"]),
        ProductKind(
            "chaussures", .french, "Bottines en cuir", material: "cuir pleine fleur",
            use: "pour l'automne et l'hiver",
            sizes: shoeSizes(36...41), finishes: ["Camel", "Noir", "Cognac"], sizeLast: true, sizeDrivesPrice: false,
            euros: 99...229, kg: 15...28, score: 48,
            origins: ["PT", "ES", "IT", "MA"]),
        ProductKind(
            "chaussures", .french, "Sandales en liège", material: "liège et caoutchouc naturel",
            use: "pour l'été",
            sizes: shoeSizes(36...44), finishes: ["Naturel", "Noir"], sizeLast: true, sizeDrivesPrice: false,
            euros: 35...89, kg: 4...9, score: 72,
            origins: ["PT", "ES"]),
        ProductKind(
            "chaussures", .french, "Chaussons en laine feutrée", material: "laine feutrée",
            use: "pour rester au chaud à la maison",
            sizes: ["pointure 36-37", "pointure 38-39", "pointure 40-41", "pointure 42-43", "pointure 44-45"],
            finishes: ["Gris", "Rouge", "Bleu nuit"], sizeLast: true, sizeDrivesPrice: false,
            euros: 25...59, kg: 3...7, score: 74,
            origins: ["FR", "DE", "NP"]),
        ProductKind(
            "chaussures", .english, "Running shoes", material: "recycled mesh and bio-based foam",
            use: "for road running up to half-marathon distances",
            sizes: shoeSizes(39...45, english: true), finishes: ["Black", "White", "Orange"], sizeLast: true,
            sizeDrivesPrice: false,
            euros: 79...179, kg: 10...16, score: 42,
            origins: ["VN", "ID", "CN"]),

        // Vélos
        ProductKind(
            "velos", .french, "Vélo électrique de ville", material: "aluminium",
            use: "pour les trajets domicile-travail",
            sizes: ["400 Wh", "500 Wh", "625 Wh"], finishes: ["taille S", "taille M", "taille L"],
            euros: 1199...3299, kg: 120...250, repair: 55...85, score: 62,
            origins: ["FR", "PT", "DE", "TW"]),
        ProductKind(
            "velos", .french, "Vélo de ville", material: "acier chromoly",
            use: "pour les courses et les petits trajets",
            sizes: ["3 vitesses", "7 vitesses"], finishes: ["taille S", "taille M", "taille L"],
            euros: 349...799, kg: 60...110, score: 72,
            origins: ["FR", "PT", "IT", "TW"]),
        ProductKind(
            "velos", .french, "Vélo reconditionné", material: "acier et aluminium",
            use: "pour rouler sans acheter neuf, après une révision complète en atelier",
            sizes: ["ville", "VTT", "route"], finishes: ["taille S", "taille M", "taille L"],
            euros: 149...599, kg: 10...30, score: 90,
            origins: ["FR"]),
        ProductKind(
            "velos", .french, "Casque de vélo", material: "polystyrène expansé sous coque en polycarbonate",
            use: "pour la ville, avec un éclairage arrière intégré",
            sizes: ["taille S", "taille M", "taille L"], finishes: ["Noir mat", "Blanc", "Bleu pétrole"],
            sizeLast: true, sizeDrivesPrice: false,
            euros: 39...129, kg: 2...5, score: 45,
            origins: ["CN", "IT", "FR"]),
        ProductKind(
            "velos", .english, "Electric cargo bike", material: "steel and aluminium",
            use: "for carrying children and shopping across town",
            sizes: ["500 Wh", "750 Wh"], finishes: ["long tail", "front box", "three-wheeler"],
            euros: 2999...5999, kg: 200...380, repair: 55...85, score: 68,
            origins: ["FR", "NL", "DE", "TW"]),
        ProductKind(
            "velos", .english, "Folding bike lock", material: "hardened steel",
            use: "for locking a bike to street furniture",
            sizes: ["75 cm", "90 cm", "110 cm"], finishes: ["Black", "Red"],
            euros: 29...99, kg: 2...6, score: 60,
            origins: ["DE", "TW", "CN"]),

        // Randonnée et camping
        ProductKind(
            "randonnee", .french, "Sac à dos de randonnée", material: "polyamide recyclé",
            use: "pour les sorties à la journée ou en itinérance",
            sizes: ["20 L", "30 L", "45 L", "60 L"], finishes: ["Bleu", "Vert", "Gris"],
            euros: 39...229, kg: 6...20, score: 55,
            origins: ["VN", "CN", "PT"]),
        ProductKind(
            "randonnee", .french, "Tente de randonnée", material: "polyester recyclé et aluminium",
            use: "pour le bivouac en montagne",
            sizes: ["1 place", "2 places", "3 places"], finishes: ["autoportante", "tunnel"],
            euros: 99...549, kg: 15...50, score: 50,
            origins: ["CN", "VN", "KR"]),
        ProductKind(
            "randonnee", .french, "Sac de couchage", material: "tissu ripstop recyclé",
            use: "pour les nuits en refuge ou sous la tente",
            sizes: ["confort 10 °C", "confort 5 °C", "confort 0 °C", "confort -5 °C"],
            finishes: ["synthétique", "duvet"],
            euros: 39...329, kg: 10...35, score: 52,
            origins: ["CN", "VN", "HU"]),
        ProductKind(
            "randonnee", .french, "Gourde écoresponsable", material: "acier inoxydable",
            use: "pour se passer des bouteilles en plastique",
            sizes: ["50 cl", "75 cl", "1 L"], finishes: ["Inox brossé", "Bleu glacier", "Vert sapin"],
            euros: 14...39, kg: 0.8...2.5, score: 80,
            origins: ["CN", "IN", "FR"]),
        ProductKind(
            "randonnee", .english, "Camping stove", material: "stainless steel and aluminium",
            use: "for cooking simple meals on the trail",
            sizes: ["single burner", "double burner"], finishes: ["gas cartridge", "multi-fuel", "with windscreen"],
            euros: 29...149, kg: 2...8, repair: 50...80, score: 55,
            origins: ["CN", "KR", "FR", "IT"]),
        ProductKind(
            "randonnee", .english, "Rechargeable headlamp", material: "impact-resistant polycarbonate",
            use: "for night hikes and power cuts",
            sizes: ["400 lm", "600 lm", "900 lm"], finishes: ["Black", "Orange"],
            euros: 24...99, kg: 1...4, repair: 30...65, score: 55,
            origins: ["FR", "CN"]),
    ]
}
