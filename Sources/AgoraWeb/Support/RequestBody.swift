import AgoraDomain
import Foundation
import Hummingbird

extension Request {
    /// Decodes a JSON body, turning every way it can be wrong into a problem that names the field.
    func decodeJSON<T: Decodable>(as type: T.Type, context: AppRequestContext, limit: Int? = nil) async throws -> T {
        let type = headers[.contentType]?.lowercased() ?? ""
        guard type.hasPrefix("application/json") || type.hasPrefix("application/merge-patch+json") else {
            throw Problem.unsupportedMediaType
        }
        let body = try await self.body.collect(upTo: limit ?? context.maxUploadSize)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer: body))
        } catch let error as ValidationError {
            throw Problem.validation(error)
        } catch let problem as Problem {
            throw problem
        } catch let error as DecodingError {
            throw Problem(decoding: error)
        } catch {
            throw Problem.malformed
        }
    }
}

extension Problem {
    /// The field a decoding error is about, so the client knows which value to fix.
    init(decoding error: DecodingError) {
        func path(_ codingPath: [any CodingKey], _ key: (any CodingKey)? = nil) -> String {
            Problem.fieldPath(codingPath + (key.map { [$0] } ?? []))
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            self = .malformed
        case .dataCorrupted(let context):
            self = .validation(field: path(context.codingPath), "error.invalidValue")
        case .keyNotFound(let key, let context):
            self = .validation(field: path(context.codingPath, key), "error.required")
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            self = .validation(field: path(context.codingPath), "error.wrongType")
        @unknown default:
            self = .malformed
        }
    }
}

extension Problem {
    /// A field as the client wrote it: `offers[3].price`.
    static func fieldPath(_ keys: [any CodingKey]) -> String {
        keys.reduce(into: "") { path, key in
            if let index = key.intValue {
                path += "[\(index)]"
            } else {
                path += path.isEmpty ? key.stringValue : ".\(key.stringValue)"
            }
        }
    }
}

/// A key found in a JSON object, for rejecting fields nobody asked for.
struct AnyCodingKey: CodingKey {
    let stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

extension Decoder {
    /// Throws for the first key of the object that is not in `known`: a typo must not be silently ignored.
    func rejectUnknownKeys(_ known: Set<String>) throws {
        let container = try container(keyedBy: AnyCodingKey.self)
        if let unknown = container.allKeys.first(where: { !known.contains($0.stringValue) }) {
            let path = Problem.fieldPath(codingPath + [unknown])
            throw Problem.validation(field: path, "error.unknownField")
        }
    }
}

/// Decodes a bounded string: longer input is refused before any rule sees it.
extension KeyedDecodingContainer {
    /// `max` may be looser than the rule (which trims first); the refusal then names the rule's
    /// `stated` maximum, the one a reader must respect.
    func decodeString(_ key: Key, max: Int, stated: Int? = nil) throws -> String {
        let value = try decode(String.self, forKey: key)
        guard value.count <= max else {
            throw Problem.validation(field: key.stringValue, "error.tooLong", String(stated ?? max))
        }
        return value
    }
}
