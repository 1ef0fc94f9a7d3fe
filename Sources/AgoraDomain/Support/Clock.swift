import Foundation

/// The source of "now" for every rule and store, injected so that tests control time.
public protocol AgoraClock: Sendable {
    var now: Date { get }
}

/// The wall clock used in production.
public struct SystemClock: AgoraClock {
    public init() {}
    public var now: Date { Date() }
}
