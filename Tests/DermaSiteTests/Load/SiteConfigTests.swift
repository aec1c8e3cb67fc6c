@testable import DermaSite
import Testing

@Suite struct SiteConfigTests {
    @Test func parsesConfiguration() throws {
        let (config, diagnostics) = SiteConfigLoader.parse("""
        title: Legs
        base_url: https://example.org/legs
        language: en-GB
        menu:
          - title: Home
            url: /
        """)
        #expect(diagnostics.isEmpty)
        let c = try #require(config)
        #expect(c.baseURL.path == "/legs/")
        #expect(c.baseURL.absolute("articles/a/") == "https://example.org/legs/articles/a/")
        #expect(c.menu == [.init(title: "Home", url: "/", position: SourcePosition(file: "Content/site.yml", line: 6, column: 10))])
    }

    @Test func healthSettingsAreRead() throws {
        let (config, diagnostics) = SiteConfigLoader.parse("""
        title: Legs
        base_url: https://example.org/
        conflicts_of_interest: "  No adverts.  "
        map_licence: CC BY 4.0
        """)
        #expect(diagnostics.isEmpty)
        let health = try #require(config).health
        #expect(health.conflictsOfInterest == "No adverts.")
        #expect(health.mapLicence == "CC BY 4.0")
    }

    @Test func reportsEveryProblemAtOnce() {
        let (config, found) = SiteConfigLoader.parse("title: Legs\nbase_url: ftp://x\nlanguage: \"en GB\"\nallow_raw_htm: true\n")
        let diagnostics = found.sortedForReport()
        #expect(config == nil)
        #expect(diagnostics.map(\.line) == [2, 3, 4])
        #expect(diagnostics[2].severity == .warning && diagnostics[2].message.contains("allow_raw_html"))
    }

    @Test func missingRequiredKeys() {
        let (config, diagnostics) = SiteConfigLoader.parse("description: x\n")
        #expect(config == nil)
        #expect(diagnostics.contains { $0.message.contains("'title:'") })
        #expect(diagnostics.contains { $0.message.contains("'base_url:'") })
    }

    @Test(arguments: ["https://example.org", "http://localhost:8080/", "https://example.org/a/b/"])
    func acceptsBaseURLs(_ text: String) {
        #expect(BaseURL(text) != nil)
    }

    @Test(arguments: ["example.org", "javascript:alert(1)", "https://", "https://ex ample.org/", "https://example.org/\"x"])
    func refusesBaseURLs(_ text: String) {
        #expect(BaseURL(text) == nil)
    }
}
