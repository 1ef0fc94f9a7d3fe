/// What members like: products and partners (counted in notoriety), and articles of the feed.
/// (Likes on deal comments live with the comments.)
public enum LikeSubject: Hashable, Sendable {
    case product(Int64)
    case partner(PartnerID)
    case article(Int64)

    public init(_ subject: ReviewSubject) {
        switch subject {
        case .product(let id): self = .product(id)
        case .partner(let id): self = .partner(id)
        }
    }

    /// `product:12`, `partner:3`, `article:7`: as stored in `likes.subject`.
    public var key: String {
        switch self {
        case .product(let id): "product:\(id)"
        case .partner(let id): "partner:\(id)"
        case .article(let id): "article:\(id)"
        }
    }

    /// The reviewed subject whose notoriety a like counts in; nil for an article.
    public var reviewSubject: ReviewSubject? {
        switch self {
        case .product(let id): .product(id)
        case .partner(let id): .partner(id)
        case .article: nil
        }
    }

    public init?(key: String) {
        if let subject = ReviewSubject(key: key) {
            self.init(subject)
        } else if key.hasPrefix("article:"), let id = Int64(key.dropFirst("article:".count)), id > 0 {
            self = .article(id)
        } else {
            return nil
        }
    }
}
