/// Which templates each template pulls in through partials (`{{> name}}`) and layouts
/// (`{{< name}}`), so a rebuild after a template edit re-renders only the pages that use it.
struct TemplateDependencies {
    private var texts: [String: String] = [:]
    private var includes: [String: Set<String>] = [:]

    init(source: TemplateSource) {
        for file in source.files {
            texts[file.name] = file.text
            includes[file.name] = Self.references(in: file.text)
        }
    }

    var names: [String] { texts.keys.sorted() }

    /// The template and everything it includes, directly or not. A name that is included but
    /// missing is part of it too, so adding that file counts as a change.
    func closure(of name: String) -> Set<String> {
        var seen: Set<String> = [name]
        var queue = [name]
        while let next = queue.popLast() {
            for included in includes[next] ?? [] where seen.insert(included).inserted {
                queue.append(included)
            }
        }
        return seen
    }

    /// Templates added, removed or edited since `old` (all of them when there is no `old`).
    func changedNames(since old: TemplateDependencies?) -> Set<String> {
        guard let old else { return Set(texts.keys) }
        var changed = Set<String>()
        for name in Set(texts.keys).union(old.texts.keys) where texts[name] != old.texts[name] { changed.insert(name) }
        return changed
    }

    /// Names after `{{>` and `{{<` tags. Layouts are named by file name only, and partials by
    /// path; both spellings are recorded so either finds the file. The marks are found in the
    /// bytes (Foundation's search was a fiftieth of a small site's build).
    static func references(in text: String) -> Set<String> {
        var names = Set<String>()
        var text = text
        text.withUTF8 { bytes in
            var at = 0
            while let open = bytes.index(of: openMark, from: at) {
                at = open + 2
                guard at < bytes.count, bytes[at] == UInt8(ascii: ">") || bytes[at] == UInt8(ascii: "<") else { continue }
                guard let close = bytes.index(of: closeMark, from: at) else { break }
                let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(at + 1)..<close]), as: UTF8.self).trimmingWhitespace()
                if !name.isEmpty {
                    names.insert(name)
                    if !name.contains("/") { names.insert("layouts/" + name) }
                }
                at = close + 2
            }
        }
        return names
    }

    private static let openMark = Array("{{".utf8), closeMark = Array("}}".utf8)
}
