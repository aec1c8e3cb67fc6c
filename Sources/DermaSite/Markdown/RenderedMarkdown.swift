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

public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [Heading]
    public var diagnostics: [Diagnostic]

    /// Headings for the table of contents: the page's sections and their subsections.
    public var tableOfContents: [Heading] { headings.filter { $0.level == 2 || $0.level == 3 } }
}
