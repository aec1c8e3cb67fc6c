/// One Markdown file of Content/articles, loaded but not yet rendered.
public struct Article: Sendable {
    /// Relative to the site root: `Content/articles/leg-dermatomes.md`.
    public var sourcePath: String
    public var meta: FrontMatter
    public var body: String
    /// Lines before the body (front matter and its fences): add to a body line to get a file line.
    public var bodyLineOffset: Int
    public var slug: String

    public init(sourcePath: String, meta: FrontMatter, body: String, bodyLineOffset: Int, slug: String) {
        self.sourcePath = sourcePath
        self.meta = meta
        self.body = body
        self.bodyLineOffset = bodyLineOffset
        self.slug = slug
    }

    /// Site path of the page: `articles/<slug>/`.
    public var urlPath: String { "articles/\(slug)/" }
}
