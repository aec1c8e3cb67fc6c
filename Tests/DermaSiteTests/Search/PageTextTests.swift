@testable import DermaSite
import Testing

/// What search reads of a page: the main part, by field, with the templates' marks obeyed.
@Suite struct PageTextTests {
    @Test func readsTheMainPartByFieldAndObeysTheMarks() {
        let html = """
        <!doctype html><html><head><title>Ignored</title><script>var x = "<main>";</script></head><body>
        <header data-search-ignore><a href="/">Site name</a></header>
        <main id="main"><nav class="breadcrumb"><a href="/">Home</a></nav>
        <h1>Foot drop &amp; you</h1><p class="lede" data-search-weight="2">Why the foot slaps.</p>
        <aside class="emergency-box" data-search-ignore><p>Call 999</p></aside>
        <!-- a comment with <h2>no heading</h2> -->
        <h2 id="x">What causes it?<a class="heading-anchor" href="#x" aria-hidden="true">#</a></h2>
        <p>The <strong>peroneal</strong> nerve<br>at the knee.</p><img src="a.png" alt="">
        <svg><title>Map region</title></svg><table><tr><td>Cell</td></tr></table>
        </main><footer data-search-ignore>Footer words</footer></body></html>
        """
        let text = PageText(html: html)
        #expect(text.title == "Foot drop & you")
        #expect(text.parts.map(\.field) == [.title, .body, .heading, .body])
        #expect(text.parts[1] == PageText.Part(field: .body, weight: 2, text: "Why the foot slaps."))
        #expect(text.parts[2].text == "What causes it?")
        #expect(text.parts[3].text == "The peroneal nerve at the knee. Cell")
        for hidden in ["Site name", "Home", "Call 999", "no heading", "Map region", "Footer", "Ignored", "#"] {
            #expect(!text.parts.contains { $0.text.contains(hidden) }, "\(hidden) was indexed")
        }
        #expect(text.plain == "Why the foot slaps. What causes it? The peroneal nerve at the knee. Cell")
    }

    @Test func scriptsAreSkippedWholeTitlesKeepTheirInlineWordsAndOddWeightsCountOnce() {
        let html = """
        <head><script>if (a < b) { document.write("<main><h1>Not this</h1>") }</script></head>
        <main><h1>Foot <em>drop</em></h1><p data-search-weight="inf">Kept once.</p><p data-search-weight="0">Gone.</p></main>
        """
        let text = PageText(html: html)
        #expect(text.title == "Foot drop")
        #expect(text.parts.last == PageText.Part(field: .body, weight: 1, text: "Kept once."), "\(text.parts)")
        #expect(!text.parts.contains { $0.text.contains("Not this") || $0.text.contains("Gone") })
    }

    @Test func aPageWithoutMainIsReadWholeAndReferencesAreDecoded() {
        let text = PageText(html: "<h1>Caf&#233; &#x2019;s &lt;b&gt;</h1><p>x &unknown; y</p>")
        #expect(text.title == "Café ’s <b>")
        #expect(text.parts.last?.text == "x &unknown; y")
    }

    /// Text runs between inline tags, each with its white space collapsed and its references
    /// decoded, joined by one space: the same text as splitting each run on white space.
    @Test func whiteSpaceCollapsesAsSplittingOnItWould() {
        let pieces = ["foot", "drop", "café", " ", "  ", "\n", "\t", "\r\n", "\u{0C}", "&amp;", "&#233;", "&lt;", "&x;",
                      "<b>", "</b>", "<em>", "</em>", "<br>", ".", "L5"]
        var random = SeededRandom(seed: 20261204)
        for _ in 0..<3_000 {
            let inner = (0..<random.below(24)).map { _ in random.pick(pieces) }.joined()
            let text = PageText(html: "<main><p>\(inner)</p></main>")
            let runs = inner.split(separator: /<\/?[a-z]+>/, omittingEmptySubsequences: false).compactMap { run -> String? in
                let words = run.split(whereSeparator: { " \n\t\r\u{0C}".unicodeScalars.contains($0.unicodeScalars.first!) })
                guard !words.isEmpty else { return nil }
                let joined = words.joined(separator: " ")
                return joined.contains("&") ? PageText.decodeReferences(joined) : joined
            }
            let expected = runs.joined(separator: " ")
            #expect(text.parts.map(\.text) == (expected.isEmpty ? [] : [expected]), "\(inner.debugDescription)")
        }
    }
}
