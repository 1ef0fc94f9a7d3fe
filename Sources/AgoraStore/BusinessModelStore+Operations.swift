import AgoraDomain
import Foundation
import SQLKit

/// The dashboard's figures about how the service runs: the interface members use, the platform
/// under it, and how partners' processes keep up.
extension BusinessModelStore {
    /// Gauges older than this come from an instance that stopped: left out.
    static let gaugeFreshness: TimeInterval = 60

    static func organizingModel(
        _ period: ReportPeriod, partner: PartnerID?, settings: PlatformSettings, now: Date, _ sql: any SQLDatabase
    ) async throws -> BusinessModelFigures.OrganizingModel {
        let (from, to) = (period.from.millisecondsSince1970, period.to.millisecondsSince1970)
        var model = BusinessModelFigures.OrganizingModel()
        model.acknowledgementTargetHours = settings.acknowledgementTargetHours
        let only: SQLQueryString = partner.map { "WHERE id = \(bind: $0.rawValue)" } ?? ""
        var rows: [PartnerID: BusinessModelFigures.OrganizingModel.PartnerRow] = [:]
        for row in try await sql.raw("SELECT id, name FROM partners \(only)").all() {
            let id = PartnerID(try row.decode(column: "id", as: Int64.self))
            rows[id] = .init(partner: id, name: try row.decode(column: "name", as: String.self))
        }
        let scope: SQLQueryString = partner.map { "AND partner_id = \(bind: $0.rawValue)" } ?? ""
        var active: Set<PartnerID> = []
        var hours: [PartnerID: [Double]] = [:]
        for row in try await sql.raw(
            """
            SELECT partner_id, placed_at, acknowledged_at FROM orders
            WHERE placed_at >= \(bind: from) AND placed_at < \(bind: to) \(scope)
            """
        ).all() {
            let id = PartnerID(try row.decode(column: "partner_id", as: Int64.self))
            active.insert(id)
            rows[id]?.ordersPlaced += 1
            guard let acknowledged = try row.decode(column: "acknowledged_at", as: Int64?.self) else { continue }
            let waited = Double(acknowledged - (try row.decode(column: "placed_at", as: Int64.self))) / 3_600_000
            rows[id]?.acknowledged += 1
            if waited <= Double(settings.acknowledgementTargetHours) { rows[id]?.acknowledgedInTarget += 1 }
            hours[id, default: []].append(waited)
        }
        for (id, waits) in hours { rows[id]?.medianAcknowledgementHours = Statistics.median(waits) }
        // Offers keep their last update only: freshness is of the offers as they stand now, read
        // from the (partner_id, updated_at) index alone.
        let fresh = period.to.addingTimeInterval(-7 * 86_400).millisecondsSince1970
        for row in try await sql.raw(
            """
            SELECT partner_id, COUNT(*) AS offers,
                SUM(CASE WHEN updated_at >= \(bind: fresh) AND updated_at < \(bind: to) THEN 1 ELSE 0 END) AS fresh,
                SUM(CASE WHEN updated_at >= \(bind: from) AND updated_at < \(bind: to) THEN 1 ELSE 0 END) AS updated
            FROM offers WHERE 1 = 1 \(scope) GROUP BY partner_id
            """
        ).all() {
            let id = PartnerID(try row.decode(column: "partner_id", as: Int64.self))
            rows[id]?.offers = try row.decode(column: "offers", as: Int.self)
            rows[id]?.freshOffers = try row.decode(column: "fresh", as: Int?.self) ?? 0
            if try row.decode(column: "updated", as: Int?.self) ?? 0 > 0 { active.insert(id) }
        }
        let deliveryScope: SQLQueryString =
            partner.map { "AND webhook_deliveries.partner_id = \(bind: $0.rawValue)" } ?? ""
        for row in try await sql.raw(
            """
            SELECT webhook_deliveries.partner_id, COUNT(*) AS attempts,
                SUM(CASE WHEN webhook_attempts.status_code BETWEEN 200 AND 299 THEN 0 ELSE 1 END) AS failures
            FROM webhook_attempts JOIN webhook_deliveries ON webhook_deliveries.id = webhook_attempts.delivery_id
            WHERE webhook_attempts.at >= \(bind: from) AND webhook_attempts.at < \(bind: to) \(deliveryScope)
            GROUP BY webhook_deliveries.partner_id
            """
        ).all() {
            let id = PartnerID(try row.decode(column: "partner_id", as: Int64.self))
            rows[id]?.webhookAttempts = try row.decode(column: "attempts", as: Int.self)
            rows[id]?.webhookFailures = try row.decode(column: "failures", as: Int?.self) ?? 0
        }
        model.partners = rows.values.sorted { ($0.name, $0.partner.rawValue) < ($1.name, $1.partner.rawValue) }
        model.activePartners = active.filter { rows[$0] != nil }.count
        let ideaScope: SQLQueryString = partner.map { "AND partner_id = \(bind: $0.rawValue)" } ?? ""
        let ideas = try await sql.raw(
            """
            SELECT COUNT(*) AS due,
                SUM(CASE WHEN decided_at IS NOT NULL AND decided_at <= review_deadline THEN 1 ELSE 0 END) AS in_time
            FROM ideas
            WHERE review_deadline >= \(bind: from) AND review_deadline < \(bind: to) AND merged_into IS NULL \(ideaScope)
            """
        ).first()!
        model.ideasDue = try ideas.decode(column: "due", as: Int.self)
        model.ideasAnsweredInTime = try ideas.decode(column: "in_time", as: Int?.self) ?? 0
        model.ideasOverdueNow = try await sql.raw(
            """
            SELECT COUNT(*) AS n FROM ideas WHERE status = 'under_review'
              AND review_deadline < \(bind: now.millisecondsSince1970) AND merged_into IS NULL \(ideaScope)
            """
        ).first()!.decode(column: "n", as: Int.self)
        return model
    }

