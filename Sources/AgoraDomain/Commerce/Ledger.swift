/// Double-entry bookkeeping in integer minor units, after TigerBeetle's two-phase transfers.
///
/// Every transfer moves one amount from one account (debit) to another (credit) of the same
/// currency, so the sum of all debits always equals the sum of all credits. A transfer is
/// immutable once written and known by its id: writing the same transfer twice is a no-op, and a
/// different transfer under a used id is refused. A correction is a new transfer.
///
/// A *pending* transfer reserves its amount (an authorization, a group-buy pledge) and is later
/// resolved exactly once: *posted* for its amount or less (the rest is released), or *voided*.
public struct LedgerAccount: Hashable, Sendable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// What a member spent: debited by their orders, credited by refunds.
        case customer
        /// What a partner earned: credited by sales, debited by commission and refunds.
        case partner
        /// The platform's commission income, out of which rewards and costs are paid.
        case commission
        /// A member's rewards wallet: the community's share of commissions. Never negative.
        case rewards
        /// What the platform spends to process orders (payment fees, delivery checks).
        case costs
    }

    public let kind: Kind
    /// The member or partner the account belongs to; 0 for the platform's own accounts.
    public let owner: Int64

    public init(_ kind: Kind, owner: Int64 = 0) {
        self.kind = kind
        self.owner = owner
    }

    public static func customer(_ member: MemberID) -> Self { Self(.customer, owner: member.rawValue) }
    public static func partner(_ partner: PartnerID) -> Self { Self(.partner, owner: partner.rawValue) }
    public static func rewards(_ member: MemberID) -> Self { Self(.rewards, owner: member.rawValue) }
    public static let commission = Self(.commission)
    public static let costs = Self(.costs)

    /// Wallets hold money for someone: their debits (spent or reserved) never exceed their credits.
    public var isWallet: Bool { kind == .rewards }

    public var description: String { owner == 0 ? kind.rawValue : "\(kind.rawValue):\(owner)" }
}

/// The four running sums of an account; its balance is always derived from them.
public struct LedgerBalance: Hashable, Sendable, Codable {
    public var debitsPosted: Int64 = 0
    public var creditsPosted: Int64 = 0
    public var debitsPending: Int64 = 0
    public var creditsPending: Int64 = 0

    public init(debitsPosted: Int64 = 0, creditsPosted: Int64 = 0, debitsPending: Int64 = 0, creditsPending: Int64 = 0)
    {
        self.debitsPosted = debitsPosted
        self.creditsPosted = creditsPosted
        self.debitsPending = debitsPending
        self.creditsPending = creditsPending
    }

    /// Credits minus debits, posted only.
    public var posted: Int64 { creditsPosted - debitsPosted }
    /// What a wallet may still spend: posted credits less everything debited or reserved.
    public var available: Int64 { creditsPosted - debitsPosted - debitsPending }
}

/// One movement of money, as requested and as stored.
public struct LedgerTransfer: Hashable, Sendable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// Moves the amount at once.
        case posted
        /// Reserves the amount until a later `post` or `void` resolves it.
        case pending
        /// Resolves `pendingID` by moving `amount` (at most the reserved amount) and releasing the rest.
        case post
        /// Resolves `pendingID` by releasing all of it.
        case void
    }

    /// Chosen by the caller from what the transfer is for (`order:12:gross`), so a retry finds it.
    public let id: String
    public let kind: Kind
    public let debit: LedgerAccount
    public let credit: LedgerAccount
    public let amount: Int64
    public let currency: String
    /// For `post` and `void`: the pending transfer being resolved.
    public let pendingID: String?
    /// Why the money moved (`sale`, `commission`, `reward`, `refund`…), for statements.
    public let code: String

    public init(
        id: String, kind: Kind, debit: LedgerAccount, credit: LedgerAccount, amount: Int64, currency: String,
        pendingID: String? = nil, code: String
    ) {
        self.id = id
        self.kind = kind
        self.debit = debit
        self.credit = credit
        self.amount = amount
        self.currency = currency
        self.pendingID = pendingID
        self.code = code
    }
}

/// Why the ledger refused a transfer; nothing was written.
public enum LedgerError: Error, Equatable, Sendable {
    case invalidAmount
    case sameAccount
    case currencyMismatch
    /// The id names a different transfer already written.
    case idReused
    case pendingNotFound
    /// The pending transfer was already posted or voided.
    case pendingAlreadyResolved
    /// A post for more than was reserved.
    case exceedsPending
    /// The transfer would leave a wallet with less than nothing.
    case insufficientFunds
}

/// The rules every transfer obeys, written once; the in-memory `Ledger` and the SQL ledger both
/// apply them, so what the property tests prove of one holds of the other.
public enum LedgerRules {
    /// How a pending transfer stands: the store keeps it next to the transfer.
    public struct PendingState: Sendable, Equatable {
        public let transfer: LedgerTransfer
        public let resolved: Bool
        public init(transfer: LedgerTransfer, resolved: Bool) {
            self.transfer = transfer
            self.resolved = resolved
        }
    }

    /// The checked effect of a transfer: the accounts' new balances, and for `post` and `void` the
    /// pending transfer that is now resolved. `post` and `void` take their accounts and currency
    /// from the pending transfer, whatever the request says.
    public struct Effect: Sendable, Equatable {
        public let transfer: LedgerTransfer
        public let debit: LedgerBalance
        public let credit: LedgerBalance
    }

