import AgoraDomain
import Foundation
import SQLKit

extension Transaction {
    /// Writes `requests` under `LedgerRules` with the account sums they change, in this transaction,
    /// so that money moves if and only if the change it belongs to commits. A transfer already
    /// written under its id is a retry and is skipped; a broken rule throws `LedgerError` and the
    /// rolled-back transaction leaves nothing behind.
    public func record(_ requests: [LedgerTransfer], order: OrderID? = nil) async throws {
        try await record(requests.map { ($0, order) })
    }

    /// The same for transfers of many orders at once (a settlement), each with its order: every
    /// account is read, locked and written once for the whole batch.
    func record(_ batch: [(transfer: LedgerTransfer, order: OrderID?)]) async throws {
        guard !batch.isEmpty else { return }
        // Money moves before anything is announced: appending an event takes PostgreSQL's event-order
        // lock until commit, and a transaction that took it before locking accounts could wait, in a
        // cycle, on one that locked accounts first.
        assert(!eventsAppended.isSet, "ledger transfers must be recorded before the transaction appends events")
        let requests = batch.map(\.transfer)
        let orders = Dictionary(batch.map { ($0.transfer.id, $0.order) }, uniquingKeysWith: { first, _ in first })
        var known = try await storedTransfers(Set(requests.map(\.id) + requests.compactMap(\.pendingID)))
        var accounts = Set(requests.flatMap { [$0.debit, $0.credit] })
        for transfer in known.values { accounts.formUnion([transfer.transfer.debit, transfer.transfer.credit]) }
        let currency = requests[0].currency
        guard requests.allSatisfy({ $0.currency == currency }) else { throw LedgerError.currencyMismatch }
        var rows = try await lockedAccounts(accounts, currency: currency)

        var effects: [LedgerRules.Effect] = []
        for request in requests {
            if let written = known[request.id] {
                guard LedgerRules.isRetry(request, of: written.transfer) else { throw LedgerError.idReused }
                continue
            }
            let pending = request.pendingID.flatMap { known[$0] }
            if let pending, pending.transfer.currency != currency { throw LedgerError.currencyMismatch }
            let debit = pending?.transfer.debit ?? request.debit
            let credit = pending?.transfer.credit ?? request.credit
            guard let debitRow = rows[debit], let creditRow = rows[credit] else { throw LedgerError.pendingNotFound }
            let effect = try LedgerRules.apply(
                request, debit: debitRow.balance, credit: creditRow.balance, pending: pending)
            rows[debit]?.balance = effect.debit
            rows[credit]?.balance = effect.credit
            rows[debit]?.changed = true
            rows[credit]?.changed = true
            known[request.id] = .init(transfer: effect.transfer, resolved: false)
            if let pendingID = effect.transfer.pendingID, let resolved = known[pendingID] {
                known[pendingID] = .init(transfer: resolved.transfer, resolved: true)
            }
            effects.append(effect)
        }
        guard !effects.isEmpty else { return }

        let newIDs = Set(effects.map(\.transfer.id))
        for chunk in effects.chunked(into: 400) {
            let values: [SQLQueryString] = chunk.map { effect in
                let transfer = effect.transfer
                return """
                    (\(bind: transfer.id), \(bind: transfer.kind.rawValue), \(bind: rows[transfer.debit]!.id),
                     \(bind: rows[transfer.credit]!.id), \(bind: transfer.amount), \(bind: transfer.currency),
                     \(bind: transfer.pendingID), \(bind: known[transfer.id]?.resolved == true ? 1 : 0),
                     \(bind: transfer.code), \(bind: orders[transfer.id]??.rawValue),
                     \(bind: now.millisecondsSince1970))
                    """
            }
            try await sql.raw(
                """
                INSERT INTO ledger_transfers (transfer_id, kind, debit_account_id, credit_account_id, amount, currency,
                    pending_id, resolved, code, order_id, created_at)
                VALUES \(values.joined(separator: ", "))
                """
            ).run()
        }
        let resolvedEarlier = effects.compactMap(\.transfer.pendingID).filter { !newIDs.contains($0) }
        for chunk in resolvedEarlier.chunked(into: 500) {
            try await sql.raw(
                "UPDATE ledger_transfers SET resolved = 1 WHERE transfer_id IN (\(binds: Array(chunk)))"
            ).run()
        }
        // One statement per 500 accounts (both databases name a VALUES list's columns column1…).
        for chunk in rows.values.filter(\.changed).sorted(by: { $0.id < $1.id }).chunked(into: 500) {
            let values: [SQLQueryString] = chunk.map { row in
                """
                (\(bind: row.id), \(bind: row.balance.debitsPosted), \(bind: row.balance.creditsPosted),
                 \(bind: row.balance.debitsPending), \(bind: row.balance.creditsPending))
                """
            }
            try await sql.raw(
                """
                UPDATE ledger_accounts SET debits_posted = sums.column2, credits_posted = sums.column3,
                    debits_pending = sums.column4, credits_pending = sums.column5
                FROM (VALUES \(values.joined(separator: ", "))) AS sums
                WHERE ledger_accounts.id = sums.column1
                """
            ).run()
        }
    }

