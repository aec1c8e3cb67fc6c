/// One Markdown file of Content/articles, loaded but not yet rendered. A class: a build passes
/// thousands of articles through many steps, and copying a reference is one retain where copying
/// the front matter's strings, lists and tables is dozens.
public final class Article: Sendable {
    /// Relative to the site root: `Content/articles/leg-dermatomes.md`.
    public let sourcePath: String
    public let meta: FrontMatter
    public let body: String
    /// Lines before the body (front matter and its fences): add to a body line to get a file line.
    public let bodyLineOffset: Int
    public let slug: String
    /// Site path of the page: `articles/<slug>/`.
    public let urlPath: String

    public init(sourcePath: String, meta: FrontMatter, body: String, bodyLineOffset: Int, slug: String) {
        self.sourcePath = sourcePath
        self.meta = meta
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        self.slug = slug
        urlPath = "articles/\(slug)/"
    }
}
