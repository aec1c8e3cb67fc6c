import DermaSite
@testable import DermaSitePreview
import Testing

extension PreviewTests {
    /// The file responder without a network: paths, folders, validators and the injection.
    @Suite struct StaticResponderTests {
        func responder(_ files: [String: String], basePath: String = "/") -> StaticResponder {
            let store = SiteStore(basePath: basePath)
            var outcome = PreviewSession.Outcome()
            outcome.changed = files.keys.sorted()
            store.apply(outcome, files: files.mapValues { Array($0.utf8) })
            return StaticResponder(store: store, injection: "<script src=\"/x.js\"></script>")
        }

        @Test func decodesPathsAndRefusesClimbingOut() {
            #expect(StaticResponder.decode("/articles/a%20b/") == ["articles", "a b", ""])
            #expect(StaticResponder.decode("/a//b") == ["a", "b"])
            for path in ["/..", "/a/../b", "/%2e%2e/x", "/%2E%2E/x", "/a/%2e/b", "/a%2fb", "/a%5cb", "/a%00", "/%ff"] {
                #expect(StaticResponder.decode(path) == nil, "\(path)")
            }
        }

        @Test func servesPagesFoldersAndTheSite404() {
            let site = responder(["index.html": "<html><head></head><body>Home</body></html>",
                                  "a/index.html": "<p>A</p>", "404.html": "<head></head>Missing", "s.css": "b{}"])
            let home = site.respond(to: PreviewRequest(method: "GET", target: "/?q=1"))
            #expect(home.status == 200)
            #expect(String(decoding: home.body, as: UTF8.self) == "<html><head><script src=\"/x.js\"></script></head><body>Home</body></html>")
            #expect(site.respond(to: PreviewRequest(method: "GET", target: "/a")).header("Location") == "/a/")
            #expect(site.respond(to: PreviewRequest(method: "GET", target: "/a?x=1")).header("Location") == "/a/?x=1")
            // `//a` as a Location would be a link to the host "a".
            #expect(site.respond(to: PreviewRequest(method: "GET", target: "//a")).header("Location") == "/a/")
            #expect(site.respond(to: PreviewRequest(method: "GET", target: "///a//")).status == 200)
            let missing = site.respond(to: PreviewRequest(method: "GET", target: "/nope"))
            #expect(missing.status == 404 && String(decoding: missing.body, as: UTF8.self).contains("Missing"))
            #expect(site.respond(to: PreviewRequest(method: "GET", target: "/s.css")).header("Content-Type") == "text/css; charset=utf-8")
            #expect(site.respond(to: PreviewRequest(method: "DELETE", target: "/")).status == 405)
            #expect(site.respond(to: PreviewRequest(method: "GET", target: "/../index.html")).status == 403)
        }

        @Test func conditionalRequests() throws {
            let site = responder(["index.html": "x"])
            let first = site.respond(to: PreviewRequest(method: "GET", target: "/"))
            let etag = try #require(first.header("ETag"))
            #expect(site.respond(to: PreviewRequest(method: "GET", target: "/", headers: ["if-none-match": etag])).status == 304)
            #expect(site.respond(to: PreviewRequest(method: "GET", target: "/", headers: ["if-none-match": "\"other\""])).status == 200)
            let date = try #require(first.header("Last-Modified"))
            #expect(site.respond(to: PreviewRequest(method: "GET", target: "/", headers: ["if-modified-since": date])).status == 304)
            #expect(site.respond(to: PreviewRequest(method: "GET", target: "/", headers: ["if-modified-since": "Mon, 01 Jan 2001 00:00:00 GMT"])).status == 200)
            let head = site.respond(to: PreviewRequest(method: "HEAD", target: "/"))
            #expect(head.body.isEmpty && head.header("Content-Length") == String(first.body.count))
        }

        @Test func beforeAnyGoodBuildEveryPageWaitsForTheFix() {
            let site = responder([:])
            let page = site.respond(to: PreviewRequest(method: "GET", target: "/articles/a/"))
            #expect(page.status == 503)
            #expect(String(decoding: page.body, as: UTF8.self).contains("<script src=\"/x.js\"></script>"))
        }

