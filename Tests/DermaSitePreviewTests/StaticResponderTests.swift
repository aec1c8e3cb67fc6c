import DermaSite
@testable import DermaSitePreview
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOEmbedded
import Synchronization
import Testing

extension PreviewTests {
    /// The file responder without a network: paths, folders, validators (Hummingbird's
    /// FileMiddleware) and the live-reload injection.
    @Suite struct StaticResponderTests {
        struct Answer {
            var status: Int
            var headers: HTTPFields
            var body: String
            func header(_ name: HTTPField.Name) -> String? { headers[name] }
        }

        /// Collects a response body.
        struct Collector: ResponseBodyWriter {
            var bytes: [UInt8] = []
            let done: @Sendable ([UInt8]) -> Void
            mutating func write(_ buffer: ByteBuffer) async throws { bytes += Array(buffer.readableBytesView) }
            consuming func finish(_ trailingHeaders: HTTPFields?) async throws { done(bytes) }
        }

        func responder(_ files: [String: String], basePath: String = "/") -> StaticResponder {
            let store = SiteStore(basePath: basePath, pageInjection: "<script src=\"/x.js\"></script>")
            var outcome = PreviewSession.Outcome()
            outcome.changed = files.keys.sorted()
            store.apply(outcome, files: files.mapValues { Array($0.utf8) })
            return StaticResponder(store: store)
        }

        func ask(_ site: StaticResponder, _ target: String, method: HTTPRequest.Method = .get,
                 headers: HTTPFields = [:]) async throws -> Answer {
            let head = HTTPRequest(method: method, scheme: "http", authority: "127.0.0.1", path: target, headerFields: headers)
            let context = BasicRequestContext(source: .init(channel: EmbeddedChannel(), logger: Logger(label: "test")))
            let response = try await site.respond(to: Request(head: head, body: RequestBody(buffer: ByteBuffer())), context: context)
            let body = Mutex<[UInt8]>([])
            try await response.body.write(Collector { bytes in body.withLock { $0 = bytes } })
            return Answer(status: response.status.code, headers: response.headers,
                          body: String(decoding: body.withLock { $0 }, as: UTF8.self))
        }

        @Test func decodesPathsAndRefusesClimbingOut() async throws {
            #expect(StaticResponder.decode("/articles/a%20b/") == ["articles", "a b", ""])
            #expect(StaticResponder.decode("/a//b") == ["a", "b"])
            for path in ["/..", "/a/../b", "/%2e%2e/x", "/%2E%2E/x", "/a/%2e/b", "/a%2fb", "/a%5cb", "/a%00", "/%ff"] {
                #expect(StaticResponder.decode(path) == nil, "\(path)")
            }
            let site = responder(["index.html": "x"])
            #expect(try await ask(site, "/../index.html").status == 403)
            #expect(try await ask(site, "/%2e%2e/index.html").status == 403)
        }

        @Test func servesPagesFoldersAndTheSite404() async throws {
            let site = responder(["index.html": "<html><head></head><body>Home</body></html>",
                                  "a/index.html": "<p>A</p>", "404.html": "<head></head>Missing", "s.css": "b{}"])
            let home = try await ask(site, "/?q=1")
            #expect(home.status == 200)
            #expect(home.body == "<html><head><script src=\"/x.js\"></script></head><body>Home</body></html>")
            #expect(home.header(.contentType) == "text/html; charset=utf-8")
            #expect(home.header(.contentLength) == String(home.body.utf8.count))
            #expect(home.header(.cacheControl) == "no-cache")
            #expect(home.header(.xContentTypeOptions) == "nosniff")
            #expect(try await ask(site, "/a").header(.location) == "/a/")
            #expect(try await ask(site, "/a?x=1").header(.location) == "/a/?x=1")
            // `//a` as a Location would be a link to the host "a".
            #expect(try await ask(site, "//a").header(.location) == "/a")
            #expect(try await ask(site, "///a//").header(.location) == "/a/")
            #expect(try await ask(site, "/a/").body == "<script src=\"/x.js\"></script><p>A</p>")
            let missing = try await ask(site, "/nope")
            #expect(missing.status == 404 && missing.body.contains("Missing") && missing.body.contains("/x.js"))
            #expect(try await ask(site, "/s.css").header(.contentType) == "text/css; charset=utf-8")
            #expect(try await ask(site, "/s.css").body == "b{}")
            let delete = try await ask(site, "/", method: .delete)
            #expect(delete.status == 405 && delete.header(.allow) == "GET, HEAD")
        }

        @Test func conditionalRequestsAndRanges() async throws {
            let site = responder(["index.html": "x", "a.txt": "abcdef"])
            let first = try await ask(site, "/")
            let etag = try #require(first.header(.eTag))
            #expect(try await ask(site, "/", headers: [.ifNoneMatch: etag]).status == 304)
            #expect(try await ask(site, "/", headers: [.ifNoneMatch: "\"other\""]).status == 200)
            let date = try #require(first.header(.lastModified))
            #expect(try await ask(site, "/", headers: [.ifModifiedSince: date]).status == 304)
            #expect(try await ask(site, "/", headers: [.ifModifiedSince: "Mon, 01 Jan 2001 00:00:00 GMT"]).status == 200)
            let head = try await ask(site, "/", method: .head)
            #expect(head.status == 200 && head.body.isEmpty && head.header(.contentLength) == String(first.body.utf8.count))
            let part = try await ask(site, "/a.txt", headers: [.range: "bytes=2-3"])
            #expect(part.status == 206 && part.body == "cd" && part.header(.contentRange) == "bytes 2-3/6")
            let tail = try await ask(site, "/a.txt", headers: [.range: "bytes=4-"])
            #expect(tail.status == 206 && tail.body == "ef")
        }

        /// A rebuild gives a changed file a new validator, even within the same second and size.
        @Test func aRebuiltFileIsNeverNotModified() async throws {
            let store = SiteStore(basePath: "/", pageInjection: "")
            var outcome = PreviewSession.Outcome()
            outcome.changed = ["a.txt"]
            store.apply(outcome, files: ["a.txt": Array("one".utf8)])
            let site = StaticResponder(store: store)
            let etag = try #require(try await ask(site, "/a.txt").header(.eTag))
            store.apply(outcome, files: ["a.txt": Array("two".utf8)])
            let again = try await ask(site, "/a.txt", headers: [.ifNoneMatch: etag])
            #expect(again.status == 200 && again.body == "two")
        }

        @Test func beforeAnyGoodBuildEveryPageWaitsForTheFix() async throws {
            let page = try await ask(responder([:]), "/articles/a/")
            #expect(page.status == 503)
            #expect(page.body.contains("<script src=\"/x.js\"></script>"))
        }

        @Test func aSiteUnderASubfolder() async throws {
            let site = responder(["index.html": "home", "a/index.html": "A"], basePath: "/legs/")
            #expect(try await ask(site, "/").header(.location) == "/legs/")
            #expect(try await ask(site, "/legs").header(.location) == "/legs/")
            #expect(try await ask(site, "/legs/").status == 200)
            #expect(try await ask(site, "/legs/a").header(.location) == "/legs/a/")
            #expect(try await ask(site, "/legs/a/").body.hasSuffix("</script>A"))
            #expect(try await ask(site, "/other/").status == 404)
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
