@testable import DermaSite
import Foundation
import Testing

/// One colour in site.yml restyles the site: header, footer line, links and the icon.
@Suite struct ThemeTests {
    @Test func theColourReachesTheStylesheetAndTheIcon() throws {
        let site = try FixtureSite.basic()
        try site.write("Content/site.yml", FixtureSite.config + "theme:\n  colour: \"#007F3B\"\n  dark_colour: \"#00401e\"\n")
        try site.build()
        let assets = try FileManager.default.contentsOfDirectory(atPath: site.root + "/Public/assets")
        let css = try #require(assets.first { $0.hasPrefix("theme.") && $0.hasSuffix(".css") })
        let theme = try site.read("Public/assets/\(css)")
        #expect(theme.contains(":root { --brand: #007f3b; }") && theme.contains("(prefers-color-scheme: light) { :root { --link: #007f3b; } }")
                && theme.contains("(prefers-color-scheme: dark) { :root { --brand: #00401e; } }"), "\(theme)")
        let icon = try #require(assets.first { $0.hasPrefix("favicon.") })
        let svg = try site.read("Public/assets/\(icon)")
        #expect(svg.contains(##"fill="#007f3b""##) && !svg.lowercased().contains("#005eb8"))
        let home = try site.read("Public/index.html")
        #expect(home.contains(#"<link rel="stylesheet" href="/assets/\#(css)">"#) && home.contains("/assets/\(icon)"))
    }

    @Test func withoutAThemeNothingIsAdded() throws {
        let site = try FixtureSite.basic()
        try site.build()
        let assets = try FileManager.default.contentsOfDirectory(atPath: site.root + "/Public/assets")
        #expect(!assets.contains { $0.hasPrefix("theme.") })
        #expect(!(try site.read("Public/index.html")).contains("theme."))
    }

    @Test func aColourTooLightForWhiteTextIsAnError() {
        let (config, problems) = SiteConfigLoader.parse(FixtureSite.config + "theme:\n  colour: \"#ffb81c\"\n  dark_colour: blue\n")
        #expect(config == nil)
        #expect(problems.map(\.description) == [
            "Content/site.yml:11:11: error: white text on #ffb81c has a contrast of 1.7:1, and readers need at least 4.5:1 (WCAG AA); choose a darker colour",
            "Content/site.yml:12:16: error: 'dark_colour' must be a colour written #RRGGBB, such as #005eb8; found 'blue'",
        ])
    }

    @Test func contrastMatchesTheWCAGFormula() throws {
        #expect(try #require(Contrast.ratio("#000000", "#ffffff")) == 21)
        // #005eb8 (NHS blue) on white: 6.38:1 by the WCAG 2 formula, worked out separately in Python.
        #expect(abs(try #require(Contrast.ratio("#005eb8", "#ffffff")) - 6.377) < 0.001)
    }
}
