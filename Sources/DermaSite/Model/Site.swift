/// Everything a build reads, loaded and checked: the input to rendering.
public struct Site: Sendable {
    public var config: SiteConfig
    /// Published articles (drafts are dropped at load time unless asked for), in listing order.
    public var articles: [Article] { didSet { listed = articles.filter(\.isListed) } }
    /// The articles the home page, the lists, tag pages and the feed show: pages are left out.
    /// Kept with `articles`, as several steps of a build read it.
    public private(set) var listed: [Article]
    public var templates: TemplateSource
    public var assets: [ThemeAsset]
    /// Files of Content/ copied as they are, relative to Content/.
    public var staticFiles: [String]
    /// The dermatome data set, when the site has one.
    public var atlas: Atlas?
    public var glossary: Glossary?
    public var redFlags: RedFlags?
    /// Which clinician checked which page source, and whether it changed since.
    public var reviews = SiteReviews()
    /// Articles and pages left out as drafts, by source path.
    public var draftPaths: [String] = []
    /// The photos of `staticFiles` that get sizes and WebP copies, by path below Content/.
    public var images: [String: ImageInfo] = [:]

    public init(config: SiteConfig, articles: [Article], templates: TemplateSource, assets: [ThemeAsset],
                staticFiles: [String], atlas: Atlas? = nil, glossary: Glossary? = nil, redFlags: RedFlags? = nil) {
        self.config = config
        self.articles = articles
        self.listed = articles.filter(\.isListed)
        self.templates = templates
        self.assets = assets
        self.staticFiles = staticFiles
        self.atlas = atlas
        self.glossary = glossary
        self.redFlags = redFlags
    }
}

extension Site {
    /// The red flags with the site's emergency numbers and services in place.
    public var filledRedFlags: RedFlags? {
        guard let flags = redFlags else { return nil }
        return config.emergency.map(flags.filled) ?? flags
    }
}

/// The text of every template, by name (`pages/article`, `partials/header`).
public struct TemplateSource: Sendable {
    public struct File: Sendable {
        public var name: String
        public var path: String
        public var text: String
    }

    public var files: [File]

    public init(files: [File]) { self.files = files }
}

/// A theme file of Templates/assets, published under a name that carries its content hash.
public struct ThemeAsset: Sendable {
    /// `assets/style.css`, relative to Templates/.
    public var sourcePath: String
    public var bytes: [UInt8]

    public init(sourcePath: String, bytes: [UInt8]) {
        self.sourcePath = sourcePath
        self.bytes = bytes
    }

    /// `assets/style.3f2a9c1d0b4e5f67.css`
    public var outputPath: String {
        let (stem, ext) = FilePath.splitExtension(sourcePath)
        let hash = String(ContentHash.hex(bytes).prefix(12))
        return ext.isEmpty ? "\(stem).\(hash)" : "\(stem).\(hash).\(ext)"
    }

    /// Name templates use: `style_css` for `assets/style.css`, `icons_logo_svg` for `assets/icons/logo.svg`.
    public var templateKey: String {
        let inner = sourcePath.hasPrefix("assets/") ? String(sourcePath.dropFirst(7)) : sourcePath
        return String(inner.map { $0.isLetter || $0.isNumber ? $0 : "_" })
    }
}
