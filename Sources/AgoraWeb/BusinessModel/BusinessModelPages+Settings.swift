import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The business model's settings for staff: the platform's settings, each partner's terms, and
/// the last 90 days of changes. Every change goes through `BusinessModelStore`, which audits it.
extension BusinessModelPages {
    /// A settings form that came back refused: which one (`platform` or a partner's id), what was
    /// typed, and the message of its field.
    struct SettingsRefusal {
        let form: String
        let typed: [String: String]
        let field: String
        let message: String
    }

    /// The platform settings by group, in the order of the form.
    static let settingGroups: [(legend: String, keys: [PlatformSettings.Key])] = [
        ("visor.settings.orderMoney", [.rewardShareBps, .processingCostFixed, .processingCostBps, .returnWindowDays]),
        ("visor.settings.platformCosts", [.fixedCostsPerMonth]),
        ("visor.settings.targets", [.acknowledgementTargetHours, .webhookSuccessTargetBps, .ideasAnsweredTargetBps]),
    ]

    /// `GET /admin/business-model/settings?saved=platform|<partner id>`.
    @Sendable func settingsPage(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard member.role.isStaff else { throw Problem.forbidden("error.staffOnly") }
        return try await settingsPage(
            refusal: nil, saved: request.uri.queryParameters.get("saved"), context: context)
    }

    /// `POST /admin/business-model/settings` with every platform setting: those that differ change.
    @Sendable func saveSettings(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard member.role.isStaff else { throw Problem.forbidden("error.staffOnly") }
        let form = try await request.decodeForm(context: context)
        let keys = PlatformSettings.Key.allCases
        do {
            let typed = try BusinessModelForm.settings(form, keys: keys)
            let current = try await store.platformSettings()
            let changes = typed.filter { current[$0.key] != $0.value }
            if !changes.isEmpty { _ = try await store.update(changes, by: member) }
            return .seeOther("/admin/business-model/settings?saved=platform#platform-settings")
        } catch let error as ValidationError {
            let view = BusinessModelView(pages: pages, language: context.language)
            let refusal = SettingsRefusal(
                form: "platform",
                typed: Dictionary(uniqueKeysWithValues: keys.map { ($0.rawValue, form[$0.rawValue]) }),
                field: error.field, message: view.message(error, key: error.field))
            return try await settingsPage(refusal: refusal, saved: nil, context: context)
        }
    }

    /// `POST /admin/business-model/partners/{id}/terms` with the partner's commission and declared costs.
    @Sendable func saveTerms(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard member.role.isStaff else { throw Problem.forbidden("error.staffOnly") }
        let partner = PartnerID(try context.pathID())
        guard try await partners.partner(id: partner) != nil else { throw Problem.notFound }
        let form = try await request.decodeForm(context: context)
        do {
            _ = try await store.setTerms(try BusinessModelForm.terms(form), of: partner, by: member)
            return .seeOther("/admin/business-model/settings?saved=\(partner.rawValue)#terms-\(partner.rawValue)")
        } catch let error as ValidationError {
            let view = BusinessModelView(pages: pages, language: context.language)
            let refusal = SettingsRefusal(
                form: String(partner.rawValue),
                typed: Dictionary(uniqueKeysWithValues: BusinessModelForm.termKeys.map { ($0, form[$0]) }),
                field: error.field, message: view.message(error, key: error.field))
            return try await settingsPage(refusal: refusal, saved: nil, context: context)
        }
    }

    /// The forms, filled with what is in force (or, for a refused one, with what was typed), and the
    /// changes of the last 90 days.
    func settingsPage(refusal: SettingsRefusal?, saved: String?, context: AppRequestContext) async throws
        -> Response
    {
        let view = BusinessModelView(pages: pages, language: context.language)
        let settings = try await store.platformSettings()
        let entries = try await store.partnerTerms()
        let names = Dictionary(uniqueKeysWithValues: entries.map { ($0.partner, $0.name) })
        func error(_ form: String, _ field: String) -> String? {
            refusal.flatMap { $0.form == form && $0.field == field ? $0.message : nil }
        }
        var values: [String: Any] = [
            "groups": Self.settingGroups.map { group -> [String: Any] in
                [
                    "legend": view.text(group.legend),
                    "fields": group.keys.map { key in
                        view.formField(
                            name: key.rawValue, key: key.rawValue,
                            value: refusal?.form == "platform"
                                ? refusal?.typed[key.rawValue] ?? ""
                                : view.field(settings[key], unit: BusinessModelForm.unit(of: key.rawValue)!),
                            error: error("platform", key.rawValue))
                    },
                ]
            },
            "partners": entries.map { entry -> [String: Any] in
                let id = String(entry.partner.rawValue)
                return [
                    "id": id, "name": entry.name,
                    "fields": BusinessModelForm.termKeys.map { key in
                        var field = view.formField(
                            name: key, key: key,
                            value: refusal?.form == id ? refusal?.typed[key] ?? "" : view.field(entry.terms, key: key),
                            error: error(id, key))
                        field["id"] = "terms-\(id)-\(key)"
                        return field
                    },
                ]
            },
        ]
        let now = clock.now
        let changes = try await store.changes(from: now.addingTimeInterval(-90 * 86_400), to: now.addingTimeInterval(1))
        values["changes"] = changes.reversed().map { view.change($0, partnerNames: names) }
        values["noChanges"] = changes.isEmpty
        if let refusal { values["errorSummary"] = refusal.message }
        if saved == "platform" {
            values["flash"] = view.text("visor.settings.saved")
        } else if let saved, let id = Int64(saved), let name = names[PartnerID(id)] {
            values["flash"] = view.text("visor.settings.termsSaved", [name])
        }
        return pages.render(
            "business-model-settings", title: "visor.settings.pageTitle", values: values,
            status: refusal == nil ? .ok : .unprocessableContent, context: context)
    }
}
