import Foundation

/// The rules an account's fields obey, checked once at the edge before anything is written.
public enum AccountRules {
    public static let handleLength = 3...30
    public static let passwordLength = 10...128
    public static let emailMaxLength = 254
    public static let displayNameMaxLength = 60

    /// A handle is 3–30 characters of `a-z`, `0-9` and `_`; it appears in URLs and mentions.
    public static func handle(_ raw: String) throws(ValidationError) -> String {
        guard handleLength.contains(raw.count) else { throw ValidationError(field: "handle", "error.handle.length") }
        guard raw.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 95 }) else {
            throw ValidationError(field: "handle", "error.handle.format")
        }
        return raw
    }

    /// An e-mail address, trimmed and lower-cased so that one mailbox cannot hold two accounts.
    ///
    /// Only the shape is checked (one `@`, a dot in the domain, no spaces): the only real check
    /// of an address is a message that arrives.
    public static func email(_ raw: String) throws(ValidationError) -> String {
        let email = raw.trimmed().lowercased()
        guard email.count <= emailMaxLength else { throw ValidationError(field: "email", "error.email.length") }
        let parts = email.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), !email.contains(where: { $0.isWhitespace || $0.isNewline })
        else { throw ValidationError(field: "email", "error.email.format") }
        return email
    }

    /// Passwords are 10 to 128 characters; bcrypt reads only 72 bytes, so longer ones add nothing but cost.
    public static func password(_ raw: String) throws(ValidationError) -> String {
        guard raw.count >= passwordLength.lowerBound else {
            throw ValidationError(field: "password", "error.password.short")
        }
        guard raw.count <= passwordLength.upperBound, raw.utf8.count <= 256 else {
            throw ValidationError(field: "password", "error.password.long")
        }
        return raw
    }

    /// A display name: trimmed, at most 60 characters, no control characters; empty means none.
    public static func displayName(_ raw: String) throws(ValidationError) -> String? {
        let name = raw.trimmed()
        guard name.count <= displayNameMaxLength else {
            throw ValidationError(field: "displayName", "error.displayName.length")
        }
        guard !name.unicodeScalars.contains(where: \.isUnsafeInText) else {
            throw ValidationError(field: "displayName", "error.displayName.format")
        }
        return name.isEmpty ? nil : name
    }

    /// How much sustainability weighs in a member's rankings, from 0 (price only) to 100 (impact only).
    public static func sustainabilityWeight(_ raw: Int) throws(ValidationError) -> Int {
        guard (0...100).contains(raw) else {
            throw ValidationError(field: "sustainabilityWeight", "error.sustainabilityWeight.range")
        }
        return raw
    }
}
