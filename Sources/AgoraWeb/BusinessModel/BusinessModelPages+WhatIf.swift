import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The what-if for staff: the period's orders again, with other rates and costs, every party's P&L
/// beside the actual one. It reads; it never writes.
extension BusinessModelPages {
    /// `GET /admin/business-model/what-if?from=&to=`: the form, filled with what is in force.
    @Sendable func whatIfForm(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard member.role.isStaff else { throw Problem.forbidden("error.staffOnly") }
        let query = Self.typed(request, ["from", "to"])
        let view = BusinessModelView(pages: pages, language: context.language)
        let settings = try await store.platformSettings()
        let entries = try await store.partnerTerms()
        var typed: [String: String] = [:]
        for key in BusinessModelForm.whatIfKeys {
            typed[key.rawValue] = view.field(settings[key], unit: BusinessModelForm.unit(of: key.rawValue)!)
        }
        for entry in entries {
            for key in BusinessModelForm.termKeys {
                typed["p\(entry.partner.rawValue).\(key)"] = view.field(entry.terms, key: key)
            }
        }
        do {
            let period = try BusinessModelController.period(from: query["from"], to: query["to"], now: clock.now)
            (typed["from"], typed["to"]) = (period.firstDay, period.lastDay)
        } catch let problem as Problem where problem.status == .unprocessableContent {
            (typed["from"], typed["to"]) = (query["from"] ?? "", query["to"] ?? "")
            let message = pages.localizer.text(problem.detail, context.language, problem.arguments)
            return whatIfPage(
                typed, entries: entries, errors: [problem.field ?? "from": message], result: nil, view: view,
                context: context)
        }
        return whatIfPage(typed, entries: entries, errors: [:], result: nil, view: view, context: context)
    }

    /// `POST /admin/business-model/what-if`: the form as typed, and both P&Ls side by side.
    @Sendable func whatIf(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        guard member.role.isStaff else { throw Problem.forbidden("error.staffOnly") }
        let form = try await request.decodeForm(context: context)
        let view = BusinessModelView(pages: pages, language: context.language)
        let entries = try await store.partnerTerms()
        var names = ["from", "to"] + BusinessModelForm.whatIfKeys.map(\.rawValue)
        for entry in entries {
            names += BusinessModelForm.termKeys.map { "p\(entry.partner.rawValue).\($0)" }
        }
        let typed = Dictionary(uniqueKeysWithValues: names.map { ($0, form[$0]) })
        let result: [String: Any]
        do {
            let from = form["from"].trimmed()
            let to = form["to"].trimmed()
            let period = try BusinessModelController.period(
                from: from.isEmpty ? nil : from, to: to.isEmpty ? nil : to, now: clock.now)
            let tried = try await store.platformSettings().applying(
                try BusinessModelForm.settings(form, keys: BusinessModelForm.whatIfKeys))
            var terms: [PartnerID: PartnerTerms] = [:]
            for entry in entries {
                terms[entry.partner] = try BusinessModelForm.terms(form, prefix: "p\(entry.partner.rawValue).")
            }
            // Both from one read of the same orders: the actual side is the dashboard's.
            let computed = try await store.whatIf(period, platform: tried, terms: terms)
            let before = BusinessModelView.parties(computed.actual, names: computed.partnerNames, slice: nil)
            let after = BusinessModelView.parties(computed.whatIf, names: computed.partnerNames, slice: nil)
            result = [
                "period": view.period(period), "parties": view.comparison(actual: before, tried: after),
                "noOrders": before.allSatisfy { Int64($0.id) == nil },
            ]
        } catch let error as ValidationError {
            let message = view.message(error, key: BusinessModelForm.key(ofField: error.field))
            return whatIfPage(
                typed, entries: entries, errors: [error.field: message], result: nil, view: view, context: context)
        } catch let problem as Problem where problem.status == .unprocessableContent {
            let message = pages.localizer.text(problem.detail, context.language, problem.arguments)
            return whatIfPage(
                typed, entries: entries, errors: [problem.field ?? "from": message], result: nil, view: view,
                context: context)
        }
        return whatIfPage(typed, entries: entries, errors: [:], result: result, view: view, context: context)
    }

    /// The form with `typed` in its fields, each error by its field, and the comparison when there is one.
    private func whatIfPage(
        _ typed: [String: String], entries: [BusinessModelStore.PartnerEntry], errors: [String: String],
        result: [String: Any]?, view: BusinessModelView, context: AppRequestContext
    ) -> Response {
        var values: [String: Any] = [
            "from": typed["from"] ?? "", "to": typed["to"] ?? "", "errors": errors,
            "platformFields": BusinessModelForm.whatIfKeys.map { key in
                view.formField(
                    name: key.rawValue, key: key.rawValue, value: typed[key.rawValue] ?? "", error: errors[key.rawValue]
                )
            },
            "partners": entries.map { entry -> [String: Any] in
                let prefix = "p\(entry.partner.rawValue)."
                return [
                    "id": entry.partner.rawValue, "name": entry.name,
                    "fields": BusinessModelForm.termKeys.map { key in
                        view.formField(
                            name: prefix + key, key: key, value: typed[prefix + key] ?? "", error: errors[prefix + key])
                    },
                ]
            },
        ]
        if let (_, message) = errors.first { values["errorSummary"] = message }
        if let result { values["result"] = result }
        return pages.render(
            "business-model-what-if", title: "visor.whatIf.pageTitle", values: values,
            status: errors.isEmpty ? .ok : .unprocessableContent, context: context)
    }
}
