/// One Markdown file of Content/articles or Content/pages, loaded but not yet rendered. A class: a
/// build passes thousands of articles through many steps, and copying a reference is one retain
/// where copying the front matter's strings, lists and tables is dozens.
public final class Article: Sendable {
    /// An article is listed (home page, lists, tags, feed); a page (About us, Accessibility) is
    /// not, and lives at the site's top level.
    public enum Kind: String, Sendable {
        case article, page
    }

    /// Relative to the site root: `Content/articles/leg-dermatomes.md`.
    public let sourcePath: String
    public let meta: FrontMatter
    public let body: String
    /// Lines before the body (front matter and its fences): add to a body line to get a file line.
    public let bodyLineOffset: Int
    public let slug: String
    public let kind: Kind
    /// Site path of the page: `articles/<slug>/`, or `<slug>/` for a page.
    public let urlPath: String

    public init(sourcePath: String, meta: FrontMatter, body: String, bodyLineOffset: Int, slug: String,
                kind: Kind = .article) {
        self.sourcePath = sourcePath
        self.meta = meta
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        self.slug = slug
        self.kind = kind
        urlPath = kind == .page ? "\(slug)/" : "\(SiteLayout.articles)\(slug)/"
    }

    /// Shown in the home page, the lists, tag pages and the feed.
    public var isListed: Bool { kind == .article }

    /// The page template that renders it.
    public var template: String { kind == .page ? "pages/page" : "pages/article" }
}
