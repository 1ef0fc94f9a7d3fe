import Foundation

/// The document's schemas: the shapes of bodies, answers and problems.
extension OpenAPIDocument {
    static let feedCSVDescription = """
        A header line, then one offer a line; separated by commas or semicolons. Required columns: \
        sku, gtin, name, price, currency, stock, condition, url. Optional: brand, category, shipping, \
        environmental_score, carbon_kg, repairability, origin, description, image_urls and labels (lists \
        separated by |). Amounts are decimals (12.50 or 12,50). A category must exist (its slug).
        """

    static func ref(_ name: String) -> [String: Any] { ["$ref": "#/components/schemas/\(name)"] }

    static func object(_ properties: [String: Any], required: [String] = []) -> [String: Any] {
        ["type": "object", "properties": properties, "required": required, "additionalProperties": false]
    }

    static var string: [String: Any] { ["type": "string"] }
    static var dateTime: [String: Any] { ["type": "string", "format": "date-time"] }
    static var integer: [String: Any] { ["type": "integer", "format": "int64"] }
    static var locale: [String: Any] { ["type": ["string", "null"], "enum": ["fr", "en", NSNull()]] }
    static var home: [String: Any] {
        object(
            [
                "latitude": ["type": "number", "minimum": -90, "maximum": 90],
                "longitude": ["type": "number", "minimum": -180, "maximum": 180],
            ],
            required: ["latitude", "longitude"])
    }

    static var schemas: [String: Any] {
        let shared: [String: Any] = [
            "Problem": object(
                [
                    "type": string, "title": string, "status": ["type": "integer"], "detail": string,
                    "field": ["type": "string", "description": "The field at fault, for validation errors"],
                ],
                required: ["type", "title", "status", "detail"]),
            "Registration": object(
                [
                    "handle": ["type": "string", "pattern": "^[a-z0-9_]{3,30}$"],
                    "email": ["type": "string", "format": "email", "maxLength": 254],
                    "password": ["type": "string", "minLength": 10, "maxLength": 128], "locale": locale,
                ],
                required: ["handle", "email", "password"]),
            "Credentials": object(
                ["login": ["type": "string", "description": "Handle or e-mail"], "password": string],
                required: ["login", "password"]),
            "Session": object(
                ["token": string, "expiresAt": dateTime, "csrfToken": string, "member": ref("Member")],
                required: ["token", "expiresAt", "csrfToken", "member"]),
            "Member": object(
                [
                    "id": integer, "handle": string, "email": string, "displayName": ["type": ["string", "null"]],
                    "locale": locale,
                    "home": ["oneOf": [home, ["type": "null"]]],
                    "sustainabilityWeight": ["type": "integer", "minimum": 0, "maximum": 100],
                    "role": ["type": "string", "enum": ["member", "partner", "staff", "admin"]],
                    "partnerID": ["type": ["integer", "null"]],
                    "createdAt": dateTime,
                ],
                required: ["id", "handle", "email", "sustainabilityWeight", "role", "createdAt"]),
            "MemberList": object(["items": ["type": "array", "items": ref("Member")]], required: ["items"]),
            "ProfilePatch": object([
                "displayName": ["type": ["string", "null"], "maxLength": 60], "locale": locale,
                "home": ["oneOf": [home, ["type": "null"]]],
                "sustainabilityWeight": ["type": "integer", "minimum": 0, "maximum": 100],
            ]),
            "RoleChange": object(
                ["role": ["type": "string", "enum": ["member", "staff", "admin"]]], required: ["role"]),
            "Partner": object(
                [
                    "id": integer, "name": string, "slug": string,
                    "kind": ["type": "string", "enum": ["merchant", "brand", "supplier"]],
                    "commissionBasisPoints": ["type": "integer", "minimum": 0, "maximum": 10000], "createdAt": dateTime,
                ],
                required: ["id", "name", "slug", "kind", "commissionBasisPoints", "createdAt"]),
            "PartnerList": object(["items": ["type": "array", "items": ref("Partner")]], required: ["items"]),
            "NewPartner": object(
                [
                    "name": ["type": "string", "maxLength": 80],
                    "slug": ["type": "string", "pattern": "^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$"],
                    "kind": ["type": "string", "enum": ["merchant", "brand", "supplier"]],
                    "commissionBasisPoints": ["type": "integer", "minimum": 0, "maximum": 10000],
                ],
                required: ["name", "slug", "kind", "commissionBasisPoints"]),
            "Attachment": object(["handle": string], required: ["handle"]),
            "NewToken": object(["label": ["type": "string", "maxLength": 80]], required: ["label"]),
            "Token": object(
                [
                    "id": integer, "label": string, "createdAt": dateTime,
                    "revokedAt": ["type": ["string", "null"], "format": "date-time"],
                    "token": [
                        "type": "string", "description": "The secret, present only in the answer that creates it",
                    ],
                ],
                required: ["id", "label", "createdAt"]),
            "TokenList": object(["items": ["type": "array", "items": ref("Token")]], required: ["items"]),
            "Amount": object(
                ["amount": ["type": "integer", "description": "Minor units (cents)"], "currency": string],
                required: ["amount", "currency"]),
            "Figure": object(
                [
                    "value": ["type": "number"],
                    "source": ["type": "string", "enum": ["partner", "community", "verified"]], "at": dateTime,
                ],
                required: ["value", "source", "at"]),
        ]
        return shared.merging(catalogSchemas) { first, _ in first }.merging(dealSchemas) { first, _ in first }
            .merging(reviewSchemas) { first, _ in first }.merging(articleSchemas) { first, _ in first }
            .merging(commerceSchemas) { first, _ in first }
            .merging(ideaSchemas) { first, _ in first }
            .merging(businessModelSchemas) { first, _ in first }
            .merging(voiceSchemas) { first, _ in first }
    }
}
