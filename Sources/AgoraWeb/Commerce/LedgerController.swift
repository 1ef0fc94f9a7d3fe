import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// Statements read from the ledger: a member's rewards wallet, a partner's statement by period
/// (JSON or CSV), and the platform's journal and audit for staff.
struct LedgerController {
    let ledger: LedgerStore
    let partners: PartnerStore
    let clock: any AgoraClock

    func addRoutes(to api: RouterGroup<AppRequestContext>) {
        api.get("me/rewards", use: rewards)
        api.get("partner/statement", use: statement)
        api.get("admin/journal", use: journal)
        api.get("admin/ledger", use: audit)
    }

    struct EntryAnswer: Encodable {
        let sequence: Int64
        let id: String
        let kind: LedgerTransfer.Kind
        let code: String
        let debit: String
        let credit: String
        let amount: Amount
        let orderID: Int64?
        let at: Date

        init(_ entry: LedgerStore.Entry) {
            (sequence, id, kind, code) = (entry.sequence, entry.transfer.id, entry.transfer.kind, entry.transfer.code)
            (debit, credit) = (entry.transfer.debit.description, entry.transfer.credit.description)
            amount = Amount(Money(minorUnits: entry.transfer.amount, currency: entry.transfer.currency))
            (orderID, at) = (entry.order?.rawValue, entry.at)
        }
    }

    struct RewardsAnswer: ResponseEncodable {
        /// Vested: the member's to keep.
        let available: Amount
        /// Waiting for the return window of their orders to close.
        let pending: Amount
        let entries: [EntryAnswer]
    }

    /// `GET /api/v1/me/rewards`: the member's rewards wallet.
    @Sendable func rewards(request: Request, context: AppRequestContext) async throws -> RewardsAnswer {
        let member = try context.requireMember()
        let currency = try Self.currency(request)
        let account = LedgerAccount.rewards(member.id)
        let balance = try await ledger.balance(account, currency: currency)
        let entries = try await ledger.statement(
            account, currency: currency, from: .distantPast, to: clock.now.addingTimeInterval(1), newestFirst: true,
            limit: 500)
        return RewardsAnswer(
            available: Amount(Money(minorUnits: balance.available, currency: currency)),
            pending: Amount(Money(minorUnits: balance.creditsPending, currency: currency)),
            entries: entries.map(EntryAnswer.init))
    }

    struct StatementAnswer: ResponseEncodable {
        let partner: String
        let from: Date
        let to: Date
        let sales: Amount
        let refunds: Amount
        let commission: Amount
        let net: Amount
        /// Pledges and unpaid orders: held for the partner, not yet moved.
        let held: Amount
        let entries: [EntryAnswer]
    }

    /// `GET /api/v1/partner/statement?from=YYYY-MM-DD&to=YYYY-MM-DD&currency=EUR&format=csv`.
    @Sendable func statement(request: Request, context: AppRequestContext) async throws -> Response {
        let partner = try await context.requirePartner(partners)
        let query = request.uri.queryParameters
        let currency = try Self.currency(request)
        let (from, to) = try Self.period(query.get("from"), query.get("to"), now: clock.now)
        let account = LedgerAccount.partner(partner.id)
        let entries = try await ledger.statement(account, currency: currency, from: from, to: to, limit: 100_000)
        if query.get("format") == "csv" {
            var csv = CSV.line(["date", "transfer", "reason", "order", "debit", "credit", "amount_minor", "currency"])
            for entry in entries {
                let sign: Int64 = entry.transfer.credit == account ? 1 : -1
                csv += CSV.line([
                    .text(entry.at.formatted(.iso8601)), .text(entry.transfer.id), .text(entry.transfer.code),
                    .text(entry.order.map { String($0.rawValue) } ?? ""), .text(entry.transfer.debit.description),
                    .text(entry.transfer.credit.description),
                    .number(
                        entry.transfer.kind == .pending || entry.transfer.kind == .void
                            ? 0 : sign * entry.transfer.amount),
                    .text(currency),
                ])
            }
            let name = "agora-statement-\(partner.slug)-\(Self.day(from))-\(Self.day(to)).csv"
            return Response(
                status: .ok,
                headers: [
                    .contentType: "text/csv; charset=utf-8", .contentDisposition: "attachment; filename=\"\(name)\"",
                ], body: .init(byteBuffer: .init(string: csv)))
        }
        let summary = try await ledger.summary(of: partner.id, currency: currency, from: from, to: to)
        func amount(_ value: Int64) -> Amount { Amount(Money(minorUnits: value, currency: currency)) }
        let answer = StatementAnswer(
            partner: partner.slug, from: from, to: to, sales: amount(summary.sales), refunds: amount(summary.refunds),
            commission: amount(summary.commission), net: amount(summary.net), held: amount(summary.held),
            entries: entries.prefix(1_000).map(EntryAnswer.init))
        return try answer.response(from: request, context: context)
    }

