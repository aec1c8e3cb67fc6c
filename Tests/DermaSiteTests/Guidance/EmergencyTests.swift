@testable import DermaSite
import Foundation
import Testing

/// Emergency advice on every page a reader lands on, with the numbers of the site's country.
@Suite struct EmergencyTests {
    func site(config: String = FixtureSite.config + "  help_page: /articles/second/\n") throws -> FixtureSite {
        let site = try ReviewTests().site()
        try site.write("Content/site.yml", config)
        return site
    }

    static let landingPages = ["index", "articles/first/index", "dermatomes/l5/index", "dermatomes/index", "where/heel/index",
                               "glossary/index", "articles/index", "404"]

    @Test func theEmergencyBoxIsNearTheTopOfEveryLandingPageAndLinksToEverySign() throws {
        let site = try site()
        try site.build()
        for page in Self.landingPages {
            let html = try site.read("Public/\(page).html")
            let box = try #require(html.range(of: #"<aside class="emergency-box""#), "\(page) has no emergency box")
            let main = try #require(html.range(of: "<main"))
            #expect(main.upperBound <= box.lowerBound, "\(page): the box belongs to the page's content")
            #expect(html.distance(from: main.upperBound, to: box.lowerBound) < 2_500, "\(page): the box is not near the top")
            #expect(html.contains(#"Call 999 or go to A&amp;E now if:"#))
            #expect(html.contains(#"<a href="/articles/second/" data-print-url="https://example.org/articles/second/">Every warning sign, and what to do</a>"#), "\(page)")
        }
        // Pages whose full card is at the very top do not repeat it.
        #expect(!(try site.read("Public/dermatomes/s1/index.html")).contains("emergency-box"))
        #expect(try site.read("Public/dermatomes/s1/index.html").contains("care-card--emergency"))
    }

    @Test func anotherCountrysNumbersChangeInOnePlace() throws {
        let config = FixtureSite.config.replacingOccurrences(of: "call: \"999\"", with: "call: \"911\"")
            .replacingOccurrences(of: "go_to: \"A&E\"", with: "go_to: \"the emergency room\"")
            .replacingOccurrences(of: "  urgent_line: \"NHS 111\"\n", with: "")
        let site = try site(config: config)
        try site.write("Content/articles/first.md", FixtureSite.article(title: "First", body: "```red-flags\n```\n\n```care-card emergency\nCall {call} now.\n```\n"))
        try site.build()
        for (path, bytes) in try site.snapshot() where path.hasSuffix(".html") {
            let html = String(decoding: bytes, as: UTF8.self)
            #expect(!html.contains("999") && !html.contains("A&amp;E") && !html.contains("111"), "\(path) keeps a UK number")
        }
        let first = try site.read("Public/articles/first/index.html")
        #expect(first.contains("Call 911 or go to the emergency room now if:"))
        #expect(first.contains("<p>Call 911 now.</p>"))
        #expect(first.contains("In an emergency, call 911 or go to the emergency room.</p>"))
    }

    @Test func careCardsHaveThreeLevelsEachWithItsOwnWords() throws {
        let site = try site()
        try site.write("Content/articles/first.md", FixtureSite.article(title: "First", body: """
        ```care-card emergency
        Call {call} or go to {go_to} if: <both> legs
        - a list item
        - another
        Back to prose.
        ```

        ```care-card urgent
        Ask {urgent_line} today.
        ```

        ```care-card non-urgent
        See a GP.
        ```

        """))
        try site.build()
        let page = try site.read("Public/articles/first/index.html")
        #expect(page.contains(#"<section class="care-card care-card--emergency" aria-labelledby="care-card-1-title">"#))
        #expect(page.contains(#"<span class="care-card__tag">Emergency: act now</span>"#))
        #expect(page.contains("<p>Call 999 or go to A&amp;E if: &lt;both&gt; legs</p>\n<ul>\n<li>a list item</li>\n<li>another</li>\n</ul>\n<p>Back to prose.</p>"))
        #expect(page.contains(#"<span class="care-card__tag">Urgent: get help today</span>"#) && page.contains("<p>Ask NHS 111 today.</p>"))
        #expect(page.contains(#"<section class="care-card care-card--non-urgent""#) && page.contains("Not urgent: see a doctor or physiotherapist"))
    }

    @Test func aCareCardWithoutALevelOrTextIsAnErrorAtItsLine() throws {
        let site = try site()
        try site.write("Content/articles/first.md", FixtureSite.article(title: "First", body: "```care-card\nText.\n```\n\n```care-card urgent\n```\n"))
        let errors = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.hasPrefix("Content/articles/first.md:10:1: error: write the card's level after its name") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("Content/articles/first.md:14:1: error: this care card is empty") })
    }

    @Test func aNumberOrAnUnknownPlaceholderInTheRedFlagsIsAnError() throws {
        let site = try site()
        try site.write("Content/data/red-flags.yml", GuidanceTests.redFlags
            .replacingOccurrences(of: "Go to {go_to} or call {call}.", with: "Go to A&E or call 999.")
            .replacingOccurrences(of: "intro: \"You have", with: "intro: \"{cal} You have"))
        let errors = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.hasPrefix("Content/data/red-flags.yml:2:8: error: unknown placeholder '{cal}'") }, "\(errors)")
        #expect(errors.contains { $0.hasPrefix("Content/data/red-flags.yml:6:9: error: write '{call}' or '{urgent_line}' instead of '999'") })
    }

    @Test func redFlagsWithoutEmergencySettingsAreAnError() throws {
        let site = try site(config: "title: Test Site\nbase_url: https://example.org/\n")
        let errors = try #require(site.failingBuild()).filter { $0.severity == .error }.map(\.description)
        #expect(errors.contains { $0.hasPrefix("Content/site.yml:1:1: error: missing 'emergency:'") }, "\(errors)")
    }

    @Test func emergencySettingsAreValidated() {
        let (_, problems) = SiteConfigLoader.parse("title: T\nbase_url: https://example.org/\nemergency:\n  call: nine\n  help_page: articles/x\nfeedback: \"javascript:alert(1)\"\n")
        let messages = problems.map(\.description)
        #expect(messages.contains { $0.hasPrefix("Content/site.yml:4:9: error: 'call' must be the number to dial") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("Content/site.yml:5:14: error: 'help_page' must be a page of this site") })
        #expect(messages.contains { $0.hasPrefix("Content/site.yml:3:1: error: 'emergency' needs 'call:'") } || messages.contains { $0.contains("'emergency' needs 'call:'") })
        #expect(messages.contains { $0.hasPrefix("Content/site.yml:6:11: error: 'feedback' must be a web address") })
    }
}
