import AgoraDomain
import AgoraStore
import Foundation
import Logging
import ServiceLifecycle
import Synchronization

/// Counts requests and active members in memory and adds them to the traffic aggregates every
/// few seconds: one small write a flush, however busy the instance is.
final class TrafficRecorder: Sendable {
    private struct Pending {
        var counts: [TrafficStore.HourKey: TrafficStore.Counts] = [:]
        var seen: Set<TrafficStore.ActiveDay> = []
    }

    private let pending = Mutex(Pending())
    /// This instance, in the gauges table: its host and process, and a random part for restarts.
    let instance =
        "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-"
        + String(UUID().uuidString.prefix(8))

    func record(channel: TrafficChannel, status: Int, milliseconds: Double, at date: Date) {
        let hour = Int64((date.timeIntervalSince1970 / 3_600).rounded(.down)) * 3_600_000
        let bucket = LatencyHistogram.bucket(milliseconds: milliseconds)
        pending.withLock { pending in
            let key = TrafficStore.HourKey(hour: hour, channel: channel)
            var counts = pending.counts[key] ?? TrafficStore.Counts()
            counts.requests += 1
            if (400..<500).contains(status) { counts.clientErrors += 1 }
            if status >= 500 { counts.serverErrors += 1 }
            // A live stream lasts as long as its reader: its duration is no response time.
            if channel != .live { counts.latency[bucket] += 1 }
            pending.counts[key] = counts
        }
    }

    func memberSeen(_ member: MemberID, at date: Date) {
        let day = TrafficStore.ActiveDay(at: date, member: member)
        pending.withLock { _ = $0.seen.insert(day) }
    }

    /// Adds what was counted since the last flush; on failure, keeps it for the next one.
    func flush(to store: TrafficStore, hub: EventHub) async throws {
        let taken = pending.withLock { pending in
            defer { pending = Pending() }
            return pending
        }
        do {
            try await store.add(
                taken.counts, seen: taken.seen,
                gauges: .init(
                    instance: instance, liveStreams: hub.subscriberCount,
                    deliveryLagMilliseconds: hub.takeWorstDeliveryLag()))
        } catch {
            pending.withLock { pending in
                for (key, counts) in taken.counts {
                    var merged = pending.counts[key] ?? TrafficStore.Counts()
                    merged.requests += counts.requests
                    merged.clientErrors += counts.clientErrors
                    merged.serverErrors += counts.serverErrors
                    for index in merged.latency.indices { merged.latency[index] += counts.latency[index] }
                    pending.counts[key] = merged
                }
                pending.seen.formUnion(taken.seen)
            }
            throw error
        }
    }
}

/// Flushes the traffic recorder every `interval`, and once more at shutdown.
struct TrafficService: Service {
    let recorder: TrafficRecorder
    let store: TrafficStore
    let hub: EventHub
    let interval: Duration
    let logger: Logger

    func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            // Woken by a graceful shutdown, so that stopping never waits for the next flush.
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            await flush()
        }
        await flush()
    }

    private func flush() async {
        do {
            try await recorder.flush(to: store, hub: hub)
        } catch {
            logger.warning("traffic figures not written; kept for the next flush", metadata: ["error": "\(error)"])
        }
    }
}
