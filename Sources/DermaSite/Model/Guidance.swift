/// Plain-language definitions the articles can point at with `[word](glossary:id)`.
public struct Glossary: Sendable {
    public struct Term: Sendable, Equatable {
        public var id: String
        public var term: String
        public var definition: String
        public var position: SourcePosition
    }

    public var terms: [Term]

    public init(terms: [Term]) { self.terms = terms }

    public func term(_ id: String) -> Term? { terms.first { $0.id == id } }
}

/// The urgent warning signs (cauda equina syndrome): one card that every page needing it shows.
public struct RedFlags: Sendable, Equatable {
    public var title: String
    public var intro: String
    public var signs: [String]
    public var advice: String
    public var why: String
    public var sources: [Source]

    public init(title: String, intro: String, signs: [String], advice: String, why: String, sources: [Source]) {
        self.title = title
        self.intro = intro
        self.signs = signs
        self.advice = advice
        self.why = why
        self.sources = sources
    }
}
