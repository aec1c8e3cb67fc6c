import DermaSite
@testable import DermaSitePreview
import Foundation
import Testing

extension PreviewTests {
    /// The preview server as an author uses it: a real server on a free loopback port, a real watcher,
    /// a live-reload client connected, and files edited on disk.
    @Suite(.serialized) struct PreviewServerTests {
        static let article = "Content/articles/sensory-exam.md"

        @Test func editsReachTheBrowserAndTheServedPages() async throws {
            let site = try await PreviewFixture()
            let client = try SSETestClient(port: site.port)
            defer { client.close() }
            #expect(await client.wait(for: "hello") != nil)

            // An article: its page reloads and shows the new text.
            try site.edit(Self.article) { $0 + "\nA sentence added while serving.\n" }
            let built = try #require(await client.wait(for: "built") { $0.contains("/articles/sensory-exam/") })
            #expect(!built.data.contains("\"/\""), "the home page does not show an article's body")
            #expect(try site.get("/articles/sensory-exam/").text.contains("A sentence added while serving."))

            // A partial: every page that includes it.
            var seen = client.received.count
            try site.edit("Templates/partials/footer.mustache") { $0.replacingOccurrences(of: "</footer>", with: "<p>Footer edit</p></footer>") }
            #expect(await client.wait(for: "built", after: seen) { $0.contains("/dermatomes/l4/") } != nil)
            #expect(try site.get("/").text.contains("Footer edit"))

            // The data set: the root pages show the new fact.
            seen = client.received.count
            try site.edit(AtlasLoader.rootsPath) { $0.replacingOccurrences(of: "summary: \"", with: "summary: \"Edited summary. ") }
            #expect(await client.wait(for: "built", after: seen) { $0.contains("/dermatomes/l4/") } != nil)
            #expect(try site.get("/dermatomes/l4/").text.contains("Edited summary."))

            // A stylesheet: swapped in place, no page reload.
            seen = client.received.count
            try site.edit("Templates/assets/style.css") { $0 + "\n.test-rule { color: red; }\n" }
            let styled = try #require(await client.wait(for: "built", after: seen) { $0.contains("stylesheets\":[{") })
            #expect(styled.data.contains("\"reload\":[]"))
            let event = try JSONDecoder().decode(ReloadEvent.self, from: Data(styled.data.utf8))
            let sheet = try site.get(try #require(event.stylesheets.first).to)
            #expect(sheet.status == 200 && sheet.text.contains(".test-rule"))
            #expect(sheet.headers["content-type"] == "text/css; charset=utf-8")
            await site.stop()
        }

        @Test func aBrokenEditShowsTheErrorAndKeepsServing() async throws {
            let site = try await PreviewFixture()
            let client = try SSETestClient(port: site.port)
            defer { client.close() }
            #expect(await client.wait(for: "hello") != nil)
            let before = try site.get("/articles/sensory-exam/").text
            let original = try site.read(Self.article)
            try site.write(Self.article, original + "\nSee [this](missing-page.md).\n")
            let failed = try #require(await client.wait(for: "failed"))
            let lines = original.split(separator: "\n", omittingEmptySubsequences: false).count
            #expect(failed.data.contains("Content/articles/sensory-exam.md:\(lines + 1):5"))
            #expect(failed.data.contains("missing-page.md"))
            // The last good page is still served, and a browser that opens now is told at once.
            let during = try site.get("/articles/sensory-exam/")
            #expect(during.status == 200 && during.text == before)
            let late = try SSETestClient(port: site.port)
            defer { late.close() }
            #expect(await late.wait(for: "failed") != nil)
            // Fixing the file clears it.
            let seen = client.received.count
            try site.write(Self.article, original + "\nA fixed sentence.\n")
            #expect(await client.wait(for: "built", after: seen) != nil)
            #expect(try site.get("/articles/sensory-exam/").text.contains("A fixed sentence."))
            await site.stop()
        }

        @Test func servesLikeAStaticServer() async throws {
            let site = try await PreviewFixture()
            let home = try site.get("/")
            #expect(home.status == 200)
            #expect(home.headers["content-type"] == "text/html; charset=utf-8")
            #expect(home.text.contains(LiveReloadScript.tag), "serve mode adds the live-reload script")
            #expect(site.session.files["index.html"].map { String(decoding: $0, as: UTF8.self).contains("__dermasite") } == false,
                    "the built page itself has no script")
            #expect(!FileManager.default.fileExists(atPath: site.root + "/Public"), "serve builds into memory")

            let etag = try #require(home.headers["etag"])
            #expect(try site.get("/", headers: ["If-None-Match": etag]).status == 304)
            let modified = try #require(home.headers["last-modified"])
            #expect(try site.get("/", headers: ["If-Modified-Since": modified]).status == 304)
            let head = try site.get("/", method: "HEAD")
            #expect(head.status == 200 && head.body.isEmpty && head.headers["content-length"] == String(home.body.count))
            #expect(try site.get("/", method: "POST").status == 405)

            let folder = try site.get("/articles")
            #expect(folder.status == 301 && folder.headers["location"] == "/articles/")
            let missing = try site.get("/no/such/page/")
            #expect(missing.status == 404 && missing.text.contains("Page not found"))
            #expect(try site.get("/dermatomes/charts/clinical-front.svg").headers["content-type"] == "image/svg+xml")
            #expect(try site.get("/feed.xml").headers["content-type"] == "application/atom+xml; charset=utf-8")
            #expect(try site.get(LiveReloadScript.path).text.contains("EventSource"))

            // Nothing outside the site, however the path is spelled.
            for target in ["/../Package.swift", "/%2e%2e/Package.swift", "/articles/..%2f..%2fContent/site.yml",
                           "/articles/%2e%2e/%2e%2e/Content/site.yml", "/%2E%2E%2F%2E%2E%2Fetc/passwd", "/a%00b",
                           "/articles/..\\..\\Content\\site.yml"] {
                let answer = try site.get(target)
                #expect(answer.status == 403 || answer.status == 404, "\(target) gave \(answer.status)")
                #expect(!answer.text.contains("title: Leg Dermatomes"), "\(target) leaked a file")
            }
            // No listing for a folder without an index page.
            #expect(try site.get("/assets/").status == 404)
            await site.stop()
        }

