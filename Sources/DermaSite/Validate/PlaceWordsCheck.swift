/// A root's words must agree with the map: its area, summary and symptoms may name only places
/// that some map variant gives to that root, and where the variants differ, or a claim is not
/// confirmed, the same text must say so ("maps differ").
enum PlaceWordsCheck {
    /// Phrases that say plainly that maps do not agree here.
    static let hedges = ["maps differ", "some maps", "not all maps", "maps disagree", "maps vary"]

    struct Mention: Equatable {
        var place: String
        var phrase: String
    }

    static func validate(_ atlas: Atlas) -> [Diagnostic] {
        guard !atlas.variants.isEmpty else { return [] }
        let phrases = Phrases(atlas.places.flatMap { place in place.words.map { (phrase: $0, place: place.id) } }
            .sorted { $0.phrase.count > $1.phrase.count })
        var diagnostics: [Diagnostic] = []
        for root in atlas.roots {
            for (field, text) in root.placeTexts {
                let position = root.textPositions[field] ?? root.position
                let lower = text.lowercased()
                let hedged = hedges.contains { lower.utf8Offset(of: $0) != nil }
                for mention in mentions(in: lower, phrases: phrases) {
                    let coverages = atlas.variants.map { ($0, atlas.coverage(of: mention.place, in: $0)) }
                    if !coverages.contains(where: { $0.1.allRoots.contains(root.id) }) {
                        diagnostics.append(AtlasValidator.error(position,
                            "\(root.id) \(fieldName(field)) names '\(mention.phrase)' (\(mention.place)), but no map variant in \(AtlasLoader.placesPath) gives \(mention.place) to \(root.id): correct the text or add a claim with its source"))
                        continue
                    }
                    // A hedge is owed where the default map does not confirm the root, or another map
                    // confirms other roots; a map that only groups roots here is silent, not opposed.
                    let settledByDefault = coverages.first?.1.confirmed.contains(root.id) ?? false
                    let differ = !settledByDefault || coverages.contains { _, coverage in
                        !coverage.confirmed.isEmpty && !coverage.confirmed.contains(root.id)
                    }
                    if differ && !hedged {
                        let summary = coverages.map { variant, coverage in "\(variant.name): \(coverage.summary)" }
                        diagnostics.append(AtlasValidator.error(position,
                            "\(root.id) \(fieldName(field)) names '\(mention.phrase)' (\(mention.place)) as if settled, but the maps differ there (\(summary.joined(separator: "; "))): say so in the same text, for example '(maps differ here)'"))
                    }
                }
            }
        }
        return diagnostics
    }

    /// The places' phrases with their scalars, made once for all the texts checked.
    struct Phrases {
        let list: [(phrase: String, place: String, scalars: [Unicode.Scalar])]

        init(_ phrases: [(phrase: String, place: String)]) {
            list = phrases.map { ($0.phrase, $0.place, Array($0.phrase.unicodeScalars)) }
        }
    }

    /// Places named in `text` (lower case), longest phrase first, each stretch of text used once.
    /// A phrase is tried only where its first scalar is: trying it at every scalar of every text
    /// was a fiftieth of a small site's build.
    static func mentions(in text: String, phrases: Phrases) -> [Mention] {
        let scalars = Array(text.unicodeScalars)
        var starts: [Unicode.Scalar: [Int]] = [:]
        for (index, scalar) in scalars.enumerated() { starts[scalar, default: []].append(index) }
        var used = [Bool](repeating: false, count: scalars.count)
        var found: [(offset: Int, mention: Mention)] = []
        for (phrase, place, needle) in phrases.list {
            guard let first = needle.first, needle.count <= scalars.count else { continue }
            // After a match the search goes on from its end, so matches of one phrase do not overlap.
            var next = 0
            for start in starts[first] ?? [] where start >= next {
                let end = start + needle.count
                guard end <= scalars.count else { break }
                if scalars[start..<end].elementsEqual(needle), !used[start..<end].contains(true),
                   start == 0 || !isWordScalar(scalars[start - 1]), end == scalars.count || !isWordScalar(scalars[end]) {
                    for i in start..<end { used[i] = true }
                    found.append((start, Mention(place: place, phrase: phrase)))
                    next = end
                }
            }
        }
        var seen = Set<String>()
        return found.sorted { $0.offset < $1.offset }.map(\.mention).filter { seen.insert($0.place).inserted }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
    }

    private static func fieldName(_ field: String) -> String {
        if field.hasPrefix("symptoms.") { return "symptom \(field.dropFirst("symptoms.".count))" }
        return "'\(field)'"
    }
}