    /// An account's balance in `currency` as this transaction sees it, without locking it (locks
    /// are taken by `record`, in its order); zero when it has never moved.
    func unlockedBalance(_ account: LedgerAccount, currency: String) async throws -> LedgerBalance {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: LedgerStore.balanceColumns) FROM ledger_accounts
            WHERE kind = \(bind: account.kind.rawValue) AND owner_id = \(bind: account.owner) AND currency = \(bind: currency)
            """
        ).first().map(LedgerStore.balance) ?? LedgerBalance()
    }

    private struct AccountRow {
        let id: Int64
        var balance: LedgerBalance
        var changed = false
    }

    /// The accounts, created when new and locked in one fixed order (by kind, then id) so that two
    /// transactions touching the same accounts never wait for each other in a cycle.
    private func lockedAccounts(_ accounts: Set<LedgerAccount>, currency: String) async throws
        -> [LedgerAccount: AccountRow]
    {
        var rows = try await selectAccounts(accounts, currency: currency)
        let missing = accounts.filter { rows[$0] == nil }
        guard !missing.isEmpty else { return rows }
        // Inserted only when missing: a conflicting insert would still use up an id of the sequence.
        let values: [SQLQueryString] = missing.sorted { ($0.kind.rawValue, $0.owner) < ($1.kind.rawValue, $1.owner) }
            .map {
                "(\(bind: $0.kind.rawValue), \(bind: $0.owner), \(bind: currency))"
            }
        try await sql.raw(
            """
            INSERT INTO ledger_accounts (kind, owner_id, currency) VALUES \(values.joined(separator: ", "))
            ON CONFLICT (kind, owner_id, currency) DO NOTHING
            """
        ).run()
        rows.merge(try await selectAccounts(missing, currency: currency)) { first, _ in first }
        return rows
    }

    private func selectAccounts(_ accounts: Set<LedgerAccount>, currency: String) async throws
        -> [LedgerAccount: AccountRow]
    {
        var rows: [LedgerAccount: AccountRow] = [:]
        let byKind = Dictionary(grouping: accounts, by: \.kind)
        for kind in LedgerAccount.Kind.allCases {
            for chunk in (byKind[kind] ?? []).map(\.owner).sorted().chunked(into: 500) {
                for row in try await sql.raw(
                    """
                    SELECT id, owner_id, debits_posted, credits_posted, debits_pending, credits_pending
                    FROM ledger_accounts WHERE kind = \(bind: kind.rawValue) AND currency = \(bind: currency)
                    AND owner_id IN (\(binds: Array(chunk))) ORDER BY id\(unsafeRaw: lockForUpdate)
                    """
                ).all() {
                    let account = LedgerAccount(kind, owner: try row.decode(column: "owner_id", as: Int64.self))
                    rows[account] = AccountRow(
                        id: try row.decode(column: "id", as: Int64.self), balance: try LedgerStore.balance(row))
                }
            }
        }
        return rows
    }

    private func storedTransfers(_ ids: Set<String>) async throws -> [String: LedgerRules.PendingState] {
        var found: [String: LedgerRules.PendingState] = [:]
        for chunk in Array(ids).chunked(into: 500) {
            for row in try await sql.raw(
                """
                SELECT \(unsafeRaw: LedgerStore.transferColumns), ledger_transfers.resolved
                \(unsafeRaw: LedgerStore.transferJoins)
                WHERE ledger_transfers.transfer_id IN (\(binds: Array(chunk)))
                """
            ).all() {
                let transfer = try LedgerStore.transfer(row)
                found[transfer.id] = .init(
                    transfer: transfer, resolved: try row.decode(column: "resolved", as: Int.self) != 0)
            }
        }
        return found
    }
}
