import AgoraDomain
import Foundation
import SQLKit

/// The traffic aggregates: each instance adds what it counted since its last flush, so that the
/// dashboard sums a few rows an hour instead of scanning requests.
public struct TrafficStore: Sendable {
    let database: Database

    public init(database: Database) { self.database = database }

    /// An hour (ms since 1970, floored to the hour) and a channel.
    public struct HourKey: Hashable, Sendable {
        public let hour: Int64
        public let channel: TrafficChannel
        public init(hour: Int64, channel: TrafficChannel) {
            self.hour = hour
            self.channel = channel
        }
    }

    /// What an instance counted for one hour and channel.
    public struct Counts: Equatable, Sendable {
        public var requests: Int64 = 0
        public var clientErrors: Int64 = 0
        public var serverErrors: Int64 = 0
        /// Requests per `LatencyHistogram` bucket.
        public var latency = [Int64](repeating: 0, count: LatencyHistogram.bounds.count + 1)
        public init() {}
    }

    /// This instance's live figures.
    public struct Gauges: Equatable, Sendable {
        public let instance: String
        public let liveStreams: Int
        public let deliveryLagMilliseconds: Int64
        public init(instance: String, liveStreams: Int, deliveryLagMilliseconds: Int64) {
            self.instance = instance
            self.liveStreams = liveStreams
            self.deliveryLagMilliseconds = deliveryLagMilliseconds
        }
    }

    /// Adds counts and active members (day numbers since 1970) and refreshes the instance's gauges,
    /// in one transaction.
    public func add(_ counts: [HourKey: Counts], seen: Set<ActiveDay>, gauges: Gauges) async throws {
        try await database.write { tx in
            // Rows in one order on every instance: two flushing at once wait for each other, never
            // lock the same rows in opposite orders.
            for (key, value) in counts.sorted(by: {
                ($0.key.hour, $0.key.channel.rawValue) < ($1.key.hour, $1.key.channel.rawValue)
            }) {
                try await tx.sql.raw(
                    """
                    INSERT INTO traffic_hours (hour, channel, requests, client_errors, server_errors)
                    VALUES (\(bind: key.hour), \(bind: key.channel.rawValue), \(bind: value.requests),
                        \(bind: value.clientErrors), \(bind: value.serverErrors))
                    ON CONFLICT (hour, channel) DO UPDATE SET requests = traffic_hours.requests + excluded.requests,
                        client_errors = traffic_hours.client_errors + excluded.client_errors,
                        server_errors = traffic_hours.server_errors + excluded.server_errors
                    """
                ).run()
                for (bucket, requests) in value.latency.enumerated() where requests > 0 {
                    try await tx.sql.raw(
                        """
                        INSERT INTO traffic_latency (hour, channel, bucket, requests)
                        VALUES (\(bind: key.hour), \(bind: key.channel.rawValue), \(bind: bucket), \(bind: requests))
                        ON CONFLICT (hour, channel, bucket)
                        DO UPDATE SET requests = traffic_latency.requests + excluded.requests
                        """
                    ).run()
                }
            }
            try await Self.record(seen, tx)
            try await tx.sql.raw(
                """
                INSERT INTO instance_gauges (instance, live_streams, delivery_lag_ms, updated_at)
                VALUES (\(bind: gauges.instance), \(bind: gauges.liveStreams), \(bind: gauges.deliveryLagMilliseconds),
                    \(bind: tx.now.millisecondsSince1970))
                ON CONFLICT (instance) DO UPDATE SET live_streams = excluded.live_streams,
                    delivery_lag_ms = excluded.delivery_lag_ms, updated_at = excluded.updated_at
                """
            ).run()
            // Instances that stopped a day ago are gone (each start is a new instance).
            try await tx.sql.raw(
                "DELETE FROM instance_gauges WHERE updated_at < \(bind: tx.now.addingTimeInterval(-86_400).millisecondsSince1970)"
            ).run()
        }
    }

    /// A member active on a day (UTC days since 1970).
    public struct ActiveDay: Hashable, Sendable {
        public let day: Int64
        public let member: MemberID
        public init(day: Int64, member: MemberID) {
            self.day = day
            self.member = member
        }

        public init(at date: Date, member: MemberID) {
            self.init(day: Int64((date.timeIntervalSince1970 / 86_400).rounded(.down)), member: member)
        }
    }

    static func record(_ seen: Set<ActiveDay>, _ tx: Transaction) async throws {
        for chunk in seen.sorted(by: { ($0.day, $0.member.rawValue) < ($1.day, $1.member.rawValue) }).chunked(into: 400)
        {
            let rows = chunk.map { SQLQueryString("(\(bind: $0.day), \(bind: $0.member.rawValue))") }
            try await tx.sql.raw(
                """
                INSERT INTO activity_days (day, member_id) VALUES \(rows.joined(separator: ", "))
                ON CONFLICT DO NOTHING
                """
            ).run()
        }
    }
}
