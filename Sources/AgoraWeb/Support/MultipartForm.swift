/// The fields of a `multipart/form-data` body (RFC 7578), the way a browser sends a form with a
/// file: each part's name, its file name when it is a file, and its bytes.
struct MultipartForm {
    struct Part {
        let name: String
        let filename: String?
        let bytes: ArraySlice<UInt8>
    }

    let parts: [Part]

    /// Nil when the type has no boundary or the body does not follow it.
    init?(contentType: String, body: [UInt8]) {
        guard contentType.lowercased().hasPrefix("multipart/form-data"),
            let parameter = contentType.split(separator: ";").map({ $0.trimmed() }).first(where: {
                $0.lowercased().hasPrefix("boundary=")
            })
        else { return nil }
        var boundary = String(parameter.dropFirst("boundary=".count))
        if boundary.hasPrefix("\""), boundary.hasSuffix("\""), boundary.count >= 2 {
            boundary = String(boundary.dropFirst().dropLast())
        }
        guard (1...70).contains(boundary.utf8.count) else { return nil }
        let delimiter = Array("--\(boundary)".utf8)
        guard var start = Self.find(delimiter, in: body, from: 0) else { return nil }
        var parts: [Part] = []
        while true {
            start += delimiter.count
            // "--" after a delimiter closes the body.
            if body.count >= start + 2, body[start] == 0x2D, body[start + 1] == 0x2D { break }
            guard let headersEnd = Self.find(Array("\r\n\r\n".utf8), in: body, from: start),
                let next = Self.find(Array("\r\n".utf8) + delimiter, in: body, from: headersEnd + 4)
            else { return nil }
            let headers = String(decoding: body[start..<headersEnd], as: UTF8.self)
            if let disposition = headers.split(separator: "\r\n").first(where: {
                $0.lowercased().hasPrefix("content-disposition:")
            }) {
                let name = Self.parameter("name", in: disposition)
                if let name {
                    parts.append(
                        Part(
                            name: name, filename: Self.parameter("filename", in: disposition),
                            bytes: body[(headersEnd + 4)..<next]))
                }
            }
            start = next + 2
        }
        self.parts = parts
    }

    /// A text field's value, empty when absent.
    subscript(_ name: String) -> String {
        parts.first { $0.name == name && $0.filename == nil }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    /// The bytes of the file field `name`; nil when no file was chosen.
    func file(_ name: String) -> [UInt8]? {
        guard let part = parts.first(where: { $0.name == name && $0.filename != nil }), !part.bytes.isEmpty else {
            return nil
        }
        return Array(part.bytes)
    }

    private static func parameter(_ name: String, in header: Substring) -> String? {
        for piece in header.split(separator: ";").dropFirst() {
            let pair = piece.trimmed()
            guard pair.hasPrefix("\(name)=") else { continue }
            var value = String(pair.dropFirst(name.count + 1))
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 {
                value = String(value.dropFirst().dropLast())
            }
            return value
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, haystack.count >= needle.count, from <= haystack.count - needle.count else { return nil }
        var index = from
        let first = needle[0]
        while index <= haystack.count - needle.count {
            if haystack[index] == first, haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
