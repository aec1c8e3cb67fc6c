@testable import DermaSite
import Foundation
import Testing

/// The fast path must give what Yams gives, or leave the front matter to Yams: the same values,
/// key positions and diagnostics, with Yams as the oracle.
@Suite struct FrontMatterFastPathTests {
    static let values = [
        "Numbness in the foot", "\"Quoted: with a colon\"", "'single # quoted'", "plain: colon", "a # comment",
        "a#b", "\"esc\\\"aped\"", "'it''s'", "~", "null", "NULL", "", " ", "true", "False", "yes", "on", "off", "maybe",
        "\"true\"", "7", "0", "007", "-3", "+4", "1_000", "0x1F", "1:30", "12345678901234567890", "2026-12-02",
        "\"2026-12-02\"", "2026-02-30", "2026-12-02 10:00:00", "2026-12-02T10:00:00Z", "[a, b]", "[L5, \"S1\", nerve roots]",
        "[]", "[ ]", "[a, , b]", "[a, b,]", "[a, [b]]", "[\"a, b\", c]", "[a: b]", "{a: b}", "- item", "|", ">", "&anchor x",
        "*alias", "!tag x", "%x", "@x", "`x`", "?x", "Café naïve", "tab\there", "trailing ", "ends:", "x\u{85}y", "x\u{2028}y",
        "x\u{80}y", "x\u{7F}y", "x\u{FEFF}y", "\"\"", "''", "\"a\" # c", "a  b", "-", "--", "3.5", "[foot drop, L5]",
    ]
    /// Values each key reads without question, so the fast path is taken often.
    static let good: [String: [String]] = [
        "title": ["Numbness in the foot", "\"Foot drop: what to do\"", "'it is'", "Café naïve", "7"],
        "description": ["What it is", "\"A: b\"", "x"], "slug": ["foot-drop", "'a b'"],
        "date": ["2026-12-02", "\"2025-01-01\""], "updated": ["2026-01-31"], "draft": ["true", "No", "off"],
        "order": ["7", "0", "120"], "tags": ["[a, b]", "[L5, \"S1\", nerve roots]", "[]", "single"],
    ]
    static let keys = ["title", "description", "date", "updated", "draft", "slug", "order", "tags", "search", "Title",
                       "unknown", "aliases", "reviewer"]

    @Test func sameAsYamsOnSeededRandomFrontMatter() {
        var state: UInt64 = 20261203
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        var fast = 0
        for round in 0..<4_000 {
            var lines: [String] = []
            var unused = Self.keys.prefix(8).map { $0 }
            for _ in 0..<(1 + next(6)) {
                switch next(20) {
                case 0: lines.append("")
                case 1: lines.append("# a comment")
                case 2: lines.append("  continued")
                case 3: lines.append("sources:\n  - title: A source")
                // Mostly the keys read fast, with values that read without question.
                case 4...18 where !unused.isEmpty:
                    let key = unused.remove(at: next(unused.count))
                    let values = Self.good[key]!
                    lines.append("\(key): \(next(5) == 0 ? Self.values[next(Self.values.count)] : values[next(values.count)])")
                default: lines.append("\(Self.keys[next(Self.keys.count)]):\(next(5) == 0 ? "" : " ")\(Self.values[next(Self.values.count)])")
                }
            }
            let yaml = lines.joined(separator: "\n")
            let viaFast = FrontMatterDecoder.decode(yaml: yaml, file: "a.md", lineOffset: 1)
            let viaYams = FrontMatterDecoder.decode(yaml: yaml, file: "a.md", lineOffset: 1, fastPath: false)
            #expect(viaFast.0 == viaYams.0, "round \(round):\n\(yaml)")
            #expect(viaFast.1 == viaYams.1, "round \(round):\n\(yaml)")
            if FrontMatterFastPath.decode(yaml: yaml, file: "a.md", lineOffset: 1) != nil { fast += 1 }
        }
        // The test means something only if both paths are taken often.
        #expect(fast > 400 && fast < 3_600, "\(fast) of 4000 took the fast path")
    }

    @Test func sameAsYamsOnTheBundledArticles() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        for folder in ["Content/articles", "Content/pages"] {
            let url = root.appendingPathComponent(folder)
            for name in try FileManager.default.contentsOfDirectory(atPath: url.path) where name.hasSuffix(".md") {
                let text = try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
                guard case let .success(parts) = FrontMatterSplitter.split(text), let yaml = parts.yaml else { continue }
                let viaFast = FrontMatterDecoder.decode(yaml: yaml, file: name)
                let viaYams = FrontMatterDecoder.decode(yaml: yaml, file: name, fastPath: false)
                #expect(viaFast.0 == viaYams.0 && viaFast.1 == viaYams.1, "\(folder)/\(name)")
            }
        }
    }

    @Test func simpleFrontMatterTakesTheFastPath() {
        let yaml = "title: \"L3 pain and posture 0\"\ndescription: Daily sole bending\ndate: 2025-01-01\ntags: [l3, knee]\norder: 12\ndraft: no"
        let meta = FrontMatterFastPath.decode(yaml: yaml, file: "a.md", lineOffset: 1)
        #expect(meta?.title == "L3 pain and posture 0" && meta?.tags == ["l3", "knee"] && meta?.order == 12)
        #expect(meta?.keyPositions["date"] == SourcePosition(file: "a.md", line: 4, column: 1))
        #expect(meta == FrontMatterDecoder.decode(yaml: yaml, file: "a.md", fastPath: false).0)
    }
}
