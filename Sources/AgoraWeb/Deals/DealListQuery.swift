import AgoraDomain
import AgoraStore
import Hummingbird

/// The query of a deal list, for the API, the pages and the feeds alike.
struct DealListQuery {
    var view: DealView
    /// Folded words of `q`: deals holding each of them.
    var keyword: [String]
    var cursor: Cursor?
    var limit: Int

    init(_ request: Request, context: AppRequestContext, defaultLimit: Int = 20) throws {
        let parameters = request.uri.queryParameters
        var fields: [String: String] = [:]
        for name in ["sort", "period", "category", "partner"] {
            if let value = parameters.get(name), !value.isEmpty { fields[name] = value }
        }
        view = try DealView(query: fields)
        keyword = []
        if let q = parameters.get("q"), !q.trimmed().isEmpty {
            do { keyword = try Keyword.words(q) } catch { throw Problem.validation(error.about("q")) }
        }
        if parameters.get("forMe") == "true" {
            guard let member = context.identity?.member else { throw Problem.unauthenticated }
            view.forMember = member.id
        }
        cursor = try parameters.get("cursor").map { raw in
            guard let cursor = Cursor(encoded: raw) else {
                throw Problem.validation(field: "cursor", "error.invalidValue")
            }
            return cursor
        }
        limit = try QueryParameter.integer(parameters.get("limit"), field: "limit", in: 1...50) ?? defaultLimit
    }

    /// The list as parsed, whatever the order or extra parameters of the address: unknown parameters
    /// cannot make new cache entries.
    var cacheKey: String { "\(queryString)&limit=\(limit)&cursor=\(cursor?.encoded ?? "")" }

    /// The query string that shows this list again (without cursor), for links and feeds.
    var queryString: String {
        var items = ["sort=\(view.sort.rawValue)"]
        if view.sort == .top || view.sort == .discussed { items.append("period=\(view.period.rawValue)") }
        if let category = view.category { items.append("category=\(category)") }
        if let partner = view.partner { items.append("partner=\(partner)") }
        if !keyword.isEmpty { items.append("q=\(keyword.joined(separator: "+"))") }
        if view.forMember != nil { items.append("forMe=true") }
        return items.joined(separator: "&")
    }
}
