/// A small RFC 4180 reader: fields separated by commas (or semicolons, as French spreadsheets
/// write), quoted fields may hold separators, line breaks and doubled quotes.
public enum CSV {
    /// One record and the line of the file where it began (1 is the first line).
    public struct Record: Equatable, Sendable {
        public let line: Int
        public let fields: [String]
    }

    /// The records of `text`; blank lines are skipped. An unterminated quote ends the file.
    public static func records(_ text: String) -> [Record] {
        let separator: Character = detectSeparator(text)
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var inQuotes = false
        var line = 1
        var recordLine = 1
        var iterator = text.makeIterator()
        var pending: Character? = nil

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty) { records.append(Record(line: recordLine, fields: fields)) }
            fields = []
            field = ""
        }

        while let character = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" {
                        field.append("\"")
                    } else {
                        inQuotes = false
                        pending = next
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    field.append(character)
                }
                continue
            }
            switch character {
            case "\"" where field.isEmpty:
                inQuotes = true
            case separator:
                fields.append(field)
                field = ""
            case "\n", "\r\n", "\r":
                endRecord()
                line += 1
                recordLine = line
            default:
                field.append(character)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }

    /// A semicolon when the header line has more semicolons than commas, else a comma.
    static func detectSeparator(_ text: String) -> Character {
        let header = text.prefix { $0 != "\n" && $0 != "\r\n" }
        return header.filter { $0 == ";" }.count > header.filter { $0 == "," }.count ? ";" : ","
    }
}

extension CSV {
    /// One line of a CSV file (RFC 4180), fields quoted when they hold a comma, a quote or a line
    /// break. A field that a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is
    /// prefixed with an apostrophe; numbers are passed as `Int64` and written as they are.
    public static func line(_ fields: [Field]) -> String {
        fields.map { field in
            switch field {
            case .number(let value): return String(value)
            case .text(var text):
                if let first = text.first, "=+-@\t\r".contains(first) { text = "'" + text }
                guard text.contains(where: { ",\"\n\r".contains($0) }) else { return text }
                return "\"" + text.replacing("\"", with: "\"\"") + "\""
            }
        }.joined(separator: ",") + "\r\n"
    }

    public enum Field: Sendable, ExpressibleByStringLiteral {
        case text(String)
        case number(Int64)

        public init(stringLiteral value: String) { self = .text(value) }
    }
}
