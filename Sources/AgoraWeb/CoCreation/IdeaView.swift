import AgoraDomain
import AgoraStore
import Foundation

/// What the idea pages share, in the reader's language: dates, counts, statuses, what an idea is
/// about, and an idea as its card on the board and the head of its page show it.
struct IdeaView {
    let pages: Pages
    let context: AppRequestContext

    /// How to name and link what ideas are about: categories by id, partners' slugs by id.
    struct Subjects {
        var categories: [Int64: CategoryStore.Category] = [:]
        var partnerSlugs: [Int64: String] = [:]
    }

    var language: Language { context.language }

    func text(_ key: String, _ arguments: [String] = []) -> String {
        pages.localizer.text(key, language, arguments)
    }

    /// `key.one` or `key.other` with the count.
    func count(_ key: String, _ value: Int) -> String {
        text(value == 1 ? "\(key).one" : "\(key).other", [String(value)])
    }

    func status(_ status: IdeaStatus) -> String { text("ideas.status.\(status.rawValue)") }

    func date(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .abbreviated, time: .omitted).locale(locale))
    }

    func dateTime(_ date: Date) -> String {
        date.formatted(Date.FormatStyle(date: .abbreviated, time: .shortened).locale(locale))
    }

    /// Whole days between two instants, a started day counting as one: "late by 2 days", "3 days left".
    func days(_ key: String, from start: Date, to end: Date) -> String {
        count(key, max(Int((end.timeIntervalSince(start) / 86_400).rounded(.up)), 1))
    }

    /// The message of a refused field, filled with what the refusal names (a length limit).
    func message(_ error: ValidationError) -> String { text(error.message, error.arguments) }

    /// An idea as the board lists it; `supported` marks the signed-in member's support.
    func card(_ idea: Idea, subjects: Subjects, supported: Bool) -> [String: Any] {
        let signedIn = context.identity?.member != nil
        var values: [String: Any] = [
            "id": idea.id, "title": idea.title, "status": status(idea.status), "statusCode": idea.status.rawValue,
            "supports": count("ideas.supports", idea.supports), "comments": count("ideas.comments", idea.comments),
            "tags": idea.tags, "author": idea.authorHandle, "submittedAt": date(idea.submittedAt),
            "about": about(idea, subjects), "supported": supported,
            "canSupport": signedIn && idea.mergedInto == nil && !idea.status.isClosed,
        ]
        values["merged"] = idea.mergedInto != nil
        return values
    }

    /// What the idea is about, each with the link to its page when it has one.
    func about(_ idea: Idea, _ subjects: Subjects) -> [[String: Any]] {
        var about: [[String: Any]] = []
        if let product = idea.product {
            about.append(["name": product.name, "link": "/products/\(product.id)"])
        }
        if let partner = idea.partner {
            var item: [String: Any] = ["name": partner.name]
            item["link"] = subjects.partnerSlugs[partner.id].map { "/partners/\(IdeaPages.queryValue($0))" }
            about.append(item)
        }
        if let category = idea.category {
            // The subject's name is the category's slug; the reader gets its name in their language.
            let found = subjects.categories[category.id]
            let name = found.map { language == .fr ? $0.nameFR : $0.nameEN } ?? category.name
            about.append(["name": name, "link": "/search?category=\(IdeaPages.queryValue(category.name))"])
        }
        // Every one but the first follows a separator.
        return about.enumerated().map { index, item in item.merging(["separated": index > 0]) { kept, _ in kept } }
    }

    /// A step of an idea's public history.
    func update(_ update: IdeaUpdate) -> [String: Any] {
        let staff = update.staffHandle.map { "@\($0)" } ?? text("ideas.history.staff")
        var values: [String: Any] = [
            "at": dateTime(update.at), "from": status(update.from), "to": status(update.to),
            "toCode": update.to.rawValue, "changed": update.from != update.to,
        ]
        if let into = update.mergedInto {
            values["intoID"] = into
            values["headline"] = text("ideas.history.merged", [staff])
        } else if update.answer != nil {
            values["headline"] = text("ideas.history.answer", [staff])
        } else {
            values["headline"] = text("ideas.history.automatic")
            values["automatic"] = true
        }
        values["answer"] = update.answer
        return values
    }

    private var locale: Locale { Locale(identifier: language.rawValue) }
}
