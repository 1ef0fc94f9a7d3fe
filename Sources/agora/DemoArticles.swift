import AgoraDomain
import AgoraStore
import Foundation

/// The media feed of the demo: a few articles by staff, a partner and community members, liked and
/// discussed over the last weeks.
enum DemoArticles {
    static let articles: [(author: String, title: String, body: String, tags: [String])] = [
        (
            "equipe", "Bienvenue sur le fil d'Agora",
            "Ici, l'équipe, nos partenaires et les membres les plus actifs partagent **guides**, *retours d'expérience* et bons réflexes.\n\n- lisez, aimez, commentez\n- à partir de 100 points de réputation, publiez à votre tour\n\nLes règles du classement des bons plans sont dans le pied de page de chaque liste.",
            ["agora", "communaute"]
        ),
        (
            "marchand", "Réparer plutôt que jeter : nos cinq conseils",
            "## Avant de racheter\n\n1. Vérifiez la garantie légale de conformité (deux ans en France).\n2. Cherchez l'indice de réparabilité.\n3. Demandez les pièces détachées en magasin.\n4. Essayez un Repair Café près de chez vous.\n5. Pensez au reconditionné.\n\n> Un appareil réparé, c'est un déchet de moins.",
            ["reparation", "conseils"]
        ),
        (
            "alice", "Mon vélo électrique après un an",
            "Un an et 3 000 km plus tard : la batterie tient encore 80 km, les freins ont demandé un réglage. Le plus utile ? Un antivol sérieux et des pneus anti-crevaison.",
            ["velo", "retour-d-experience"]
        ),
        (
            "bruno", "How I cut my energy bill with three small gadgets",
            "A smart plug, a thermostatic valve and LED bulbs: about **15 %** less on my bill this winter. Details and prices in the comments.",
            ["energy", "home"]
        ),
    ]

    static func fill(_ database: Database, clock: DemoData.DemoClock) async throws {
        let now = clock.now
        let members = MemberStore(database: database)
        let store = ArticleStore(database: database)
        let likes = LikeStore(database: database)
        // Members who write articles have earned the reputation it takes.
        try await database.execute(
            "UPDATE members SET reputation = reputation + \(ArticleRules.reputationToPublish) WHERE handle IN ('alice', 'bruno')"
        )
        let readers = try await database.read { sql in
            try await sql.raw("SELECT id FROM members WHERE email LIKE '%@demo.agora.test' ORDER BY id LIMIT 40").all()
                .map { MemberID(try $0.decode(column: "id", as: Int64.self)) }
        }
        for (index, entry) in articles.enumerated() {
            guard let author = try await members.member(handle: entry.author) else { continue }
            clock.set(now.addingTimeInterval(-Double(articles.count - index) * 5 * 86_400))
            let article = try await store.publish(
                ArticleInput(title: entry.title, body: entry.body, link: nil, tags: entry.tags), by: .member(author))
            for (offset, readerID) in readers.enumerated() where (offset + index) % (index + 2) == 0 {
                guard let reader = try await members.member(id: readerID), reader.id != author.id else { continue }
                _ = try await likes.set(.article(article.id), liked: true, by: reader)
                if offset % 7 == 0 {
                    _ = try await store.comment(
                        reader.language == .en ? "Thanks, very useful!" : "Merci, très utile !", on: article.id,
                        by: reader)
                }
            }
        }
        clock.set(now)
    }
}
