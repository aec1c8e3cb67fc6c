import DermaSite
import DermaSiteLinks
import Foundation
import Hummingbird
import HTTPTypes
import Logging
import ServiceLifecycle
import Synchronization
import Testing

extension PreviewTests {
    /// `check --external` against a server on 127.0.0.1 (no real host is reachable here or in CI):
    /// good links, 404s, redirect chains, a loop, a 429 with Retry-After, a server that refuses
    /// HEAD and one too slow to answer. Then a second run, which must ask nothing.
    @Suite struct ExternalLinkCheckTests {
        final class Hits: Sendable {
            let count = Atomic(0)
        }

        static func respond(_ request: Request, hits: Hits) async -> Response {
            hits.count.add(1, ordering: .relaxed)
            func redirect(_ status: HTTPResponse.Status, _ to: String) -> Response {
                Response(status: status, headers: [.location: to])
            }
            switch request.uri.path {
            case "/ok", "/page": return Response(status: .ok)
            case "/gone": return Response(status: .notFound)
            case "/old": return redirect(.movedPermanently, "/older")
            case "/older": return redirect(.movedPermanently, "/page")
            case "/for-now": return redirect(.found, "/ok")
            case "/loop-a": return redirect(.found, "/loop-b")
            case "/loop-b": return redirect(.found, "/loop-a")
            case "/busy": return Response(status: .tooManyRequests, headers: [.retryAfter: "120"])
            case "/get-only": return Response(status: request.method == .head ? .methodNotAllowed : .ok)
            case "/big-get-only":
                // The check stops reading at the body's first bytes (libcurl calls that a write
                // error): still an answer, 200.
                if request.method == .head { return Response(status: .methodNotAllowed) }
                return Response(status: .ok, body: ResponseBody(byteBuffer: ByteBuffer(repeating: UInt8(ascii: "x"), count: 4 << 20)))
            case "/doi/10.1000/x": return redirect(.movedPermanently, "/ok")
            case "/slow":
                try? await Task.sleep(for: .seconds(3))
                return Response(status: .ok)
            default: return Response(status: .notFound)
            }
        }

        @Test func reportsEachProblemAtItsLineAndAsksNothingTheSecondTime() async throws {
            let hits = Hits()
            let ready = AsyncStream<Int>.makeStream()
            var logger = Logger(label: "link-check-test")
            logger.logLevel = .critical
            let app = Application(
                responder: CallbackResponder { (request: Request, _: BasicRequestContext) in await Self.respond(request, hits: hits) },
                configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
                onServerRunning: { channel in ready.continuation.yield(channel.localAddress?.port ?? 0) },
                logger: logger
            )
            let group = ServiceGroup(configuration: .init(services: [app], logger: logger))
            let running = Task { try await group.run() }
            var iterator = ready.stream.makeAsyncIterator()
            let port = try #require(await iterator.next())
            let base = "http://127.0.0.1:\(port)"
            let paths = ["/ok", "/gone", "/old", "/for-now", "/loop-a", "/busy", "/get-only", "/slow", "/big-get-only"]
            var uses = paths.enumerated().map { ExternalLinkUse(url: base + $1, file: "Content/articles/a.md", line: 10 + $0, column: 3) }
            uses.append(ExternalLinkUse(url: base + "/doi/10.1000/x", file: "Content/articles/a.md", line: 40, column: 5, isDOI: true))
            uses.append(ExternalLinkUse(url: base + "/gone", file: "Content/articles/b.md", line: 4, column: 1))

            var settings = ExternalLinkSettings()
            settings.timeoutSeconds = 1
            settings.delayMilliseconds = 10
            let checker = ExternalLinkChecker(settings: settings, today: Day(iso: "2026-12-02")!)
            let root = NSTemporaryDirectory() + "dermasite-links-" + UUID().uuidString
            defer { try? FileManager.default.removeItem(atPath: root) }
            var cache = LinkCache.load(root: root)
            let first = await checker.check(uses, cache: &cache)
            try cache.save(root: root)
            let found = first.diagnostics.map(\.description)
            #expect(found == [
                "Content/articles/a.md:11:3: error: link to '\(base)/gone' is broken: the site answers 404 Not Found",
                "Content/articles/a.md:12:3: warning: link to '\(base)/old' has moved permanently (301); use '\(base)/page' (301 to \(base)/older, then 301 to \(base)/page)",
                "Content/articles/a.md:14:3: error: link to '\(base)/loop-a' goes round in a loop of redirects (302 to \(base)/loop-b, then 302 to \(base)/loop-a)",
                "Content/articles/a.md:15:3: warning: could not check '\(base)/busy': the site refused the check (429 Too Many Requests, and asks to wait 120 s); check it in a browser, or list its host in external_links: skip_hosts",
                "Content/articles/a.md:17:3: warning: could not check '\(base)/slow': no answer within 1 s; it may be slow or down",
                "Content/articles/b.md:4:1: error: link to '\(base)/gone' is broken: the site answers 404 Not Found",
            ], "\(found)")
            #expect(first.asked == 10 && first.fromCache == 0 && first.addresses == 10)
            let requests = hits.count.load(ordering: .relaxed)
            #expect(requests >= 15, "each hop and the GET after a refused HEAD is a request: \(requests)")

            // The second run reads the cache file: the same report, and no request at all.
            var again = LinkCache.load(root: root)
            let second = await checker.check(uses, cache: &again)
            #expect(second.diagnostics.map(\.description) == found)
            #expect(second.asked == 0 && second.fromCache == 10)
            #expect(hits.count.load(ordering: .relaxed) == requests, "the second run asked the server nothing")

            // The next day only the inconclusive answers (the 429 and the slow server) are asked again.
            var nextDay = LinkCache.load(root: root)
            let tomorrow = await ExternalLinkChecker(settings: settings, today: Day(iso: "2026-12-03")!).check(uses, cache: &nextDay)
            #expect(tomorrow.asked == 2 && tomorrow.fromCache == 8, "asked \(tomorrow.asked)")

            // After recheck_after_days the addresses are asked again; a skipped host never is.
            var later = ExternalLinkChecker(settings: settings, today: Day(iso: "2026-12-09")!)
            later.settings.skipHosts = ["127.0.0.1"]
            var third = LinkCache.load(root: root)
            let skipped = await later.check(uses, cache: &third)
            #expect(skipped.skipped == 10 && skipped.asked == 0 && skipped.diagnostics.isEmpty)

            await group.triggerGracefulShutdown()
            _ = await running.result
        }
    }
}
