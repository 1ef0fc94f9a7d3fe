import Crypto
import Foundation

/// A random bearer secret and the only thing stored of it: its SHA-256.
///
/// Tokens carry 256 bits of randomness, so a fast hash is enough: unlike passwords they
/// cannot be guessed from a dictionary, and hashing them keeps a stolen database useless.
public struct SecretToken: Sendable {
    public let value: String

    public init(prefix: String) {
        let bytes = SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
        value = prefix + Self.base64URL(bytes)
    }

    public var hash: String { Self.hash(value) }

    /// Lower-case hex of the SHA-256 of `value`: the form stored and looked up.
    public static func hash(_ value: String) -> String {
        hex(Array(SHA256.hash(data: Array(value.utf8))))
    }

    /// Lower-case hexadecimal, without Foundation's formatting (this runs on every authenticated request).
    public static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var characters = [UInt8]()
        characters.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            characters.append(digits[Int(byte >> 4)])
            characters.append(digits[Int(byte & 0x0f)])
        }
        return String(decoding: characters, as: UTF8.self)
    }

    /// Base64url without padding (RFC 4648 §5): safe in headers, cookies and URLs.
    static func base64URL(_ bytes: [UInt8]) -> String {
        let encoded = Data(bytes).base64EncodedString().utf8.compactMap { character -> UInt8? in
            switch character {
            case UInt8(ascii: "+"): UInt8(ascii: "-")
            case UInt8(ascii: "/"): UInt8(ascii: "_")
            case UInt8(ascii: "="): nil
            default: character
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }
}
