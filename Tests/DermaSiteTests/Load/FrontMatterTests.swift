@testable import DermaSite
import Testing

@Suite struct FrontMatterSplitterTests {
    @Test func splitsAndCountsLines() throws {
        let parts = try FrontMatterSplitter.split("---\ntitle: A\n---\nBody\n").get()
        #expect(parts.yaml == "title: A")
        #expect(parts.body == "Body\n")
        #expect(parts.bodyLineOffset == 3)
    }

    @Test func noFrontMatter() throws {
        let parts = try FrontMatterSplitter.split("# Just text\n").get()
        #expect(parts.yaml == nil)
        #expect(parts.bodyLineOffset == 0)
    }

    @Test func unterminatedIsReported() {
        #expect(FrontMatterSplitter.split("---\ntitle: A\n\nBody") == .failure(.unterminated))
    }

    @Test func normalizesBOMAndLineEndings() {
        #expect(FrontMatterSplitter.normalizeText("\u{FEFF}a\r\nb\rc\n") == "a\nb\nc\n")
    }
}

@Suite struct FrontMatterDecoderTests {
    let file = "Content/articles/a.md"

    @Test func decodesEveryField() {
        let yaml = """
        title: "Leg dermatomes"
        description: About legs.
        date: 2026-01-02
        updated: 2026-02-03
        draft: true
        slug: legs
        order: 3
        tags: [one, two]
        sources:
          - title: The dermatomes in man
            authors: Foerster O
            publisher: Brain 56(1)
            year: 1933
            doi: 10.1093/brain/56.1.1
          - title: Sciatica
            url: https://www.nhs.uk/conditions/sciatica/
            checked: 2026-12-02
          - Plain title only
        """
        let (meta, diagnostics) = FrontMatterDecoder.decode(yaml: yaml, file: file)
        #expect(diagnostics.isEmpty)
        #expect(meta.title == "Leg dermatomes")
        #expect(meta.date == Day(iso: "2026-01-02"))
        #expect(meta.updated == Day(iso: "2026-02-03"))
        #expect(meta.draft)
        #expect(meta.slug == "legs")
        #expect(meta.order == 3)
        #expect(meta.tags == ["one", "two"])
        #expect(meta.sources.count == 3)
        #expect(meta.sources[0].year == 1933)
        #expect(meta.sources[0].doi == "10.1093/brain/56.1.1")
        #expect(meta.sources[0].link == "https://doi.org/10.1093/brain/56.1.1")
        #expect(meta.sources[1].checked == Day(iso: "2026-12-02"))
        #expect(meta.sources[2] == Source(title: "Plain title only"))
    }

    @Test func reviewKeysInFrontMatterAreRefusedWithTheCommandToUse() {
        let yaml = "title: A\nreviewed: 2026-01-05\nreviewer: Dr Example\n"
        let (meta, diagnostics) = FrontMatterDecoder.decode(yaml: yaml, file: file)
        #expect(meta.title == "A")
        #expect(diagnostics.map(\.line) == [3, 4], "front matter starts on the file's line 2")
        #expect(diagnostics.allSatisfy { $0.severity == .error && $0.message.contains("dermasite review") })
    }

