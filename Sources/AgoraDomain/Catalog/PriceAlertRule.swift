/// When a member's price alert on a product fires.
///
/// An alert has a target total price, or none ("any drop", measured from the lowest total when
/// it was set). It fires once, when the product's lowest total first reaches the target; it can
/// fire again only after the price has gone back above the target (it is re-armed), so that a
/// price hovering around the target does not flood the member.
public struct PriceAlertRule: Equatable, Sendable {
    public let target: Money

    /// An alert for `target`, or for any drop below `current` when no target is given.
    public init(target: Money?, current: Money) {
        self.target = target ?? Money(minorUnits: current.minorUnits - 1, currency: current.currency)
    }

    /// An alert whose target was set earlier (as stored).
    public init(target: Money) { self.target = target }

    public enum Outcome: Equatable, Sendable {
        case fire
        case rearm
        case nothing
    }

    /// What a new lowest total means for an alert that is `armed` (has not fired since it was last re-armed).
    public func evaluate(newLowest: Money, armed: Bool) -> Outcome {
        guard newLowest.currency == target.currency else { return .nothing }
        if armed, newLowest.minorUnits <= target.minorUnits { return .fire }
        if !armed, newLowest.minorUnits > target.minorUnits { return .rearm }
        return .nothing
    }
}
