@testable import DermaSite
import Foundation
import Testing

@Suite struct SlugTests {
    @Test(arguments: [
        ("What is a dermatome?", "what-is-a-dermatome"),
        ("L4 & L5: the shin", "l4-l5-the-shin"),
        ("Émile's café", "emiles-cafe"),
        ("  --Leading and trailing--  ", "leading-and-trailing"),
        ("Straße", "strasse"),
        ("日本語", ""),
    ])
    func makesSlugs(input: String, expected: String) {
        #expect(Slug.make(input) == expected)
    }

    @Test func allocatorDeduplicatesAndAvoidsReserved() {
        var ids = SlugAllocator(reserved: ["main"])
        #expect(ids.allocate("Intro") == "intro")
        #expect(ids.allocate("Intro") == "intro-1")
        #expect(ids.allocate("intro") == "intro-2")
        #expect(ids.allocate("Main") == "main-1")
        #expect(ids.allocate("???") == "section")
        #expect(ids.allocate("Intro 3") == "intro-3")
        #expect(ids.allocate("Intro") == "intro-4", "a number taken by another heading is skipped")
    }

    @Test func twentyThousandSameHeadingsGetUniqueIdsInLinearTime() {
        // Quadratic before: each heading tried every number taken so far (26 to 47 s in release).
        var ids = SlugAllocator()
        let made = (0..<20_000).map { _ in ids.allocate("Same") }
        #expect(Set(made).count == 20_000 && made.last == "same-19999")
    }
}

@Suite struct DayTests {
    @Test func parsesStrictISODates() {
        #expect(Day(iso: "2026-11-28")?.long == "28 November 2026")
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2025-02-29") == nil)
        #expect(Day(iso: "2026-13-01") == nil)
        #expect(Day(iso: "26-11-28") == nil)
        #expect(Day(iso: "2026-1-28") == nil)
        #expect(Day(iso: "2026-11-28")?.rfc3339 == "2026-11-28T00:00:00Z")
    }

    @Test func ordersByDate() {
        #expect(Day(iso: "2025-12-31")! < Day(iso: "2026-01-01")!)
    }
}

@Suite struct EscapeTests {
    @Test func escapesMarkupAndQuotes() {
        #expect(Escape.html(#"<script>alert("x") & 'y'</script>"#)
            == "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;")
    }

    @Test func textWithNothingToEscapeComesBackAsItIs() {
        #expect(Escape.html("") == "")
        #expect(Escape.html("plain words, é ✓ 🦶") == "plain words, é ✓ 🦶")
        #expect(Escape.html("é<") == "é&lt;")
        #expect(Escape.html("<\u{338}") == "&lt;\u{338}")  // a combining mark does not hide the `<`
    }

    @Test func xmlDropsForbiddenControlCharacters() {
        #expect(Escape.xml("a\u{0}b\u{1B}c\td") == "abc\td")
        #expect(Escape.xml("a\u{FFFE}b\u{FFFF}c\u{FFFD}") == "abc\u{FFFD}")
    }

    /// The byte escaper against one written on Unicode scalars, on random text.
    @Test func escapingMatchesAScalarByScalarReading() {
        func oracle(_ text: String, xml: Bool) -> String {
            var out = ""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&#39;"
                case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
                case _ where xml && (scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF): continue
                default: out.unicodeScalars.append(scalar)
                }
            }
            return out
        }
        // Every ASCII byte, and the characters whose UTF-8 starts with 0xEF, one of the table's marks.
        let every = String(decoding: (0..<128).map { UInt8($0) }, as: UTF8.self) + "\u{FFFE}\u{FFFF}\u{FEFF}\u{EFFF}é\u{7F}"
        #expect(Escape.html(every) == oracle(every, xml: false))
        #expect(Escape.xml(every) == oracle(every, xml: true))
        var random = SeededRandom(seed: 20261204)
        let pieces = ["a", "plain words ", "&", "<", ">", "\"", "'", "\t", "\n", "\r\n", "\u{0}", "\u{1B}", "\u{1F}", "é", "\u{FFFE}",
                      "\u{FFFF}", "\u{FFFD}", "\u{EFBF}", "\u{F000}", "\u{FEFF}", "🦶", "\u{338}"]
        for _ in 0..<5000 {
            let text = (0..<random.below(12)).map { _ in random.pick(pieces) }.joined()
            #expect(Escape.html(text) == oracle(text, xml: false), "\(text.debugDescription)")
            #expect(Escape.xml(text) == oracle(text, xml: true), "\(text.debugDescription)")
        }
    }
}

