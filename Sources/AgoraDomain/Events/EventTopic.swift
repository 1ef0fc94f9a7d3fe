/// Topics say what part of the site an event is about, as a path: `deals` for the deal list,
/// `deals/42` for one deal (its votes and comments), `notifications` for a member's own.
///
/// A live-stream client names the topics it watches; it receives an event whose topic is one of
/// them or lies under one (`deals` receives `deals/42`). A client that names none receives all.
public enum EventTopic {
    public static let deals = "deals"
    public static let notifications = "notifications"
    /// At most this many topics per stream, each at most `maximumLength` characters.
    public static let maximumCount = 20
    public static let maximumLength = 60

    public static func deal(_ id: DealID) -> String { "deals/\(id)" }
    public static let articles = "articles"
    public static func article(_ id: Int64) -> String { "articles/\(id)" }
    /// The reviews of a subject (`product:12` → `reviews/product/12`).
    public static let groupBuys = "group-buys"
    public static func groupBuy(_ id: GroupBuyID) -> String { "group-buys/\(id)" }
    public static func order(_ id: OrderID) -> String { "orders/\(id)" }
    public static let ideas = "ideas"
    public static func idea(_ id: Int64) -> String { "ideas/\(id)" }
    public static let businessModel = "business-model"
    public static func reviews(of subject: String) -> String { "reviews/" + subject.replacing(":", with: "/") }

    /// Whether a client watching `watched` (empty for everything) receives an event about `topic`.
    public static func delivers(_ topic: String?, to watched: [String]) -> Bool {
        if watched.isEmpty { return true }
        guard let topic else { return false }
        return watched.contains { topic == $0 || topic.hasPrefix($0 + "/") }
    }

    /// The topics of a `topics` query parameter (comma-separated), or nil when it is malformed.
    public static func parse(_ raw: String) -> [String]? {
        let topics = raw.split(separator: ",").map(String.init)
        guard topics.count <= maximumCount else { return nil }
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789/_-")
        for topic in topics {
            guard topic.count <= maximumLength, topic.allSatisfy(allowed.contains), !topic.hasPrefix("/"),
                !topic.hasSuffix("/")
            else { return nil }
        }
        return topics
    }
}