    @Test func malformedDOIIsAnErrorAtItsLine() {
        let yaml = "title: A\nsources:\n  - title: B\n    doi: https://doi.org/10.1/x\n  - title: C\n    doi: 10.1002/ca.20636\n"
        let (meta, diagnostics) = FrontMatterDecoder.decode(yaml: yaml, file: file)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.line == 5, "front matter starts on the file's line 2")
        #expect(meta.sources.map(\.doi) == [nil, "10.1002/ca.20636"])
    }

    @Test func unknownKeyWarnsWithLineAndSuggestion() {
        let (_, diagnostics) = FrontMatterDecoder.decode(yaml: "title: A\ndate: 2026-01-01\ntitel: B\n", file: file)
        #expect(diagnostics.count == 1)
        let d = diagnostics[0]
        #expect(d.severity == .warning)
        // YAML line 3 is file line 4 (after the opening ---).
        #expect(d.line == 4 && d.column == 1)
        #expect(d.message.contains("'titel'") && d.message.contains("did you mean 'title'"))
    }

    @Test func typeErrorsPointAtTheValue() {
        let (_, diagnostics) = FrontMatterDecoder.decode(
            yaml: "title: A\ndate: 28/11/2026\ndraft: maybe\norder: first\ntags: {a: b}\n", file: file)
        #expect(diagnostics.map(\.line) == [3, 4, 5, 6])
        #expect(diagnostics.map(\.column) == [7, 8, 8, 7])
        #expect(diagnostics.allSatisfy { $0.severity == .error })
        #expect(diagnostics[0].message.contains("YYYY-MM-DD"))
    }

    @Test func syntaxErrorCarriesFilePosition() {
        let (_, diagnostics) = FrontMatterDecoder.decode(yaml: "title: A\ndate: [2026\n", file: file, lineOffset: 1)
        #expect(diagnostics.count == 1)
        #expect(diagnostics[0].severity == .error)
        #expect(diagnostics[0].line >= 3)
        #expect(diagnostics[0].message.hasPrefix("invalid YAML"))
    }

    @Test func duplicateKeysAreErrors() {
        let (_, diagnostics) = FrontMatterDecoder.decode(yaml: "title: A\ntitle: B\n", file: file)
        #expect(diagnostics.errors.count == 1)
        #expect(diagnostics[0].message.contains("duplicate key 'title'"))
    }

    @Test func sourceProblems() {
        let yaml = "sources:\n  - authors: Nobody\n  - title: X\n    url: javascript:alert(1)\n    yeer: 2020\n"
        let (meta, diagnostics) = FrontMatterDecoder.decode(yaml: yaml, file: file)
        #expect(meta.sources.map(\.title) == ["X"])
        #expect(diagnostics.contains { $0.message.contains("needs a 'title'") && $0.line == 3 })
        #expect(diagnostics.contains { $0.message.contains("https://") && $0.line == 5 })
        #expect(diagnostics.contains { $0.message.contains("did you mean 'year'") && $0.severity == .warning })
    }

    @Test func scriptInValuesIsKeptAsText() {
        let (meta, diagnostics) = FrontMatterDecoder.decode(yaml: "title: \"<script>x</script>\"\n", file: file)
        #expect(diagnostics.isEmpty)
        #expect(meta.title == "<script>x</script>")
    }
}

@Suite struct ArticleParsingTests {
    @Test func invalidUTF8AndNULAreReportedWithPositions() {
        var diagnostics: [Diagnostic] = []
        let bad: [UInt8] = Array("---\ntitle: A\n".utf8) + [0xFF, 0x41]
        #expect(ContentLoader.parseArticle(bytes: bad, path: "a.md", diagnostics: &diagnostics) == nil)
        #expect(diagnostics.last?.line == 3 && diagnostics.last?.column == 1)
        let nul = Array("---\ntitle: A\n---\nx\u{0}".utf8)
        #expect(ContentLoader.parseArticle(bytes: nul, path: "a.md", diagnostics: &diagnostics) == nil)
        #expect(diagnostics.last?.message.contains("NUL") == true && diagnostics.last?.line == 4)
    }

    @Test func windowsLineEndingsKeepLineNumbers() {
        var diagnostics: [Diagnostic] = []
        let text = "\u{FEFF}---\r\ntitle: A\r\ndate: 2026-01-01\r\nbogus: 1\r\n---\r\nBody\r\n"
        let article = ContentLoader.parseArticle(bytes: Array(text.utf8), path: "a.md", diagnostics: &diagnostics)
        #expect(article?.body == "Body\n")
        #expect(article?.bodyLineOffset == 5)
        #expect(diagnostics.first?.line == 4)
    }
}
