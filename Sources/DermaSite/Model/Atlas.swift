/// The dermatome data set: facts per nerve root, the named places of the body and which roots each
/// map variant gives them, and the shapes of those places on the map. Loaded from
/// Content/data/dermatomes.yml, Content/data/places.yml and Content/data/leg-map.yml.
public struct Atlas: Sendable {
    public var roots: [Root] { didSet { contents = Contents() } }
    public var views: [MapView] { didSet { contents = Contents() } }
    public var places: [Place] = [] { didSet { contents = Contents() } }
    /// The first is the one the site shows by default.
    public var variants: [MapVariant] = [] { didSet { contents = Contents() } }
    public var sources: [KeyedSource] = [] { didSet { contents = Contents() } }
    /// Ids of roots whose entry had errors: they exist, so references to them are not "unknown".
    public var rootsWithErrors: Set<String> = [] { didSet { contents = Contents() } }

    /// Stands for this value's contents: a new one whenever any of them changes, so what is
    /// worked out from a data set (each map variant's paint) is kept while it is the same one.
    public final class Contents: Sendable {}
    public private(set) var contents = Contents()

    public init(roots: [Root], views: [MapView], rootsWithErrors: Set<String> = []) {
        self.roots = roots
        self.views = views
        self.rootsWithErrors = rootsWithErrors
    }

    public func root(_ id: String) -> Root? { roots.first { $0.id.caseInsensitiveEquals(id) } }

    public func view(_ id: String) -> MapView? { views.first { $0.id == id } }

    public func place(_ id: String) -> Place? { places.first { $0.id == id } }

    public func variant(_ id: String) -> MapVariant? { variants.first { $0.id == id } }

    public func source(_ key: String) -> Source? { sources.first { $0.key == key }?.source }

    public var defaultVariant: MapVariant? { variants.first }
}

/// Where a value came from, for diagnostics.
public struct SourcePosition: Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }
}

/// One spinal nerve root and the skin it supplies.
public struct Root: Sendable {
    public enum Segment: String, Sendable, CaseIterable { case lumbar, sacral }

    public var id: String
    public var name: String
    public var segment: Segment
    /// `#RRGGBB`
    public var colour: String
    public var areaPlain: String
    public var areaClinical: String
    public var summary: String
    /// The ISNCSCI key sensory point, in words.
    public var keyPoint: String
    public var keyMuscle: String?
    public var reflex: String?
    public var discLevels: [String]
    public var compression: String?
    public var symptoms: [String]
    public var test: String
    public var neighbours: [String]
    /// Trouble here can be a sign of cauda equina syndrome: the page shows the red flags.
    public var urgent: Bool
    public var sources: [Source]
    /// Other causes of symptoms in this root's area, each linking to the page that explains it.
    public var seeAlso: [SeeAlso] = []
    /// Where the map puts the key point, from the places' landmarks.
    public var keyPointAt: KeyPointPlacement?
    /// Where each text was written ("area.plain", "symptoms.2"), for errors about its words.
    public var textPositions: [String: SourcePosition] = [:]

    /// The texts that say where this root's skin is, with their names in textPositions.
    public var placeTexts: [(field: String, text: String)] {
        // The summary also speaks of muscles and reflexes, so only the skin's own texts are checked.
        [("area.plain", areaPlain), ("area.clinical", areaClinical)]
            + symptoms.enumerated().map { ("symptoms.\($0.offset + 1)", $0.element) }
    }
    public var position: SourcePosition

    /// `l4`, `s4-s5`: the root's page is `/dermatomes/<slug>/`.
    public var slug: String { Slug.make(id) }

    public var urlPath: String { "dermatomes/\(slug)/" }

