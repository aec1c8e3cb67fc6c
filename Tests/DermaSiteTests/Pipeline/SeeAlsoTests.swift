@testable import DermaSite
import Foundation
import Testing

/// "What else can cause this?": place and root pages link to the articles on other causes, and
/// those links are checked like any other.
@Suite struct SeeAlsoTests {
    func site(link: String) throws -> FixtureSite {
        let site = try AtlasBuildTests().site()
        let entry = "    see_also:\n      - text: \"A <squashed> nerve at the knee\"\n        link: \(link)\n"
        try site.write("Content/data/places.yml", AtlasFixture.places.replacingOccurrences(of: "  - id: heel\n", with: "  - id: heel\n" + entry))
        try site.write("Content/data/dermatomes.yml", AtlasFixture.roots.replacingOccurrences(of: "  - id: L5\n", with: "  - id: L5\n" + entry))
        return site
    }

    @Test func placeAndRootPagesLinkToOtherCauses() throws {
        let site = try site(link: "/articles/second/#part-two")
        try site.build(baseURL: "https://example.org/legs/")
        let item = #"<li><a href="/legs/articles/second/#part-two">A &lt;squashed&gt; nerve at the knee</a></li>"#
        #expect(try site.read("Public/where/heel/index.html").contains(item))
        let l5 = try site.read("Public/dermatomes/l5/index.html")
        #expect(l5.contains(#"<h2 id="other-causes">What else can cause this?</h2>"#) && l5.contains(item))
        #expect(!(try site.read("Public/dermatomes/l4/index.html")).contains("other-causes"))
    }

    @Test func aBrokenOrForeignLinkIsAnError() throws {
        let broken = try #require(try site(link: "/articles/nope/").failingBuild()).map(\.description)
        #expect(broken.contains { $0.contains("/articles/nope/") }, "\(broken)")
        let foreign = try #require(try site(link: "https://example.com/").failingBuild()).map(\.description)
        #expect(foreign.contains { $0.hasPrefix("Content/data/places.yml:") && $0.contains("a see_also 'link' is a page of this site") }, "\(foreign)")
    }
}
