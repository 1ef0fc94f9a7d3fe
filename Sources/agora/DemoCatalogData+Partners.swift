import AgoraDomain
import Foundation

extension DemoCatalogData {
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
}
