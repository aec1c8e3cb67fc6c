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
            neighbours: \(neighbours)
            urgent: \(id == "S1")
            sources:
              - title: "A source for \(id)"
        \(extra)
        """
    }

    static let roots = """
    roots:
    \(root("L4", colour: "#F0E442", neighbours: "[L5]"))
    \(root("L5", colour: "#0072B2", neighbours: "[L4, S1]"))
    \(root("S1", colour: "#D55E00", neighbours: "[L5]"))
    reviewed: 2026-01-01
    next_review: 2026-06-01
    reviewer: "Dr Example"
    """

    /// Front view: a 100 x 100 body split into L4 (left half) and L5 (right half).
    /// Back view: S1 fills its body.
    static let map = """
    views:
      - id: anterior
        title: "Front of the legs"
        view_box: [0, 0, 120, 120]
        outline:
          - [[10, 10], [110, 10], [110, 110], [10, 110]]
        regions:
          - root: L4
            polygons:
              - [[10, 10], [60, 10], [60, 110], [10, 110]]
          - root: L5
            polygons:
              - [[60, 10], [110, 10], [110, 110], [60, 110]]
        labels:
          - root: L4
            at: [35, 60]
          - root: L5
            at: [85, 60]
        key_points:
          - root: L4
            at: [30, 90]
          - root: L5
            at: [90, 90]
      - id: posterior
        title: "Back of the legs"
        view_box: [0, 0, 120, 120]
        outline:
          - [[10, 10], [110, 10], [110, 110], [10, 110]]
        regions:
          - root: S1
            polygons:
              - [[10, 10], [110, 10], [110, 110], [10, 110]]
        key_points:
          - root: S1
            at: [60, 100]
    """

    static func atlas() -> Atlas {
        let (atlas, diagnostics) = AtlasLoader.parse(roots: roots, map: map)
        precondition(diagnostics.isEmpty, "\(diagnostics)")
        return atlas!
    }
}

import DermaSite
