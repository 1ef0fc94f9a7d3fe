/// The payment step, shaped for the authorize-then-capture gateways card processors offer: an
/// order's amount is authorized when it is placed, captured when the partner delivers, voided when
/// it is cancelled before, refunded after. Agora never sees card data: a gateway keeps it and
/// answers with a reference. The ledger records the same steps (a pending transfer, posted or
/// voided), whatever the gateway.
///
/// Each step carries an idempotency key derived from the order and the step (`order:12:capture`):
/// a step is called under the order's lock but before the transaction commits, so a retry after a
/// failed commit sends the same key, and the gateway must not act twice on one key.
public protocol PaymentGateway: Sendable {
    /// How members pay, as the API names it (`pay_on_delivery`).
    var method: String { get }
    /// Reserves `amount` for the order; answers the gateway's reference for the next steps.
    func authorize(order: OrderID, amount: Money, key: String) async throws -> String
    func capture(reference: String, amount: Money, key: String) async throws
    func void(reference: String, key: String) async throws
    func refund(reference: String, amount: Money, key: String) async throws
}

/// The built-in method: the member pays the partner at delivery. Nothing is reserved with anyone;
/// the ledger's hold stands for the promise, and the partner's "delivered" is the payment.
public struct PayOnDelivery: PaymentGateway {
    public init() {}
    public var method: String { "pay_on_delivery" }
    public func authorize(order: OrderID, amount: Money, key: String) async throws -> String { "on-delivery:\(order)" }
    public func capture(reference: String, amount: Money, key: String) async throws {}
    public func void(reference: String, key: String) async throws {}
    public func refund(reference: String, amount: Money, key: String) async throws {}
}
