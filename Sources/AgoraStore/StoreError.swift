/// What a store refuses, in terms the web layer turns into a problem response.
public enum StoreError: Error, Equatable, Sendable {
    /// A unique value is taken; `field` names it as the API does (`handle`, `email`, `slug`).
    case duplicate(field: String)
    case notFound
    /// The actor may not do this; the message key says why.
    case forbidden(String)
    /// The request is well formed but the state of things refuses it now (a closed campaign, a
    /// full cap); the value is the stable problem type, and `error.conflict.<type>` its message.
    case conflict(String)
}
