import Foundation
import Hummingbird

/// The OpenAPI 3.1 description of `/api/v1`, served at `/api/v1/openapi.json`.
///
/// Written by hand next to the routes; a test compares its operations with the router's, so
/// a route cannot be added or removed without this document following.
enum OpenAPIDocument {
    /// One API operation.
    struct Operation {
        let method: String
        let path: String
        let summary: String
        var auth: Auth = .none
        var body: String? = nil
        var success: (code: Int, schema: String?) = (200, nil)
        var errors: [Int] = []
        var extraParameters: [[String: Any]] = []
    }

    enum Auth {
        case none, optional, member, staff, admin, partner
    }

    static func query(_ name: String, _ type: String, _ description: String) -> [String: Any] {
        ["name": name, "in": "query", "required": false, "schema": ["type": type], "description": description]
    }

    static func json() -> Data {
        var paths: [String: [String: Any]] = [:]
        for operation in operations {
            paths[operation.path, default: [:]][operation.method] = describe(operation)
        }
        let document: [String: Any] = [
            "openapi": "3.1.0",
            "info": [
                "title": "Agora API", "version": "1.0.0",
                "description":
                    "Errors are application/problem+json (RFC 9457) with a stable `type` and, for validation, the `field` at fault. "
                    + "Writes authenticated by the session cookie need the X-CSRF-Token header (the agora_csrf cookie's value).",
            ],
            "servers": [["url": "/"]],
            "paths": paths,
            "components": [
                "schemas": schemas,
                "securitySchemes": [
                    "bearer": [
                        "type": "http", "scheme": "bearer",
                        "description": "A member session token or a partner token (agp_…)",
                    ],
                    "cookie": ["type": "apiKey", "in": "cookie", "name": "agora_session"],
                ],
            ],
        ]
        return (try? JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted])) ?? Data()
    }

    private static func describe(_ operation: Operation) -> [String: Any] {
        var result: [String: Any] = ["summary": operation.summary, "operationId": operationID(operation)]
        var parameters = pathParameters(operation.path) + operation.extraParameters
        let isWrite = operation.method != "get"
        let isIdempotent = isWrite && operation.path != "/api/v1/sessions"
        if isIdempotent {
            parameters.append([
                "name": "Idempotency-Key", "in": "header", "required": false,
                "schema": ["type": "string", "maxLength": 255],
                "description":
                    "Retries with the same key get the first answer again (header Idempotent-Replayed: true) for 24 hours",
            ])
        }
        if isWrite {
            parameters.append([
                "name": "X-CSRF-Token", "in": "header", "required": false, "schema": ["type": "string"],
                "description": "Required when authenticated by the session cookie",
            ])
        }
        if !parameters.isEmpty { result["parameters"] = parameters }
        switch operation.auth {
        case .none: result["security"] = [[String: [String]]]()
        case .optional: result["security"] = [[:], ["bearer": []], ["cookie": []]]
        default: result["security"] = [["bearer": []], ["cookie": []]]
        }
        if let body = operation.body {
            switch body {
            case "FeedCSV":
                result["requestBody"] = [
                    "required": true,
                    "content": ["text/csv": ["schema": ["type": "string", "description": feedCSVDescription]]],
                ]
            case "Photo":
                // The image's bytes decide its type, whatever Content-Type says.
                let image: [String: Any] = ["schema": ["type": "string", "format": "binary"]]
                result["requestBody"] = [
                    "required": true, "content": ["image/jpeg": image, "image/png": image, "image/webp": image],
                ]
            default:
                result["requestBody"] = ["required": true, "content": ["application/json": ["schema": ref(body)]]]
            }
        }
        var responses: [String: Any] = [:]
        var success: [String: Any] = ["description": "Success"]
        if let schema = operation.success.schema {
            success["content"] = ["application/json": ["schema": ref(schema)]]
        } else if operation.path.hasSuffix("/events") {
            success["content"] = ["text/event-stream": ["schema": ["type": "string"]]]
        }
        responses[String(operation.success.code)] = success
        var errors = Set(operation.errors + [500])
        if isWrite { errors.insert(403) }  // CSRF
        if isIdempotent { errors.formUnion([409, 422]) }  // a key in use, or reused for another request
        if operation.body != nil { errors.formUnion([400, 413, 415, 422]) }
        for code in errors.sorted() {
            responses[String(code)] = [
                "description": HTTPResponse.Status(code: code).reasonPhrase,
                "content": ["application/problem+json": ["schema": ref("Problem")]],
            ]
        }
        result["responses"] = responses
        return result
    }

    private static func operationID(_ operation: Operation) -> String {
        let words = operation.path.split(separator: "/").dropFirst(2).map {
            $0.replacingOccurrences(of: "{", with: "by-").replacingOccurrences(of: "}", with: "")
        }
        return ([operation.method] + words).joined(separator: "-").replacingOccurrences(of: ".", with: "-")
    }

    private static func pathParameters(_ path: String) -> [[String: Any]] {
        path.split(separator: "/").filter { $0.hasPrefix("{") }.map {
            let name = String($0.dropFirst().dropLast())
            return [
                "name": name, "in": "path", "required": true, "schema": ["type": name == "id" ? "integer" : "string"],
            ]
        }
    }
}
