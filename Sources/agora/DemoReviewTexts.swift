/// What demo members write in reviews, by tone and language: texts in the voice of French and
/// English review communities, attached at random to the demo catalog (a data table).
enum DemoReviewTexts {
    struct Text {
        let title: String
        let body: String
        let pros: String?
        let cons: String?
    }

    /// Reviews of products: `[language][tone]`, tone 0 for 1–2 stars, 1 for 3, 2 for 4–5.
    static let products: [String: [[Text]]] = [
        "fr": [
            [
                Text(
                    title: "Déçu, il a lâché au bout de trois mois",
                    body:
                        "Très déçu. Il fonctionnait bien au début puis il a cessé de charger après trois mois. Le service après-vente m'a renvoyé vers le fabricant, qui ne répond pas.",
                    pros: "Bel objet", cons: "Fragile, SAV absent"),
                Text(
                    title: "Pas à la hauteur du prix",
                    body:
                        "Pour ce prix je m'attendais à mieux : finitions approximatives, un bruit désagréable et une notice incompréhensible. Je ne le recommande pas.",
                    pros: nil, cons: "Bruyant, finitions"),
                Text(
                    title: "Arrivé abîmé, remplacement compliqué",
                    body:
                        "Le colis est arrivé écrasé et l'appareil avait une fissure. Il a fallu trois semaines pour obtenir un remplacement. Le produit en lui-même est moyen.",
                    pros: nil, cons: "Emballage, délais"),
                Text(
                    title: "Mauvaise surprise",
                    body:
                        "Les photos sont trompeuses, le matériau fait bon marché et l'autonomie annoncée n'est jamais atteinte. Retour effectué, remboursement obtenu.",
                    pros: "Remboursement rapide", cons: "Autonomie, matériaux"),
            ],
            [
                Text(
                    title: "Correct sans plus",
                    body:
                        "Il fait le travail, mais rien d'exceptionnel. La prise en main est simple, en revanche le bruit est gênant le soir. Correct pour le prix.",
                    pros: "Simple", cons: "Bruit"),
                Text(
                    title: "Bien mais perfectible",
                    body:
                        "Produit honnête : bonne qualité de fabrication, mais l'application qui va avec est lente et plante parfois. À voir après les mises à jour.",
                    pros: "Fabrication", cons: "Application"),
                Text(
                    title: "Moyen, mais réparable",
                    body:
                        "Quelques défauts de jeunesse, mais les pièces détachées sont disponibles et le tutoriel de réparation est clair. C'est un bon point.",
                    pros: "Pièces détachées", cons: "Finitions"),
            ],
            [
                Text(
                    title: "Excellent achat, je recommande",
                    body:
                        "Très satisfait. Solide, silencieux et bien pensé ; je l'utilise tous les jours depuis six mois sans le moindre souci. Je le recommande sans hésiter.",
                    pros: "Silencieux, solide", cons: "Un peu lourd"),
                Text(
                    title: "Parfait pour un usage quotidien",
                    body:
                        "Livré vite et bien emballé. Il fonctionne parfaitement, l'autonomie est excellente et la qualité est au rendez-vous. Vraiment content de cet achat.",
                    pros: "Autonomie", cons: nil),
                Text(
                    title: "Bon rapport qualité-prix",
                    body:
                        "Pour le prix, c'est une très bonne surprise : finitions soignées, simple à utiliser et économe. Seul bémol, le câble est un peu court.",
                    pros: "Prix, simplicité", cons: "Câble court"),
                Text(
                    title: "Mon coup de cœur de l'année",
                    body:
                        "Superbe produit, agréable à utiliser et facile à réparer. On sent qu'il est fait pour durer. Je l'ai déjà conseillé à toute ma famille.",
                    pros: "Durable, réparable", cons: nil),
                Text(
                    title: "Très bien, reconditionné comme neuf",
                    body:
                        "Acheté reconditionné : aucune rayure, batterie neuve et garantie d'un an. Excellent choix pour la planète et pour le porte-monnaie.",
                    pros: "Comme neuf", cons: "Accessoires non fournis"),
            ],
        ],
        "en": [
            [
                Text(
                    title: "Broke after a few weeks",
                    body:
                        "Really disappointed. It stopped working after a few weeks and support never answered my emails. Poor build quality for the price.",
                    pros: nil, cons: "Build quality, support"),
                Text(
                    title: "Not worth the money",
                    body:
                        "Cheap materials, loud and the battery never lasts as long as advertised. I returned it and would not buy it again.",
                    pros: "Easy return", cons: "Battery, noise"),
            ],
            [
                Text(
                    title: "Decent, nothing special",
                    body:
                        "It does the job. Setup was easy, but the companion app is slow and the finish feels a bit cheap. Fine for the price.",
                    pros: "Easy setup", cons: "App"),
                Text(
                    title: "Good but could be better",
                    body:
                        "Solid hardware with a few rough edges: the buttons are stiff and the manual is vague. Spare parts are available, which is nice.",
                    pros: "Spare parts", cons: "Buttons"),
            ],
            [
                Text(
                    title: "Great value, highly recommend",
                    body:
                        "Excellent product. Quiet, well built and it has worked perfectly every day for months. I would happily buy it again.",
                    pros: "Quiet, sturdy", cons: nil),
                Text(
                    title: "Exactly what I needed",
                    body:
                        "Arrived quickly and well packed. Simple to use, great battery life and easy to repair. Really happy with it.",
                    pros: "Battery life", cons: "Short cable"),
                Text(
                    title: "Refurbished and as good as new",
                    body:
                        "Bought it refurbished: not a scratch, new battery and a one-year warranty. Good for the planet and for my wallet.",
                    pros: "Like new", cons: nil),
            ],
        ],
    ]

