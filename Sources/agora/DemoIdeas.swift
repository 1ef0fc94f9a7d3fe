import AgoraDomain
import AgoraStore
import Foundation
import SQLKit

/// The idea board of the demo: ideas of the last two months at every status, supported, discussed
/// and answered by the team, one overdue for an answer and one merged into its original.
enum DemoIdeas {
    enum Outcome {
        case open
        /// Left in review, entered that many days ago (past 14, it is overdue).
        case inReview(enteredDaysAgo: Int)
        /// Entered review, then staff moved it, with their answer.
        case answered(IdeaStatus, String)
        /// Merged into the idea at that index.
        case duplicate(of: Int)
    }

    struct Entry {
        let author: String
        let title: String
        let description: String
        var partnerSlug: String? = nil
        var categorySlug: String? = nil
        var aboutAProduct = false
        let tags: [String]
        let daysAgo: Int
        let supporters: Int
        let outcome: Outcome
    }

    static let entries: [Entry] = [
        Entry(
            author: "alice", title: "Louer des vélos cargo le week-end",
            description:
                "Beaucoup d'entre nous n'ont besoin d'un vélo cargo que pour les grosses courses du samedi. Une location à la journée chez les partenaires vélo éviterait d'en acheter un.",
            partnerSlug: "cycles-lumiere", categorySlug: "velos", tags: ["velo", "location"], daysAgo: 52,
            supporters: 24,
            outcome: .answered(
                .inProgress,
                "Cycles Lumière teste la location à la journée dans deux magasins depuis ce mois-ci ; nous étendrons si les retours sont bons."
            )),
        Entry(
            author: "bruno", title: "Une consigne pour les bocaux en verre",
            description:
                "Rapporter les bocaux vides au magasin contre un bon d'achat, comme pour les bouteilles autrefois. Les coopératives pourraient les relaver.",
            partnerSlug: "cooperative-du-sud", categorySlug: "epicerie-bio", tags: ["zero-dechet", "vrac"], daysAgo: 47,
            supporters: 18,
            outcome: .answered(
                .planned, "Prévu pour le printemps avec la Coopérative du Sud et Bio & Terroir : 20 centimes par bocal."
            )),
        Entry(
            author: "chloe", title: "Show the repairability index on every product card",
            description:
                "The index is on the product page, but comparing lists would be much faster if the score showed on every card of search results.",
            tags: ["repair", "search"], daysAgo: 40, supporters: 15,
            outcome: .answered(.done, "Done: every card of the search results now shows the repairability index.")),
        Entry(
            author: "alice", title: "Livraison groupée par quartier le jeudi",
            description:
                "Regrouper les commandes d'un même quartier sur un seul passage par semaine réduirait les frais et les camionnettes.",
            tags: ["livraison", "quartier"], daysAgo: 35, supporters: 12,
            outcome: .answered(
                .declined,
                "Nos partenaires livrent aujourd'hui avec des transporteurs différents ; un passage commun n'est pas possible cette année. Nous en reparlerons."
            )),
        Entry(
            author: "bruno", title: "Un atelier de réparation mensuel en magasin",
            description:
                "Un samedi par mois, un technicien d'Atelier Réparable aide les membres à réparer leur petit électroménager sur place.",
            partnerSlug: "atelier-reparable", categorySlug: "electromenager-petit", tags: ["reparation", "atelier"],
            daysAgo: 30, supporters: 14, outcome: .inReview(enteredDaysAgo: 22)),
        Entry(
            author: "chloe", title: "Spare parts kits sold with the product",
            description:
                "Offer a small kit of the parts that wear first (belts, filters, brushes) when buying an appliance, at a lower price than later.",
            aboutAProduct: true, tags: ["repair", "spare-parts"], daysAgo: 12, supporters: 11,
            outcome: .inReview(enteredDaysAgo: 3)),
        Entry(
            author: "chloe", title: "Des recharges pour les produits d'entretien de Maison Verte",
            description:
                "Les flacons de lessive et de liquide vaisselle de Maison Verte sont solides : les vendre aussi en recharge de 2 litres éviterait d'en jeter un à chaque fois.",
            partnerSlug: "maison-verte", tags: ["zero-dechet", "recharge"], daysAgo: 16, supporters: 8,
            outcome: .answered(
                .underReview,
                "Maison Verte étudie un format de recharge avec son fournisseur ; réponse promise avant la fin du mois."
            )),
        Entry(
            author: "alice", title: "Des points fidélité pour les avis avec photo",
            description:
                "Les avis avec photo aident beaucoup plus ; les récompenser un peu encouragerait à en publier davantage.",
            tags: ["avis", "recompenses"], daysAgo: 9, supporters: 6, outcome: .open),
        Entry(
            author: "bruno", title: "Consigner les bocaux du rayon vrac",
            description: "Pouvoir rendre les bocaux du vrac au magasin et récupérer quelques centimes à chaque fois.",
            categorySlug: "epicerie-bio", tags: ["vrac"], daysAgo: 20, supporters: 4, outcome: .duplicate(of: 1)),
        Entry(
            author: "chloe", title: "A dark mode for the website",
            description: "Reading deals late in the evening would be easier on the eyes with a dark theme.",
            tags: ["site"], daysAgo: 6, supporters: 3, outcome: .open),
        Entry(
            author: "alice", title: "Afficher le bilan carbone de la livraison",
            description:
                "À côté du prix de livraison, indiquer une estimation des kg de CO2 selon le mode choisi (retrait, relais, domicile).",
            tags: ["climat", "livraison"], daysAgo: 3, supporters: 2, outcome: .open),
        Entry(
            author: "bruno", title: "Des achats groupés de semences au printemps",
            description:
                "Les graines potagères bio coûtent cher en petits sachets ; un achat groupé en février ferait baisser le prix pour tout le monde.",
            partnerSlug: "bio-et-terroir", categorySlug: "jardin", tags: ["jardin", "achat-groupe"], daysAgo: 1,
            supporters: 1, outcome: .open),
    ]