    static func interface(_ period: ReportPeriod, _ sql: any SQLDatabase) async throws
        -> BusinessModelFigures.Interface
    {
        var interface = BusinessModelFigures.Interface()
        let days = period.dayNumbers
        interface.activeByDay = try await sql.raw(
            """
            SELECT day, COUNT(*) AS n FROM activity_days
            WHERE day >= \(bind: days.lowerBound) AND day <= \(bind: days.upperBound) GROUP BY day ORDER BY day
            """
        ).all().map {
            DayCount(
                day: try $0.decode(column: "day", as: Int64.self), count: try $0.decode(column: "n", as: Int64.self))
        }
        func distinct(since first: Int64) async throws -> Int {
            try await sql.raw(
                """
                SELECT COUNT(DISTINCT member_id) AS n FROM activity_days
                WHERE day >= \(bind: max(first, days.lowerBound)) AND day <= \(bind: days.upperBound)
                """
            ).first()!.decode(column: "n", as: Int.self)
        }
        interface.activeInPeriod = try await distinct(since: days.lowerBound)
        interface.activeLastWeek = try await distinct(since: days.upperBound - 6)
        interface.activeLastMonth = try await distinct(since: days.upperBound - 29)
        let (from, to) = (period.from.millisecondsSince1970, period.to.millisecondsSince1970)
        interface.newMembers = try await sql.raw(
            "SELECT COUNT(*) AS n FROM members WHERE created_at >= \(bind: from) AND created_at < \(bind: to)"
        ).first()!.decode(column: "n", as: Int.self)
        for row in try await sql.raw(
            """
            SELECT COALESCE(members.locale, '') AS locale, COUNT(*) AS n FROM members
            WHERE members.id IN (SELECT DISTINCT member_id FROM activity_days
                WHERE day >= \(bind: days.lowerBound) AND day <= \(bind: days.upperBound))
            GROUP BY COALESCE(members.locale, '')
            """
        ).all() {
            interface.languages[try row.decode(column: "locale", as: String.self)] = try row.decode(
                column: "n", as: Int.self)
        }
        for row in try await sql.raw(
            """
            SELECT channel, CAST(SUM(requests) AS BIGINT) AS n, MIN(hour) AS first FROM traffic_hours
            WHERE hour >= \(bind: from) AND hour < \(bind: to) GROUP BY channel
            """
        ).all() {
            guard let channel = TrafficChannel(rawValue: try row.decode(column: "channel", as: String.self)) else {
                continue
            }
            interface.requestsByChannel[channel] = try row.decode(column: "n", as: Int64.self)
            let first = Date(millisecondsSince1970: try row.decode(column: "first", as: Int64.self))
            interface.measuredSince = min(interface.measuredSince ?? first, first)
        }
        let pages = try await latency(period, channels: [.web, .phone], sql)
        (interface.pageLatencyP50, interface.pageLatencyP95) = (
            LatencyHistogram.percentile(0.5, of: pages), LatencyHistogram.percentile(0.95, of: pages)
        )
        return interface
    }

