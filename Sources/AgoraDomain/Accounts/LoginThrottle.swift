import Foundation

/// Slows repeated login attempts, counted separately per login and per client address.
///
/// The first `freeAttempts` attempts cost nothing; after that each one doubles the wait before
/// the next is even checked, up to `maximumDelay`. A count whose last attempt is older than
/// `window` starts again. Answering "wait" before checking the password keeps a guesser from
/// learning anything while blocked.
public struct LoginThrottle: Sendable {
    public var freeAttempts: Int
    public var baseDelay: TimeInterval
    public var maximumDelay: TimeInterval
    public var window: TimeInterval

    public init(
        freeAttempts: Int = 5, baseDelay: TimeInterval = 1, maximumDelay: TimeInterval = 900,
        window: TimeInterval = 3600
    ) {
        self.freeAttempts = freeAttempts
        self.baseDelay = baseDelay
        self.maximumDelay = maximumDelay
        self.window = window
    }

    /// Seconds still to wait before the next attempt, or nil when an attempt may be made now.
    public func retryAfter(failures: Int, lastFailureAt: Date?, now: Date) -> TimeInterval? {
        guard let lastFailureAt, now.timeIntervalSince(lastFailureAt) < window else { return nil }
        let excess = failures - freeAttempts
        guard excess >= 0 else { return nil }
        let delay = min(maximumDelay, baseDelay * pow(2, Double(min(excess, 30))))
        let remaining = lastFailureAt.addingTimeInterval(delay).timeIntervalSince(now)
        return remaining > 0 ? remaining.rounded(.up) : nil
    }
}
