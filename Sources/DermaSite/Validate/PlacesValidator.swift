/// Checks that places, sources and map variants refer to each other and to the roots correctly.
enum PlacesValidator {
    static func validate(_ atlas: Atlas) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let placeIDs = atlas.places.map(\.id)
        let rootIDs = atlas.roots.map(\.id) + atlas.rootsWithErrors.sorted()
        let sourceKeys = atlas.sources.map(\.key)
        diagnostics += duplicates(atlas.places.map { ($0.id, $0.position) }, what: "place")
        diagnostics += duplicates(atlas.sources.map { ($0.key, $0.position) }, what: "source key")
        diagnostics += duplicates(atlas.variants.map { ($0.id, $0.position) }, what: "map variant")
        for place in atlas.places where !atlas.views.contains(where: { $0.zone(place.id) != nil }) {
            diagnostics.append(error(place.position, "place \(place.id) has no zone in any view of \(AtlasLoader.mapPath)"))
        }
        for variant in atlas.variants {
            for claim in variant.claims {
                if !rootIDs.contains(claim.root) {
                    diagnostics.append(error(claim.position, "unknown root '\(claim.root)'\(AtlasValidator.hint(claim.root, rootIDs))"))
                }
                if let key = claim.source, !sourceKeys.contains(key) {
                    diagnostics.append(error(claim.position, "unknown source '\(key)'; add it to 'sources:' with that key\(AtlasValidator.placeHint(key, sourceKeys))"))
                }
                for (id, position) in zip(claim.places, claim.placePositions) where !placeIDs.contains(id) {
                    diagnostics.append(error(position, "unknown place '\(id)'\(AtlasValidator.placeHint(id, placeIDs))"))
                }
            }
        }
        if let main = atlas.defaultVariant {
            for root in atlas.roots where !main.claims.contains(where: { $0.root == root.id }) {
                diagnostics.append(error(root.position, "root \(root.id) supplies no place in the map variant '\(main.id)' of \(AtlasLoader.placesPath)"))
            }
        }
        return diagnostics
    }

    private static func duplicates(_ items: [(String, SourcePosition)], what: String) -> [Diagnostic] {
        var seen: [String: SourcePosition] = [:]
        var diagnostics: [Diagnostic] = []
        for (id, position) in items {
            if let first = seen[id] {
                diagnostics.append(error(position, "duplicate \(what) '\(id)' (first defined on line \(first.line))"))
            } else {
                seen[id] = position
            }
        }
        return diagnostics
    }

    private static func error(_ position: SourcePosition, _ message: String) -> Diagnostic {
        AtlasValidator.error(position, message)
    }
}

/// Each root's ISNCSCI key point, placed from the landmarks, must fall in a zone that the default
/// map variant gives to that root: the L1 point halfway between the groin and L2 points lands in
/// L1's skin, or the build says which place it landed in instead.
enum KeyPointCheck {
    static func validate(_ atlas: Atlas) -> [Diagnostic] {
        guard let main = atlas.defaultVariant else { return [] }
        var diagnostics: [Diagnostic] = []
        let placeIDs = atlas.places.map(\.id)
        for root in atlas.roots {
            guard let placement = root.keyPointAt else { continue }
            let unknown = placement.places.filter { !placeIDs.contains($0) }
            if !unknown.isEmpty {
                for id in unknown {
                    diagnostics.append(error(placement.position, "'key_point_at' names unknown place '\(id)'\(AtlasValidator.placeHint(id, placeIDs))"))
                }
                continue
            }
            var placedSomewhere = false
            for view in atlas.views {
                guard let points = atlas.keyPoints(of: root, in: view) else { continue }
                placedSomewhere = true
                // One error per view: the legs are mirror images, so the second would say the same.
                for point in points {
                    let holder = view.zones.first { zone in zone.polygons.contains { Geometry.contains($0.points, point) } }
                    let at = "[\(AtlasValidator.rounded(point.x)), \(AtlasValidator.rounded(point.y))]"
                    guard let holder else {
                        diagnostics.append(error(placement.position, "the \(root.id) key point at \(at) in view '\(view.id)' is in no place's zone"))
                        break
                    }
                    let coverage = atlas.coverage(of: holder.place, in: main)
                    if !coverage.confirmed.contains(root.id) {
                        let given = coverage.allRoots.isEmpty ? "no root" : coverage.allRoots.joined(separator: " and ")
                        diagnostics.append(error(placement.position,
                            "the \(root.id) key point at \(at) in view '\(view.id)' lies in \(holder.place), which the \(main.name) gives to \(given), not to \(root.id)"))
                        break
                    }
                }
            }
            if !placedSomewhere {
                diagnostics.append(error(placement.position, "the places of the \(root.id) key point have no zones together in any view"))
            }
        }
        return diagnostics
    }

    private static func error(_ position: SourcePosition, _ message: String) -> Diagnostic {
        AtlasValidator.error(position, message)
    }
}
