/// The versions of the named inputs a cached result was made from. The names are what a user
/// reads when `--explain` says why a page was rendered again.
struct InputKey: Equatable {
    private(set) var parts: [String: Int]

    init(_ parts: [String: Int]) { self.parts = parts }

    func merging(_ other: InputKey) -> InputKey { InputKey(parts.merging(other.parts) { $1 }) }

    /// The inputs whose versions differ from `old`'s, by name.
    func changes(since old: InputKey) -> [String] {
        Set(parts.keys).union(old.parts.keys).filter { parts[$0] != old.parts[$0] }.sorted()
    }
}

/// A result and the named inputs it was made from.
struct Named<T> {
    var key: InputKey
    var value: T
}

/// Why an output was rendered again, in words.
enum RenderReason {
    static let firstBuild = "first build (nothing earlier to reuse)"

    static func changed(_ names: [String]) -> String {
        names.isEmpty ? firstBuild : "changed: " + names.joined(separator: ", ")
    }
}
