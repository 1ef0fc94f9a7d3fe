/// A value that breaks a rule: which field, and a message key that the web layer translates.
///
/// `message` is a key of the locale files (`error.handle.format`), so the API and the forms
/// say the same thing in the reader's language.
public struct ValidationError: Error, Equatable, Sendable {
    public let field: String
    public let message: String
    /// What fills the message's placeholders (`{0}`: the maximum length of `error.tooLong`).
    public let arguments: [String]

    public init(field: String, _ message: String, arguments: [String]) {
        self.field = field
        self.message = message
        self.arguments = arguments
    }

    public init(field: String, _ message: String, _ arguments: String...) {
        self.init(field: field, message, arguments: arguments)
    }

    /// The same refusal, about another field.
    public func about(_ field: String) -> ValidationError {
        ValidationError(field: field, message, arguments: arguments)
    }

    /// The refusal of a value longer than `maximum` characters.
    public static func tooLong(_ field: String, maximum: Int) -> ValidationError {
        ValidationError(field: field, "error.tooLong", String(maximum))
    }
}
