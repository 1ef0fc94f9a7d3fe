import AgoraDomain
import AgoraStore
import Foundation
import Hummingbird

/// `GET /deals.atom`: every deal list as an Atom feed, with the list's parameters (`sort`, `period`,
/// `category`, `partner`, `q` for a keyword), so a feed reader can follow any of them.
struct DealFeed {
    let deals: DealStore
    let localizer: Localizer
    let clock: any AgoraClock

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("deals.atom", use: feed)
    }

    @Sendable func feed(request: Request, context: AppRequestContext) async throws -> Response {
        var query = try DealListQuery(request, context: context, defaultLimit: 50)
        query.view.forMember = nil  // a feed reader has no session
        let page = try await deals.list(
            query.view, keyword: query.keyword, after: nil, limit: query.limit, now: clock.now)
        let origin = context.origin
        let language = context.language
        var title = "Agora · " + localizer.text("deals.sort.\(query.view.sort.rawValue)", language)
        if !query.keyword.isEmpty { title += " · “\(query.keyword.joined(separator: " "))”" }
        let updated = page.deals.map(\.rankedAt).max() ?? Date(timeIntervalSince1970: 0)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(language.rawValue)">
            <title>\(Self.escaped(title))</title>
            <id>\(Self.escaped("\(origin)/deals.atom?\(query.queryString)"))</id>
            <link rel="self" href="\(Self.escaped("\(origin)/deals.atom?\(query.queryString)"))"/>
            <link rel="alternate" type="text/html" href="\(Self.escaped("\(origin)/deals?\(query.queryString)"))"/>
            <updated>\(Self.date(updated))</updated>

            """
        for deal in page.deals {
            var summary = deal.merchantName
            if let total = deal.total { summary = "\(total.formatted(language)) · \(summary)" }
            if let description = deal.description { summary += "\n\n\(description)" }
            xml += """
                <entry>
                <title>\(Self.escaped(deal.title))</title>
                <id>\(Self.escaped("\(origin)/deals/\(deal.id)"))</id>
                <link href="\(Self.escaped("\(origin)/deals/\(deal.id)"))"/>
                <published>\(Self.date(deal.createdAt))</published>
                <updated>\(Self.date(deal.rankedAt))</updated>
                <author><name>\(Self.escaped(deal.authorHandle))</name></author>
                <summary>\(Self.escaped(summary))</summary>
                </entry>

                """
        }
        xml += "</feed>\n"
        return Response(
            status: .ok, headers: [.contentType: "application/atom+xml; charset=utf-8"],
            body: .init(byteBuffer: .init(string: xml)))
    }

    static func date(_ date: Date) -> String { date.formatted(.iso8601) }

    /// Text and attribute values of the feed, escaped for XML.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default: out.append(character)
            }
        }
        return out
    }
}
