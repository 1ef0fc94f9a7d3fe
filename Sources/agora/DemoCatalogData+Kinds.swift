import AgoraDomain
import Foundation

extension DemoCatalogData {
    // MARK: - Brands and kinds

    /// Invented brands, four to six per top-level category. The three partners of kind `brand` appear among them,
    /// so that a brand partner finds products of its own in the catalog.
    static let brandsByTopCategory: [String: [String]] = [
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
    static let clothingSizes = ["taille XS", "taille S", "taille M", "taille L", "taille XL"]
    static let englishClothingSizes = ["size XS", "size S", "size M", "size L", "size XL"]

    static func shoeSizes(_ sizes: ClosedRange<Int>, english: Bool = false) -> [String] {
        sizes.map { (english ? "size " : "pointure ") + String($0) }
    }

    /// About one kind in four is named in English. Prices in euros, carbon in kilograms of CO2e per unit.
    static let productKinds: [ProductKind] = [
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
