@testable import DermaSite
import Testing

/// What the link check reads of one page, on small pages written here.
@Suite struct LinkScanTests {
    let checker = LinkChecker(basePath: "/")

    /// A map's titles name its drawing: a page whose own title is empty has no title, however many
    /// maps it shows.
    @Test func thePageTitleIsTheDocumentsNotAMapsTitle() {
        let titled = checker.scan("""
            <!doctype html><html lang="en"><head><title>Big toe &amp; foot</title></head>
            <body><svg><title id="m-title">Front of the legs</title><path d="M0 0"/></svg></body></html>
            """)
        #expect(titled.title == "Big toe & foot")
        let untitled = checker.scan("""
            <html><head><title> </title></head><body><main><svg><title>Front of the legs</title></svg></main></body></html>
            """)
        #expect(untitled.title.trimmingWhitespace().isEmpty)
        #expect(untitled.ids.isEmpty)
    }

    /// A value runs to its own quote, whatever it holds, and a value cut off by the end of the
    /// page ends there.
    @Test func aValueEndsAtItsOwnQuote() {
        let page = checker.scan("""
            <a href='/a/"b"/' id="x > y">1</a><a data-d="<a href=/no/>" href="/c/?q=1&amp;r=2">2</a>\
            <img src=/d.png alt=x><a id="cut
            """)
        #expect(page.links == ["/a/\"b\"/", "/c/?q=1&r=2", "/d.png"])
        #expect(page.ids == ["x > y": 1, "cut": 1])
    }
}
