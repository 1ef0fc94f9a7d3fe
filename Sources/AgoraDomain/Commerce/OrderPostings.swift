/// What the platform takes and gives on every order, set by staff (issue 7 makes it editable).
public struct CommerceSettings: Sendable, Equatable, Codable {
    /// The share of the commission that goes to the member who brought the sale, in basis points.
    public var rewardShareBps: Int
    /// What processing one order costs the platform: a fixed part plus a part of the gross.
    public var processingCostFixed: Int64
    public var processingCostBps: Int
    /// Days after delivery during which a member may send the order back (14 in the EU); rewards
    /// stay pending until then.
    public var returnWindowDays: Int

    public init(rewardShareBps: Int, processingCostFixed: Int64, processingCostBps: Int, returnWindowDays: Int) {
        self.rewardShareBps = rewardShareBps
        self.processingCostFixed = processingCostFixed
        self.processingCostBps = processingCostBps
        self.returnWindowDays = returnWindowDays
    }

    public static let standard = CommerceSettings(
        rewardShareBps: 2_000, processingCostFixed: 25, processingCostBps: 120, returnWindowDays: 14)
}

/// The money of one order, fixed when it is placed so that later changes of rates never rewrite it.
public struct OrderTerms: Sendable, Equatable, Codable {
    public let order: Int64
    public let customer: MemberID
    public let partner: PartnerID
    public let gross: Int64
    public let currency: String
    public let commission: Int64
    public let processingCost: Int64
    /// The member rewarded for the sale (the sharer whose link brought the buyer, or the proposer
    /// of the group buy), and how much.
    public let rewardee: MemberID?
    public let reward: Int64

    public init(
        order: Int64, customer: MemberID, partner: PartnerID, gross: Int64, currency: String, commissionBps: Int,
        rewardee: MemberID?, settings: CommerceSettings
    ) {
        self.order = order
        self.customer = customer
        self.partner = partner
        self.gross = gross
        self.currency = currency
        commission = Self.share(gross, bps: commissionBps)
        processingCost = settings.processingCostFixed + Self.share(gross, bps: settings.processingCostBps)
        // A member never rewards themselves for their own purchase.
        self.rewardee = rewardee == customer ? nil : rewardee
        reward = self.rewardee == nil ? 0 : Self.share(commission, bps: settings.rewardShareBps)
    }

    /// Terms as stored with their order.
    public init(
        order: Int64, customer: MemberID, partner: PartnerID, gross: Int64, currency: String, commission: Int64,
        processingCost: Int64, rewardee: MemberID?, reward: Int64
    ) {
        self.order = order
        self.customer = customer
        self.partner = partner
        self.gross = gross
        self.currency = currency
        self.commission = commission
        self.processingCost = processingCost
        self.rewardee = rewardee
        self.reward = reward
    }

    /// `amount × bps / 10 000`, rounded half up, in integers.
    public static func share(_ amount: Int64, bps: Int) -> Int64 { (amount * Int64(bps) + 5_000) / 10_000 }
}

/// The transfers each step of an order writes. Ids derive from the order, so that a step run twice
/// (a retry, a job that restarts) writes nothing the second time.
public enum OrderPostings {
    public static func authorizationID(_ order: Int64) -> String { "order:\(order):authorization" }
    public static func rewardID(_ order: Int64) -> String { "order:\(order):reward" }

    /// Placing an order reserves its gross from the customer for the partner: the authorization.
    public static func authorize(_ terms: OrderTerms) -> LedgerTransfer {
        LedgerTransfer(
            id: authorizationID(terms.order), kind: .pending, debit: .customer(terms.customer),
            credit: .partner(terms.partner), amount: terms.gross, currency: terms.currency, code: "sale")
    }

    /// A cancellation before payment releases the authorization.
    public static func release(_ terms: OrderTerms) -> LedgerTransfer {
        LedgerTransfer(
            id: "order:\(terms.order):release", kind: .void, debit: .customer(terms.customer),
            credit: .partner(terms.partner), amount: 0, currency: terms.currency,
            pendingID: authorizationID(terms.order), code: "sale")
    }