    static let comments = [
        "Excellente idée, je soutiens !", "Great idea, count me in.", "Et pour les familles sans voiture ?",
        "Déjà vu chez un autre site, ça marche bien.", "Would love this in Lyon too.",
    ]

    static func fill(_ database: Database, clock: DemoData.DemoClock) async throws {
        // Dated from today, whatever the catalog's clock says (it may lag behind on the large set).
        let (now, previous) = (Date(), clock.now)
        defer { clock.set(previous) }
        let ideas = IdeaStore(database: database)
        let members = MemberStore(database: database)
        guard let staff = try await members.member(handle: "equipe") else { return }
        let (supporterIDs, productID, partners, categories) = try await database.read { sql in
            let supporters = try await sql.raw(
                "SELECT id FROM members WHERE role = 'member' AND partner_id IS NULL ORDER BY id LIMIT 60"
            ).all().map { MemberID(try $0.decode(column: "id", as: Int64.self)) }
            let product = try await sql.raw(
                "SELECT id FROM products WHERE environmental_score IS NOT NULL ORDER BY id LIMIT 1"
            ).first()?.decode(column: "id", as: Int64.self)
            let partners = try await sql.raw("SELECT id, slug FROM partners").all().reduce(into: [String: Int64]()) {
                $0[try $1.decode(column: "slug", as: String.self)] = try $1.decode(column: "id", as: Int64.self)
            }
            let categories = try await sql.raw("SELECT id, slug FROM categories").all().reduce(
                into: [String: Int64]()
            ) { $0[try $1.decode(column: "slug", as: String.self)] = try $1.decode(column: "id", as: Int64.self) }
            return (supporters, product, partners, categories)
        }
        var supporterPool: [Member] = []
        for id in supporterIDs { if let member = try await members.member(id: id) { supporterPool.append(member) } }
        var created: [Int64] = []
        for (index, entry) in entries.enumerated() {
            guard let author = try await members.member(handle: entry.author) else { continue }
            let submittedAt = now.addingTimeInterval(-Double(entry.daysAgo) * 86_400)
            clock.set(submittedAt)
            let idea = try await ideas.submit(
                IdeaInput(
                    title: entry.title, description: entry.description,
                    productID: entry.aboutAProduct ? productID : nil,
                    partnerID: entry.partnerSlug.flatMap { partners[$0] }.map(PartnerID.init),
                    categoryID: entry.categorySlug.flatMap { categories[$0] }, tags: entry.tags),
                by: author)
            created.append(idea.id)
            // Supports arrive over the idea's first days; an idea in review got its tenth one on the
            // day the outcome says.
            let supporters = supporterPool.filter { $0.id != author.id }.prefix(entry.supporters - 1)
            var step = Double(max(1, entry.daysAgo / 2)) * 86_400 / Double(max(1, supporters.count))
            if case .inReview(let entered) = entry.outcome {
                step = Double(entry.daysAgo - entered) * 86_400 / Double(IdeaSettings.standard.supportThreshold - 1)
            }
            let spread = step * Double(supporters.count)
            for (offset, supporter) in supporters.enumerated() {
                clock.set(submittedAt.addingTimeInterval(step * Double(offset + 1)))
                _ = try await ideas.support(idea.id, true, by: supporter)
                if offset % 4 == 1 {
                    _ = try await ideas.comment(comments[(index + offset) % comments.count], on: idea.id, by: supporter)
                }
            }
            switch entry.outcome {
            case .open, .inReview: break
            case .answered(let status, let answer):
                clock.set(submittedAt.addingTimeInterval(spread + 4 * 86_400))
                if status != .inProgress && status != .done {
                    _ = try await ideas.answer(idea.id, answer, status: status, by: staff)
                } else {
                    _ = try await ideas.answer(
                        idea.id, "Bonne idée : nous la prévoyons avec nos partenaires.", status: .planned, by: staff)
                    clock.set(submittedAt.addingTimeInterval(spread + 10 * 86_400))
                    _ = try await ideas.answer(idea.id, answer, status: status, by: staff)
                }
            case .duplicate(let original):
                clock.set(submittedAt.addingTimeInterval(spread + 86_400))
                _ = try await ideas.merge(
                    idea.id, into: created[original],
                    answer: "Même idée que la consigne des bocaux en verre : les soutiens sont regroupés.", by: staff)
            }
        }
    }
}
