@testable import DermaSite
import Testing

/// The kept link index: after each update that names only the changed pages, its findings equal a
/// fresh index's full check of the same pages.
@Suite struct LinkIndexTests {
    static func page(_ path: String, _ body: String) -> OutputFile {
        OutputFile(path: path, text: "<!doctype html><html><head><title>\(path)</title><meta name=\"description\" content=\"A page.\">"
                   + "</head><body><main>\(body)</main></body></html>")
    }

    @Test func incrementalUpdatesReportWhatAFullCheckReports() {
        var site = [
            Self.page("index.html", #"<a href="/a/">A</a> <a href="/b/#part">B</a>"#),
            Self.page("a/index.html", #"<h2 id="top">A</h2><a href="/">home</a>"#),
            Self.page("b/index.html", #"<h2 id="part">B</h2><a href="/a/#top">A</a>"#),
        ]
        let kept = LinkIndex(basePath: "/")
        #expect(kept.update(site, markdownLinks: [:]).isEmpty)
        // Each edit rewrites one page; the update is told only that page changed.
        let edits: [(Int, String)] = [
            (2, #"<h2 id="other">B</h2><a href="/a/#top">A</a>"#),  // removes the anchor index.html links to
            (0, #"<a href="/a/">A</a> <a href="/b/#other">B</a>"#),  // follows it
            (1, #"<h2 id="gone">A</h2><a href="/">home</a>"#),  // b links to /a/#top, now missing
            (1, #"<h2 id="top">A</h2><a href="/missing/">x</a>"#),  // a link to no page
            (1, #"<h2 id="top">A</h2><a href="/">home</a>"#),  // all good again
        ]
        for (index, body) in edits {
            site[index] = Self.page(site[index].path, body)
            let incremental = kept.update(site, markdownLinks: [:], onlyChanged: [site[index].path])
            let full = LinkIndex(basePath: "/").update(site, markdownLinks: [:])
            #expect(incremental == full, "after editing \(site[index].path)")
        }
        #expect(LinkIndex(basePath: "/").update(site, markdownLinks: [:]).isEmpty)
    }

    @Test func aBrokenAnchorIsFoundAfterAnEdit() {
        let kept = LinkIndex(basePath: "/")
        var site = [Self.page("index.html", #"<a href="/a/#top">A</a>"#), Self.page("a/index.html", #"<h2 id="top">A</h2><a href="/">h</a>"#)]
        #expect(kept.update(site, markdownLinks: [:]).isEmpty)
        site[1] = Self.page("a/index.html", #"<h2 id="bottom">A</h2><a href="/">h</a>"#)
        let found = kept.update(site, markdownLinks: [:], onlyChanged: ["a/index.html"])
        #expect(found.count == 1 && found[0].message.contains("#top"), "\(found)")
    }
}
