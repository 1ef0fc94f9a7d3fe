/// The payment step, shaped for the authorize-then-capture gateways card processors offer: an
/// order's amount is authorized when it is placed, captured when the partner delivers, voided when
/// it is cancelled before, refunded after. Agora never sees card data: a gateway keeps it and
/// answers with a reference. The ledger records the same steps (a pending transfer, posted or
/// voided), whatever the gateway.
public protocol PaymentGateway: Sendable {
    /// How members pay, as the API names it (`pay_on_delivery`).
    var method: String { get }
    /// Reserves `amount` for the order; answers the gateway's reference for the next steps.
    func authorize(order: OrderID, amount: Money) async throws -> String
    func capture(reference: String, amount: Money) async throws
    func void(reference: String) async throws
    func refund(reference: String, amount: Money) async throws
}

/// The built-in method: the member pays the partner at delivery. Nothing is reserved with anyone;
/// the ledger's hold stands for the promise, and the partner's "delivered" is the payment.
public struct PayOnDelivery: PaymentGateway {
    public init() {}
    public var method: String { "pay_on_delivery" }
    public func authorize(order: OrderID, amount: Money) async throws -> String { "on-delivery:\(order)" }
    public func capture(reference: String, amount: Money) async throws {}
    public func void(reference: String) async throws {}
    public func refund(reference: String, amount: Money) async throws {}
}
