import Foundation

/// Where Agora keeps its data: a SQLite file (one instance) or a PostgreSQL server (many instances).
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    case postgres(url: String)

    /// Reads `--database` / `AGORA_DATABASE_URL`: a `postgres://` URL, else a SQLite file path.
    public init(_ value: String) {
        if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            self = .postgres(url: value)
        } else if value.hasPrefix("sqlite://") {
            self = .sqlite(path: String(value.dropFirst("sqlite://".count)))
        } else {
            self = .sqlite(path: value)
        }
    }

    /// Printed in logs: the password of a URL is never shown.
    public var description: String {
        switch self {
        case .sqlite(let path): return "sqlite:\(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }
}

/// The SQL dialect behind a `Database`; only `Dialect/` and migrations look at it.
public enum SQLFlavor: String, Sendable {
    case sqlite, postgres
}
