import DermaSite
import DermaSitePreview
import Foundation

/// `dermasite build --watch`: a full build, then a rebuild into the output for every save,
/// re-rendering only what the save affects. Runs until SIGINT or SIGTERM.
struct WatchMode {
    let options: BuildOptions
    let outputName: String
    let root: String
    let poll: Bool
    let outputOptions: OutputOptions

    func run() -> Never {
        let terminal = Terminal()
        let session = PreviewSession(options: options, destination: .folder(options.output, displayName: outputName))
        let reporter = RebuildReporter(terminal: terminal, root: root, quiet: outputOptions.quiet,
                                       verbose: outputOptions.verbose, keptNote: "\(outputName) was left as it was")
        let queue = DispatchQueue(label: "dermasite-rebuild")
        queue.sync { reporter.report(session.rebuild(.everything), first: true) }
        let watcher = makeFileWatcher(WatchSettings(root: options.root), polling: poll)
        do {
            try watcher.start { changes in queue.async { reporter.report(session.rebuild(changes)) } }
        } catch {
            terminal.printError("error: cannot watch \(root) for changes: \(error)")
            exit(1)
        }
        if !outputOptions.quiet { terminal.printOut("Watching \(root == "." ? "Content/ and Templates/" : root) for changes (press Ctrl-C to stop)") }
        var sources: [DispatchSourceSignal] = []
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: queue)
            // On the rebuild queue: a rebuild in progress finishes its writes first.
            source.setEventHandler {
                watcher.stop()
                exit(0)
            }
            source.resume()
            sources.append(source)
        }
        withExtendedLifetime(sources) { dispatchMain() }
    }
}
