/// The photo formats a review accepts, recognised by their first bytes, never by a file name or a
/// declared type (either can lie, and a browser told "image" may still sniff HTML).
public enum ImageFormat: String, Sendable, CaseIterable {
    case jpeg, png, webp

    public static let maximumBytes = 5 * 1024 * 1024

    public var mediaType: String { "image/\(rawValue)" }
    public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

    /// The format whose signature starts `bytes`; nil for anything else.
    public init?(sniffing bytes: some Collection<UInt8>) {
        let head = Array(bytes.prefix(12))
        if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if head.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if head.count == 12, head[0..<4].elementsEqual("RIFF".utf8), head[8..<12].elementsEqual("WEBP".utf8) {
            self = .webp
        } else {
            return nil
        }
    }
}
