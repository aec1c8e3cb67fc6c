import Synchronization

/// How each zone looks on one map: the chosen variant's claims, or the computed agreement of all
/// variants, worked out once per map. Colour is never the only cue: overlap and doubt are
/// patterns, and every zone names its roots in its label and on its place's page.
struct ZonePaint {
    enum Look: Equatable {
        case root(String)
        case stripes([String])
        case notSettled([String])
        case differ
        case none
    }

    let atlas: Atlas
    /// nil draws the agreement view.
    let variant: MapVariant?
    /// What every map of this variant shows of each place, worked out once.
    private let facts: [String: Facts]

    private struct Facts {
        var look: Look
        var roots: [String]
        var says: String
        /// A place's own root's colour.
        var colour: String?
        /// "Big toe: L5", as a zone's name and in a map's description.
        var named: String
        var urlPath: String
    }

    /// Where each view names its roots: a root's largest settled zone big enough to hold its
    /// name, and the key-point dots a name must not cover. Worked out once, with the paint.
    struct LabelSpots {
        var best: [String: (area: Double, at: Point)] = [:]
        var dots: [Point] = []
    }
    private let spots: [String: LabelSpots]

    /// Kept by view id: the maps draw the data set's own views, whose ids are unique (a repeated
    /// one is an error of AtlasValidator's).
    func labelSpots(in view: MapView) -> LabelSpots {
        spots[view.id] ?? Self.labelSpots(in: view, atlas: atlas, facts: facts)
    }

    private static func labelSpots(in view: MapView, atlas: Atlas, facts: [String: Facts]) -> LabelSpots {
        var spots = LabelSpots()
        for zone in view.zones {
            guard case .root(let id) = facts[zone.place]?.look, let polygon = zone.polygons.first,
                  let at = zone.labelPoint ?? zone.points.first else { continue }
            let area = Geometry.area(polygon.points)
            if area >= LegMapRenderer.smallestLabelledArea, area > spots.best[id]?.area ?? 0 { spots.best[id] = (area, at) }
        }
        spots.dots = atlas.roots.flatMap { atlas.keyPoints(of: $0, in: view) ?? [] }
        return spots
    }

    /// A zone's place as this map names it, and its page; nil for a place the data set lacks.
    func zone(_ place: String) -> (named: String, urlPath: String)? {
        facts[place].map { ($0.named, $0.urlPath) }
    }

    /// The paint of a variant (nil: the default; `agreement`), made once per data set: every map
    /// of a build, and of the builds after it while the data set stays the same, shares it.
    static func of(_ atlas: Atlas, variant id: String?) -> ZonePaint {
        PaintMemo.shared.paint(atlas, variant: id)
    }

    init(atlas: Atlas, variant id: String?) {
        self.atlas = atlas
        let variant = id == AtlasMaps.agreementID ? nil : id.flatMap(atlas.variant) ?? atlas.defaultVariant
        self.variant = variant
        var facts: [String: Facts] = [:]
        // The first place of an id, as `Atlas.place` finds it.
        for place in atlas.places where facts[place.id] == nil {
            let look = Self.look(place.id, atlas: atlas, variant: variant)
            let colour: String? = if case .root(let id) = look { atlas.root(id)?.colour ?? "#ffffff" } else { nil }
            let says = Self.says(of: place.id, look: look, atlas: atlas)
            facts[place.id] = Facts(look: look, roots: Self.roots(of: place.id, look: look, atlas: atlas), says: says,
                                    colour: colour, named: "\(place.name): \(says)", urlPath: place.urlPath)
        }
        self.facts = facts
        var spots: [String: LabelSpots] = [:]
        // The first view of an id, as `Atlas.view` finds it.
        for view in atlas.views where spots[view.id] == nil { spots[view.id] = Self.labelSpots(in: view, atlas: atlas, facts: facts) }
        self.spots = spots
    }

    var name: String { variant?.name ?? AtlasMaps.agreementName }

    var drawing: String {
        variant?.drawing ?? "Computed by this site from the map variants it shows: coloured where every map that describes a place gives it the same roots, hatched where they differ or a claim could not be confirmed"
    }

    /// The ISNCSCI key points belong to the clinical chart, and so to the agreement view drawn over it.
    var showsKeyPoints: Bool { variant == nil || variant?.id == atlas.defaultVariant?.id }

    func look(_ place: String) -> Look { facts[place]?.look ?? .none }

    private static func look(_ place: String, atlas: Atlas, variant: MapVariant?) -> Look {
        guard let variant else {
            switch atlas.agreement(of: place) {
            case .agree(let roots): return roots.count == 1 ? .root(roots[0]) : .stripes(roots)
            case .differ: return .differ
            case .notSettled:
                return .notSettled(atlas.inRootOrder(Set(atlas.variants.flatMap { atlas.coverage(of: place, in: $0).allRoots })))
            case .unknown: return .none
            }
        }
        let coverage = atlas.coverage(of: place, in: variant)
        switch coverage.status {
        case .root(let id): return .root(id)
        case .shared(let ids): return .stripes(ids)
        case .notSettled: return .notSettled(coverage.allRoots)
        case .none: return .none
        }
    }