    static func servicePlatform(_ period: ReportPeriod, now: Date, _ sql: any SQLDatabase) async throws
        -> BusinessModelFigures.ServicePlatform
    {
        var platform = BusinessModelFigures.ServicePlatform()
        let (from, to) = (period.from.millisecondsSince1970, period.to.millisecondsSince1970)
        let totals = try await sql.raw(
            """
            SELECT CAST(SUM(requests) AS BIGINT) AS requests, CAST(SUM(client_errors) AS BIGINT) AS client_errors, CAST(SUM(server_errors) AS BIGINT) AS server_errors
            FROM traffic_hours WHERE hour >= \(bind: from) AND hour < \(bind: to)
            """
        ).first()!
        platform.requests = try totals.decode(column: "requests", as: Int64?.self) ?? 0
        platform.clientErrors = try totals.decode(column: "client_errors", as: Int64?.self) ?? 0
        platform.serverErrors = try totals.decode(column: "server_errors", as: Int64?.self) ?? 0
        platform.requestsByDay = try await sql.raw(
            """
            SELECT hour / 86400000 AS day, CAST(SUM(requests) AS BIGINT) AS n FROM traffic_hours
            WHERE hour >= \(bind: from) AND hour < \(bind: to) GROUP BY hour / 86400000 ORDER BY day
            """
        ).all().map {
            DayCount(
                day: try $0.decode(column: "day", as: Int64.self), count: try $0.decode(column: "n", as: Int64.self))
        }
        platform.latencyP95 = LatencyHistogram.percentile(
            0.95, of: try await latency(period, channels: [.web, .phone, .api], sql))
        platform.apiLatencyP95 = LatencyHistogram.percentile(0.95, of: try await latency(period, channels: [.api], sql))
        let gauges = try await sql.raw(
            """
            SELECT COUNT(*) AS instances, SUM(live_streams) AS streams, MAX(delivery_lag_ms) AS lag
            FROM instance_gauges
            WHERE updated_at >= \(bind: now.addingTimeInterval(-gaugeFreshness).millisecondsSince1970)
            """
        ).first()!
        platform.reportingInstances = try gauges.decode(column: "instances", as: Int.self)
        platform.liveConnections = try gauges.decode(column: "streams", as: Int?.self) ?? 0
        platform.deliveryLagMilliseconds = try gauges.decode(column: "lag", as: Int64?.self)
        let webhooks = try await sql.raw(
            """
            SELECT COUNT(*) AS attempts, SUM(CASE WHEN status_code BETWEEN 200 AND 299 THEN 1 ELSE 0 END) AS successes
            FROM webhook_attempts WHERE at >= \(bind: from) AND at < \(bind: to)
            """
        ).first()!
        platform.webhookAttempts = try webhooks.decode(column: "attempts", as: Int.self)
        platform.webhookSuccesses = try webhooks.decode(column: "successes", as: Int?.self) ?? 0
        return platform
    }

    /// Requests per latency bucket over the period, for `channels`.
    static func latency(_ period: ReportPeriod, channels: [TrafficChannel], _ sql: any SQLDatabase) async throws
        -> [Int64]
    {
        var counts = [Int64](repeating: 0, count: LatencyHistogram.bounds.count + 1)
        for row in try await sql.raw(
            """
            SELECT bucket, CAST(SUM(requests) AS BIGINT) AS n FROM traffic_latency
            WHERE hour >= \(bind: period.from.millisecondsSince1970) AND hour < \(bind: period.to.millisecondsSince1970)
              AND channel IN (\(binds: channels.map(\.rawValue)))
            GROUP BY bucket
            """
        ).all() {
            let bucket = try row.decode(column: "bucket", as: Int.self)
            if counts.indices.contains(bucket) { counts[bucket] = try row.decode(column: "n", as: Int64.self) }
        }
        return counts
    }
}
