/// A value that breaks a rule: which field, and a message key that the web layer translates.
///
/// `message` is a key of the locale files (`error.handle.format`), so the API and the forms
/// say the same thing in the reader's language.
public struct ValidationError: Error, Equatable, Sendable {
    public let field: String
    public let message: String
    public init(field: String, _ message: String) {
        self.field = field
        self.message = message
    }
}
