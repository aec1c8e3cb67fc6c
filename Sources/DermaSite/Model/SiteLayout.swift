/// Site paths of the generated pages, in one place so templates, sitemap and feed agree.
public enum SiteLayout {
    public static let home = ""
    public static let articles = "articles/"
    public static let feed = "feed.xml"
    public static let sitemap = "sitemap.xml"
    public static let notFound = "404.html"
    /// The redirect list hosts such as Netlify and Cloudflare Pages read: one `old new 301` a line.
    public static let redirects = "_redirects"
    public static let atlas = "dermatomes/"
    public static let glossary = "glossary/"
    public static let worksheet = "dermatomes/worksheet/"

    public static let places = "where/"
    /// Every page, grouped, with a search box: what the header's search form opens.
    public static let search = "search/"

    /// Standalone SVG chart of one view of one map variant (or of the agreement view).
    public static func chart(_ viewID: String, variant: String) -> String {
        let view = ["anterior": "front", "posterior": "back"][viewID] ?? viewID
        return "dermatomes/charts/\(Slug.make(variant))-\(view).svg"
    }

    public static func tag(_ name: String) -> String { "tags/\(Slug.make(name))/" }

    /// Page `number` of a list whose first page is `list`: `articles/`, `articles/page/2/`, ...
    public static func listPage(_ list: String, _ number: Int) -> String { number == 1 ? list : "\(list)page/\(number)/" }

    /// How many pages a list of `count` items takes (at least one, so an empty list still has its page).
    public static func pageCount(_ count: Int, perPage: Int) -> Int { max(1, (count + perPage - 1) / max(perPage, 1)) }

    /// The site path an alias written as `/old-name/` (or `/old.html`) stands for; nil when it is
    /// not a plain path of this site.
    public static func aliasPath(_ alias: String) -> String? {
        guard alias.hasPrefix("/"), !alias.hasPrefix("//"), alias.count > 1,
              alias.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && !"\"'<>\\?#`{}|^".unicodeScalars.contains($0) }),
              !alias.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        var path = String(alias.dropFirst())
        if !path.hasSuffix("/"), !FilePath.fileName(of: path).contains(".") { path += "/" }
        return path
    }

    /// The file a site path is written to: `articles/x/` -> `articles/x/index.html`.
    public static func file(for sitePath: String) -> String {
        sitePath.isEmpty || sitePath.hasSuffix("/") ? sitePath + "index.html" : sitePath
    }
}
