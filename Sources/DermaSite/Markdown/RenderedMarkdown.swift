/// A heading of a page, for its anchor and the "On this page" list.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String

    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}

/// A link written in Markdown, as it appears on the page, and where the author wrote it.
public struct LinkRecord: Sendable, Equatable {
    public var url: String
    public var file: String
    public var line: Int
    public var column: Int

    public init(url: String, file: String, line: Int, column: Int) {
        self.url = url
        self.file = file
        self.line = line
        self.column = column
    }
}

public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
    public var diagnostics: [Diagnostic]
    /// Every link and image of the page, for the site-wide link check.
    public var links: [LinkRecord] = []
    /// Glossary ids the page explains, in order of first use.
    public var glossaryTerms: [String] = []
    /// The running text (paragraphs and list items; no headings, tables, code or footnotes), one
    /// block a line, each ending a sentence: what reading-level scores are computed on.
    public var prose: String = ""
    /// Reading-level scores of `prose`, filled in by the build.
    public var readability: ReadabilityScore?

    /// Headings for the table of contents: the page's sections and their subsections.
    public var tableOfContents: [Heading] { headings.filter { $0.level == 2 || $0.level == 3 } }
}
