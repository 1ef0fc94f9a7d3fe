import Foundation

/// Identifies an order.
public struct OrderID: Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int64
    public init(_ rawValue: Int64) { self.rawValue = rawValue }
    public init(from decoder: any Decoder) throws { rawValue = try Int64(from: decoder) }
    public func encode(to encoder: any Encoder) throws { try rawValue.encode(to: encoder) }
    public var description: String { String(rawValue) }
}

/// Where an order comes from: an offer bought directly, a deal, or a group buy that succeeded.
public enum OrderSource: String, Sendable, Codable, CaseIterable {
    case offer, deal, groupBuy = "group_buy"
}

/// An order's life: placed → acknowledged → shipped → delivered, or cancelled before shipping, or
/// refunded after delivery. Each step keeps its time; the member sees them as a timeline.
public enum OrderStatus: String, Sendable, Codable, CaseIterable {
    case placed, acknowledged, shipped, delivered, cancelled, refunded

    /// Who may take a step: the partner runs its process; a member may only cancel before the
    /// partner acknowledged.
    public enum Actor: Sendable { case member, partner, staff }

    public func allows(_ next: OrderStatus, by actor: Actor) -> Bool {
        switch (self, next) {
        case (.placed, .acknowledged), (.acknowledged, .shipped), (.shipped, .delivered):
            actor != .member
        case (.placed, .cancelled): true
        case (.acknowledged, .cancelled), (.delivered, .refunded): actor != .member
        default: false
        }
    }
}

/// How many units one order may hold: a shop, not a wholesaler.
public enum OrderRules {
    public static let quantities = 1...20
}