    /// Roots this map draws at the place, for highlighting one root.
    func roots(of place: String) -> [String] {
        facts[place]?.roots ?? []
    }

    private static func roots(of place: String, look: Look, atlas: Atlas) -> [String] {
        switch look {
        case .root(let id): return [id]
        case .stripes(let ids), .notSettled(let ids): return ids
        case .differ: return atlas.variants.flatMap { atlas.coverage(of: place, in: $0).allRoots }
        case .none: return []
        }
    }

    func fill(of place: String, prefix: String) -> String {
        guard let facts = facts[place] else { return "#f4efe9" }
        switch facts.look {
        case .root: return facts.colour ?? "#ffffff"
        case .stripes(let ids): return "url(#\(prefix)-s-\(ids.joined(separator: "-")))"
        case .notSettled: return "url(#\(prefix)-unsettled)"
        case .differ: return "url(#\(prefix)-differ)"
        case .none: return "#f4efe9"
        }
    }

    /// What this map says of a place, in words.
    func says(of place: String) -> String {
        facts[place]?.says ?? Self.says(of: place, look: .none, atlas: atlas)
    }

    private static func says(of place: String, look: Look, atlas: Atlas) -> String {
        switch look {
        case .root(let id): return id
        case .stripes(let ids): return "\(ids.joined(separator: " and ")) (both supply it)"
        case .notSettled(let ids): return "not settled (\(ids.joined(separator: " or ")) is claimed, but no source read here confirms it)"
        case .differ:
            let parts = atlas.variants.map { "\($0.name): \(atlas.coverage(of: place, in: $0).summary)" }
            return "maps differ (\(parts.joined(separator: "; ")))"
        case .none: return "no map shown here gives it a root"
        }
    }

    /// The `<defs>` for the patterns this view uses; ids are unique per map on a page.
    func patterns(in view: MapView, prefix: String) -> String {
        var seen = Set<String>()
        var defs = ""
        for zone in view.zones {
            switch look(zone.place) {
            case .stripes(let ids):
                let id = "\(prefix)-s-\(ids.joined(separator: "-"))"
                guard seen.insert(id).inserted else { continue }
                let width = 14.0 / Double(ids.count)
                defs += "<pattern id=\"\(id)\" width=\"14\" height=\"14\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                for (index, root) in ids.enumerated() {
                    defs += "<rect x=\"\(SVGNumber.format(Double(index) * width))\" y=\"0\" width=\"\(SVGNumber.format(width))\" height=\"14\" fill=\"\(atlas.root(root)?.colour ?? "#ffffff")\"/>"
                }
                defs += "</pattern>"
            case .notSettled:
                guard seen.insert("unsettled").inserted else { continue }
                defs += "<pattern id=\"\(prefix)-unsettled\" width=\"10\" height=\"10\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                    + "<rect width=\"10\" height=\"10\" fill=\"#e8e8e8\"/><rect width=\"3\" height=\"10\" fill=\"#8a8a8a\"/></pattern>"
            case .differ:
                guard seen.insert("differ").inserted else { continue }
                defs += "<pattern id=\"\(prefix)-differ\" width=\"10\" height=\"10\" patternUnits=\"userSpaceOnUse\">"
                    + "<rect width=\"10\" height=\"10\" fill=\"#ffffff\"/><path d=\"M0 10L10 0M-2 2L2 -2M8 12L12 8\" stroke=\"#4c4c4c\" stroke-width=\"2\"/>"
                    + "<path d=\"M0 0L10 10\" stroke=\"#4c4c4c\" stroke-width=\"1\"/></pattern>"
            default: continue
            }
        }
        return defs.isEmpty ? "" : "<defs>\(defs)</defs>\n"
    }

    func caption(highlight: [String]) -> String {
        let roots = highlight.compactMap(atlas.root).map(\.id)
        if !roots.isEmpty {
            let named = roots.count == 1 ? "the \(roots[0]) root supplies" : "the \(roots.dropLast().joined(separator: ", ")) and \(roots.last!) roots supply"
            return "The places \(named) on the \(name) (strong colour), among the others. \(drawing). Borders vary from person to person."
        }
        return "\(drawing). Each colour is the skin one nerve root supplies; stripes mean two roots share a place. Borders vary from person to person."
    }
}

/// The paints of the data set last drawn, by variant. Keyed by the data set's contents object,
/// which a change replaces: a paint is a function of the data set alone.
final class PaintMemo: Sendable {
    static let shared = PaintMemo()
    private let state = Mutex<(contents: Atlas.Contents?, paints: [String: ZonePaint])>((nil, [:]))

    func paint(_ atlas: Atlas, variant: String?) -> ZonePaint {
        let key = variant ?? "\u{0}default"
        if let kept = state.withLock({ $0.contents === atlas.contents ? $0.paints[key] : nil }) { return kept }
        // Made outside the lock: two workers may make the same paint once each, never a wrong one.
        let made = ZonePaint(atlas: atlas, variant: variant)
        state.withLock { state in
            if state.contents !== atlas.contents { state = (atlas.contents, [:]) }
            state.paints[key] = made
        }
        return made
    }
}
