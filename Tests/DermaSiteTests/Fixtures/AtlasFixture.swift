/// A tiny dermatome data set: three roots on square "legs", easy to reason about in tests.
enum AtlasFixture {
    static func root(_ id: String, colour: String, neighbours: String, extra: String = "") -> String {
        """
          - id: \(id)
            name: "Root \(id)"
            segment: \(id.hasPrefix("S") ? "sacral" : "lumbar")
            colour: "\(colour)"
            area:
              plain: "Area of \(id)"
              clinical: "Clinical area of \(id)"
            summary: "Summary of \(id)."
            key_point: "Key point of \(id)"
            disc_levels: ["L4-L5"]
            symptoms: ["Numbness"]
            test: "Touch test."
            key_point_at: \(["L4": "inner-shin", "L5": "top-of-foot", "S1": "heel"][id] ?? "heel")
            neighbours: \(neighbours)
            urgent: \(id == "S1")
            sources:
              - {title: "A source for \(id)", year: 2020, url: "https://example.org/\(id)"}
        \(extra)
        """
    }

    static let roots = """
    roots:
    \(root("L4", colour: "#F0E442", neighbours: "[L5]"))
    \(root("L5", colour: "#0072B2", neighbours: "[L4, S1]"))
    \(root("S1", colour: "#D55E00", neighbours: "[L5]"))
    """

    /// Three places, and one map variant that gives each to one root, read in one source.
    static let places = """
    sources:
      - key: book
        title: "A book of maps"
        year: 2020
        url: "https://example.org/maps"
    places:
      - id: inner-shin
        name: "Inner shin"
        clinical: "medial leg"
        group: "Lower leg"
        words: ["inner shin"]
      - id: top-of-foot
        name: "Top of the foot"
        clinical: "dorsum of the foot"
        group: "Foot"
        words: ["top of the foot"]
      - id: heel
        name: "Heel"
        clinical: "calcaneus"
        group: "Foot"
        words: ["heel"]
    variants:
      - id: clinical
        name: "Clinical chart"
        drawing: "Schematic, after a book of maps"
        claims:
          - root: L4
            places: [inner-shin]
            source: book
            read: "L4: inner shin"
          - root: L5
            places: [top-of-foot]
            source: book
            read: "L5: top of the foot"
          - root: S1
            places: [heel]
            source: book
            read: "S1: heel"
    """

    /// Front view: a 100 x 100 body split into the inner shin (left half) and the top of the foot
    /// (right half). Back view: the heel fills its body.
    static let map = """
    views:
      - id: anterior
        title: "Front of the legs"
        view_box: [0, 0, 120, 120]
        outline:
          - [[10, 10], [110, 10], [110, 110], [10, 110]]
        zones:
          - place: inner-shin
            polygons:
              - [[10, 10], [60, 10], [60, 110], [10, 110]]
            points: [[30, 90]]
          - place: top-of-foot
            polygons:
              - [[60, 10], [110, 10], [110, 110], [60, 110]]
            points: [[90, 90]]
      - id: posterior
        title: "Back of the legs"
        view_box: [0, 0, 120, 120]
        outline:
          - [[10, 10], [110, 10], [110, 110], [10, 110]]
        zones:
          - place: heel
            polygons:
              - [[10, 10], [110, 10], [110, 110], [10, 110]]
            points: [[60, 100]]
    """

    static func atlas() -> Atlas {
        let (atlas, diagnostics) = AtlasLoader.parse(roots: roots, places: places, map: map)
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return atlas!
    }
}

import DermaSite
