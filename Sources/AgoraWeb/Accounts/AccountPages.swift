import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// The account pages: register, log in, log out, settings, and the footer's language switch.
/// They work without JavaScript: forms post, errors come back next to their field.
struct AccountPages {
    let pages: Pages
    let authentication: Authentication
    let members: MemberStore
    let sessions: SessionStore
    let secureCookies: Bool

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("register", use: registerForm)
        router.post("register", use: register)
        router.get("login", use: loginForm)
        router.post("login", use: logIn)
        router.post("logout", use: logOut)
        router.get("settings", use: settingsForm)
        router.post("settings", use: saveSettings)
        router.post("language", use: switchLanguage)
    }

    @Sendable func registerForm(request: Request, context: AppRequestContext) -> Response {
        pages.render("register", title: "page.register.title", context: context)
    }

    @Sendable func register(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.decodeForm(context: context)
        do {
            let member = try await authentication.register(
                handle: form["handle"], email: form["email"], password: form["password"], language: context.language)
            let (token, _) = try await authentication.sessions.open(
                for: member.id, kind: .browser, lifetime: authentication.sessionLifetime)
            return signedIn(token, redirect: "/")
        } catch let error as ValidationError {
            return formError(
                "register", title: "page.register.title", field: error.field, message: pages.message(error, context),
                values: ["handle": form["handle"], "email": form["email"]], context: context)
        } catch StoreError.duplicate(let field) {
            return formError(
                "register", title: "page.register.title", field: field,
                message: pages.localizer.text("error.taken.\(field)", context.language),
                values: ["handle": form["handle"], "email": form["email"]], status: .conflict, context: context)
        }
    }

    @Sendable func loginForm(request: Request, context: AppRequestContext) -> Response {
        pages.render("login", title: "page.login.title", context: context)
    }

    @Sendable func logIn(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.decodeForm(context: context)
        do {
            let (_, token, _) = try await authentication.logIn(
                login: form["login"], password: form["password"], from: context.clientAddress, kind: .browser)
            return signedIn(token, redirect: "/")
        } catch let problem as Problem where problem.status == .unauthorized || problem.status == .tooManyRequests {
            var response = formError(
                "login", title: "page.login.title", field: "login",
                message: pages.localizer.text(problem.detail, context.language, problem.arguments),
                values: ["login": form["login"]], status: problem.status, context: context)
            response.headers.append(contentsOf: problem.headers)
            return response
        }
    }

    @Sendable func logOut(request: Request, context: AppRequestContext) async throws -> Response {
        if case .browserSession(let id) = context.identity?.credential { try await sessions.close(id: id) }
        var response = Response.seeOther("/")
        response.setCookie(Cookies.endSession(secure: secureCookies))
        return response
    }

    @Sendable func settingsForm(request: Request, context: AppRequestContext) throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let saved = request.uri.queryParameters.get("saved") != nil
        return pages.render(
            "settings", title: "page.settings.title", values: settingsValues(member, flash: saved, context: context),
            context: context)
    }

    @Sendable func saveSettings(request: Request, context: AppRequestContext) async throws -> Response {
        guard let member = context.identity?.member else { return .seeOther("/login") }
        let form = try await request.decodeForm(context: context)
        do {
            let changes = try Self.changes(from: form)
            _ = try await members.updateProfile(of: member.id, changes)
            return .seeOther("/settings?saved=1")
        } catch let error as ValidationError {
            var values = settingsValues(member, flash: false, context: context)
            values["displayName"] = form["displayName"]
            values["homeLatitude"] = form["homeLatitude"]
            values["homeLongitude"] = form["homeLongitude"]
            values["sustainabilityWeight"] = form["sustainabilityWeight"]
            return formError(
                "settings", title: "page.settings.title", field: error.field, message: pages.message(error, context),
                values: values, context: context)
        }
    }

    /// Reads the settings form: an empty field clears the value, except the weight, which has a default.
    static func changes(from form: FormFields) throws(ValidationError) -> MemberStore.ProfileChanges {
        var changes = MemberStore.ProfileChanges()
        changes.displayName = .some(try AccountRules.displayName(String(form["displayName"].prefix(200))))
        if form["locale"].isEmpty {
            changes.language = .some(nil)
        } else {
            guard let language = Language(rawValue: form["locale"]) else {
                throw ValidationError(field: "locale", "error.invalidValue")
            }
            changes.language = .some(language)
        }
        let latitude = form["homeLatitude"].trimmingCharacters(in: .whitespaces)
        let longitude = form["homeLongitude"].trimmingCharacters(in: .whitespaces)
        if latitude.isEmpty && longitude.isEmpty {
            changes.home = .some(nil)
        } else {
            guard let lat = Double(latitude.replacingOccurrences(of: ",", with: ".")) else {
                throw ValidationError(field: "homeLatitude", "error.latitude.range")
            }
            guard let lon = Double(longitude.replacingOccurrences(of: ",", with: ".")) else {
                throw ValidationError(field: "homeLongitude", "error.longitude.range")
            }
            changes.home = .some(try Coordinates(latitude: lat, longitude: lon))
        }
        let weight = form["sustainabilityWeight"].trimmingCharacters(in: .whitespaces)
        if !weight.isEmpty {
            guard let value = Int(weight) else {
                throw ValidationError(field: "sustainabilityWeight", "error.sustainabilityWeight.range")
            }
            changes.sustainabilityWeight = try AccountRules.sustainabilityWeight(value)
        }
        return changes
    }

    /// The footer switch: remembered in a cookie, and in the member's settings when signed in.
    @Sendable func switchLanguage(request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.decodeForm(context: context)
        guard let language = Language(rawValue: form["language"]) else {
            throw Problem.validation(field: "language", "error.invalidValue")
        }
        if let member = context.identity?.member {
            _ = try await members.updateProfile(of: member.id, .init(language: .some(language)))
        }
        var response = Response.seeOther(Self.localPath(form["returnTo"]))
        response.setCookie(Cookies.language(language.rawValue, secure: secureCookies))
        return response
    }

    /// `path` when it is a path of this site, else the home page: anything that a browser could
    /// read as another host (`//evil`, `/\evil`, control characters) would make us an open redirect.
    static func localPath(_ path: String) -> String {
        guard path.hasPrefix("/"), path.count <= 2000 else { return "/" }
        let second = path.dropFirst().first
        guard second != "/", second != "\\",
            !path.unicodeScalars.contains(where: { $0.value < 0x21 || $0.value == 0x7f || $0 == "\\" })
        else { return "/" }
        return path
    }

    private func settingsValues(_ member: Member, flash: Bool, context: AppRequestContext) -> [String: Any] {
        let browserLabel = pages.localizer.text("settings.languageBrowser", context.language)
        return [
            "displayName": member.displayName ?? "",
            "homeLatitude": member.home.map { String($0.latitude) } ?? "",
            "homeLongitude": member.home.map { String($0.longitude) } ?? "",
            "sustainabilityWeight": String(member.sustainabilityWeight),
            "locales": [
                ("", browserLabel, member.language == nil), ("fr", "Français", member.language == .fr),
                ("en", "English", member.language == .en),
            ].map {
                ["code": $0.0, "label": $0.1, "selected": $0.2]
            },
            "flash": flash,
        ]
    }

    private func signedIn(_ token: SecretToken, redirect: String) -> Response {
        var response = Response.seeOther(redirect)
        response.setCookie(
            Cookies.session(token.value, maxAge: Int(authentication.sessionLifetime), secure: secureCookies))
        // A new CSRF token after login, so that one planted before it is worthless.
        response.setCookie(Cookies.csrf(SecretToken(prefix: "").value, secure: secureCookies))
        return response
    }

    private func formError(
        _ template: String, title: String, field: String, message: String, values: [String: Any],
        status: HTTPResponse.Status = .unprocessableContent, context: AppRequestContext
    ) -> Response {
        var values = values
        values["errors"] = [field: message]
        values["errorSummary"] = message
        return pages.render(template, title: title, values: values, status: status, context: context)
    }
}