    struct JournalAnswer: ResponseEncodable {
        let items: [EntryAnswer]
        let nextCursor: String?
    }

    /// `GET /api/v1/admin/journal?cursor=`: every transfer, oldest first (staff).
    @Sendable func journal(request: Request, context: AppRequestContext) async throws -> JournalAnswer {
        _ = try context.requireStaff()
        let cursor: Int64? = try QueryParameter.integer(
            request.uri.queryParameters.get("cursor"), field: "cursor", in: 0...Int64.max)
        let limit = 100
        let entries = try await ledger.journal(after: cursor ?? 0, limit: limit)
        return JournalAnswer(
            items: entries.map(EntryAnswer.init),
            nextCursor: entries.count == limit ? entries.last.map { String($0.sequence) } : nil)
    }

    struct AccountAnswer: Encodable {
        let account: String
        let currency: String
        let posted: Int64
        let debitsPending: Int64
        let creditsPending: Int64
    }

    struct AuditAnswer: ResponseEncodable {
        /// Empty when every invariant holds.
        let problems: [String]
        let accounts: [AccountAnswer]
    }

    /// `GET /api/v1/admin/ledger`: every account's balance, and the recount of the invariants (staff).
    @Sendable func audit(request: Request, context: AppRequestContext) async throws -> AuditAnswer {
        _ = try context.requireStaff()
        let balances = try await ledger.balances()
        let accounts = balances.flatMap { currency, accounts in
            accounts.map { account, balance in
                AccountAnswer(
                    account: account.description, currency: currency, posted: balance.posted,
                    debitsPending: balance.debitsPending, creditsPending: balance.creditsPending)
            }
        }.sorted { ($0.currency, $0.account) < ($1.currency, $1.account) }
        return AuditAnswer(problems: try await ledger.audit(), accounts: accounts)
    }

    static func currency(_ request: Request) throws -> String {
        let code = (request.uri.queryParameters.get("currency") ?? "EUR").uppercased()
        guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            throw Problem.validation(field: "currency", "error.money.currency")
        }
        return code
    }

    /// A period of whole UTC days, `from` included, `to` included (see `ReportPeriod`); the current
    /// month up to now by default.
    static func period(_ from: String?, _ to: String?, now: Date) throws -> (Date, Date) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        do {
            let start =
                try from.map { raw throws(ValidationError) in try ReportPeriod.day(raw, field: "from") }
                ?? calendar.date(from: calendar.dateComponents([.year, .month], from: now))!
            let end =
                try to.map { raw throws(ValidationError) in try ReportPeriod.day(raw, field: "to") + 86_400 }
                ?? now.addingTimeInterval(1)
            let period = try ReportPeriod(from: start, to: end)
            return (period.from, period.to)
        } catch {
            throw Problem.validation(error)
        }
    }

    static func day(_ date: Date) -> String { ReportPeriod.isoDay(date) }
}
