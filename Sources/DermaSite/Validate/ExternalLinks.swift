/// An address on another site that a page links to or cites, and where it is written.
public struct ExternalLinkUse: Sendable, Equatable {
    public var url: String
    public var file: String
    public var line: Int
    public var column: Int
    /// A DOI's address: reaching it through redirects is how DOIs work, not a moved page.
    public var isDOI: Bool

    public init(url: String, file: String, line: Int, column: Int, isDOI: Bool = false) {
        self.url = url
        self.file = file
        self.line = line
        self.column = column
        self.isDOI = isDOI
    }
}

/// The external links of a site, collected where they are made: the links of each article's
/// Markdown (from its syntax tree) and every source's URL and DOI.
public enum ExternalLinks {
    public static func collect(site: Site, rendered: [RenderedMarkdown]) -> [ExternalLinkUse] {
        var uses: [ExternalLinkUse] = []
        for (article, markdown) in zip(site.articles, rendered) {
            for link in markdown.links where isExternal(link.url) {
                uses.append(ExternalLinkUse(url: link.url, file: link.file, line: link.line, column: link.column))
            }
            uses += sources(article.meta.sources, fallback: SourcePosition(file: article.sourcePath, line: 1, column: 1))
        }
        if let atlas = site.atlas {
            for root in atlas.roots { uses += sources(root.sources, fallback: root.position) }
            for keyed in atlas.sources { uses += sources([keyed.source], fallback: keyed.position) }
        }
        if let redFlags = site.redFlags {
            uses += sources(redFlags.sources, fallback: SourcePosition(file: GuidanceLoader.redFlagsPath, line: 1, column: 1))
        }
        return uses
    }

    static func isExternal(_ url: String) -> Bool {
        let lower = url.lowercased()
        return lower.hasPrefix("https://") || lower.hasPrefix("http://")
    }

    private static func sources(_ sources: [Source], fallback: SourcePosition) -> [ExternalLinkUse] {
        sources.flatMap { source -> [ExternalLinkUse] in
            let at = source.position ?? fallback
            var uses: [ExternalLinkUse] = []
            if let url = source.url, isExternal(url) {
                uses.append(ExternalLinkUse(url: url, file: at.file, line: at.line, column: at.column))
            }
            if let doi = source.doi {
                uses.append(ExternalLinkUse(url: "https://doi.org/\(doi)", file: at.file, line: at.line, column: at.column, isDOI: true))
            }
            return uses
        }
    }
}
