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

    /// Loopback, link-local and private ranges, by name or literal address. Numeric hosts are read
    /// as the system would (`inet_pton`), and the forms a resolver also accepts (`127.1`,
    /// `2130706433`, `0x7f.0.0.1`) are refused as private too, since they can only be tricks.
    static func isPrivate(_ host: String) -> Bool {
        let bare = String(host.trimmingPrefix("[").replacing("]", with: ""))
        if bare == "localhost" || bare.hasSuffix(".localhost") || bare.hasSuffix(".local")
            || bare.hasSuffix(".internal")
        {
            return true
        }
        var v6 = in6_addr()
        if bare.contains(":") {
            guard inet_pton(AF_INET6, bare, &v6) == 1 else { return true }
            let bytes = withUnsafeBytes(of: &v6) { Array($0) }
            if bytes[0..<10].allSatisfy({ $0 == 0 }) && bytes[10] == 0xff && bytes[11] == 0xff {
                return isPrivate(bytes[12...].map(String.init).joined(separator: "."))  // IPv4-mapped
            }
            let unspecifiedOrLoopback = bytes[0..<15].allSatisfy { $0 == 0 } && bytes[15] <= 1
            return unspecifiedOrLoopback || bytes[0] & 0xfe == 0xfc || (bytes[0] == 0xfe && bytes[1] & 0xc0 == 0x80)
        }
        var v4 = in_addr()
        guard inet_pton(AF_INET, bare, &v4) == 1 else {
            // A name, unless its last label is a number: no real domain ends so, and resolvers read
            // `127.1`, `2130706433` or `0x7f.0.0.1` as addresses.
            let last = bare.split(separator: ".").last ?? ""
            return last.allSatisfy(\.isNumber) || last.lowercased().hasPrefix("0x")
        }
        let octets = withUnsafeBytes(of: &v4) { Array($0) }
        switch (octets[0], octets[1]) {
        case (0, _), (10, _), (127, _), (169, 254), (192, 168): return true
        case (172, 16...31), (100, 64...127): return true
        default: return false
        }
    }
}
