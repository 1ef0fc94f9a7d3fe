import Foundation

/// How a request reached Agora, for the interface's channel mix.
public enum TrafficChannel: String, Sendable, CaseIterable, Codable {
    /// Pages in a desktop browser.
    case web
    /// Pages in a phone's browser (a user agent that says "Mobi", as browsers on phones do).
    case phone
    /// The JSON API (apps, partners' systems, scripts).
    case api
    /// Live streams (server-sent events): counted, but their duration is the connection's, not a response time.
    case live

    /// The channel of a request, or nil for what is not use of the service (health checks, metrics,
    /// static files).
    public static func of(path: String, userAgent: String?) -> TrafficChannel? {
        if path == "/healthz" || path == "/readyz" || path == "/metrics" || path.hasPrefix("/static/")
            || path == "/favicon.ico" || path == "/favicon.svg"
        {
            return nil
        }
        if path == "/api/v1/events" || path.hasPrefix("/api/v1/events?") { return .live }
        if path.hasPrefix("/api/") { return .api }
        return userAgent?.contains("Mobi") == true ? .phone : .web
    }
}

/// Response times counted in fixed buckets, so that counts from several instances and hours add
/// up, and percentiles come from the sums.
public enum LatencyHistogram {
    /// The upper bound of each bucket, in milliseconds; the last bucket holds everything slower.
    public static let bounds: [Double] = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1_000, 2_500, 5_000]

    /// The bucket of a response time.
    public static func bucket(milliseconds: Double) -> Int {
        bounds.firstIndex { milliseconds <= $0 } ?? bounds.count
    }

    /// The upper bound of the bucket holding the `fraction` percentile (0.5 for the median), in
    /// milliseconds: a figure never below the truth. Nil without requests; infinity when it falls in
    /// the last, unbounded bucket.
    public static func percentile(_ fraction: Double, of counts: [Int64]) -> Double? {
        let total = counts.reduce(0, +)
        guard total > 0 else { return nil }
        let rank = Int64((Double(total) * fraction).rounded(.up))
        var seen: Int64 = 0
        for (bucket, count) in counts.enumerated() {
            seen += count
            if seen >= rank { return bucket < bounds.count ? bounds[bucket] : .infinity }
        }
        return .infinity
    }
}
