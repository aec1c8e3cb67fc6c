/// What an article's Markdown may draw on beyond its own text, found in the text when it is read.
struct MarkdownUses: OptionSet, Sendable {
    let rawValue: Int
    static let atlas = MarkdownUses(rawValue: 1)
    static let glossary = MarkdownUses(rawValue: 2)
    static let redFlags = MarkdownUses(rawValue: 4)
    static let all: MarkdownUses = [.atlas, .glossary, .redFlags]

    /// Directives are fenced blocks named `dermatome-…` or `red-flags`; glossary words are
    /// `glossary:` links. A text without those words cannot use them.
    init(body: String) {
        var uses: MarkdownUses = []
        // Byte search: Foundation's `contains` is slow on Linux, and every article is searched.
        if body.utf8Offset(of: "dermatome-") != nil { uses.insert(.atlas) }
        if body.utf8Offset(of: "glossary:") != nil { uses.insert(.glossary) }
        if body.utf8Offset(of: "red-flags") != nil { uses.insert(.redFlags) }
        self = uses
    }

    init(rawValue: Int) { self.rawValue = rawValue }
}
