import Foundation
import Hummingbird

/// The names and attributes of Agora's cookies, written in one place.
enum Cookies {
    static let session = "agora_session"
    static let csrf = "agora_csrf"
    static let language = "agora_lang"
    static let visitor = "agora_visitor"

    /// The session cookie: unreadable by scripts, sent on top-level navigation only (`Lax`).
    static func session(_ value: String, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(name: session, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    static func endSession(secure: Bool) -> Cookie {
        Cookie(name: session, value: "", maxAge: 0, path: "/", secure: secure, httpOnly: true, sameSite: .lax)
    }

    /// Readable by our script, which echoes it in `X-CSRF-Token` (the double-submit pattern).
    static func csrf(_ value: String, secure: Bool) -> Cookie {
        Cookie(name: csrf, value: value, path: "/", secure: secure, httpOnly: false, sameSite: .lax)
    }

    static func language(_ value: String, secure: Bool) -> Cookie {
        Cookie(
            name: language, value: value, maxAge: 365 * 24 * 3600, path: "/", secure: secure, httpOnly: false,
            sameSite: .lax)
    }

    /// A random name for a browser that opened a share link, kept 30 days: the attribution window.
    static func visitor(_ value: String, secure: Bool) -> Cookie {
        Cookie(
            name: visitor, value: value, maxAge: 30 * 24 * 3600, path: "/", secure: secure, httpOnly: true,
            sameSite: .lax)
    }
}
