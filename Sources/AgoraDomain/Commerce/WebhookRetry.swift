import Foundation

/// When a failed webhook delivery is tried again: 30 s after the first attempt, doubling each
/// time up to 2 hours between tries, for 24 hours after the event; then it is given up (and stays
/// replayable by hand from the partner's delivery page).
public enum WebhookRetry {
    public static let firstDelay: TimeInterval = 30
    public static let longestDelay: TimeInterval = 2 * 3_600
    public static let givingUpAfter: TimeInterval = 24 * 3_600

    /// The time of the next try after `attempts` failed ones, or nil when the 24 hours are over.
    public static func nextAttempt(after attempts: Int, firstAttemptAt start: Date, now: Date) -> Date? {
        let exponent = min(max(attempts - 1, 0), 20)
        let delay = min(firstDelay * Double(1 << exponent), longestDelay)
        let next = now.addingTimeInterval(delay)
        return next.timeIntervalSince(start) <= givingUpAfter ? next : nil
    }
}
