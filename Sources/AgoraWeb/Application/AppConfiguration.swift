import AgoraDomain
import AgoraStore
import Foundation
import Logging

/// Everything `buildApplication` needs, filled by the CLI from flags and environment, and by tests directly.
public struct AppConfiguration: Sendable {
    public var host = "127.0.0.1"
    public var port = 8080
    public var database = DatabaseLocation.sqlite(path: "./agora.sqlite")
    /// Where uploaded files (review photos) are kept. Several instances must share it.
    public var dataDirectory = URL(fileURLWithPath: "./agora-data")
    public var clock: any AgoraClock = SystemClock()
    /// bcrypt work factor: 12 in production (~250 ms a hash here); tests lower it to stay fast.
    public var bcryptCost: UInt8 = 12
    /// Cookies carry `Secure`; browsers accept it on `http://localhost`, so it stays on for the demo too.
    public var secureCookies = true
    public var sessionLifetime: TimeInterval = 30 * 24 * 3600
    public var loginThrottle = LoginThrottle()
    /// How often a live stream sends a comment to notice gone clients (and keep proxies from closing it).
    public var heartbeatInterval: Duration = .seconds(15)
    /// How many events a live client may fall behind before it is dropped.
    public var liveBuffer = 1024
    public var eventPollInterval: Duration = .seconds(1)
    /// Read the client's address from `X-Forwarded-For` (only behind a load balancer that sets it).
    public var trustForwardedFor = false
    public var logLevel: Logger.Level = .info
    var logger: Logger {
        var logger = Logger(label: "agora")
        logger.logLevel = logLevel
        return logger
    }
    /// Where people reach Agora (`https://agora.example.com`), for absolute links in feeds and shared
    /// pages; nil takes the scheme and `Host` of each request.
    public var publicURL: String?
    /// Commission shares, processing costs and the return window of every order.
    public var commerce = CommerceSettings.standard
    /// How often each instance adds its traffic counts to the dashboard's aggregates.
    public var trafficFlushInterval: Duration = .seconds(10)
    /// When ideas enter review and how long staff have to answer them.
    public var ideas = IdeaSettings.standard
    /// How often due group buys are settled and due rewards vested.
    public var commerceJobInterval: Duration = .seconds(5)
    /// How often due webhook deliveries are looked for when there were none.
    public var webhookPollInterval: Duration = .seconds(1)
    /// Whether partners' webhook endpoints may be plain `http` or inside private networks: only
    /// for development and tests, since it lets a partner make Agora call internal addresses.
    public var webhooksMayReachPrivateNetworks = false

    public init() {}
}
