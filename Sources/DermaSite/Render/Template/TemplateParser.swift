/// Reads a template into TemplateNodes exactly as swift-mustache 2.1 reads it into tokens: the same
/// tags, and the same rules for standalone lines and indentation, followed step by step (its parser
/// is internal, so it cannot be asked). It gives nil for what it does not take (set delimiters,
/// transforms, dynamic partials, line ends other than \n, a Character that joins an ASCII
/// character to another), and the set then renders with swift-mustache. TemplateOracleTests
/// compares the two on generated templates.
struct TemplateParser {
    private struct Unsupported: Error {}

    private struct State {
        var sectionName: String?
        var newLine = true
        /// Inside `{{< parent}}…{{/parent}}`, where `{{$ block}}`s are overrides.
        var inParent = false
        /// Directly inside it: a `{{$ block}}` here is an override, not a block.
        var atParentTop = false
        var overrideIndent: ArraySlice<UInt8>?

        func section(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.atParentTop = false
            if !newLine { state.newLine = false }
            return state
        }

        func parent(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.inParent = true
            state.atParentTop = true
            return state
        }
    }

    private enum Piece {
        case node(TemplateNode)
        case override(String, [TemplateNode])
    }

    private let bytes: [UInt8]
    private var position = 0

    static func parse(_ text: String) -> [TemplateNode]? {
        guard isPlain(text) else { return nil }
        var parser = TemplateParser(bytes: Array(text.utf8))
        return try? nodes(parser.parse(State()))
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    /// swift-mustache reads Characters: a line end other than \n, or an ASCII character joined
    /// to a combining mark, would read differently as bytes.
    static func isPlain(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return false
            default: continue
            }
        }
        // Two ASCII characters side by side are always two Characters (CR LF is refused above),
        // so a Character joining an ASCII scalar to another holds a non-ASCII one: only each
        // stretch of non-ASCII text, with the ASCII byte on either side, is read as Characters
        // (reading the whole template so was half of reading it). Stretches one ASCII byte apart
        // are read together, so each stretch starts and ends between two ASCII characters.
        let bytes = Array(text.utf8)
        var k = 0
        while k < bytes.count {
            guard bytes[k] >= 0x80 else {
                k += 1
                continue
            }
            var end = k
            while true {
                while end < bytes.count, bytes[end] >= 0x80 { end += 1 }
                guard end + 1 < bytes.count, bytes[end + 1] >= 0x80 else { break }
                end += 1
            }
            let stretch = String(decoding: bytes[max(k - 1, 0)..<min(end + 1, bytes.count)], as: UTF8.self)
            if stretch.contains(where: { $0.unicodeScalars.count > 1 && $0.unicodeScalars.contains { $0.isASCII } }) { return false }
            k = end + 1
        }
        return true
    }

    private static func nodes(_ pieces: [Piece]) throws -> [TemplateNode] {
        try pieces.map { piece in
            guard case .node(let node) = piece else { throw Unsupported() }
            return node
        }
    }

    /// The blocks a `{{< parent}}` overrides; only they (and text, which is dropped) may stand in it.
    private static func overrides(in pieces: [Piece]) throws -> [String: [TemplateNode]] {
        var overrides: [String: [TemplateNode]] = [:]
        for piece in pieces {
            switch piece {
            case .override(let block, let nodes): overrides[block] = nodes
            case .node(.text): continue
            case .node: throw Unsupported()
            }
        }
        return overrides
    }

    private var atEnd: Bool { position == bytes.count }
    private var current: UInt8 { atEnd ? 0 : bytes[position] }

    private mutating func parse(_ start: State) throws -> [Piece] {
        var pieces: [Piece] = []
        var state = start
        var whitespaceBefore: ArraySlice<UInt8> = []
        func flushWhitespace() {
            if !whitespaceBefore.isEmpty { pieces.append(.node(.text(Array(whitespaceBefore)))) }
            whitespaceBefore = []
        }
        while !atEnd {
            if state.newLine {
                let whitespace = read { $0 == 32 || $0 == 9 }
                if state.inParent, !state.atParentTop {
                    if let indent = state.overrideIndent {
                        whitespaceBefore = whitespace.dropFirst(indent.count)
                    } else {
                        state.overrideIndent = whitespace
                    }
                } else {
                    whitespaceBefore = whitespace
                }
            }
            let text = try readText()
            if current == 10 {
                pieces.append(.node(.text(Array(whitespaceBefore) + text + [10])))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                pieces.append(.node(.text(Array(whitespaceBefore) + text)))
                whitespaceBefore = []
                state.newLine = false
            }
            if atEnd { break }
            var setNewLine = false
            let sigil = current
            switch sigil {
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                position += 1
                let name = try readName()
                if isStandalone(state) { setNewLine = true } else { flushWhitespace() }
                let inner = try Self.nodes(parse(state.section(name, newLine: setNewLine)))
                pieces.append(.node(.section(TemplatePath(name), inner, inverted: sigil == UInt8(ascii: "^"))))
            case UInt8(ascii: "/"):
                position += 1
                guard try readName() == state.sectionName else { throw Unsupported() }
                if !isStandalone(state) { flushWhitespace() }
                return pieces
            case UInt8(ascii: "!"):
                position += 1
                try skipComment()
                setNewLine = isStandalone(state)
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                flushWhitespace()
                position += 1
                let name = try readName()
                if sigil == UInt8(ascii: "{") { try expect([UInt8(ascii: "}")]) }
                pieces.append(.node(.variable(TemplatePath(name), escaped: false)))
            case UInt8(ascii: ">"), UInt8(ascii: "<"):
                position += 1
                let name = try readPartialName()
                let indent = Array(whitespaceBefore)
                flushWhitespace()
                setNewLine = isStandalone(state)
                if sigil == UInt8(ascii: ">") {
                    pieces.append(.node(.partial(name, indentation: setNewLine ? indent : nil, overrides: nil)))
                } else {
                    let overrides = try Self.overrides(in: parse(state.parent(name)))
                    pieces.append(.node(.partial(name, indentation: indent, overrides: overrides)))
                }
            case UInt8(ascii: "$"):
                position += 1
                let name = try readName()
                if state.atParentTop {
                    setNewLine = isStandalone(state)
                    pieces.append(.override(name, try Self.nodes(parse(state.section(name, newLine: setNewLine)))))
                } else {
                    let indent = whitespaceBefore
                    flushWhitespace()
                    setNewLine = isStandalone(state)
                    let inner = try Self.nodes(parse(state.section(name, newLine: setNewLine)))
                    pieces.append(.node(.block(name, defaultNodes: inner, indentation: Array(indent))))
                }
            case UInt8(ascii: "%"):
                position += 1
                pieces.append(.node(.escaping(try readContentType())))
                setNewLine = isStandalone(state)
            case UInt8(ascii: "="):
                throw Unsupported()
            default:
                flushWhitespace()
                pieces.append(.node(.variable(TemplatePath(try readName()), escaped: true)))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Unsupported() }
        return pieces
    }

    // MARK: - Reading

    @discardableResult
    private mutating func read(while test: (UInt8) -> Bool) -> ArraySlice<UInt8> {
        let start = position
        while !atEnd, test(bytes[position]) { position += 1 }
        return bytes[start..<position]
    }

    /// Text up to a line end or the next `{{` (which is read too). swift-mustache cannot read a
    /// `{` that ends the template (it looks for a second one past the end).
    private mutating func readText() throws -> [UInt8] {
        var text: [UInt8] = []
        while !atEnd {
            text += read { $0 != 10 && $0 != UInt8(ascii: "{") }
            if atEnd || current == 10 { break }
            guard position + 1 < bytes.count else { throw Unsupported() }
            if bytes[position + 1] == UInt8(ascii: "{") {
                position += 2
                break
            }
            text.append(UInt8(ascii: "{"))
            position += 1
        }
        return text
    }

    private mutating func expect(_ literal: [UInt8]) throws {
        guard position + literal.count <= bytes.count, Array(bytes[position..<position + literal.count]) == literal else {
            throw Unsupported()
        }
        position += literal.count
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 || byte == 10 }
    private static func isNameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            true
        case UInt8(ascii: "."), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "?"), UInt8(ascii: "*"): true
        default: false
        }
    }

    /// A tag's name and its `}}`. A name with brackets is a transform, which only swift-mustache runs.
    private mutating func readName() throws -> String {
        read(while: Self.isSpace)
        let name = read(while: Self.isNameByte)
        read(while: Self.isSpace)
        try expect([UInt8(ascii: "}"), UInt8(ascii: "}")])
        return String(decoding: name, as: UTF8.self)
    }

    /// A partial's or parent's name, which may have slashes. `*name` is dynamic: swift-mustache's.
    private mutating func readPartialName() throws -> String {
        read(while: Self.isSpace)
        let name = read { Self.isNameByte($0) || $0 == UInt8(ascii: "/") }
        read(while: Self.isSpace)
        try expect([UInt8(ascii: "}"), UInt8(ascii: "}")])
        guard name.first != UInt8(ascii: "*") else { throw Unsupported() }
        return String(decoding: name, as: UTF8.self)
    }

    private mutating func skipComment() throws {
        while position + 1 < bytes.count {
            if bytes[position] == UInt8(ascii: "}"), bytes[position + 1] == UInt8(ascii: "}") {
                position += 2
                return
            }
            position += 1
        }
        throw Unsupported()
    }

    /// `{{% CONTENT_TYPE: name }}`.
    private mutating func readContentType() throws -> TemplateEscaping {
        let isWord = { (byte: UInt8) in Self.isNameByte(byte) }
        read(while: Self.isSpace)
        let variable = read(while: isWord)
        read(while: Self.isSpace)
        try expect([UInt8(ascii: ":")])
        read(while: Self.isSpace)
        let value = read(while: isWord)
        read(while: Self.isSpace)
        try expect([UInt8(ascii: "}"), UInt8(ascii: "}")])
        guard String(decoding: variable, as: UTF8.self) == "CONTENT_TYPE",
              let escaping = TemplateEscaping(name: String(decoding: value, as: UTF8.self)) else { throw Unsupported() }
        return escaping
    }

    /// A tag alone on its line (only spaces and tabs beside it): its line end is dropped too.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var ahead = position
        while ahead < bytes.count, bytes[ahead] == 32 || bytes[ahead] == 9 { ahead += 1 }
        guard ahead < bytes.count, bytes[ahead] == 10 else { return false }
        position = ahead + 1
        return true
    }
}
