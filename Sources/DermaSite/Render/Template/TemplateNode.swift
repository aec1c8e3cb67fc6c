/// A template parsed for the compiled renderer: what swift-mustache's tokens are, with names split
/// at their dots once, when the template is read, instead of at every tag of every page.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case variable(TemplatePath, escaped: Bool)
    case section(TemplatePath, [TemplateNode], inverted: Bool)
    /// `{{> name}}`, and `{{< name}}` with the blocks it overrides. `indentation` is the
    /// whitespace before a partial alone on its line, added to each line it writes.
    case partial(String, indentation: [UInt8]?, overrides: [String: [TemplateNode]]?)
    /// `{{$ name}}default{{/name}}`: a block a page that inherits this template may override.
    case block(String, defaultNodes: [TemplateNode], indentation: [UInt8])
    case escaping(TemplateEscaping)
}

/// Where a name is looked up. `a.b` finds `a` in the nearest context that has it, then `b` in
/// that; `.a` looks only in the current context; `.` is the current context itself.
enum TemplatePath: Sendable, Equatable {
    case current
    case fromCurrent([String])
    case inStack(first: String, rest: [String])

    init(_ name: String) {
        let parts = name.split(separator: ".").map(String.init)
        if name == "." || parts.isEmpty {
            self = .current
        } else if name.hasPrefix(".") {
            self = .fromCurrent(parts)
        } else {
            self = .inStack(first: parts[0], rest: Array(parts.dropFirst()))
        }
    }
}

/// How `{{value}}` is escaped: the content types a `{{% CONTENT_TYPE: … }}` tag can select.
enum TemplateEscaping: Sendable {
    /// Ours (ByteEscaping): the five HTML characters, on bytes.
    case bytesHTML
    /// swift-mustache's HTML: the same five, compared as Characters, so a `<` that a combining
    /// mark follows is one Character and is left as it is.
    case charactersHTML
    case none

    init?(name: String) {
        switch name {
        case ByteEscaping.name: self = .bytesHTML
        case "HTML": self = .charactersHTML
        case "TEXT": self = .none
        default: return nil
        }
    }

    func append(_ text: String, to out: inout [UInt8]) {
        switch self {
        case .bytesHTML: Escape.appendHTML(text, to: &out)
        case .none: out.append(contentsOf: text.utf8)
        case .charactersHTML:
            for character in text {
                switch character {
                case "<": out.append(contentsOf: "&lt;".utf8)
                case ">": out.append(contentsOf: "&gt;".utf8)
                case "&": out.append(contentsOf: "&amp;".utf8)
                case "\"": out.append(contentsOf: "&quot;".utf8)
                case "'": out.append(contentsOf: "&#39;".utf8)
                default: out.append(contentsOf: character.utf8)
                }
            }
        }
    }
}
