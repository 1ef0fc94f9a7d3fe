import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The form that submits an idea, with the similar ideas already on the board so that members
/// support one rather than post a duplicate: listed when asked (without JavaScript), and by
/// `ideas.js` while the title is typed.
extension IdeaPages {
    /// The fields of the form, as the query string of `/ideas/new` may fill them in too.
    static let formFields = ["title", "description", "tags", "productID", "partnerID", "categoryID"]

    /// `GET /ideas/new?productID=&partnerID=&categoryID=&title=&description=&tags=`: the form, filled
    /// in from the query; with a title or a description, the similar ideas under it.
    @Sendable func newForm(request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity?.member != nil else { return .seeOther("/login") }
        var fields: [String: String] = [:]
        for name in Self.formFields {
            if let value = request.uri.queryParameters.get(name) { fields[name] = String(value.prefix(5_000)) }
        }
        let typed = !(fields["title", default: ""] + fields["description", default: ""]).trimmed().isEmpty
        return try await form(fields, error: nil, showSimilar: typed, context: context)
    }

    /// `POST /ideas`: submits the idea; with `intent=check` (the form's other button), saves nothing
    /// and answers the form with the similar ideas.
    @Sendable func submit(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let form = try await request.decodeForm(context: context)
        let fields = Dictionary(uniqueKeysWithValues: Self.formFields.map { ($0, form[$0]) })
        if form["intent"] == "check" {
            return try await self.form(fields, error: nil, showSimilar: true, context: context)
        }
        do {
            let idea = try await ideas.submit(try Self.input(fields), by: member)
            return .seeOther("/ideas/\(idea.id)")
        } catch let error as ValidationError {
            return try await self.form(fields, error: error, showSimilar: true, context: context)
        }
    }

    /// The form with what was typed, what the idea is about (those found), the similar ideas when
    /// `showSimilar`, and the message of a refused submission.
    func form(_ fields: [String: String], error: ValidationError?, showSimilar: Bool, context: AppRequestContext)
        async throws -> Response
    {
        let view = IdeaView(pages: pages, context: context)
        var values: [String: Any] = fields
        values["about"] = try await subjects(fields, view)
        values["titleHelp"] = view.text(
            "ideas.form.lengthHelp",
            [String(IdeaRules.titleLength.lowerBound), String(IdeaRules.titleLength.upperBound)])
        values["descriptionHelp"] = view.text(
            "ideas.form.lengthHelp",
            [String(IdeaRules.descriptionLength.lowerBound), String(IdeaRules.descriptionLength.upperBound)])
        values["tagsHelp"] = view.text("ideas.form.tagsHelp", [String(IdeaRules.maximumTags)])
        values["statuses"] = IdeaStatus.allCases.map { ["value": $0.rawValue, "label": view.status($0)] }
        values["supportsOne"] = view.text("ideas.supports.one")
        values["supportsOther"] = view.text("ideas.supports.other")
        if showSimilar {
            let text = String(((fields["title"] ?? "") + " " + (fields["description"] ?? "")).prefix(1_000))
            let similar = try await ideas.similar(to: text)
            values["similar"] = similar.map { idea -> [String: Any] in
                [
                    "id": idea.id, "title": idea.title, "status": view.status(idea.status),
                    "supports": view.count("ideas.supports", idea.supports),
                ]
            }
            values["hasSimilar"] = !similar.isEmpty
            values["noSimilar"] = similar.isEmpty
        }
        if let error {
            let message = view.message(error)
            values["errors"] = [error.field: message]
            values["errorSummary"] = message
        }
        return pages.render(
            "idea-form", title: "ideas.pageTitle.new", values: values,
            status: error == nil ? .ok : .unprocessableContent, context: context)
    }

    /// What the typed ids name, for "about: …" and the hidden fields that carry them; ids that
    /// name nothing are left out.
    private func subjects(_ fields: [String: String], _ view: IdeaView) async throws -> [[String: Any]] {
        func id(_ name: String) -> Int64? { Int64(fields[name, default: ""].trimmed()).flatMap { $0 > 0 ? $0 : nil } }
        var about: [[String: Any]] = []
        if let id = id("productID"), let product = try await products.product(id: id)?.product {
            about.append(["field": "productID", "id": id, "name": product.name])
        }
        if let id = id("partnerID"), let partner = try await partners.partner(id: PartnerID(id)) {
            about.append(["field": "partnerID", "id": id, "name": partner.name])
        }
        if let id = id("categoryID"), let category = try await categories.all().first(where: { $0.id == id }) {
            about.append([
                "field": "categoryID", "id": id, "name": view.language == .fr ? category.nameFR : category.nameEN,
            ])
        }
        return about
    }

    /// The idea as typed; an id that is not a number is refused on its field.
    static func input(_ fields: [String: String]) throws(ValidationError) -> IdeaInput {
        func id(_ name: String) throws(ValidationError) -> Int64? {
            let raw = fields[name, default: ""].trimmed()
            if raw.isEmpty { return nil }
            guard let id = Int64(raw), id > 0 else { throw ValidationError(field: name, "error.invalidValue") }
            return id
        }
        return IdeaInput(
            title: fields["title"] ?? "", description: fields["description"] ?? "", productID: try id("productID"),
            partnerID: try id("partnerID").map(PartnerID.init), categoryID: try id("categoryID"),
            tags: (fields["tags"] ?? "").split(separator: ",").map(String.init))
    }
}
