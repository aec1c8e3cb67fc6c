/// Site paths of the generated pages, in one place so templates, sitemap and feed agree.
public enum SiteLayout {
    public static let home = ""
    public static let articles = "articles/"
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let notFound = "404.html"
    public static let atlas = "dermatomes/"
    public static let glossary = "glossary/"
    public static let worksheet = "dermatomes/worksheet/"

    public static let places = "where/"

    /// Standalone SVG chart of one view of one map variant (or of the agreement view).
    public static func chart(_ viewID: String, variant: String) -> String {
        let view = ["anterior": "front", "posterior": "back"][viewID] ?? viewID
        return "dermatomes/charts/\(Slug.make(variant))-\(view).svg"
    }

    public static func tag(_ name: String) -> String { "tags/\(Slug.make(name))/" }

    /// The file a site path is written to: `articles/x/` -> `articles/x/index.html`.
    public static func file(for sitePath: String) -> String {
        sitePath.isEmpty || sitePath.hasSuffix("/") ? sitePath + "index.html" : sitePath
    }
}
