import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The deal form: posting a deal, and its author editing it (with a bump).
extension DealPages {
    @Sendable func newForm(request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity?.member != nil else { return .seeOther("/login") }
        return try await form(fields: ["kind": "deal"], error: nil, editing: nil, context: context)
    }

    @Sendable func post(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard member.partnerID == nil else { throw Problem.forbidden("error.deal.partner") }
        let fields = Self.dealFields(try await request.decodeForm(context: context))
        do {
            let (deal, duplicates) = try await deals.post(try DealInput(fields: fields, now: clock.now), by: member)
            let notice = deal.status == .pending ? "dealPending" : (duplicates.isEmpty ? "dealPosted" : "dealDuplicate")
            return .seeOther("/deals/\(deal.id)?notice=\(notice)")
        } catch let error as ValidationError {
            return try await form(fields: fields, error: error, editing: nil, context: context)
        }
    }

    @Sendable func editForm(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let deal = try await ownDeal(context, member)
        var fields: [String: String] = [
            "title": deal.title, "kind": deal.kind.rawValue, "currency": deal.price?.currency ?? "EUR",
        ]
        fields["description"] = deal.description
        fields["url"] = deal.url
        fields["price"] = deal.price?.decimalText
        fields["shipping"] = deal.shipping?.decimalText
        fields["referencePrice"] = deal.referencePrice?.decimalText
        fields["promoCode"] = deal.promoCode
        fields[deal.partnerSlug == nil ? "merchant" : "partner"] = deal.partnerSlug ?? deal.merchantName
        fields["productID"] = deal.productID.map(String.init)
        fields["offerID"] = deal.offerID.map(String.init)
        fields["category"] = deal.categorySlug
        fields["city"] = deal.city
        fields["startsAt"] = deal.startsAt.map(Self.formDate)
        fields["endsAt"] = deal.endsAt.map(Self.formDate)
        return try await form(fields: fields, error: nil, editing: deal.id, context: context)
    }

    @Sendable func edit(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let deal = try await ownDeal(context, member)
        let form = try await request.decodeForm(context: context)
        let fields = Self.dealFields(form)
        do {
            let input = try DealInput(fields: fields, now: clock.now)
            _ = try await deals.edit(deal.id, input, bump: form["bump"] == "on", by: member)
            return .seeOther("/deals/\(deal.id)?notice=dealEdited")
        } catch let error as ValidationError {
            return try await self.form(fields: fields, error: error, editing: deal.id, context: context)
        }
    }

    private func ownDeal(_ context: AppRequestContext, _ member: Member) async throws -> Deal {
        guard let id = context.parameters.get("id", as: Int64.self),
            let deal = try await deals.deal(DealID(id), viewer: member)
        else { throw Problem.notFound }
        guard deal.authorID == member.id else { throw Problem.forbidden("error.deal.notAuthor") }
        return deal
    }

    static let formFieldNames = [
        "title", "description", "url", "kind", "currency", "price", "shipping", "referencePrice", "promoCode",
        "partner", "merchant", "productID", "offerID", "category", "city", "startsAt", "endsAt",
    ]

    private static func dealFields(_ form: FormFields) -> [String: String] {
        var fields: [String: String] = [:]
        for name in formFieldNames where !form[name].isEmpty { fields[name] = form[name] }
        return fields
    }

    /// A date as the form's date field writes it.
    private static func formDate(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle().year().month().day())
    }

    private func form(
        fields: [String: String], error: ValidationError?, editing: DealID?, context: AppRequestContext
    ) async throws -> Response {
        var values: [String: Any] = fields
        values["kinds"] = DealKind.allCases.map {
            [
                "value": $0.rawValue, "label": text("deal.kind.\($0.rawValue)", context),
                "selected": $0.rawValue == fields["kind"],
            ]
        }
        values["categories"] = try await categories.all().map { category in
            [
                "slug": category.slug, "name": context.language == .fr ? category.nameFR : category.nameEN,
                "selected": category.slug == fields["category"],
            ]
        }
        values["action"] = editing.map { "/deals/\($0)/edit" } ?? "/deals/new"
        values["editing"] = editing != nil
        if let error {
            let message = pages.message(error, context)
            values["errors"] = [error.field: message]
            values["errorSummary"] = message
        }
        return pages.render(
            "deal-form", title: editing == nil ? "page.dealNew.title" : "page.dealEdit.title", values: values,
            status: error == nil ? .ok : .unprocessableContent, context: context)
    }
}