@Suite struct ReplacingTests {
    @Test func replacesEveryOccurrenceOnBytes() {
        #expect("a{x}b{x}".replacingAll("{x}", with: "é") == "aébé")
        #expect("{x}{x}".replacingAll("{x}", with: "") == "")
        #expect("none here".replacingAll("{x}", with: "y") == "none here")
        #expect("ends {x".replacingAll("{x}", with: "y") == "ends {x")
        #expect("✓{x}✓".replacingAll("{x}", with: "{x}{x}") == "✓{x}{x}✓")
    }

    @Test func emergencyPlaceholdersAreFilledInOrder() {
        let uk = EmergencySettings(call: "999", goTo: "A&E", urgentLine: "NHS 111")
        #expect(uk.fill("Call {call} or go to {go_to}; or {urgent_line}. {call}!") == "Call 999 or go to A&E; or NHS 111. 999!")
        #expect(uk.fill("No placeholders") == "No placeholders")
        #expect(EmergencySettings(call: "112", goTo: "{urgent_line}").fill("{go_to}") == "your doctor's urgent advice line",
                "a value is filled by the placeholders after it, as before")
    }
}

@Suite struct TrimmingTests {
    @Test func trimsWhitespaceScalarsOnly() {
        #expect("  a b \n".trimmingWhitespace() == "a b")
        #expect("\u{A0}\tx\u{2003}".trimmingWhitespace() == "x")
        #expect(" \n ".trimmingWhitespace() == "")
        // The space and the accent are one Character; only the space is whitespace.
        #expect(" \u{301}a ".trimmingWhitespace() == "\u{301}a")
        #expect("[ x ]".dropFirst().dropLast().trimmingWhitespace() == "x")
    }
}

@Suite struct SuggestionTests {
    @Test func suggestsCloseKeysOnly() {
        let keys = FrontMatter.knownKeys
        #expect(Suggestion.closest(to: "titel", in: keys) == "title")
        #expect(Suggestion.closest(to: "nextreview", in: keys) == "next_review")
        #expect(Suggestion.closest(to: "Description", in: keys) == "description")
        #expect(Suggestion.closest(to: "colour", in: keys) == nil)
    }

    @Test func levenshtein() {
        #expect(Suggestion.distance("kitten", "sitting") == 3)
        #expect(Suggestion.distance("", "abc") == 3)
        #expect(Suggestion.distance("same", "same") == 0)
    }
}

