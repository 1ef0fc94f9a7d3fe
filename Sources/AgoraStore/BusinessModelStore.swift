import AgoraDomain
import Foundation
import SQLKit

/// The business model's settings: staff change platform settings and partners' terms; each
/// change is written to the audit log and announced, in the transaction that makes it.
public struct BusinessModelStore: Sendable {
    let database: Database
    /// The deployment's commerce settings: what holds until staff change it.
    let defaults: CommerceSettings

    public init(database: Database, defaults: CommerceSettings = .standard) {
        self.database = database
        self.defaults = defaults
    }

    public func platformSettings() async throws -> PlatformSettings {
        try await database.read { try await Self.platformSettings(defaults: defaults, $0) }
    }

    /// Applies `changes` (each within its bounds); answers the settings now in force.
    public func update(_ changes: [PlatformSettings.Key: Int64], by staff: Member) async throws -> PlatformSettings {
        guard staff.role.isStaff else { throw StoreError.forbidden("error.staffOnly") }
        return try await database.write { tx in
            let current = try await Self.platformSettings(defaults: defaults, tx.sql)
            let updated = try current.applying(changes)
            for key in PlatformSettings.Key.allCases where updated[key] != current[key] {
                try await tx.sql.raw(
                    """
                    INSERT INTO platform_settings (key, value) VALUES (\(bind: key.rawValue), \(bind: updated[key]))
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """
                ).run()
                try await Self.audit(key.rawValue, current[key], updated[key], .platform, by: staff, tx)
            }
            return updated
        }
    }

    /// A partner's terms, as staff recorded them.
    public struct PartnerEntry: Equatable, Sendable {
        public let partner: PartnerID
        public let name: String
        public let terms: PartnerTerms
    }

    public func partnerTerms() async throws -> [PartnerEntry] {
        try await database.read { sql in
            try await sql.raw(
                "SELECT id, name, commission_bps, cost_of_goods_bps, cost_per_order_minor FROM partners ORDER BY name, id"
            ).all().map(Self.entry(from:))
        }
    }

    /// Replaces a partner's terms; each value that changed is audited.
    public func setTerms(_ terms: PartnerTerms, of partner: PartnerID, by staff: Member) async throws -> PartnerEntry {
        guard staff.role.isStaff else { throw StoreError.forbidden("error.staffOnly") }
        let terms = try terms.checked()
        return try await database.write { tx in
            guard
                let row = try await tx.sql.raw(
                    """
                    SELECT id, name, commission_bps, cost_of_goods_bps, cost_per_order_minor FROM partners
                    WHERE id = \(bind: partner.rawValue)\(unsafeRaw: tx.lockForUpdate)
                    """
                ).first()
            else { throw StoreError.notFound }
            let current = try Self.entry(from: row).terms
            try await tx.sql.raw(
                """
                UPDATE partners SET commission_bps = \(bind: terms.commissionBps),
                    cost_of_goods_bps = \(bind: terms.costOfGoodsBps), cost_per_order_minor = \(bind: terms.costPerOrder)
                WHERE id = \(bind: partner.rawValue)
                """
            ).run()
            for (key, old, new) in [
                ("commission_bps", Int64(current.commissionBps), Int64(terms.commissionBps)),
                ("cost_of_goods_bps", Int64(current.costOfGoodsBps), Int64(terms.costOfGoodsBps)),
                ("cost_per_order", current.costPerOrder, terms.costPerOrder),
            ] where old != new {
                try await Self.audit(key, old, new, .partner(partner), by: staff, tx)
            }
            return PartnerEntry(
                partner: partner, name: try row.decode(column: "name", as: String.self), terms: terms)
        }
    }

    /// The changes made in `[from, to)`, oldest first.
    public func changes(from: Date, to: Date) async throws -> [SettingChange] {
        try await database.read { try await Self.changes(from: from, to: to, partner: nil, $0) }
    }

    /// The changes of `[from, to)`; for a partner's slice, only its own terms' changes.
    static func changes(from: Date, to: Date, partner: PartnerID?, _ sql: any SQLDatabase) async throws
        -> [SettingChange]
    {
        let subject: SQLQueryString = partner.map { "AND audit_log.subject = \(bind: "partner:\($0)")" } ?? ""
        return try await sql.raw(
            """
            SELECT audit_log.action, audit_log.subject, audit_log.note, audit_log.created_at, members.handle
            FROM audit_log LEFT JOIN members ON members.id = audit_log.actor_id
            WHERE audit_log.action LIKE 'business-model.%'
              AND audit_log.created_at >= \(bind: from.millisecondsSince1970)
              AND audit_log.created_at < \(bind: to.millisecondsSince1970) \(subject)
            ORDER BY audit_log.created_at, audit_log.id
            """
        ).all().map { row in
            let values = (try row.decode(column: "note", as: String?.self) ?? "").split(separator: " ")
            let subject = try row.decode(column: "subject", as: String.self)
            return SettingChange(
                key: String(try row.decode(column: "action", as: String.self).dropFirst("business-model.".count)),
                partner: subject.hasPrefix("partner:") ? Int64(subject.dropFirst(8)).map(PartnerID.init) : nil,
                oldValue: values.first.flatMap { Int64($0) } ?? 0, newValue: values.last.flatMap { Int64($0) } ?? 0,
                staffHandle: try row.decode(column: "handle", as: String?.self),
                at: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)))
        }
    }

    /// Writes a change to the audit log (its note reads "old → new") and announces it to staff.
    private static func audit(
        _ key: String, _ old: Int64, _ new: Int64, _ subject: ModerationStore.Subject, by staff: Member,
        _ tx: Transaction
    ) async throws {
        try await ModerationStore.audit(staff.id, "business-model.\(key)", subject, note: "\(old) → \(new)", tx)
        try await tx.appendEvent(
            .businessModelChanged, audience: .staff, topic: EventTopic.businessModel,
            payload: ["key": key, "subject": subject.stored, "from": "\(old)", "to": "\(new)"])
    }

    /// The settings in force: the stored ones over the deployment's defaults.
    static func platformSettings(defaults: CommerceSettings, _ sql: any SQLDatabase) async throws -> PlatformSettings {
        var settings = PlatformSettings.defaults(commerce: defaults)
        for row in try await sql.raw("SELECT key, value FROM platform_settings").all() {
            guard let key = PlatformSettings.Key(rawValue: try row.decode(column: "key", as: String.self)) else {
                continue
            }
            settings[key] = try row.decode(column: "value", as: Int64.self)
        }
        return settings
    }

    static func entry(from row: any SQLRow) throws -> PartnerEntry {
        PartnerEntry(
            partner: PartnerID(try row.decode(column: "id", as: Int64.self)),
            name: try row.decode(column: "name", as: String.self),
            terms: PartnerTerms(
                commissionBps: try row.decode(column: "commission_bps", as: Int.self),
                costOfGoodsBps: try row.decode(column: "cost_of_goods_bps", as: Int.self),
                costPerOrder: try row.decode(column: "cost_per_order_minor", as: Int64.self)))
    }
}