    public init(id: String, name: String, segment: Segment, colour: String, areaPlain: String, areaClinical: String,
                summary: String, keyPoint: String, keyMuscle: String? = nil, reflex: String? = nil,
                discLevels: [String] = [], compression: String? = nil, symptoms: [String] = [], test: String = "",
                neighbours: [String] = [], urgent: Bool = false, sources: [Source] = [],
                position: SourcePosition = SourcePosition(file: "", line: 0, column: 0)) {
        self.id = id
        self.name = name
        self.segment = segment
        self.colour = colour
        self.areaPlain = areaPlain
        self.areaClinical = areaClinical
        self.summary = summary
        self.keyPoint = keyPoint
        self.keyMuscle = keyMuscle
        self.reflex = reflex
        self.discLevels = discLevels
        self.compression = compression
        self.symptoms = symptoms
        self.test = test
        self.neighbours = neighbours
        self.urgent = urgent
        self.sources = sources
        self.position = position
    }
}

public struct Point: Sendable, Equatable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }
}

/// A closed shape: the last point joins the first.
public struct Polygon: Sendable {
    public var points: [Point]
    public var position: SourcePosition

    public init(_ points: [Point], position: SourcePosition = SourcePosition(file: "", line: 0, column: 0)) {
        self.points = points
        self.position = position
    }
}

/// One drawing of the body (front, back, the saddle area) cut into the zones of named places.
/// What colour a zone gets is not drawn here: it comes from the roots the data set gives its place.
public struct MapView: Sendable {
    /// The patch of skin a place's name means, one polygon per leg, with its landmark point in each.
    public struct Zone: Sendable {
        public var place: String
        public var polygons: [Polygon] { didSet { pathData = SVGNumber.path(polygons.map(\.points)) } }
        /// The polygons as SVG path data, written once: every map on every page draws them.
        public private(set) var pathData: String
        public var points: [Point]
        /// Where a root's name fits in the first polygon; found once, when the map is loaded.
        public var labelPoint: Point?
        public var position: SourcePosition

        public init(place: String, polygons: [Polygon], points: [Point],
                    position: SourcePosition = SourcePosition(file: "", line: 0, column: 0)) {
            self.place = place
            self.polygons = polygons
            pathData = SVGNumber.path(polygons.map(\.points))
            self.points = points
            self.labelPoint = polygons.first.flatMap { Geometry.labelPoint(in: $0.points) }
            self.position = position
        }
    }

    public struct Box: Sendable, Equatable {
        public var x, y, width, height: Double
    }

    public var id: String
    public var title: String
    public var viewBox: Box
    public var outline: [Polygon] { didSet { outlinePathData = SVGNumber.path(outline.map(\.points)) } }
    public var details: [[Point]] { didSet { detailsPathData = SVGNumber.lines(details) } }
    /// The outline and the details as SVG path data, written once.
    public private(set) var outlinePathData: String
    public private(set) var detailsPathData: String
    public var zones: [Zone]
    public var position: SourcePosition

    public init(id: String, title: String, viewBox: Box, outline: [Polygon], details: [[Point]], zones: [Zone],
                position: SourcePosition) {
        self.id = id
        self.title = title
        self.viewBox = viewBox
        self.outline = outline
        self.details = details
        outlinePathData = SVGNumber.path(outline.map(\.points))
        detailsPathData = SVGNumber.lines(details)
        self.zones = zones
        self.position = position
    }

    public func zone(_ place: String) -> Zone? { zones.first { $0.place == place } }

    public static let knownIDs = ["anterior", "posterior", "saddle"]
    /// The two leg views; the saddle view is drawn where a page asks for it.
    public static let legIDs = ["anterior", "posterior"]
}

extension String {
    /// Whether the two are equal lowercased. Maps look roots up by id for every zone they
    /// colour: equal or ASCII ids are compared without making lowercased copies.
    func caseInsensitiveEquals(_ other: String) -> Bool {
        if self == other { return true }
        func lower(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
        let ascii = utf8.withContiguousStorageIfAvailable { a in
            other.utf8.withContiguousStorageIfAvailable { b -> Bool? in
                guard a.allSatisfy({ $0 < 0x80 }), b.allSatisfy({ $0 < 0x80 }) else { return nil }
                return a.count == b.count && zip(a, b).allSatisfy { lower($0) == lower($1) }
            } ?? nil
        } ?? nil
        return ascii ?? (lowercased() == other.lowercased())
    }
}
