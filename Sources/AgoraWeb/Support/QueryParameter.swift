/// The reading of an integer in a query string (ids, cursors, limits).
enum QueryParameter {
    /// Absent is nil; anything else must be an integer within `range`, or the request is refused
    /// with a 422 naming `field`.
    static func integer<Value: FixedWidthInteger>(
        _ raw: String?, field: String, in range: ClosedRange<Value> = 1...Value.max
    ) throws -> Value? {
        guard let raw else { return nil }
        guard let value = Value(raw), range.contains(value) else {
            throw Problem.validation(field: field, "error.invalidValue")
        }
        return value
    }
}
