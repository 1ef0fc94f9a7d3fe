/// Renders the Markdown of articles to HTML that cannot carry markup of its own: every character
/// of the source is escaped first, and only the constructs below produce tags.
///
///     # Title, ## Title, ### Title     headings (h2 to h4: the article's own title is the h1)
///     - item, * item / 1. item          lists
///     > text                            a quotation
///     ``` … ```                         a block of code, shown as written
///     **strong**, *emphasis*, `code`    inline
///     [text](https://…)                 a link, only to http or https, opened without referrer
///
/// Anything else is text. Raw HTML is shown as text, never interpreted.
public enum Markdown {
    public static func html(_ source: String) -> String {
        var html = ""
        var paragraph: [String] = []
        var list: (ordered: Bool, items: [String])?
        var quote: [String] = []
        var code: [String]?

        func flush() {
            if !paragraph.isEmpty {
                html += "<p>" + paragraph.map(inline).joined(separator: "<br>") + "</p>\n"
                paragraph = []
            }
            if let current = list {
                let tag = current.ordered ? "ol" : "ul"
                html += "<\(tag)>" + current.items.map { "<li>\(inline($0))</li>" }.joined() + "</\(tag)>\n"
                list = nil
            }
            if !quote.isEmpty {
                html += "<blockquote><p>" + quote.map(inline).joined(separator: "<br>") + "</p></blockquote>\n"
                quote = []
            }
        }

        for rawLine in source.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        {
            let line = String(rawLine)
            if var lines = code {
                if line.trimmed().hasPrefix("```") {
                    html += "<pre><code>" + escape(lines.joined(separator: "\n")) + "</code></pre>\n"
                    code = nil
                } else {
                    lines.append(line)
                    code = lines
                }
                continue
            }
            let trimmed = line.trimmed()
            if trimmed.hasPrefix("```") {
                flush()
                code = []
            } else if trimmed.isEmpty {
                flush()
            } else if let level = headingLevel(trimmed) {
                flush()
                let text = String(trimmed.drop(while: { $0 == "#" })).trimmed()
                html += "<h\(level + 1)>\(inline(text))</h\(level + 1)>\n"
            } else if let item = listItem(trimmed) {
                if !paragraph.isEmpty || !quote.isEmpty || (list != nil && list!.ordered != item.ordered) { flush() }
                if list == nil { list = (item.ordered, []) }
                list!.items.append(item.text)
            } else if trimmed.hasPrefix(">") {
                if !paragraph.isEmpty || list != nil { flush() }
                quote.append(String(trimmed.dropFirst()).trimmed())
            } else {
                if list != nil || !quote.isEmpty { flush() }
                paragraph.append(trimmed)
            }
        }
        if let lines = code { html += "<pre><code>" + escape(lines.joined(separator: "\n")) + "</code></pre>\n" }
        flush()
        return html
    }

    /// The text without any Markdown, for summaries and feeds.
    public static func plainText(_ source: String) -> String {
        source.split(separator: "\n").map { line in
            String(line).trimmed().drop(while: { "#>-*`".contains($0) }).trimmed()
        }.filter { !$0.isEmpty }.joined(separator: " ")
            .replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
    }

    /// Escapes by Unicode scalar, not by character: `"` followed by a combining accent is one
    /// character that is not `"`, and escaping by character would let that quote through.
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    private static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...3).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    private static func listItem(_ line: String) -> (ordered: Bool, text: String)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return (false, String(line.dropFirst(2))) }
        let digits = line.prefix(while: \.isASCII).prefix(while: \.isNumber)
        if !digits.isEmpty, digits.count <= 3, line.dropFirst(digits.count).hasPrefix(". ") {
            return (true, String(line.dropFirst(digits.count + 2)))
        }
        return nil
    }

    /// Inline constructs of one line: code spans are kept as written; the rest is escaped, then
    /// links, strong and emphasis become tags.
    static func inline(_ text: String) -> String {
        var pieces = text.split(separator: "`", omittingEmptySubsequences: false).map(String.init)
        var unclosed = ""
        if pieces.count % 2 == 0 {  // an odd number of backticks: the last one opens nothing
            unclosed = "`" + pieces.removeLast()
        }
        var output = ""
        for (index, piece) in pieces.enumerated() {
            output += index % 2 == 1 ? "<code>\(escape(piece))</code>" : emphasis(links(escape(piece)))
        }
        return output + emphasis(links(escape(unclosed)))
    }

    /// `[text](http…)` in already escaped text: the address is already free of quotes and angle brackets.
    private static func links(_ escaped: String) -> String {
        escaped.replacing(/\[([^\]\n]{1,200})\]\((https?:\/\/[A-Za-z0-9\-._~:\/?#\[\]@!$&;=%+,]{1,2000})\)/) { match in
            "<a href=\"\(match.output.2)\" rel=\"nofollow ugc noopener noreferrer\">\(match.output.1)</a>"
        }
    }

    private static func emphasis(_ escaped: String) -> String {
        escaped.replacing(/\*\*([^*\n]+)\*\*/) { "<strong>\($0.output.1)</strong>" }
            .replacing(/\*([^*\n]+)\*/) { "<em>\($0.output.1)</em>" }
    }
}
