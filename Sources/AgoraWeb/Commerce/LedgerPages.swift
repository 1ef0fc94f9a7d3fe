import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// What the ledger shows people: a member's rewards wallet, a partner's statement for a period
/// (its CSV is the API's, which a browser session may download), and the journal with the audit
/// for staff.
struct LedgerPages {
    let pages: Pages
    let ledger: LedgerStore
    let partners: PartnerStore
    let clock: any AgoraClock

    /// Amounts are read in one currency: the platform's.
    static let currency = "EUR"

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("me/rewards", use: rewards)
        router.get("partner/statement", use: statement)
        router.get("admin/journal", use: journal)
    }

    @Sendable func rewards(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let view = CommercePages(pages: pages, context: context)
        let account = LedgerAccount.rewards(member.id)
        let balance = try await ledger.balance(account, currency: Self.currency)
        let entries = try await ledger.statement(
            account, currency: Self.currency, from: .distantPast, to: clock.now.addingTimeInterval(1),
            newestFirst: true,
            limit: 500)
        let values: [String: Any] = [
            "available": view.money(balance.available, Self.currency),
            "pending": view.money(balance.creditsPending, Self.currency),
            "entries": entries.reversed().map { entry(view, $0, for: account) }, "empty": entries.isEmpty,
        ]
        return pages.render("rewards", title: "page.rewards.title", values: values, context: context)
    }

    /// `?from=YYYY-MM-DD&to=YYYY-MM-DD`, whole days in UTC (the current month by default), as the API reads them.
    @Sendable func statement(request: Request, context: AppRequestContext) async throws -> Response {
        guard context.identity != nil else { return .seeOther("/login") }
        let partner = try await context.requirePartner(partners)
        let view = CommercePages(pages: pages, context: context)
        let query = request.uri.queryParameters
        let typedFrom = query.get("from").flatMap { $0.isEmpty ? nil : $0 }
        let typedTo = query.get("to").flatMap { $0.isEmpty ? nil : $0 }
        var values: [String: Any] = [
            "from": typedFrom ?? "", "to": typedTo ?? "", "partnerName": partner.name, "tabStatement": true,
        ]
        let from: Date
        let to: Date
        do {
            (from, to) = try LedgerController.period(typedFrom, typedTo, now: clock.now)
        } catch let problem as Problem where problem.field != nil {
            let message = pages.localizer.text(problem.detail, context.language, problem.arguments)
            values["errors"] = [problem.field ?? "": message]
            values["errorSummary"] = message
            return pages.render(
                "partner-statement", title: "page.partnerStatement.title", values: values,
                status: .unprocessableContent, context: context)
        }
        let account = LedgerAccount.partner(partner.id)
        let summary = try await ledger.summary(of: partner.id, currency: Self.currency, from: from, to: to)
        let entries = try await ledger.statement(account, currency: Self.currency, from: from, to: to, limit: 500)
        let first = LedgerController.day(from)
        let last = LedgerController.day(to.addingTimeInterval(-1))
        values["from"] = typedFrom ?? first
        values["to"] = typedTo ?? last
        values["period"] = view.text("statement.period", [first, last])
        values["totals"] = [
            ("statement.sales", summary.sales), ("statement.refunds", summary.refunds),
            ("statement.commission", summary.commission), ("statement.net", summary.net),
            ("statement.held", summary.held),
        ].map { key, amount -> [String: Any] in ["label": view.text(key), "amount": view.money(amount, Self.currency)] }
        values["entries"] = entries.map { entry(view, $0, for: account) }
        values["empty"] = entries.isEmpty
        values["csv"] = "/api/v1/partner/statement?format=csv&from=\(first)&to=\(last)"
        return pages.render("partner-statement", title: "page.partnerStatement.title", values: values, context: context)
    }

    /// `?after=SEQUENCE`: every transfer, oldest first, 100 a page, with the recount of the books.
    @Sendable func journal(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard member.role.isStaff else { throw Problem.forbidden("error.staffOnly") }
        let view = CommercePages(pages: pages, context: context)
        let after = request.uri.queryParameters.get("after").flatMap { Int64($0) } ?? 0
        let limit = 100
        let entries = try await ledger.journal(after: max(after, 0), limit: limit)
        let problems = try await ledger.audit()
        var values: [String: Any] = [
            "entries": entries.map { entry(view, $0, for: nil) }, "empty": entries.isEmpty,
            "problems": problems, "balanced": problems.isEmpty,
        ]
        if entries.count == limit, let last = entries.last {
            values["nextPage"] = "/admin/journal?after=\(last.sequence)"
        }
        if after > 0 { values["firstPage"] = "/admin/journal" }
        return pages.render("journal", title: "page.journal.title", values: values, context: context)
    }

    /// A transfer as a line: signed for `account` (money in is positive), or as debit and credit.
    func entry(_ view: CommercePages, _ entry: LedgerStore.Entry, for account: LedgerAccount?) -> [String: Any] {
        let transfer = entry.transfer
        let reasonKey = "ledger.code.\(transfer.code)"
        var amount = transfer.amount
        if let account, transfer.debit == account { amount = -amount }
        var values: [String: Any] = [
            "sequence": entry.sequence, "transfer": transfer.id, "at": view.date(entry.at),
            "reason": pages.localizer.has(reasonKey) ? view.text(reasonKey) : transfer.code,
            "kind": view.text("ledger.kind.\(transfer.kind.rawValue)"),
            "isPosted": [.posted, .post].contains(transfer.kind),
            "amount": view.money(amount, transfer.currency), "debit": transfer.debit.description,
            "credit": transfer.credit.description,
        ]
        if let order = entry.order { values["orderID"] = order.rawValue }
        return values
    }
}
