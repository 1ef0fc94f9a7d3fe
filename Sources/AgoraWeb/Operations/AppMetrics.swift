import CoreMetrics
import Foundation
import Metrics
import Prometheus
import Synchronization

/// The figures `/metrics` shows, kept in a registry of this application (not the process-wide one,
/// so that tests running several applications do not mix their counts).
final class AppMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    private let factory: PrometheusMetricsFactory
    private let liveStreams: Meter

    init() {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.defaultDurationHistogramBuckets = [
            .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25),
            .milliseconds(50), .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5),
            .seconds(5),
        ]
        self.factory = factory
        liveStreams = Meter(label: "agora_sse_connections", factory: factory)
    }

    func record(method: String, route: String, status: Int, duration: Duration) {
        let (counter, timer) = handles(method: method, route: route, status: status)
        counter.increment()
        timer.recordNanoseconds(Int64(duration.milliseconds * 1_000_000))
    }

    /// The counter and timer of a route, made once: making them anew for each request cost more than the request.
    private func handles(method: String, route: String, status: Int) -> (CoreMetrics.Counter, CoreMetrics.Timer) {
        let key = RouteKey(method: method, route: route, status: status)
        if let found = cache.withLock({ $0[key] }) { return found }
        let made = (
            CoreMetrics.Counter(
                label: "agora_http_requests_total",
                dimensions: [("method", method), ("route", route), ("status", String(status))], factory: factory),
            CoreMetrics.Timer(
                label: "agora_http_request_duration_seconds", dimensions: [("method", method), ("route", route)],
                factory: factory)
        )
        cache.withLock { $0[key] = made }
        return made
    }

    private struct RouteKey: Hashable {
        let method: String
        let route: String
        let status: Int
    }

    private let cache = Mutex<[RouteKey: (CoreMetrics.Counter, CoreMetrics.Timer)]>([:])

    func streamOpened() { liveStreams.increment() }
    func streamClosed() { liveStreams.decrement() }

    /// The Prometheus text exposition of every metric.
    func exposition() -> String {
        var buffer = [UInt8]()
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
