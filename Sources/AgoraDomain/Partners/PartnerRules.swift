import Foundation

/// What kind of business a partner is.
public enum PartnerKind: String, Sendable, Codable, CaseIterable {
    case merchant, brand, supplier
}

/// The rules a partner organisation's fields obey.
public enum PartnerRules {
    public static let nameMaxLength = 80
    public static let slugLength = 2...40

    public static func name(_ raw: String) throws(ValidationError) -> String {
        let name = raw.trimmed()
        guard !name.isEmpty else { throw ValidationError(field: "name", "error.required") }
        guard name.count <= nameMaxLength else { throw ValidationError(field: "name", "error.name.length") }
        return name
    }

    /// A slug names the partner in URLs and on the command line: `a-z`, `0-9` and inner hyphens.
    public static func slug(_ raw: String) throws(ValidationError) -> String {
        guard slugLength.contains(raw.count) else { throw ValidationError(field: "slug", "error.slug.length") }
        let allowed = raw.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
        guard allowed, !raw.hasPrefix("-"), !raw.hasSuffix("-") else {
            throw ValidationError(field: "slug", "error.slug.format")
        }
        return raw
    }

    /// Commission in basis points of the order total: 0 to 10,000 (100 %).
    public static func commission(basisPoints: Int) throws(ValidationError) -> Int {
        guard (0...10_000).contains(basisPoints) else {
            throw ValidationError(field: "commissionBasisPoints", "error.commission.range")
        }
        return basisPoints
    }
}