    /// Reviews of partners' service and delivery, same layout.
    static let partners: [String: [[Text]]] = [
        "fr": [
            [
                Text(
                    title: "Livraison en retard et aucune nouvelle",
                    body:
                        "Commande livrée avec dix jours de retard, sans aucun message. Le service client est difficile à joindre et peu aimable.",
                    pros: nil, cons: "Délais, communication"),
                Text(
                    title: "Remboursement interminable",
                    body:
                        "Retour accepté mais le remboursement a pris plus d'un mois et plusieurs relances. Très décevant.",
                    pros: nil, cons: "Remboursement"),
            ],
            [
                Text(
                    title: "Service correct",
                    body:
                        "Livraison dans les temps mais emballage minimal. Le suivi du colis fonctionne, le reste est correct.",
                    pros: "Suivi", cons: "Emballage")
            ],
            [
                Text(
                    title: "Service impeccable",
                    body:
                        "Livraison rapide, emballage soigné et un conseiller très aimable au téléphone. Je recommande ce marchand.",
                    pros: "Rapidité, conseil", cons: nil),
                Text(
                    title: "Très bon accueil en magasin",
                    body:
                        "Retrait en magasin le jour même, personnel compétent et de bons conseils sur la réparation. Excellent.",
                    pros: "Conseils", cons: nil),
            ],
        ],
        "en": [
            [
                Text(
                    title: "Late delivery, no updates",
                    body: "My order arrived ten days late with no news at all, and customer service was hard to reach.",
                    pros: nil, cons: "Delivery")
            ],
            [
                Text(
                    title: "Fine service",
                    body:
                        "Delivered on time with basic packaging. Tracking worked. Nothing to complain about, nothing special.",
                    pros: "Tracking", cons: nil)
            ],
            [
                Text(
                    title: "Excellent service",
                    body: "Fast delivery, careful packaging and very helpful staff on the phone. Highly recommended.",
                    pros: "Fast, helpful", cons: nil)
            ],
        ],
    ]

    static func tone(of rating: Int) -> Int { rating <= 2 ? 0 : rating == 3 ? 1 : 2 }
}
