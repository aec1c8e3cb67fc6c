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
    /// The Markdown step already reported this link as broken, at its line: the check of the
    /// rendered pages does not report it again.
    public var reported = false

    public init(url: String, file: String, line: Int, column: Int, reported: Bool = false) {
        self.url = url
        self.file = file
        self.line = line
        self.column = column
        self.reported = reported
    }
}

/// An article's Markdown as HTML, with what the rest of the build needs of it. A class: every
/// later step reads it, and a rebuild hands thousands of them on unchanged.
public final class RenderedMarkdown: Sendable {
    public let html: String
    public let headings: [Heading]
    public let diagnostics: [Diagnostic]
    /// Every link and image of the page, for the site-wide link check.
    public let links: [LinkRecord]
    /// Glossary ids the page explains, in order of first use.
    public let glossaryTerms: [String]
    /// The running text (paragraphs and list items; no headings, tables, code or footnotes), one
    /// block a line, each ending a sentence: what reading-level scores are computed on. Empty once
    /// `scored()`: the build keeps thousands of pages, and nothing reads the text after the scores.
    public let prose: String
    /// Reading-level scores of `prose`, filled in by the build.
    public let readability: ReadabilityScore?

    public init(html: String, headings: [Heading], diagnostics: [Diagnostic], links: [LinkRecord] = [],
                glossaryTerms: [String] = [], prose: String = "", readability: ReadabilityScore? = nil) {
        self.html = html
        self.headings = headings
        self.diagnostics = diagnostics
        self.links = links
        self.glossaryTerms = glossaryTerms
        self.prose = prose
        self.readability = readability
    }

    /// The same page with the reading-level scores of its running text in place of the text.
    func scored() -> RenderedMarkdown {
        RenderedMarkdown(html: html, headings: headings, diagnostics: diagnostics, links: links,
                         glossaryTerms: glossaryTerms, prose: "", readability: Readability.score(prose))
    }

    /// The same page without its HTML, for a build that has made every page and the feed: the
    /// link checks need only the links.
    func withoutHTML() -> RenderedMarkdown {
        RenderedMarkdown(html: "", headings: headings, diagnostics: diagnostics, links: links,
                         glossaryTerms: glossaryTerms, prose: prose, readability: readability)
    }

    /// Headings for the table of contents: the page's sections and their subsections.
    public var tableOfContents: [Heading] { headings.filter { $0.level == 2 || $0.level == 3 } }
}