    /// Payment (on delivery, or when a group buy succeeds): the reserved gross moves to the
    /// partner, the partner's commission to the platform, the processing cost out of it, and the
    /// rewardee's share is reserved until the return window closes.
    ///
    /// `hold` is the reservation the payment draws on: the order's authorization, or a group-buy
    /// pledge's hold. When the gross exceeds it (participants left and a dearer tier applies), the
    /// hold is posted whole and the difference moves as a transfer of its own.
    public static func capture(_ terms: OrderTerms, hold: (id: String, amount: Int64)) -> [LedgerTransfer] {
        let id = "order:\(terms.order)"
        let customer = LedgerAccount.customer(terms.customer)
        let partner = LedgerAccount.partner(terms.partner)
        var transfers = [
            LedgerTransfer(
                id: "\(id):capture", kind: .post, debit: customer, credit: partner,
                amount: min(terms.gross, hold.amount), currency: terms.currency, pendingID: hold.id, code: "sale")
        ]
        if terms.gross > hold.amount {
            transfers.append(
                LedgerTransfer(
                    id: "\(id):top-up", kind: .posted, debit: customer, credit: partner,
                    amount: terms.gross - hold.amount, currency: terms.currency, code: "sale"))
        }
        transfers.append(
            LedgerTransfer(
                id: "\(id):commission", kind: .posted, debit: partner, credit: .commission, amount: terms.commission,
                currency: terms.currency, code: "commission"))
        transfers.append(
            LedgerTransfer(
                id: "\(id):cost", kind: .posted, debit: .commission, credit: .costs, amount: terms.processingCost,
                currency: terms.currency, code: "processing"))
        if let rewardee = terms.rewardee, terms.reward > 0 {
            transfers.append(
                LedgerTransfer(
                    id: rewardID(terms.order), kind: .pending, debit: .commission, credit: .rewards(rewardee),
                    amount: terms.reward, currency: terms.currency, code: "reward"))
        }
        return transfers.filter { $0.kind != .posted || $0.amount > 0 }
    }

    /// The return window closed: the reward becomes the member's to keep.
    public static func vestReward(_ terms: OrderTerms) -> [LedgerTransfer] {
        guard let rewardee = terms.rewardee, terms.reward > 0 else { return [] }
        return [
            LedgerTransfer(
                id: "order:\(terms.order):reward:vest", kind: .post, debit: .commission, credit: .rewards(rewardee),
                amount: terms.reward, currency: terms.currency, pendingID: rewardID(terms.order), code: "reward")
        ]
    }

    /// A paid order given back: the gross returns to the customer and the commission to the
    /// partner; the reward is withdrawn (voided while pending, clawed back once vested, never more
    /// than the wallet holds). The processing cost was spent and stays spent.
    public static func refund(_ terms: OrderTerms, rewardVested: Bool, walletAvailable: Int64) -> [LedgerTransfer] {
        let id = "order:\(terms.order)"
        var transfers = [
            LedgerTransfer(
                id: "\(id):refund", kind: .posted, debit: .partner(terms.partner), credit: .customer(terms.customer),
                amount: terms.gross, currency: terms.currency, code: "refund"),
            LedgerTransfer(
                id: "\(id):commission:refund", kind: .posted, debit: .commission, credit: .partner(terms.partner),
                amount: terms.commission, currency: terms.currency, code: "refund"),
        ]
        if let rewardee = terms.rewardee, terms.reward > 0 {
            if rewardVested {
                let clawback = min(terms.reward, max(walletAvailable, 0))
                transfers.append(
                    LedgerTransfer(
                        id: "\(id):reward:clawback", kind: .posted, debit: .rewards(rewardee), credit: .commission,
                        amount: clawback, currency: terms.currency, code: "clawback"))
            } else {
                transfers.append(
                    LedgerTransfer(
                        id: "\(id):reward:void", kind: .void, debit: .commission, credit: .rewards(rewardee),
                        amount: 0, currency: terms.currency, pendingID: rewardID(terms.order), code: "clawback"))
            }
        }
        return transfers.filter { $0.kind != .posted || $0.amount > 0 }
    }
}
