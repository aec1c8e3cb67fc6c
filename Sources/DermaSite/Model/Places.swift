/// A named place on the body (a landmark): the shared words of the data set and the map.
/// Each view of the map draws a zone for it; each map variant says which roots supply it.
/// Built by the data set's loader; the types here only hold what it read.
public struct Place: Sendable {
    public var id: String
    /// "Big toe"
    public var name: String
    /// "hallux"
    public var clinical: String
    /// Where on the body, for grouping the list: "Hip and groin", "Foot" ...
    public var group: String
    /// Phrases that name this place in running text ("big toe", "great toe"), lower case.
    public var words: [String]
    /// New numbness here is an emergency (the saddle area): its page leads with the urgent signs.
    public var urgent = false
    /// Other causes of symptoms here, each linking to the page that explains it.
    public var seeAlso: [SeeAlso] = []
    public var position = SourcePosition(file: "", line: 0, column: 0)

    /// `/where/<id>/`
    public var urlPath: String { "where/\(id)/" }
}

/// "Something else can cause this": a sentence and the site page that explains it. The link is
/// checked with every other link of the page it is shown on.
public struct SeeAlso: Sendable, Equatable {
    public var text: String
    /// A site path, such as `/articles/foot-drop/` or `/articles/foot-drop/#what-causes-foot-drop`.
    public var link: String
    /// Where the link is written, so a broken one is reported there.
    public var position: SourcePosition?

    public init(text: String, link: String, position: SourcePosition? = nil) {
        self.text = text
        self.link = link
        self.position = position
    }
}

/// One published way of drawing the dermatomes ("the clinical chart", "Keegan & Garrett").
/// Its claims say which roots supply which places, each with where it was read.
public struct MapVariant: Sendable {
    public var id: String
    public var name: String
    /// What the drawing on this site is: "Schematic, after ...".
    public var drawing: String
    public var about: String
    public var claims: [PlaceClaim]
    public var position = SourcePosition(file: "", line: 0, column: 0)
}

/// "Under this variant, root R supplies these places": read in a source, or not confirmed.
public struct PlaceClaim: Sendable {
    public var root: String
    public var places: [String]
    /// Each place's position in the file, for errors about that place.
    public var placePositions: [SourcePosition] = []
    /// A key of the data set's `sources:`; nil when unconfirmed.
    public var source: String?
    /// The passage, legend or caption the claim was read in.
    public var passage: String?
    /// Why the claim is not confirmed; an unconfirmed claim is never shown as fact.
    public var unconfirmed: String?
    public var position = SourcePosition(file: "", line: 0, column: 0)

    public var isConfirmed: Bool { unconfirmed == nil }
}

/// A source that claims can cite by key.
public struct KeyedSource: Sendable {
    public var key: String
    public var source: Source
    public var position = SourcePosition(file: "", line: 0, column: 0)
}

/// Where a root's ISNCSCI key point sits: on a place's landmark, or halfway between two.
public struct KeyPointPlacement: Sendable, Equatable {
    public var places: [String]
    public var position = SourcePosition(file: "", line: 0, column: 0)
}