        @Test func shutsDownPromptlyWithBrowsersConnected() async throws {
            let site = try await PreviewFixture()
            let clients = try (0..<5).map { _ in try SSETestClient(port: site.port) }
            for client in clients { #expect(await client.wait(for: "hello") != nil) }
            let took = await site.stop()
            #expect(took < .seconds(2), "shutdown took \(took)")
            for client in clients {
                #expect(await client.waitUntilClosed(timeout: 2))
                client.close()
            }
        }

        @Test func pollingWatcherAlsoRebuilds() async throws {
            let site = try await PreviewFixture(polling: true)
            let client = try SSETestClient(port: site.port)
            defer { client.close() }
            #expect(await client.wait(for: "hello") != nil)
            try site.edit(Self.article) { $0 + "\nPolled sentence.\n" }
            #expect(await client.wait(for: "built") { $0.contains("/articles/sensory-exam/") } != nil)
            #expect(try site.get("/articles/sensory-exam/").text.contains("Polled sentence."))
            await site.stop()
        }

        /// 200 connections at once for 10 seconds, each request on its own connection; bounded in
        /// count and time, loopback only.
        @Test func holdsUpUnderConcurrentLoad() async throws {
            let site = try await PreviewFixture()
            let port = site.port
            let workers = 200
            let stopAt = Date().addingTimeInterval(10)
            let results = LoadResults()
            await withTaskGroup(of: Void.self) { group in
                for worker in 0..<workers {
                    group.addTask {
                        let thread = Thread {
                            let targets = ["/", "/articles/sensory-exam/", "/dermatomes/l4/", "/feed.xml", "/missing/"]
                            var n = 0
                            while Date() < stopAt && n < 2_000 {
                                let target = targets[(worker + n) % targets.count]
                                do {
                                    let response = try HTTPTestClient.request(port: port, "GET", target)
                                    results.record(ok: response.status == (target == "/missing/" ? 404 : 200))
                                } catch {
                                    results.record(ok: false, error: "\(error)")
                                }
                                n += 1
                            }
                            results.finish()
                        }
                        thread.stackSize = 256 * 1024
                        thread.start()
                    }
                }
            }
            while results.finished < workers { try await Task.sleep(for: .milliseconds(100)) }
            #expect(results.failures == 0, "failures: \(results.failures) of \(results.total), first: \(results.firstError ?? "-")")
            #expect(results.total > workers)
            await site.stop()
        }
    }

    final class LoadResults: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var total = 0
        private(set) var failures = 0
        private(set) var finished = 0
        private(set) var firstError: String?

        func record(ok: Bool, error: String? = nil) {
            lock.withLock {
                total += 1
                if !ok {
                    failures += 1
                    if firstError == nil { firstError = error ?? "wrong status" }
                }
            }
        }

        func finish() { lock.withLock { finished += 1 } }
    }
}
