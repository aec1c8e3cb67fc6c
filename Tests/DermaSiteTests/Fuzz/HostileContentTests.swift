@testable import DermaSite
import Foundation
import Testing

/// Whatever an author saves, the answer is a clear error or a correct page: never a crash, a
/// hang, an unescaped script or a lost site.
@Suite struct HostileContentTests {
    @Test func anEmptyArticleIsAnErrorNotACrash() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/articles/empty.md", "")
        let diagnostics = try #require(site.failingBuild())
        #expect(diagnostics.contains { $0.file == "Content/articles/empty.md" && $0.message.contains("missing front matter") })
    }

    @Test func deeplyNestedQuotesAndListsRenderInBoundedTime() throws {
        let site = try FixtureSite.basic()
        let quotes = String(repeating: "> ", count: 5_000) + "deep\n"
        let lists = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item \($0)" }.joined(separator: "\n")
        let headings = (0..<20_000).map { "## Heading \($0 % 7)" }.joined(separator: "\n\n")
        try site.write("Content/articles/deep.md", FixtureSite.article(title: "Deep", body: quotes + "\n" + lists + "\n\n" + headings + "\n"))
        let clock = ContinuousClock()
        let start = clock.now
        try site.build()
        #expect(clock.now - start < .seconds(60))
        let page = try site.read("Public/articles/deep/index.html")
        #expect(page.contains("id=\"heading-6-2855\""))  // 20,000 headings, each id unique
    }

    @Test func aTwentyMegabyteArticleBuilds() throws {
        let site = try FixtureSite.basic()
        let paragraph = "Numbness in the outer shin can come from the L5 nerve root, which a disc may press on.\n\n"
        let body = String(repeating: paragraph, count: 20_000_000 / paragraph.utf8.count)
        try site.write("Content/articles/huge.md", FixtureSite.article(title: "Huge", body: "## Part\n\n" + body))
        try site.build()
        let size = try FileManager.default.attributesOfItem(atPath: site.output + "/articles/huge/index.html")[.size] as? Int
        #expect((size ?? 0) > 20_000_000)
    }

    @Test func aLineLongerThanTheLimitIsAnErrorAtItsLine() throws {
        let site = try FixtureSite.basic()
        let line = String(repeating: "word [link](https://example.org) ", count: 4_000)
        try site.write("Content/articles/line.md", FixtureSite.article(title: "Line", body: "Intro.\n\n" + line + "\n"))
        let diagnostics = try #require(site.failingBuild())
        #expect(diagnostics.contains { $0.file == "Content/articles/line.md" && $0.line == 12 && $0.message.contains("bytes long") })
    }

    @Test func oneVeryLongLineBuilds() throws {
        let site = try FixtureSite.basic()
        let line = String(repeating: "word *emphasis* `code` [link](https://example.org) ", count: 1_900)  // just under the limit
        try site.write("Content/articles/line.md", FixtureSite.article(title: "Line", body: line + "\n"))
        try site.build()
        #expect(try site.read("Public/articles/line/index.html").components(separatedBy: "<em>emphasis</em>").count == 1_901)
    }

    /// Columns of many links on one line are counted in one pass, not once per link (which took
    /// minutes on a 5 MB line).
    @Test func columnCountingOnALongLineIsLinear() {
        let line = String(repeating: "naïve [link](x) ", count: 50_000)
        let converter = ColumnConverter(line)
        var byte = 1
        for _ in 0..<50_000 {
            _ = converter.character(line: 1, byteColumn: byte)
            byte += 18  // each repeat is 18 bytes ("ï" is two)
        }
        #expect(converter.bytesScanned <= line.utf8.count)
        #expect(converter.character(line: 1, byteColumn: 19) == 18)
    }

    @Test func hostileDataSetTextIsEscapedInMapsTablesPagesAndJSON() throws {
        let site = try FixtureSite.basic()
        let evil = #"<script>alert('x')</script> & \"q\""#
        let roots = AtlasFixture.roots
            .replacingOccurrences(of: #"plain: "Area of L4""#, with: #"plain: "\#(evil)""#)
            .replacingOccurrences(of: #"name: "Root L5""#, with: #"name: "\#(evil)""#)
            .replacingOccurrences(of: #"summary: "Summary of S1.""#, with: #"summary: "\#(evil)""#)
        let map = AtlasFixture.map.replacingOccurrences(of: #"title: "Front of the legs""#, with: #"title: "\#(evil)""#)
        let places = AtlasFixture.places.replacingOccurrences(of: #"name: "Heel""#, with: #"name: "\#(evil)""#)
        try site.write("Content/data/dermatomes.yml", roots)
        try site.write("Content/data/places.yml", places)
        try site.write("Content/data/leg-map.yml", map)
        try site.build()
        for (path, bytes) in try site.snapshot() where path.hasSuffix(".html") || path.hasSuffix(".svg") || path.hasSuffix(".xml") {
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(!text.contains("<script>alert"), "\(path) shows the script unescaped")
        }
        let chart = try site.read("Public/dermatomes/charts/clinical-front.svg")
        #expect(XMLParser(data: Data(chart.utf8)).parse())
        #expect(chart.contains("&lt;script&gt;"))
    }
}

#if canImport(FoundationXML)
import FoundationXML
#endif