@Suite struct FilePathTests {
    /// `normalize` as it was first written: split on Characters, drop `.`, climb on `..`.
    static func splitAndJoin(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) where part != "." {
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    @Test func normalizesAndRefusesClimbingOut() {
        #expect(FilePath.normalize("Content/articles/../images/a.png") == "Content/images/a.png")
        #expect(FilePath.normalize("a/./b//c") == "a/b/c")
        #expect(FilePath.normalize("../x") == nil)
    }

    /// The short cut for paths already normal, against the split-and-join it skips, over every
    /// path of up to 7 characters made of `a`, `.` and `/`.
    @Test func normalPathsAreKnownWithoutSplitting() {
        var paths = [""]
        for _ in 0..<7 { paths += paths.filter { $0.count == paths.last!.count }.flatMap { p in ["a", ".", "/"].map { p + $0 } } }
        #expect(paths.count == 1 + 3 + 9 + 27 + 81 + 243 + 729 + 2187)
        for path in paths {
            #expect(FilePath.normalize(path) == Self.splitAndJoin(path), "\(path)")
            // The empty path takes the long way (to the same result).
            #expect(FilePath.isNormal(path) == (!path.isEmpty && Self.splitAndJoin(path) == path), "\(path)")
        }
    }

    /// The byte path for ASCII and the Character path for the rest, against split-and-join on
    /// seeded random paths: a combining mark after `/` makes it another Character, not a separator.
    @Test func asciiAndOtherPathsNormalizeAsSplittingThem() {
        var random = SeededRandom(seed: 20261205)
        let pieces = ["a", "bc", ".", "..", "/", "/", "//", "é", "\u{301}", "/\u{301}", ".\u{301}", "\r\n"]
        var climbed = 0, ascii = 0
        for _ in 0..<20000 {
            let path = (0..<random.below(12)).map { _ in random.pick(pieces) }.joined()
            let expected = Self.splitAndJoin(path)
            if expected == nil { climbed += 1 }
            if path.utf8.allSatisfy({ $0 < 0x80 }) { ascii += 1 }
            #expect(FilePath.normalize(path) == expected, "\(path.debugDescription)")
        }
        #expect(climbed > 500 && ascii > 2000 && ascii < 18000, "climbed \(climbed), ascii \(ascii)")
    }

    @Test func memoryFileSystemWalksSorted() throws {
        let fs = MemoryFileSystem(["r/b.md": "b", "r/a/c.md": "c", "r/.hidden": "h"])
        let tree = try fs.walk("r")
        #expect(tree.files == ["a/c.md", "b.md"])
        #expect(try fs.readText("r/a/c.md") == "c")
    }
}

@Suite struct CaseInsensitiveTests {
    /// The byte comparison of ASCII ids against comparing lowercased copies, on random ids.
    @Test func matchesComparingLowercasedCopies() {
        var random = SeededRandom(seed: 20261210)
        let pieces = ["l", "L", "s", "S", "4", "-", "a", "Z", "z", "@", "[", "`", "é", "É", "e\u{301}", "ß", "SS", "İ", "i"]
        var equal = 0
        for _ in 0..<20000 {
            let a = (0..<random.below(4)).map { _ in random.pick(pieces) }.joined()
            let b = random.chance(50) ? a.map { random.chance(50) ? $0.uppercased() : String($0) }.joined() : (0..<random.below(4)).map { _ in random.pick(pieces) }.joined()
            let expected = a.lowercased() == b.lowercased()
            if expected { equal += 1 }
            #expect(a.caseInsensitiveEquals(b) == expected, "\(a.debugDescription) \(b.debugDescription)")
        }
        #expect(equal > 3000)
    }
}

@Suite struct StepClockTests {
    /// A step's processor time is the whole process's, so it holds at least the work the step's
    /// own thread did (other tests running at the same time can only add to it).
    @Test func aStepsProcessorTimeHoldsItsOwnWork() {
        func threadSeconds() -> Double {
            var now = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
            return Double(now.tv_sec) + Double(now.tv_nsec) * 1e-9
        }
        var clock = StepClock(onStep: nil)
        var own = 0.0
        var sum: UInt64 = 0
        clock.run("busy") {
            let start = threadSeconds()
            for value in 0..<20_000_000 { sum = sum &* 31 &+ UInt64(value) }
            own = threadSeconds() - start
        }
        #expect(sum != 1)
        let step = clock.steps[0]
        #expect(own > 0.001 && step.cpuSeconds >= own * 0.99, "step \(step.cpuSeconds) s, its thread \(own) s")
    }
}

@Suite struct ByteSearchTests {
    /// Against trying every place in turn: a three-letter alphabet, so first bytes match often
    /// and whole matches overlap, needles at the very end, starts past the end.
    @Test func findsTheFirstPlaceEachWay() {
        var state: UInt64 = 20261204
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let alphabet: [UInt8] = Array("ab<".utf8)
        for _ in 0..<3000 {
            let haystack = (0..<next(40)).map { _ in alphabet[next(3)] }
            let needle = (0..<(1 + next(4))).map { _ in alphabet[next(3)] }
            let start = next(haystack.count + 3)
            var expected: Int?
            if start + needle.count <= haystack.count {
                expected = (start...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }
            }
            let found = haystack.withUnsafeBufferPointer { $0.index(of: needle, from: start) }
            #expect(found == expected, "\(haystack) \(needle) from \(start)")
            #expect(haystack.withUnsafeBufferPointer { $0.index(ofInText: needle, from: start) } == expected, "memmem: \(haystack) \(needle) from \(start)")
            let byte = needle[0]
            let expectedByte = start < haystack.count ? (haystack[start...].firstIndex(of: byte) ?? haystack.count) : haystack.count
            #expect(haystack.withUnsafeBufferPointer { $0.index(of: byte, from: start) } == expectedByte)
        }
    }
}

@Suite struct DecimalBytesTests {
    @Test func numbersAreWrittenAsStringWritesThem() {
        var random = SeededRandom(seed: 20261210)
        let numbers = [0, 1, 9, 10, 99, 100, -1, -10, Int.max, Int.min] + (0..<500).map { _ in Int(bitPattern: UInt(random.next())) >> random.below(64) }
        for number in numbers {
            var bytes: [UInt8] = [UInt8(ascii: "x")]
            bytes.appendDecimal(number)
            #expect(String(decoding: bytes, as: UTF8.self) == "x" + String(number))
        }
    }
}
