import AgoraDomain
import Foundation
import Hummingbird

/// The fields of a posted HTML form; a missing field reads as empty. Each is cut at 10,000 characters,
/// above every limit a field has, so that a too-long value is refused by its check, never cut silently.
struct FormFields: Sendable {
    private let values: [String: String]

    init(urlEncoded body: String) {
        var values: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1).map {
                String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let name = parts.first, values[name] == nil else { continue }
            values[name] = String((parts.count > 1 ? parts[1] : "").prefix(10_000))
        }
        self.values = values
    }

    subscript(_ name: String) -> String { values[name] ?? "" }
}

extension Request {
    /// Reads an HTML form body; anything but `application/x-www-form-urlencoded` is refused.
    func decodeForm(context: AppRequestContext) async throws -> FormFields {
        guard headers[.contentType]?.lowercased().hasPrefix("application/x-www-form-urlencoded") == true else {
            throw Problem.unsupportedMediaType
        }
        let body = try await self.body.collect(upTo: context.maxUploadSize)
        return FormFields(urlEncoded: String(buffer: body))
    }
}

/// A refusal carried through a redirect back to the page of the form (`?error=tooLong&errorLimit=2000`):
/// its message key without `error.`, and its number when it has one. Pages take only message keys
/// and digits from the address.
extension ValidationError {
    var redirectQuery: String {
        var query = "error=\(message.dropFirst("error.".count))"
        if let number = arguments.first, !number.isEmpty, number.allSatisfy({ $0.isASCII && $0.isNumber }) {
            query += "&errorLimit=\(number)"
        }
        return query
    }
}

extension Request {
    /// The number of a refusal carried by `ValidationError.redirectQuery`, to fill its message.
    var redirectedLimit: [String] {
        guard let raw = uri.queryParameters.get("errorLimit"), (1...9).contains(raw.count),
            raw.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return [] }
        return [raw]
    }
}
