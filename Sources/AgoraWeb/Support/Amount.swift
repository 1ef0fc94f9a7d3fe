import AgoraDomain

/// An amount as the API writes and reads it: minor units and currency.
struct Amount: Codable {
    let amount: Int64
    let currency: String

    init(_ money: Money) {
        amount = money.minorUnits
        currency = money.currency
    }
}
