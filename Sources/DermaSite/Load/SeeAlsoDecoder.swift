import Yams

/// `see_also:` on a place or a root: `- text: "..."` and `link: /articles/foot-drop/`.
enum SeeAlsoDecoder {
    static func decode(_ node: Node, reader: inout YAMLReader) -> [SeeAlso] {
        guard case let .sequence(items) = node else {
            reader.report(.error, at: node, "'see_also' must be a list of '- text: ...' and 'link: /articles/...' entries")
            return []
        }
        return items.compactMap { item in
            var text: String?, link: String?, linkNode: Node?
            for (key, _, value) in reader.fields(of: item, known: ["text", "link"], context: "a see_also entry") {
                let string = reader.string(value, key: key)?.trimmingWhitespace()
                if key == "text" { text = string } else { (link, linkNode) = (string, value) }
            }
            guard let text, !text.isEmpty, let link else {
                reader.report(.error, at: item, "a see_also entry needs 'text' and 'link'")
                return nil
            }
            let plain = !link.unicodeScalars.contains { $0.properties.isWhitespace || "\"'<>\\`".unicodeScalars.contains($0) }
            guard link.hasPrefix("/"), !link.hasPrefix("//"), plain else {
                reader.report(.error, at: item, "a see_also 'link' is a page of this site, such as /articles/foot-drop/")
                return nil
            }
            return SeeAlso(text: text, link: link, position: reader.position(of: linkNode ?? item))
        }
    }
}
