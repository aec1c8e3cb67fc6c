/// Renders TemplateNodes over TemplateValue with swift-mustache's meaning: the same lookups up
/// the context stack, the same truth of each kind of value, the same indentation of partials,
/// block overrides and escaping. Names were split when the template was read, and values are
/// typed, so a tag costs a few dictionary lookups instead of string splitting and dynamic casts.
struct TemplateRenderer {
    let templates: [String: [TemplateNode]]
    private var out: [UInt8] = []
    private var stack: [TemplateValue] = []
    /// Partials and blocks being rendered, one inside another. A block override that uses its
    /// own block (directly or through a partial) would nest without end and overflow the stack,
    /// taking the whole tool with it: past `maxDepth` the page fails instead.
    private var depth = 0
    private var tooDeep = false
    static let maxDepth = 64

    /// What a partial or block passes down to the templates it renders.
    private struct Scope {
        var indentation: [UInt8]?
        var overrides: [String: [TemplateNode]]?
    }

    init(templates: [String: [TemplateNode]]) { self.templates = templates }

    mutating func render(_ root: TemplateValue, template name: String) throws(TemplateRenderFailure) -> String {
        String(decoding: try renderBytes(root, template: name), as: UTF8.self)
    }

    /// The page as UTF-8, valid by construction: template text is cut only at ASCII bytes and
    /// values are Strings. A page goes to disk as bytes, so it is not made a String on the way.
    mutating func renderBytes(_ root: TemplateValue, template name: String) throws(TemplateRenderFailure) -> [UInt8] {
        guard let nodes = templates[name] else { throw .missing }
        out = []
        out.reserveCapacity(32 * 1024)
        stack = [root]
        depth = 0
        tooDeep = false
        render(nodes, Scope(), escaping: .charactersHTML)
        if tooDeep { throw .tooDeep }
        // A copy of the exact size: pages wait in memory until they are written, and the buffer
        // grew by doubling (up to twice the page).
        return out.withUnsafeBufferPointer { Array($0) }
    }

    /// One template (or section) as swift-mustache renders it into a string of its own: each
    /// node's output after a line end starts with the indentation, and a `{{% CONTENT_TYPE }}`
    /// changes the escaping for the rest of this template only.
    private mutating func render(_ nodes: [TemplateNode], _ scope: Scope, escaping start: TemplateEscaping) {
        var escaping = start
        let begin = out.count
        guard let indentation = scope.indentation, !indentation.isEmpty else {
            for node in nodes { render(node, scope, &escaping) }
            return
        }
        for node in nodes {
            let before = out.count
            render(node, scope, &escaping)
            if out.count > before, endsWithLineEnd(from: begin, to: before) {
                out.insert(contentsOf: indentation, at: before)
            }
        }
    }

    /// Whether `out[from..<to]`, as a String, ends with the Character "\n" (not "\r\n").
    private func endsWithLineEnd(from: Int, to: Int) -> Bool {
        guard to > from, out[to - 1] == 10 else { return false }
        return to - 1 == from || out[to - 2] != 13
    }

    private mutating func render(_ node: TemplateNode, _ scope: Scope, _ escaping: inout TemplateEscaping) {
        switch node {
        case .text(let bytes):
            out.append(contentsOf: bytes)
        case .variable(let path, let escaped):
            guard let value = lookUp(path) else { return }
            write(value, escaping: escaped ? escaping : .none)
        case .section(let path, let nodes, let inverted):
            let value = lookUp(path)
            if inverted { renderInverted(value, nodes, scope, escaping) } else { renderSection(value, nodes, scope, escaping) }
        case .partial(let name, let indentation, let overrides):
            guard let nodes = templates[name], enter() else { return }
            defer { depth -= 1 }
            var inner = Scope(indentation: Self.indent(scope.indentation, by: indentation), overrides: scope.overrides)
            if let overrides {
                // The outermost override of a block wins.
                inner.overrides = scope.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(nodes, inner, escaping: .charactersHTML)
        case .block(let name, let defaultNodes, let indentation):
            guard enter() else { return }
            defer { depth -= 1 }
            let inner = Scope(indentation: Self.indent(scope.indentation, by: indentation), overrides: scope.overrides)
            render(scope.overrides?[name] ?? defaultNodes, inner, escaping: escaping)
        case .escaping(let choice):
            escaping = choice
        }
    }

    /// One level deeper, unless that is too deep: then no partial or block is rendered any more,
    /// so a page that nests without end (even two ways at each level) stops at once.
    private mutating func enter() -> Bool {
        guard !tooDeep, depth < Self.maxDepth else {
            tooDeep = true
            return false
        }
        depth += 1
        return true
    }

    private static func indent(_ outer: [UInt8]?, by more: [UInt8]?) -> [UInt8]? {
        guard let more else { return outer }
        return (outer ?? []) + more
    }

    private mutating func write(_ value: TemplateValue, escaping: TemplateEscaping) {
        switch value {
        case .text(let text): escaping.append(text, to: &out)
        case .number(let number): out.append(contentsOf: String(number).utf8)
        case .flag(let flag): out.append(contentsOf: (flag ? "true" : "false").utf8)
        // What swift-mustache shows for a list or an object: its description.
        default: escaping.append(String(describing: value.mustache), to: &out)
        }
    }

    /// A list repeats the section for each item; a flag shows or hides it; any other value
    /// (even an empty text or 0) shows it with that value as the current context.
    private mutating func renderSection(_ value: TemplateValue?, _ nodes: [TemplateNode], _ scope: Scope,
                                        _ escaping: TemplateEscaping) {
        switch value {
        case .list(let items):
            for item in items { renderWithin(item, nodes, scope, escaping) }
        case .flag(let flag):
            if flag { render(nodes, scope, escaping: escaping) }
        case .some(let value):
            renderWithin(value, nodes, scope, escaping)
        case .none:
            return
        }
    }

    private mutating func renderInverted(_ value: TemplateValue?, _ nodes: [TemplateNode], _ scope: Scope,
                                         _ escaping: TemplateEscaping) {
        switch value {
        case .list(let items):
            if items.isEmpty { renderWithin(.list(items), nodes, scope, escaping) }
        case .flag(let flag):
            if !flag { render(nodes, scope, escaping: escaping) }
        case .some:
            return
        case .none:
            render(nodes, scope, escaping: escaping)
        }
    }

    private mutating func renderWithin(_ value: TemplateValue, _ nodes: [TemplateNode], _ scope: Scope,
                                       _ escaping: TemplateEscaping) {
        stack.append(value)
        render(nodes, scope, escaping: escaping)
        stack.removeLast()
    }

    private func lookUp(_ path: TemplatePath) -> TemplateValue? {
        switch path {
        case .current:
            return stack.last
        case .fromCurrent(let names):
            return Self.walk(names[...], from: stack.last)
        case .inStack(let first, let rest):
            for value in stack.reversed() {
                if let found = value.child(first) { return Self.walk(rest[...], from: found) }
            }
            return nil
        }
    }

    private static func walk(_ names: ArraySlice<String>, from value: TemplateValue?) -> TemplateValue? {
        var value = value
        for name in names { value = value?.child(name) }
        return value
    }
}

enum TemplateRenderFailure: Error {
    case missing
    /// Partials and blocks nested more than `TemplateRenderer.maxDepth` deep.
    case tooDeep
}
