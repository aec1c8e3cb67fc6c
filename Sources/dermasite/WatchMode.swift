import ArgumentParser
import DermaSite
import DermaSitePreview
import Foundation

/// `dermasite build --watch`: a full build, then a rebuild into the output for every save,
/// re-rendering only what the save affects. Runs until SIGINT or SIGTERM; a rebuild in progress
/// finishes its writes first.
struct WatchMode {
    let options: BuildOptions
    let outputName: String
    let root: String
    let poll: Bool
    let outputOptions: OutputOptions

    func run() async throws {
        let terminal = Terminal()
        let session = PreviewSession(options: options, destination: .folder(options.output, displayName: outputName))
        let reporter = RebuildReporter(terminal: terminal, root: root, quiet: outputOptions.quiet,
                                       verbose: outputOptions.verbose, keptNote: "\(outputName) was left as it was",
                                       firstFailureNote: "\(outputName) was left as it was",
                                       explain: outputOptions.explain)
        reporter.report(session.rebuild(.everything), first: true)
        let watcher = makeFileWatcher(WatchSettings(root: options.root), polling: poll)
        var loop = RebuildLoop(session: session, watcher: watcher) { outcome, _ in reporter.report(outcome) }
        // Ctrl-C during a long rebuild exits at once: the output is whole at any moment.
        loop.exitAfterShutdownSignal = 1.0
        do {
            try loop.startWatching()
            if !outputOptions.quiet {
                terminal.printOut("Watching \(root == "." ? "Content/ and Templates/" : root) for changes (press Ctrl-C to stop)")
            }
            try await loop.runUntilSignalled()
        } catch {
            terminal.printError("error: cannot watch \(root) for changes: \(error)")
            throw ExitCode(1)
        }
    }
}
