import AgoraDomain
import Foundation

extension DemoCatalogData {
    /// Garden, organic food, drinks, clothes, shoes, bikes and hiking gear.
    static let outdoorFoodAndLeisureKinds: [ProductKind] = [
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
