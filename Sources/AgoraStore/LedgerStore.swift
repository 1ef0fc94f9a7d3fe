import AgoraDomain
import Foundation
import SQLKit

/// Reads the ledger: balances, statements and the journal, and recounts it.
public struct LedgerStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// A transfer as read, with the time it was written.
    public struct Entry: Sendable, Equatable {
        public let sequence: Int64
        public let transfer: LedgerTransfer
        public let order: OrderID?
        public let at: Date
    }

    static let transferColumns = """
        ledger_transfers.id AS sequence, ledger_transfers.transfer_id, ledger_transfers.kind, ledger_transfers.amount,
        ledger_transfers.currency, ledger_transfers.pending_id, ledger_transfers.code, ledger_transfers.order_id,
        ledger_transfers.created_at, debit.kind AS debit_kind, debit.owner_id AS debit_owner,
        credit.kind AS credit_kind, credit.owner_id AS credit_owner
        """
    static let transferJoins = """
        FROM ledger_transfers
        JOIN ledger_accounts debit ON debit.id = ledger_transfers.debit_account_id
        JOIN ledger_accounts credit ON credit.id = ledger_transfers.credit_account_id
        """

    static func transfer(_ row: any SQLRow) throws -> LedgerTransfer {
        func account(_ prefix: String) throws -> LedgerAccount {
            LedgerAccount(
                LedgerAccount.Kind(rawValue: try row.decode(column: "\(prefix)_kind", as: String.self)) ?? .costs,
                owner: try row.decode(column: "\(prefix)_owner", as: Int64.self))
        }
        return LedgerTransfer(
            id: try row.decode(column: "transfer_id", as: String.self),
            kind: LedgerTransfer.Kind(rawValue: try row.decode(column: "kind", as: String.self)) ?? .posted,
            debit: try account("debit"), credit: try account("credit"),
            amount: try row.decode(column: "amount", as: Int64.self),
            currency: try row.decode(column: "currency", as: String.self),
            pendingID: try row.decode(column: "pending_id", as: String?.self),
            code: try row.decode(column: "code", as: String.self))
    }

    static func entry(_ row: any SQLRow) throws -> Entry {
        Entry(
            sequence: try row.decode(column: "sequence", as: Int64.self), transfer: try transfer(row),
            order: try row.decode(column: "order_id", as: Int64?.self).map(OrderID.init),
            at: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)))
    }

    static let balanceColumns = "debits_posted, credits_posted, debits_pending, credits_pending"

    static func balance(_ row: any SQLRow) throws -> LedgerBalance {
        LedgerBalance(
            debitsPosted: try row.decode(column: "debits_posted", as: Int64.self),
            creditsPosted: try row.decode(column: "credits_posted", as: Int64.self),
            debitsPending: try row.decode(column: "debits_pending", as: Int64.self),
            creditsPending: try row.decode(column: "credits_pending", as: Int64.self))
    }

    /// Every account's balances in every currency.
    public func balances() async throws -> [String: [LedgerAccount: LedgerBalance]] {
        try await database.read { sql in
            var result: [String: [LedgerAccount: LedgerBalance]] = [:]
            for row in try await sql.raw(
                "SELECT kind, owner_id, currency, \(unsafeRaw: Self.balanceColumns) FROM ledger_accounts"
            ).all() {
                guard let kind = LedgerAccount.Kind(rawValue: try row.decode(column: "kind", as: String.self)) else {
                    continue
                }
                let account = LedgerAccount(kind, owner: try row.decode(column: "owner_id", as: Int64.self))
                result[try row.decode(column: "currency", as: String.self), default: [:]][account] = try Self.balance(
                    row)
            }
            return result
        }
    }

    /// An account's balance in `currency`; zero when it has never moved.
    public func balance(_ account: LedgerAccount, currency: String) async throws -> LedgerBalance {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.balanceColumns) FROM ledger_accounts WHERE kind = \(bind: account.kind.rawValue)
                AND owner_id = \(bind: account.owner) AND currency = \(bind: currency)
                """
            ).first().map(Self.balance) ?? LedgerBalance()
        }
    }

    /// The transfers that moved an account between two times, oldest first after a cursor, or
    /// newest first (`newestFirst`) before it.
    public func statement(
        _ account: LedgerAccount, currency: String, from: Date, to: Date, after sequence: Int64? = nil,
        newestFirst: Bool = false, limit: Int = 500
    ) async throws -> [Entry] {
        try await database.read { sql in
            // The account's id first, so that each side of the OR uses its own index.
            guard
                let id = try await sql.raw(
                    """
                    SELECT id FROM ledger_accounts WHERE kind = \(bind: account.kind.rawValue)
                    AND owner_id = \(bind: account.owner) AND currency = \(bind: currency)
                    """
                ).first()?.decode(column: "id", as: Int64.self)
            else { return [] }
            let cursor: SQLQueryString =
                switch (sequence, newestFirst) {
                case (let sequence?, false): " AND ledger_transfers.id > \(bind: sequence)"
                case (let sequence?, true): " AND ledger_transfers.id < \(bind: sequence)"
                case (nil, _): ""
                }
            return try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.transferColumns) \(unsafeRaw: Self.transferJoins)
                WHERE (ledger_transfers.debit_account_id = \(bind: id) OR ledger_transfers.credit_account_id = \(bind: id))
                AND ledger_transfers.created_at >= \(bind: from.millisecondsSince1970)
                AND ledger_transfers.created_at < \(bind: to.millisecondsSince1970)\(cursor)
                ORDER BY ledger_transfers.id \(unsafeRaw: newestFirst ? "DESC" : "") LIMIT \(literal: limit)
                """
            ).all().map(Self.entry)
        }
    }

    /// What moved in and out of an account over a period, by reason (`sale`, `commission`, `refund`…):
    /// posted transfers only, so held money is not counted before it moves.
    public func totals(_ account: LedgerAccount, currency: String, from: Date, to: Date) async throws
        -> [String: (debits: Int64, credits: Int64)]
    {
        try await database.read { sql in
            var totals: [String: (debits: Int64, credits: Int64)] = [:]
            for row in try await sql.raw(
                """
                SELECT ledger_transfers.code,
                    CAST(SUM(CASE WHEN debit.kind = \(bind: account.kind.rawValue) AND debit.owner_id = \(bind: account.owner)
                        THEN ledger_transfers.amount ELSE 0 END) AS BIGINT) AS debits,
                    CAST(SUM(CASE WHEN credit.kind = \(bind: account.kind.rawValue) AND credit.owner_id = \(bind: account.owner)
                        THEN ledger_transfers.amount ELSE 0 END) AS BIGINT) AS credits
                \(unsafeRaw: Self.transferJoins)
                WHERE ((debit.kind = \(bind: account.kind.rawValue) AND debit.owner_id = \(bind: account.owner))
                    OR (credit.kind = \(bind: account.kind.rawValue) AND credit.owner_id = \(bind: account.owner)))
                AND ledger_transfers.kind IN ('posted', 'post') AND ledger_transfers.currency = \(bind: currency)
                AND ledger_transfers.created_at >= \(bind: from.millisecondsSince1970)
                AND ledger_transfers.created_at < \(bind: to.millisecondsSince1970)
                GROUP BY ledger_transfers.code
                """
            ).all() {
                totals[try row.decode(column: "code", as: String.self)] = (
                    try row.decode(column: "debits", as: Int64.self), try row.decode(column: "credits", as: Int64.self)
                )
            }
            return totals
        }
    }

    /// A partner's figures for a period: what it sold, gave back and paid in commission (posted
    /// money only), and what is held for it now (pledges, unpaid orders).
    public struct PartnerSummary: Sendable, Equatable {
        public let sales: Int64
        public let refunds: Int64
        public let commission: Int64
        public let held: Int64
        public var net: Int64 { sales - refunds - commission }
    }

    public func summary(of partner: PartnerID, currency: String, from: Date, to: Date) async throws -> PartnerSummary {
        let account = LedgerAccount.partner(partner)
        let totals = try await totals(account, currency: currency, from: from, to: to)
        let refunds = totals["refund", default: (0, 0)]
        return PartnerSummary(
            sales: totals["sale", default: (0, 0)].credits, refunds: refunds.debits - refunds.credits,
            commission: totals["commission", default: (0, 0)].debits,
            held: try await balance(account, currency: currency).creditsPending)
    }

    /// Every transfer after a cursor, oldest first: the platform's journal.
    public func journal(after sequence: Int64 = 0, limit: Int = 100) async throws -> [Entry] {
        try await database.read { sql in
            try await sql.raw(
                """
                SELECT \(unsafeRaw: Self.transferColumns) \(unsafeRaw: Self.transferJoins)
                WHERE ledger_transfers.id > \(bind: sequence) ORDER BY ledger_transfers.id LIMIT \(literal: limit)
                """
            ).all().map(Self.entry)
        }
    }

    /// What breaks the ledger's invariants, recounted in SQL from the transfers alone: accounts whose
    /// stored sums differ from their transfers' sums, currencies whose books do not balance, and
    /// wallets below zero. Empty when the books are right.
    public func audit() async throws -> [String] {
        try await database.read { sql in
            var problems: [String] = []
            for row in try await sql.raw(
                """
                SELECT a.id, a.kind, a.owner_id, a.currency,
                    a.debits_posted - COALESCE((SELECT CAST(SUM(amount) AS BIGINT) FROM ledger_transfers t
                        WHERE t.debit_account_id = a.id AND t.kind IN ('posted', 'post')), 0) AS debits_posted_gap,
                    a.credits_posted - COALESCE((SELECT CAST(SUM(amount) AS BIGINT) FROM ledger_transfers t
                        WHERE t.credit_account_id = a.id AND t.kind IN ('posted', 'post')), 0) AS credits_posted_gap,
                    a.debits_pending - COALESCE((SELECT CAST(SUM(amount) AS BIGINT) FROM ledger_transfers t
                        WHERE t.debit_account_id = a.id AND t.kind = 'pending' AND t.resolved = 0), 0)
                        AS debits_pending_gap,
                    a.credits_pending - COALESCE((SELECT CAST(SUM(amount) AS BIGINT) FROM ledger_transfers t
                        WHERE t.credit_account_id = a.id AND t.kind = 'pending' AND t.resolved = 0), 0)
                        AS credits_pending_gap,
                    a.credits_posted - a.debits_posted - a.debits_pending AS available
                FROM ledger_accounts a
                """
            ).all() {
                let name =
                    "\(try row.decode(column: "kind", as: String.self)):\(try row.decode(column: "owner_id", as: Int64.self)) \(try row.decode(column: "currency", as: String.self))"
                for gap in ["debits_posted_gap", "credits_posted_gap", "debits_pending_gap", "credits_pending_gap"] {
                    let value = try row.decode(column: gap, as: Int64.self)
                    if value != 0 { problems.append("\(name): \(gap) \(value)") }
                }
                if try row.decode(column: "kind", as: String.self) == LedgerAccount.Kind.rewards.rawValue,
                    try row.decode(column: "available", as: Int64.self) < 0
                {
                    problems.append("\(name): wallet below zero")
                }
            }
            for row in try await sql.raw(
                """
                SELECT currency, CAST(SUM(credits_posted - debits_posted) AS BIGINT) AS posted,
                    CAST(SUM(credits_pending - debits_pending) AS BIGINT) AS pending
                FROM ledger_accounts GROUP BY currency
                """
            ).all() {
                let currency = try row.decode(column: "currency", as: String.self)
                let posted = try row.decode(column: "posted", as: Int64.self)
                let pending = try row.decode(column: "pending", as: Int64.self)
                if posted != 0 || pending != 0 { problems.append("\(currency): books off by \(posted) / \(pending)") }
            }
            let unresolved =
                try await sql.raw(
                    """
                    SELECT COUNT(*) AS n FROM ledger_transfers t
                    WHERE t.kind IN ('post', 'void') AND NOT EXISTS (SELECT 1 FROM ledger_transfers p
                        WHERE p.transfer_id = t.pending_id AND p.kind = 'pending' AND p.resolved = 1)
                    """
                ).first()?.decode(column: "n", as: Int64.self) ?? 0
            if unresolved != 0 { problems.append("\(unresolved) resolutions of no resolved pending transfer") }
            return problems
        }
    }
}
