/// Content/data/search.yml: the words readers type for what the pages call otherwise, and the
/// words that mean a reader may need urgent help.
public struct SearchSettings: Sendable, Equatable {
    /// "When a reader types any of `words`, look for `find` too."
    public struct Synonym: Sendable, Equatable {
        public var words: [String]
        public var find: [String]
        public var position: SourcePosition?

        public init(words: [String], find: [String], position: SourcePosition? = nil) {
            self.words = words
            self.find = find
            self.position = position
        }
    }

    public var synonyms: [Synonym] = []
    /// Words such as "bladder" or "both legs": a query with one puts urgent pages first.
    public var urgentWords: [String] = []
    /// Phrases whose words only look urgent ("bottom of my foot"): they make no query urgent.
    public var notUrgent: [String] = []

    public init(synonyms: [Synonym] = [], urgentWords: [String] = [], notUrgent: [String] = []) {
        self.synonyms = synonyms
        self.urgentWords = urgentWords
        self.notUrgent = notUrgent
    }
}
