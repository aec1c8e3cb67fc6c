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
    public var sources: [Source] = []
    /// Old addresses of the page (`/old-name/`): each gets a page that sends the reader on.
    public var aliases: [String] = []
    /// `search: false` leaves the page out of site search; a number weighs it (2 counts twice).
    public var searchWeight: Double = 1
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
                                   "sources", "aliases", "redirect_from", "search"] + movedKeys

    /// Keys that used to record a review in the article. A review now lives in the review record,
    /// tied to the text that was reviewed, so these are refused rather than silently shown.
    public static let movedKeys = ["reviewed", "next_review", "reviewer"]
}

/// A citation: enough detail for a reader to find it.
public struct Source: Sendable, Equatable {
    public var title: String
    public var authors: String?
    public var publisher: String?
    public var year: Int?
    public var url: String?
    /// `10.1002/ar.1091020409`, without `https://doi.org/`.
    public var doi: String?
    /// For a web page with no year: the day someone last read it.
    public var checked: Day?
    /// Where the source is written, for the completeness check.
    public var position: SourcePosition?

    public init(title: String, authors: String? = nil, publisher: String? = nil, year: Int? = nil, url: String? = nil,
                doi: String? = nil, checked: Day? = nil) {
        self.title = title
        self.authors = authors
        self.publisher = publisher
        self.year = year
        self.url = url
        self.doi = doi
        self.checked = checked
    }

    /// The address a reader follows: the URL, or the DOI's.
    public var link: String? { url ?? doi.map { "https://doi.org/\($0)" } }

    public static let knownKeys = ["title", "authors", "publisher", "year", "url", "doi", "checked"]
}
