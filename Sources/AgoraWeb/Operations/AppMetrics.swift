import Foundation
import Metrics
import Prometheus

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
        let dimensions = [("method", method), ("route", route), ("status", String(status))]
        Counter(label: "agora_http_requests_total", dimensions: dimensions, factory: factory).increment()
        Timer(
            label: "agora_http_request_duration_seconds", dimensions: [("method", method), ("route", route)],
            factory: factory
        )
        .recordNanoseconds(Int64(duration.milliseconds * 1_000_000))
    }

    func streamOpened() { liveStreams.increment() }
    func streamClosed() { liveStreams.decrement() }

    /// The Prometheus text exposition of every metric.
    func exposition() -> String {
        var buffer = [UInt8]()
        registry.emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }
}
