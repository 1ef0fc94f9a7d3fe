import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The form with which a partner opens a group buy on one of its products, optionally answering a
/// members' proposal (`?proposal=ID`, from its demand page).
struct GroupBuyFormPages {
    let pages: Pages
    let groupBuys: GroupBuyStore
    let offers: OfferStore
    let partners: PartnerStore
    let clock: any AgoraClock

    /// Price tiers the form offers as rows: enough for a campaign on a page; the API takes up to 8.
    static let tierRows = 4
    static let fieldNames =
        [
            "productID", "proposalID", "title", "description", "minimumParticipants", "cap", "perMemberMaximum",
            "deadline",
        ]
        + (1...tierRows).flatMap { ["tier\($0)Participants", "tier\($0)Price"] }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("partner/group-buys/new", use: newForm)
        router.post("partner/group-buys/new", use: create)
    }

    @Sendable func newForm(request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity != nil else { return .seeOther("/login") }
        let partner = try await context.requirePartner(partners)
        let query = request.uri.queryParameters
        var fields = [
            "tier1Participants": "1", "minimumParticipants": "2", "cap": "20", "perMemberMaximum": "2",
            "deadline": Self.localDateTime(clock.now.addingTimeInterval(7 * 86_400)),
        ]
        fields["productID"] = query.get("product")
        if let raw = query.get("proposal"), let id = Int64(raw), let proposal = try await groupBuys.proposal(id),
            proposal.status == "open"
        {
            fields["proposalID"] = String(proposal.id)
            fields["productID"] = String(proposal.productID)
            fields["minimumParticipants"] = String(max(min(proposal.supporters, 100), 1))
        }
        return try await form(fields, error: nil, partner: partner, context: context)
    }

    @Sendable func create(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let partner = try await context.requirePartner(partners)
        let form = try await request.decodeForm(context: context)
        let fields = Dictionary(uniqueKeysWithValues: Self.fieldNames.map { ($0, form[$0]) })
        do {
            guard let product = Int64(fields["productID", default: ""]) else {
                throw ValidationError(field: "productID", "error.required")
            }
            let proposal = fields["proposalID", default: ""].isEmpty ? nil : Int64(fields["proposalID", default: ""])
            let campaign = try await groupBuys.create(
                try Self.input(fields, now: clock.now), partner: partner.id, product: product, createdBy: member.id,
                proposal: proposal)
            return .seeOther("/group-buys/\(campaign.id)")
        } catch let error as ValidationError {
            return try await self.form(fields, error: error, partner: partner, context: context)
        }
    }

    private func form(
        _ fields: [String: String], error: ValidationError?, partner: Partner, context: AppRequestContext
    ) async throws -> Response {
        var values: [String: Any] = fields
        values["products"] = try await offers.products(of: partner.id).map { product -> [String: Any] in
            ["id": product.id, "name": product.name, "selected": String(product.id) == fields["productID"]]
        }
        values["tiers"] = (1...Self.tierRows).map { row -> [String: Any] in
            [
                "row": row, "participants": fields["tier\(row)Participants", default: ""],
                "price": fields["tier\(row)Price", default: ""],
            ]
        }
        if let raw = fields["proposalID"], let id = Int64(raw), let proposal = try await groupBuys.proposal(id) {
            let view = CommercePages(pages: pages, context: context)
            values["proposal"] = view.text(
                "groupBuyForm.answering",
                [proposal.productName, String(proposal.supporters), String(proposal.units)]
                    + [proposal.medianTargetPrice.map { view.money($0, proposal.currency) } ?? "—"])
        }
        values["tabNew"] = true
        values["partnerName"] = partner.name
        if let error {
            let message = pages.message(error, context)
            values["errors"] = [error.field: message]
            values["errorSummary"] = message
        }
        return pages.render(
            "group-buy-form", title: "page.groupBuyNew.title", values: values,
            status: error == nil ? .ok : .unprocessableContent, context: context)
    }

    /// The campaign the form describes: tiers from the rows that are filled (prices typed as decimals),
    /// the deadline as the browser's `datetime-local` writes it, in the server's time zone.
    static func input(_ fields: [String: String], now: Date) throws(ValidationError) -> GroupBuyInput {
        var tiers: [PriceTier] = []
        for row in 1...tierRows {
            let participants = fields["tier\(row)Participants", default: ""].trimmed()
            let price = fields["tier\(row)Price", default: ""].trimmed()
            if participants.isEmpty && price.isEmpty { continue }
            guard let count = Int(participants) else { throw ValidationError(field: "tiers", "error.invalidValue") }
            let unitPrice = try Money.parse(decimal: price, currency: "EUR", field: "tiers")
            tiers.append(PriceTier(participants: count, unitPrice: unitPrice.minorUnits))
        }
        func integer(_ name: String) throws(ValidationError) -> Int {
            guard let value = Int(fields[name, default: ""].trimmed()) else {
                throw ValidationError(field: name, "error.invalidValue")
            }
            return value
        }
        guard let deadline = parseLocalDateTime(fields["deadline", default: ""]) else {
            throw ValidationError(field: "deadline", "error.groupBuy.deadline")
        }
        return try GroupBuyInput(
            title: fields["title", default: ""], description: fields["description", default: ""], tiers: tiers,
            minimumParticipants: try integer("minimumParticipants"), cap: try integer("cap"),
            perMemberMaximum: try integer("perMemberMaximum"), deadline: deadline, now: now)
    }

    /// `2026-06-01T18:30` (seconds optional) in the server's time zone, as pages show times.
    static func parseLocalDateTime(_ text: String) -> Date? {
        let parts = text.trimmed().split(separator: "T")
        guard parts.count == 2 else { return nil }
        let day = parts[0].split(separator: "-").compactMap { Int($0) }
        let time = parts[1].split(separator: ":").compactMap { Int($0) }
        guard day.count == 3, (2...3).contains(time.count) else { return nil }
        var components = DateComponents(
            year: day[0], month: day[1], day: day[2], hour: time[0], minute: time[1],
            second: time.count == 3 ? time[2] : 0)
        components.timeZone = TimeZone.current
        guard (1...12).contains(day[1]), (1...31).contains(day[2]), (0...23).contains(time[0]),
            (0...59).contains(time[1])
        else { return nil }
        return Calendar(identifier: .gregorian).date(from: components)
    }

    static func localDateTime(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        func two(_ value: Int?) -> String { String(format: "%02d", value ?? 0) }
        return "\(parts.year ?? 2000)-\(two(parts.month))-\(two(parts.day))T\(two(parts.hour)):\(two(parts.minute))"
    }
}
