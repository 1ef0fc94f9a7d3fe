import Foundation

/// When a failed webhook delivery is tried again: 30 s after the first attempt, doubling each
/// time up to 2 hours between tries, for 24 hours after the event; then it is given up (and stays
/// replayable by hand from the partner's delivery page).
public enum WebhookRetry {
    public static let firstDelay: TimeInterval = 30
    public static let longestDelay: TimeInterval = 2 * 3_600
    public static let givingUpAfter: TimeInterval = 24 * 3_600

    /// The time of the next try after `attempts` failed ones, or nil when the 24 hours are over.
    public static func nextAttempt(after attempts: Int, firstAttemptAt start: Date, now: Date) -> Date? {
        let exponent = min(max(attempts - 1, 0), 20)
        let delay = min(firstDelay * Double(1 << exponent), longestDelay)
        let next = now.addingTimeInterval(delay)
        return next.timeIntervalSince(start) <= givingUpAfter ? next : nil
    }
}

/// Where a partner's webhooks may go: an absolute `https` URL (or `http` where private networks are
/// allowed, for development), never an address inside the platform's own network unless allowed,
/// so that a partner cannot make Agora call its neighbours (SSRF).
public enum WebhookURL {
    public static func checked(_ raw: String, allowPrivateNetworks: Bool) throws(ValidationError) -> String {
        let text = raw.trimmed()
        guard text.count <= 2_000, let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            let host = url.host?.lowercased(), !host.isEmpty, url.user == nil, url.password == nil
        else { throw ValidationError(field: "url", "error.webhook.url") }
        guard scheme == "https" || (scheme == "http" && allowPrivateNetworks) else {
            throw ValidationError(field: "url", "error.webhook.https")
        }
        guard allowPrivateNetworks || !isPrivate(host) else {
            throw ValidationError(field: "url", "error.webhook.private")
        }
        return text
    }

    /// Loopback, link-local and private ranges, by name or literal address.
    static func isPrivate(_ host: String) -> Bool {
        let bare = host.trimmingPrefix("[").replacing("]", with: "")
        if bare == "localhost" || bare.hasSuffix(".localhost") || bare.hasSuffix(".local")
            || bare.hasSuffix(".internal")
        {
            return true
        }
        if bare.contains(":") {  // IPv6: loopback, unique local, link-local, mapped IPv4
            let lower = bare.lowercased()
            return lower == "::1" || lower == "::" || lower.hasPrefix("fc") || lower.hasPrefix("fd")
                || lower.hasPrefix("fe80") || lower.hasPrefix("::ffff:")
        }
        let octets = bare.split(separator: ".").compactMap { UInt8($0) }
        guard octets.count == 4 else { return false }
        switch (octets[0], octets[1]) {
        case (0, _), (10, _), (127, _), (169, 254), (192, 168): return true
        case (172, 16...31), (100, 64...127): return true
        default: return false
        }
    }
}
