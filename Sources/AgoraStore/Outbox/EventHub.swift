import AgoraDomain
import Foundation
import Synchronization

/// The in-process fan-out: every subscriber gets every event the dispatcher publishes, in order.
///
/// Each subscriber has a bounded buffer. One that falls behind by more than the buffer is
/// dropped (its stream ends) instead of slowing the others; it resumes from the outbox
/// with `Last-Event-ID` when it reconnects.
public final class EventHub: Sendable {
    private let subscribers = Mutex<[UUID: AsyncStream<Delivery>.Continuation]>([:])
    private let lastPublished = Atomic<Int64>(0)
    /// The longest wait, in milliseconds, between an event's commit and its publication here since
    /// the dashboard's recorder last took it.
    private let worstLag = Atomic<Int64>(0)

    public init() {}

    /// What a subscriber receives: the events, and the heartbeats its owner adds among them.
    public enum Delivery: Sendable {
        case event(StoredEvent)
        case heartbeat
    }

    /// One subscriber's stream. Its owner's heartbeats go into the same buffer as the events, so
    /// that one task reads both: with 10,000 live clients, a task (and a hop) less per client.
    public struct Subscription: Sendable {
        public let deliveries: AsyncStream<Delivery>
        fileprivate let continuation: AsyncStream<Delivery>.Continuation

        public func heartbeat() { continuation.yield(.heartbeat) }

        /// Ends the stream, as the hub does for a subscriber that fell behind.
        public func finish() { continuation.finish() }
    }

    /// The events published from now on; the stream ends if the subscriber falls `buffer` behind.
    public func subscribe(buffer: Int = 1024) -> Subscription {
        let id = UUID()
        let (stream, continuation) = AsyncStream.makeStream(
            of: Delivery.self, bufferingPolicy: .bufferingOldest(buffer))
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return Subscription(deliveries: stream, continuation: continuation)
    }

    public var subscriberCount: Int { subscribers.withLock { $0.count } }

    /// The newest event published on this instance: whatever was computed before it may be stale.
    public var lastPublishedID: EventID { EventID(lastPublished.load(ordering: .acquiring)) }

    /// The longest delivery lag seen since the last call, in milliseconds; starts again from zero.
    public func takeWorstDeliveryLag() -> Int64 { worstLag.exchange(0, ordering: .relaxed) }

    func publish(_ events: [StoredEvent]) {
        if let newest = events.last { lastPublished.store(newest.id.rawValue, ordering: .releasing) }
        if let oldest = events.first {
            let lag = max(0, Int64(Date().timeIntervalSince(oldest.createdAt) * 1_000))
            var seen = worstLag.load(ordering: .relaxed)
            while lag > seen {
                let (exchanged, current) = worstLag.compareExchange(
                    expected: seen, desired: lag, ordering: .relaxed)
                if exchanged { break }
                seen = current
            }
        }
        let current = subscribers.withLock { $0 }
        for (id, continuation) in current {
            for event in events {
                if case .dropped = continuation.yield(.event(event)) {
                    subscribers.withLock { _ = $0.removeValue(forKey: id) }
                    continuation.finish()
                    break
                }
            }
        }
    }

    /// Ends every stream, so that live responses finish during shutdown.
    public func finishAll() {
        let current = subscribers.withLock { subscribers in
            defer { subscribers.removeAll() }
            return subscribers
        }
        for continuation in current.values { continuation.finish() }
    }
}