        @Test func aSiteUnderASubfolder() {
            let site = responder(["index.html": "home"], basePath: "/legs/")
            #expect(site.respond(to: PreviewRequest(method: "GET", target: "/")).header("Location") == "/legs/")
            #expect(site.respond(to: PreviewRequest(method: "GET", target: "/legs")).header("Location") == "/legs/")
            #expect(site.respond(to: PreviewRequest(method: "GET", target: "/legs/")).status == 200)
            #expect(site.respond(to: PreviewRequest(method: "GET", target: "/other/")).status == 404)
        }
    }

    @Suite struct ReloadEventTests {
        func outcome(changed: [String], removed: [String] = [], previous: [String: String] = [:]) -> PreviewSession.Outcome {
            var outcome = PreviewSession.Outcome()
            outcome.changed = changed
            outcome.removed = removed
            outcome.previous = previous.mapValues { Array($0.utf8) }
            return outcome
        }

        @Test func pagesAreNamedAsTheBrowserShowsThem() {
            let event = ReloadEvent(outcome(changed: ["index.html", "articles/a/index.html", "404.html", "feed.xml"]),
                                    basePath: "/", files: [:])
            #expect(event.reload == ["/", "/articles/a/", "/404.html"])
            #expect(event.stylesheets.isEmpty)
        }

        @Test func aStylesheetRenameSwapsInsteadOfReloading() {
            let old = "<link rel=\"stylesheet\" href=\"/assets/style.aaaaaaaaaaaa.css\"><p>Same</p>"
            let new = "<link rel=\"stylesheet\" href=\"/assets/style.bbbbbbbbbbbb.css\"><p>Same</p>"
            let changedText = "<link rel=\"stylesheet\" href=\"/assets/style.bbbbbbbbbbbb.css\"><p>Other</p>"
            let event = ReloadEvent(
                outcome(changed: ["a/index.html", "assets/style.bbbbbbbbbbbb.css", "b/index.html"],
                        removed: ["assets/style.aaaaaaaaaaaa.css"], previous: ["a/index.html": old, "b/index.html": old]),
                basePath: "/", files: ["a/index.html": Array(new.utf8), "b/index.html": Array(changedText.utf8)])
            #expect(event.stylesheets == [.init(from: "/assets/style.aaaaaaaaaaaa.css", to: "/assets/style.bbbbbbbbbbbb.css")])
            #expect(event.reload == ["/b/"], "only the page whose text changed reloads")
        }

        @Test func aChangedImageReloadsEveryPage() {
            #expect(ReloadEvent(outcome(changed: ["images/map.png"]), basePath: "/", files: [:]).reload == ["*"])
        }

        @Test func failuresPutErrorsFirst() {
            let event = FailureEvent(BuildFailure(step: "render markdown", diagnostics: [
                .warning("Content/a.md", line: 1, column: 1, "a warning"),
                .error("Content/b.md", line: 3, column: 5, "an <error>"),
            ]))
            #expect(event.problems.map(\.location) == ["Content/b.md:3:5", "Content/a.md:1:1"])
            #expect(event.serverSentEvent.hasPrefix("event: failed\ndata: {"))
            #expect(event.serverSentEvent.filter { $0 == "\n" }.count == 3, "one data line")
        }
    }

    @Suite struct DebouncerTests {
        @Test func waitsForQuietButNotForever() {
            let clock = ContinuousClock()
            let start = clock.now
            var debouncer = Debouncer(quiet: .milliseconds(10), maxDelay: .milliseconds(50))
            #expect(debouncer.wait(at: start) == nil)
            debouncer.add("Content/a.md", at: start)
            #expect(debouncer.wait(at: start) == .milliseconds(10))
            // Events keep coming every 5 ms: the batch is still due 50 ms after the first.
            for step in 1...12 { debouncer.add("Content/b.md", at: start + .milliseconds(5 * step)) }
            #expect(debouncer.wait(at: start + .milliseconds(50)) == .zero)
            #expect(debouncer.take() == .paths(["Content/a.md", "Content/b.md"]))
            #expect(debouncer.wait(at: start + .milliseconds(60)) == nil)
            debouncer.overflow(at: start)
            #expect(debouncer.take() == .everything)
        }
    }
}
