import Crypto
import Foundation

/// A random bearer secret and the only thing stored of it: its SHA-256.
///
/// Tokens carry 256 bits of randomness, so a fast hash is enough: unlike passwords they
/// cannot be guessed from a dictionary, and hashing them keeps a stolen database useless.
public struct SecretToken: Sendable {
    public let value: String

    public init(prefix: String) {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Data($0) }
        value =
            prefix
            + bytes.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public var hash: String { Self.hash(value) }

    public static func hash(_ value: String) -> String {
        SHA256.hash(data: Data(value.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
