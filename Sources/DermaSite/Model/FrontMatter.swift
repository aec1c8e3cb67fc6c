/// The typed header of an article.
public struct FrontMatter: Sendable, Equatable {
    public var title: String = ""
    public var description: String = ""
    public var date: Day?
    public var updated: Day?
    public var draft: Bool = false
    public var slug: String?
    public var order: Int?
    public var tags: [String] = []
    public var reviewed: Day?
    public var nextReview: Day?
    public var reviewer: String?
    public var sources: [Source] = []
    /// Keys the file set, valid or not: a key that was there but wrong is reported once, not
    /// again as missing.
    public var keysPresent: Set<String> = []
    /// Where each key was written, for diagnostics about its value.
    public var keyPositions: [String: SourcePosition] = [:]
    /// The YAML did not parse: nothing can be said about which keys are missing.
    public var unreadable = false

    public init() {}

    /// Every key an article may set, in the order `dermasite new` writes them.
    public static let knownKeys = ["title", "description", "date", "updated", "draft", "slug", "order", "tags",
                                   "reviewed", "next_review", "reviewer", "sources"]
}

/// A citation: enough detail for a reader to find it.
public struct Source: Sendable, Equatable {
    public var title: String
    public var authors: String?
    public var publisher: String?
    public var year: Int?
    public var url: String?

    public init(title: String, authors: String? = nil, publisher: String? = nil, year: Int? = nil, url: String? = nil) {
        self.title = title
        self.authors = authors
        self.publisher = publisher
        self.year = year
        self.url = url
    }

    public static let knownKeys = ["title", "authors", "publisher", "year", "url"]
}
