import Foundation

/// A comment on a deal; replies go one level deep.
public struct Comment: Equatable, Sendable {
    public let id: Int64
    public let dealID: DealID
    public let authorID: MemberID
    public let authorHandle: String
    /// The comment it answers; nil for a top-level comment.
    public let parentID: Int64?
    /// Nil once deleted: the place stays so that replies keep their context.
    public let body: String?
    public let likes: Int
    public let createdAt: Date
    public let editedAt: Date?

    public init(
        id: Int64, dealID: DealID, authorID: MemberID, authorHandle: String, parentID: Int64?, body: String?,
        likes: Int, createdAt: Date, editedAt: Date?
    ) {
        self.id = id
        self.dealID = dealID
        self.authorID = authorID
        self.authorHandle = authorHandle
        self.parentID = parentID
        self.body = body
        self.likes = likes
        self.createdAt = createdAt
        self.editedAt = editedAt
    }
}

/// Rules of a comment's text.
public enum CommentText {
    public static let maximumLength = 2000
    /// At most this many members are notified by one comment, so a comment cannot spam the site.
    public static let maximumMentions = 5

    /// The text, trimmed and checked; a `ValidationError` on `body` otherwise.
    public static func checked(_ raw: String) throws(ValidationError) -> String {
        let body = raw.trimmed()
        guard !body.isEmpty else { throw ValidationError(field: "body", "error.required") }
        guard body.count <= maximumLength else { throw ValidationError.tooLong("body", maximum: maximumLength) }
        let allowed: Set<Unicode.Scalar> = ["\n", "\r", "\t"]
        guard !body.unicodeScalars.contains(where: { $0.isUnsafeInText && !allowed.contains($0) }) else {
            throw ValidationError(field: "body", "error.invalidValue")
        }
        return body
    }

    /// The handles mentioned as `@handle`, lower-cased, first mention first, without repeats.
    /// A mention starts at the beginning or after a character that is not part of a handle (so an
    /// e-mail address is not a mention) and takes the letters, digits and `_` that follow (see `AccountRules.handle`).
    public static func mentions(in body: String) -> [String] {
        var found: [String] = []
        let characters = Array(body)
        var index = 0
        while index < characters.count {
            defer { index += 1 }
            guard characters[index] == "@" else { continue }
            if index > 0, isHandleCharacter(characters[index - 1]) { continue }
            var end = index + 1
            while end < characters.count, isHandleCharacter(characters[end]) { end += 1 }
            let handle = String(characters[(index + 1)..<end]).lowercased()
            if handle.count >= 3, !found.contains(handle) { found.append(handle) }
            if found.count == maximumMentions { break }
            index = end - 1
        }
        return found
    }

    private static func isHandleCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "_")
    }
}
