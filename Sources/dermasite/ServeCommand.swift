import ArgumentParser
import DermaSite
import DermaSitePreview
import Foundation

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it locally and rebuild it on every save, with live reload.",
        discussion: """
        The site is built into memory and served from there, so Public/ is not touched. Pages reload \
        in the browser when they change; a stylesheet change is applied without a reload. A failed \
        rebuild keeps the last good site served and shows the errors over the page.
        """
    )

    @OptionGroup var rootOption: RootOption
    var root: String { rootOption.root }

    @Option(help: ArgumentHelp("Address to listen on. Anything but a loopback address shares the preview (drafts too) with your network.", valueName: "address"))
    var host = "127.0.0.1"

    @Option(help: ArgumentHelp("Port to listen on (0 picks a free one).", valueName: "port"))
    var port = 8080

    @OptionGroup var contentOptions: ContentOptions

    @Flag(help: "Look for changes by polling instead of inotify (for network and container mounts).")
    var poll = false

    @OptionGroup var todayOption: TodayOption

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard !host.isEmpty, !host.contains("/") else { throw ValidationError("--host '\(host)' is not an address") }
        if outputOptions.quiet && outputOptions.verbose {
            throw ValidationError("--quiet and --verbose cannot be used together")
        }
    }

    func run() async throws {
        let terminal = Terminal()
        let shownHost = host.contains(":") ? "[\(host)]" : host
        var options = BuildOptions(root: absolute(root), includeDrafts: contentOptions.drafts)
        options.linksMustResolve = !contentOptions.allowBrokenLinks
        options.today = todayOption.day
        let reporter = RebuildReporter(terminal: terminal, root: root, quiet: outputOptions.quiet,
                                       verbose: outputOptions.verbose, keptNote: "still serving the last good build",
                                       firstFailureNote: "pages show the errors until a save fixes them",
                                       explain: outputOptions.explain)
        // No site at all: nothing a save could fix, so no server to keep waiting.
        if let noSite = SiteBuilder().noSite(options.root) {
            reporter.failed(BuildFailure(step: "find the site", diagnostics: [noSite]), first: true)
            throw ExitCode(1)
        }
        // The site is built once the port is bound, for the address actually bound (--port 0).
        let session = PreviewSession(options: options, destination: .memory)
        let store = SiteStore(basePath: "/")
        if !isLoopback(host) {
            terminal.printError("warning: serving on \(host): anyone who can reach this machine can see the preview, drafts included")
        }
        let watcher = makeFileWatcher(WatchSettings(root: options.root), polling: poll)
        var server = PreviewServer(session: session, store: store, host: host, port: port, watcher: watcher) { entry in
            switch entry {
            case let .firstBuild(outcome): reporter.report(outcome, first: true)
            case let .rebuilt(outcome): reporter.report(outcome)
            case let .failed(failure): reporter.failed(failure)
            }
        }
        // Ctrl-C during a long rebuild exits at once: the preview is in memory, nothing to lose.
        server.exitAfterShutdownSignal = 1.0
        do {
            try await server.run { port in
                if !outputOptions.quiet {
                    terminal.printOut("Serving http://\(shownHost):\(port)/ (press Ctrl-C to stop)")
                    // Listening on every address: say which one a phone on the same network opens.
                    if ["0.0.0.0", "::"].contains(host) {
                        for address in localNetworkAddresses() {
                            terminal.printOut("On a phone on the same network, open http://\(address):\(port)/")
                        }
                    }
                }
            }
        } catch let error as FileSystemError {
            terminal.printError("error: \(error)")
            throw ExitCode(1)
        } catch {
            terminal.printError("error: cannot serve on \(shownHost):\(port): \(error). Is another server using the port? Try --port \(port + 1).")
            throw ExitCode(1)
        }
    }

    private func isLoopback(_ host: String) -> Bool {
        host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}

/// This machine's IPv4 addresses on its networks (not loopback), for the phone preview.
func localNetworkAddresses() -> [String] {
    var addresses: [String] = []
    var first: UnsafeMutablePointer<ifaddrs>?
    guard getifaddrs(&first) == 0 else { return [] }
    defer { freeifaddrs(first) }
    var current = first
    while let entry = current {
        defer { current = entry.pointee.ifa_next }
        guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
              entry.pointee.ifa_flags & UInt32(IFF_LOOPBACK) == 0, entry.pointee.ifa_flags & UInt32(IFF_UP) != 0 else { continue }
        var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
        if getnameinfo(address, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST) == 0 {
            addresses.append(String(cString: host))
        }
    }
    return Array(Set(addresses)).sorted()
}
