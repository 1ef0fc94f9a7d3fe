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
    /// Their order is the generator's: it decides which product comes at which index.
    static let productKinds: [ProductKind] = homeAndTechKinds + outdoorFoodAndLeisureKinds

    /// Appliances, furniture, electronics, audio and tools.
    static let homeAndTechKinds: [ProductKind] = [
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
    ]
}
