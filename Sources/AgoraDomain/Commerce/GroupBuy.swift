import Foundation

/// Identifies a group-buy campaign.
public struct GroupBuyID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try Int64(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try rawValue.encode(to: encoder) }
    public var description: String { String(rawValue) }
}

/// Where a campaign stands. Proposed campaigns are members' requests; only open ones take pledges.
public enum GroupBuyStatus: String, Sendable, Codable, CaseIterable {
    case open, succeeded, failed, cancelled
}

/// "From N participants the unit price is P": prices fall as participants join.
public struct PriceTier: Hashable, Sendable, Codable {
    public let participants: Int
    public let unitPrice: Int64

    public init(participants: Int, unitPrice: Int64) {
        self.participants = participants
        self.unitPrice = unitPrice
    }
}

/// A campaign's tiers, checked: the first applies from one participant, each next one needs more
/// participants and costs less.
public struct PriceTiers: Hashable, Sendable, Codable {
    public let tiers: [PriceTier]

    public static let maximumCount = 8
    public static let maximumUnitPrice: Int64 = 1_000_000_000

    public init(checking tiers: [PriceTier]) throws(ValidationError) {
        guard (1...Self.maximumCount).contains(tiers.count) else {
            throw ValidationError(field: "tiers", "error.tiers.count")
        }
        guard tiers[0].participants == 1 else { throw ValidationError(field: "tiers", "error.tiers.first") }
        for (lower, higher) in zip(tiers, tiers.dropFirst())
        where higher.participants <= lower.participants || higher.unitPrice >= lower.unitPrice {
            throw ValidationError(field: "tiers", "error.tiers.order")
        }
        // Bounded so that no sum of a campaign can overflow: 10 million per unit, 1,000 units per
        // member, 100,000 units in all.
        guard tiers.allSatisfy({ (1...Self.maximumUnitPrice).contains($0.unitPrice) && $0.participants <= 1_000_000 })
        else {
            throw ValidationError(field: "tiers", "error.money.range")
        }
        self.tiers = tiers
    }

    /// The tier that applies with `participants` members in.
    public func current(participants: Int) -> PriceTier {
        tiers.last { $0.participants <= max(participants, 1) } ?? tiers[0]
    }

    /// The next cheaper tier and how many more participants unlock it; nil at the last tier.
    public func next(participants: Int) -> (tier: PriceTier, missing: Int)? {
        tiers.first { $0.participants > max(participants, 1) }.map { ($0, $0.participants - participants) }
    }
}

/// What a partner or staff write to open a campaign, checked.
public struct GroupBuyInput: Sendable, Equatable {
    public let title: String
    public let description: String
    public let tiers: PriceTiers
    public let minimumParticipants: Int
    /// Units in stock for the campaign: the pledged quantities never add up to more.
    public let cap: Int
    public let perMemberMaximum: Int
    public let deadline: Date

    public static let titleLength = 3...120
    public static let descriptionLength = 0...5_000

    public init(
        title: String, description: String, tiers: [PriceTier], minimumParticipants: Int, cap: Int,
        perMemberMaximum: Int, deadline: Date, now: Date
    ) throws(ValidationError) {
        self.title = try TextField.checked(title, field: "title", length: Self.titleLength)
        self.description = try TextField.checked(
            description, field: "description", length: Self.descriptionLength, multiline: true)
        self.tiers = try PriceTiers(checking: tiers)
        guard (1...100_000).contains(cap) else { throw ValidationError(field: "cap", "error.invalidValue") }
        guard (1...cap).contains(minimumParticipants) else {
            throw ValidationError(field: "minimumParticipants", "error.invalidValue")
        }
        guard (1...min(cap, 1_000)).contains(perMemberMaximum) else {
            throw ValidationError(field: "perMemberMaximum", "error.invalidValue")
        }
        let hour: TimeInterval = 3_600
        guard deadline >= now.addingTimeInterval(hour), deadline <= now.addingTimeInterval(90 * 24 * hour) else {
            throw ValidationError(field: "deadline", "error.groupBuy.deadline")
        }
        self.minimumParticipants = minimumParticipants
        self.cap = cap
        self.perMemberMaximum = perMemberMaximum
        self.deadline = deadline
    }
}

/// How a campaign ends at its deadline.
public enum GroupBuySettlement: Equatable, Sendable {
    /// Everyone pays the best price reached.
    case succeeded(unitPrice: Int64)
    case failed

    public static func at(deadline participants: Int, minimum: Int, tiers: PriceTiers) -> Self {
        participants >= minimum ? .succeeded(unitPrice: tiers.current(participants: participants).unitPrice) : .failed
    }
}

/// The ledger side of a pledge: a pending hold at the price of the tier when it was made. A change
/// of quantity voids the hold and takes a new one (a new version), so each hold is resolved once.
public enum PledgeHolds {
    public static func holdID(pledge: Int64, version: Int) -> String { "pledge:\(pledge):v\(version)" }

    public static func hold(
        pledge: Int64, version: Int, member: MemberID, partner: PartnerID, amount: Int64, currency: String
    ) -> LedgerTransfer {
        LedgerTransfer(
            id: holdID(pledge: pledge, version: version), kind: .pending, debit: .customer(member),
            credit: .partner(partner), amount: amount, currency: currency, code: "pledge")
    }

    public static func release(
        pledge: Int64, version: Int, member: MemberID, partner: PartnerID, currency: String
    ) -> LedgerTransfer {
        LedgerTransfer(
            id: holdID(pledge: pledge, version: version) + ":release", kind: .void, debit: .customer(member),
            credit: .partner(partner), amount: 0, currency: currency,
            pendingID: holdID(pledge: pledge, version: version), code: "pledge")
    }
}
