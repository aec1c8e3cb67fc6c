/// What one map variant says of one place: the roots it gives the place, as read, and the roots
/// only claimed without a source that could be read.
public struct PlaceCoverage: Sendable, Equatable {
    public enum Status: Sendable, Equatable {
        /// One root, confirmed.
        case root(String)
        /// Two or more roots, confirmed: an overlap zone.
        case shared([String])
        /// A claim that could not be confirmed: never shown as fact.
        case notSettled
        /// The variant says nothing of this place.
        case none
    }

    /// In the data set's root order.
    public var confirmed: [String]
    public var unconfirmed: [String]

    public var status: Status {
        if !unconfirmed.isEmpty { return .notSettled }
        switch confirmed.count {
        case 0: return .none
        case 1: return .root(confirmed[0])
        default: return .shared(confirmed)
        }
    }

    /// Every root named, confirmed or not.
    public var allRoots: [String] { confirmed + unconfirmed.filter { !confirmed.contains($0) } }

    /// In words, for pages and errors: "L5", "L4 and L5", "not settled (L4 or L5)".
    public var summary: String {
        switch status {
        case .root(let id): return id
        case .shared(let ids): return ids.joined(separator: " and ")
        case .notSettled: return "not settled (\(allRoots.joined(separator: " or ")))"
        case .none: return "says nothing"
        }
    }
}

/// What the variants together say of one place: the computed "where the maps agree" view.
public enum Agreement: Sendable, Equatable {
    /// Every variant that confirms roots here confirms the same ones, and no unconfirmed claim
    /// points only elsewhere.
    case agree([String])
    /// Confirmed roots differ between variants, or an unconfirmed claim names only other roots.
    case differ
    /// Only unconfirmed claims: nothing read here settles it.
    case notSettled
    /// No variant says anything of the place.
    case unknown
}

extension Atlas {
    public func coverage(of place: String, in variant: MapVariant) -> PlaceCoverage {
        var confirmed = Set<String>(), unconfirmed = Set<String>()
        for claim in variant.claims where claim.places.contains(place) {
            if claim.isConfirmed { confirmed.insert(claim.root) } else { unconfirmed.insert(claim.root) }
        }
        return PlaceCoverage(confirmed: inRootOrder(confirmed), unconfirmed: inRootOrder(unconfirmed))
    }

    public func agreement(of place: String) -> Agreement {
        let all = variants.map { coverage(of: place, in: $0) }
        if all.allSatisfy({ $0.status == .none }) { return .unknown }
        let confirmed = all.map(\.confirmed).filter { !$0.isEmpty }
        guard let settled = confirmed.first else { return .notSettled }
        guard confirmed.allSatisfy({ $0 == settled }) else { return .differ }
        // A map that only groups roots here ("L4, 5, S1: foot") agrees if its group includes them.
        let clash = all.contains { !$0.unconfirmed.isEmpty && Set($0.unconfirmed).isDisjoint(with: settled) }
        return clash ? .differ : .agree(settled)
    }

    /// The places a root supplies under a variant, confirmed or not, in the data set's place order.
    public func places(of root: String, in variant: MapVariant) -> [Place] {
        let ids = Set(variant.claims.filter { $0.root == root }.flatMap(\.places))
        return places.filter { ids.contains($0.id) }
    }

    /// The claims of a variant about one place, for "where this was read".
    public func claims(about place: String, in variant: MapVariant) -> [PlaceClaim] {
        variant.claims.filter { $0.places.contains(place) }
    }

    /// Where a root's key point sits in a view, one point per leg: the landmark of its place, or
    /// the midpoint of two landmarks. Nil when a place has no zone in the view.
    public func keyPoints(of root: Root, in view: MapView) -> [Point]? {
        guard let placement = root.keyPointAt, !placement.places.isEmpty else { return nil }
        let zones = placement.places.compactMap(view.zone)
        guard zones.count == placement.places.count, let count = zones.first?.points.count,
              zones.allSatisfy({ $0.points.count == count }) else { return nil }
        return (0..<count).map { leg in
            let points = zones.map { $0.points[leg] }
            let n = Double(points.count)
            return Point(points.map(\.x).reduce(0, +) / n, points.map(\.y).reduce(0, +) / n)
        }
    }

    func inRootOrder(_ ids: Set<String>) -> [String] {
        // Most places' lists are empty or one known root: each map asks of every place in every variant.
        if ids.isEmpty { return [] }
        if ids.count == 1, let id = ids.first, roots.contains(where: { $0.id == id }) { return [id] }
        let known = roots.map(\.id).filter(ids.contains)
        return known + ids.subtracting(known).sorted()
    }
}
