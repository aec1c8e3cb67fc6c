import DermaSitePreview
import DermaSiteTestSupport
import Foundation
import Testing

extension PreviewTests {
    /// `dermasite serve` and `dermasite build --watch` as processes, stopped with SIGTERM as a
    /// terminal's Ctrl-C or a process manager would.
    @Suite(.serialized) struct ServeCommandTests {
        static let binary = BuiltTool.dermasite

        /// A copy of the bundled site in a temporary folder.
        static func site() throws -> String {
            let root = NSTemporaryDirectory() + "dermasite-cli-" + UUID().uuidString
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
            for folder in ["Content", "Templates"] {
                try FileManager.default.copyItem(atPath: PreviewFixture.projectRoot + "/" + folder, toPath: root + "/" + folder)
            }
            return root
        }

        final class Running: @unchecked Sendable {
            let process = Process()
            private let lock = NSLock()
            private var text = ""

            init(_ arguments: [String], in directory: String) throws {
                process.executableURL = URL(fileURLWithPath: ServeCommandTests.binary)
                process.arguments = arguments
                process.currentDirectoryURL = URL(fileURLWithPath: directory)
                let pipe = Pipe()
                process.standardOutput = pipe
                process.standardError = pipe
                pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
                    let data = handle.availableData
                    guard !data.isEmpty else { return }
                    self?.lock.withLock { self?.text += String(decoding: data, as: UTF8.self) }
                }
                try process.run()
            }

            var output: String { lock.withLock { text } }

            func waitFor(_ needle: String, timeout: Double = 20) async -> Bool {
                let deadline = Date().addingTimeInterval(timeout)
                while Date() < deadline {
                    if output.contains(needle) { return true }
                    try? await Task.sleep(for: .milliseconds(20))
                }
                return false
            }

            /// SIGTERM, then how long the process took to exit (nil: still running after 5 s).
            func terminate() async -> Double? {
                let start = Date()
                process.terminate()
                while process.isRunning && Date().timeIntervalSince(start) < 5 { try? await Task.sleep(for: .milliseconds(10)) }
                if process.isRunning {
                    kill(process.processIdentifier, SIGKILL)
                    return nil
                }
                return Date().timeIntervalSince(start)
            }
        }

        /// The port a `serve --port 0` says it bound.
        static func boundPort(_ output: String, host: String) -> Int? {
            output.components(separatedBy: "Serving http://\(host):").last?.components(separatedBy: "/").first.flatMap { Int($0) }
        }

        @Test func serveStopsPromptlyOnSIGTERMWithABrowserConnected() async throws {
            let root = try Self.site()
            defer { try? FileManager.default.removeItem(atPath: root) }
            let server = try Running(["serve", "--port", "0"], in: root)
            #expect(await server.waitFor("Serving http://127.0.0.1:"), "\(server.output)")
            let port = try #require(Self.boundPort(server.output, host: "127.0.0.1"))
            let client = try SSETestClient(port: port)
            defer { client.close() }
            #expect(await client.wait(for: "hello") != nil)
            let page = try HTTPTestClient.request(port: port, "GET", "/dermatomes/")
            #expect(page.status == 200)
            let took = try #require(await server.terminate(), "still running 5 s after SIGTERM")
            #expect(took < 2, "took \(took) s")
            #expect(server.process.terminationStatus == 0)
            #expect(!FileManager.default.fileExists(atPath: root + "/Public"))
        }

        /// `--host ::1 --port 0`: IPv6 loopback, a free port, and the address actually bound printed.
        @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/net/if_inet6"), "this machine has no IPv6"))
        func serveOnIPv6WithAnyFreePort() async throws {
            let root = try Self.site()
            defer { try? FileManager.default.removeItem(atPath: root) }
            let server = try Running(["serve", "--host", "::1", "--port", "0"], in: root)
            #expect(await server.waitFor("Serving http://[::1]:"), "\(server.output)")
            let port = try #require(Self.boundPort(server.output, host: "[::1]"))
            #expect(port > 0)
            // Foundation's URLSession on Linux cannot open an IPv6 literal address: Python's client can.
            let fetch = Process()
            fetch.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            // The page names its own address, port included: the build used the port actually bound.
            fetch.arguments = ["python3", "-c", "import urllib.request, sys; r = urllib.request.urlopen(sys.argv[1], timeout=10); "
                + "print(r.status, 'rel=\"canonical\" href=\"' + sys.argv[1] + '\"' in r.read().decode())", "http://[::1]:\(port)/dermatomes/"]
            let pipe = Pipe()
            fetch.standardOutput = pipe
            try fetch.run()
            let answer = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            fetch.waitUntilExit()
            #expect(answer.trimmingCharacters(in: .whitespacesAndNewlines) == "200 True", "\(answer)")
            _ = await server.terminate()
        }

        @Test func serveRefusesABusyPort() async throws {
            let root = try Self.site()
            defer { try? FileManager.default.removeItem(atPath: root) }
            let first = try Running(["serve", "--port", "0"], in: root)
            #expect(await first.waitFor("Serving"))
            let port = try #require(Self.boundPort(first.output, host: "127.0.0.1"))
            let second = try Running(["serve", "--port", String(port)], in: root)
            while second.process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
            #expect(second.process.terminationStatus == 1)
            #expect(second.output.contains("cannot serve on 127.0.0.1:\(port)"), "\(second.output)")
            // The port is bound before anything is built: a busy port costs no build.
            #expect(!second.output.contains("Built "), "\(second.output)")
            _ = await first.terminate()
        }

        @Test func buildWatchRewritesOnlyWhatChanged() async throws {
            let root = try Self.site()
            defer { try? FileManager.default.removeItem(atPath: root) }
            let watcher = try Running(["build", "--watch"], in: root)
            #expect(await watcher.waitFor("Watching"), "\(watcher.output)")
            let page = root + "/Public/articles/sensory-exam/index.html"
            let home = root + "/Public/index.html"
            let homeBefore = try FileManager.default.attributesOfItem(atPath: home)[.modificationDate] as? Date
            let article = root + "/Content/articles/sensory-exam.md"
            let text = try String(contentsOfFile: article, encoding: .utf8)
            try (text + "\nWritten while watching.\n").write(toFile: article, atomically: true, encoding: .utf8)
            #expect(await watcher.waitFor("Rebuilt in"), "\(watcher.output)")
            #expect(try String(contentsOfFile: page, encoding: .utf8).contains("Written while watching."), "\(watcher.output)")
            #expect(try FileManager.default.attributesOfItem(atPath: home)[.modificationDate] as? Date == homeBefore)
            // A broken edit leaves Public/ as it was.
            let before = try String(contentsOfFile: page, encoding: .utf8)
            try (text + "\n[x](nowhere.md)\n").write(toFile: article, atomically: true, encoding: .utf8)
            #expect(await watcher.waitFor("Build failed"), "\(watcher.output)")
            #expect(watcher.output.contains("Content/articles/sensory-exam.md:"))
            #expect(try String(contentsOfFile: page, encoding: .utf8) == before)
            #expect(await watcher.terminate() != nil)
            // What watch mode wrote is what a build writes: the next build finds nothing to change.
            try text.write(toFile: article, atomically: true, encoding: .utf8)
            let build = try Running(["build"], in: root)
            while build.process.isRunning { try await Task.sleep(for: .milliseconds(20)) }
            #expect(build.process.terminationStatus == 0)
        }
    }
}