    /// Checks `request` against the balances of its accounts (for `post` and `void`, those of the
    /// pending transfer) and returns what to write; throws and changes nothing when it breaks a rule.
    public static func apply(
        _ request: LedgerTransfer, debit: LedgerBalance, credit: LedgerBalance, pending: PendingState?
    ) throws(LedgerError) -> Effect {
        var debitBalance = debit
        var creditBalance = credit
        var transfer = request
        switch request.kind {
        case .posted, .pending:
            guard request.amount > 0 else { throw .invalidAmount }
            guard request.debit != request.credit else { throw .sameAccount }
            guard request.currency.count == 3 else { throw .currencyMismatch }
            if request.kind == .posted {
                debitBalance.debitsPosted = try add(debitBalance.debitsPosted, request.amount)
                creditBalance.creditsPosted = try add(creditBalance.creditsPosted, request.amount)
            } else {
                debitBalance.debitsPending = try add(debitBalance.debitsPending, request.amount)
                creditBalance.creditsPending = try add(creditBalance.creditsPending, request.amount)
            }
        case .post, .void:
            guard let pending, pending.transfer.kind == .pending else { throw .pendingNotFound }
            guard !pending.resolved else { throw .pendingAlreadyResolved }
            let reserved = pending.transfer.amount
            let moved = request.kind == .void ? 0 : request.amount
            guard moved >= 0 else { throw .invalidAmount }
            guard moved <= reserved else { throw .exceedsPending }
            debitBalance.debitsPending -= reserved
            creditBalance.creditsPending -= reserved
            debitBalance.debitsPosted = try add(debitBalance.debitsPosted, moved)
            creditBalance.creditsPosted = try add(creditBalance.creditsPosted, moved)
            transfer = LedgerTransfer(
                id: request.id, kind: request.kind, debit: pending.transfer.debit, credit: pending.transfer.credit,
                amount: moved, currency: pending.transfer.currency, pendingID: pending.transfer.id, code: request.code)
        }
        if transfer.debit.isWallet, debitBalance.available < 0 { throw .insufficientFunds }
        return Effect(transfer: transfer, debit: debitBalance, credit: creditBalance)
    }

    /// A sum that would not fit in 64 bits is refused rather than trapping.
    static func add(_ sum: Int64, _ amount: Int64) throws(LedgerError) -> Int64 {
        let (result, overflow) = sum.addingReportingOverflow(amount)
        guard !overflow else { throw .invalidAmount }
        return result
    }

    /// Whether a request under an id already written is the same transfer (a retry) or a reuse.
    public static func isRetry(_ request: LedgerTransfer, of written: LedgerTransfer) -> Bool {
        switch request.kind {
        case .posted, .pending: request == written
        case .post, .void:
            request.kind == written.kind && request.pendingID == written.pendingID
                && (request.kind == .void || request.amount == written.amount)
        }
    }
}

/// A whole ledger in memory: the reference model the property tests drive, and a statement's replay.
public struct Ledger: Sendable {
    public private(set) var balances: [LedgerAccount: LedgerBalance] = [:]
    public private(set) var transfers: [LedgerTransfer] = []
    private var byID: [String: Int] = [:]
    private var resolved: Set<String> = []

    public init() {}

    public func balance(_ account: LedgerAccount) -> LedgerBalance { balances[account] ?? LedgerBalance() }

    public func transfer(_ id: String) -> LedgerTransfer? { byID[id].map { transfers[$0] } }

    public func isResolved(_ pendingID: String) -> Bool { resolved.contains(pendingID) }

    /// Writes `request` under the rules; a retry of a written transfer changes nothing.
    public mutating func apply(_ request: LedgerTransfer) throws(LedgerError) {
        if let written = transfer(request.id) {
            guard LedgerRules.isRetry(request, of: written) else { throw .idReused }
            return
        }
        let pending = request.pendingID.flatMap { id in
            transfer(id).map { LedgerRules.PendingState(transfer: $0, resolved: resolved.contains(id)) }
        }
        let debitAccount = pending?.transfer.debit ?? request.debit
        let creditAccount = pending?.transfer.credit ?? request.credit
        let effect = try LedgerRules.apply(
            request, debit: balance(debitAccount), credit: balance(creditAccount), pending: pending)
        balances[debitAccount] = effect.debit
        balances[creditAccount] = effect.credit
        if let pendingID = effect.transfer.pendingID { resolved.insert(pendingID) }
        byID[request.id] = transfers.count
        transfers.append(effect.transfer)
    }

    /// The balances recomputed from the transfers alone, to compare with the running sums.
    public func replayedBalances() -> [LedgerAccount: LedgerBalance] {
        var sums: [LedgerAccount: LedgerBalance] = [:]
        var pendingAmounts: [String: Int64] = [:]
        for transfer in transfers {
            switch transfer.kind {
            case .posted:
                sums[transfer.debit, default: .init()].debitsPosted += transfer.amount
                sums[transfer.credit, default: .init()].creditsPosted += transfer.amount
            case .pending:
                pendingAmounts[transfer.id] = transfer.amount
                sums[transfer.debit, default: .init()].debitsPending += transfer.amount
                sums[transfer.credit, default: .init()].creditsPending += transfer.amount
            case .post, .void:
                let reserved = pendingAmounts[transfer.pendingID ?? ""] ?? 0
                sums[transfer.debit, default: .init()].debitsPending -= reserved
                sums[transfer.credit, default: .init()].creditsPending -= reserved
                sums[transfer.debit, default: .init()].debitsPosted += transfer.amount
                sums[transfer.credit, default: .init()].creditsPosted += transfer.amount
            }
        }
        return sums
    }
}
