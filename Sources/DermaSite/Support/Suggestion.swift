/// "Did you mean …?" for misspelt keys and options.
public enum Suggestion {
    public static func closest(to word: String, in candidates: [String]) -> String? {
        let lowered = word.lowercased()
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(lowered, candidate.lowercased())
            if best == nil || d < best!.1 { best = (candidate, d) }
        }
        guard let (match, d) = best else { return nil }
        // Only suggest when the word is plausibly a typo of the match.
        return d <= max(2, match.count / 3) ? match : nil
    }

    /// "Did you mean" for a nerve root: only a root with the same number (`l4` -> L4, `S4-5` ->
    /// S4-S5, `L44` -> L4), never a neighbour (`L6` is not a typo of L1).
    public static func closestRoot(to word: String, in ids: [String]) -> String? {
        let digits = { (text: String) in String(text.filter(\.isNumber)) }
        let wanted = digits(word)
        guard !wanted.isEmpty else { return closest(to: word, in: ids) }
        let sameNumber = ids.filter { digits($0) == wanted || (wanted.count > 1 && wanted.allSatisfy { $0 == wanted.first } && digits($0) == String(wanted.first!)) }
        return closest(to: word, in: sameNumber) ?? (sameNumber.count == 1 ? sameNumber[0] : nil)
    }

    /// "Did you mean" for a link: a path in the same folder whose last part begins with, or is
    /// close to, the one written (`articles/sciatica/` -> `articles/sciatica-and-nerve-roots/`).
    public static func closestPath(to path: String, in paths: Set<String>) -> String? {
        func split(_ path: String) -> (folder: String, name: String) {
            let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
            let cut = trimmed.lastIndex(of: "/")
            return (cut.map { String(trimmed[..<$0]) } ?? "", cut.map { String(trimmed[trimmed.index(after: $0)...]) } ?? trimmed)
        }
        let wanted = split(path)
        guard !wanted.name.isEmpty else { return nil }
        let siblings = paths.filter { split($0).folder == wanted.folder && $0.hasSuffix("/") == path.hasSuffix("/") }.sorted()
        let byStart = siblings.filter { split($0).name.hasPrefix(wanted.name) || wanted.name.hasPrefix(split($0).name) && split($0).name.count >= 3 }
        if let shortest = byStart.min(by: { ($0.count, $0) < ($1.count, $1) }) { return shortest }
        let names = siblings.map { split($0).name }
        return closest(to: wanted.name, in: names).flatMap { name in siblings.first { split($0).name == name } }
    }

    /// Levenshtein distance over Unicode scalars.
    public static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
