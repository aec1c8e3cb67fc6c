import DermaSite
import Foundation
import Synchronization

/// Output manners: colour only on a terminal and never with NO_COLOR; diagnostics on stderr.
struct Terminal: Sendable {
    let colourErrors: Bool
    let stderrIsTerminal: Bool

    init() {
        let noColour = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        let dumb = ProcessInfo.processInfo.environment["TERM"] == "dumb"
        stderrIsTerminal = isatty(STDERR_FILENO) == 1
        colourErrors = stderrIsTerminal && !noColour && !dumb
    }

    private func paint(_ text: String, _ code: String) -> String {
        colourErrors ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }

    /// `Content/a.md:3:7: error: message`, with the root as the user typed it in front.
    func format(_ diagnostic: Diagnostic, root: String) -> String {
        var shown = diagnostic
        if root != ".", diagnostic.file.hasPrefix("Content") || diagnostic.file.hasPrefix("Templates") {
            shown.file = FilePath.join(root, diagnostic.file)
        }
        let label = diagnostic.severity == .error ? paint("error:", "1;31") : paint("warning:", "1;33")
        return "\(paint(shown.location + ":", "1")) \(label) \(diagnostic.message)"
    }

    func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    func printOut(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }

    /// Rewrites one status line on a terminal; silent otherwise.
    func progress(_ line: String) {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    func clearProgress() {
        guard stderrIsTerminal else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}

extension Terminal {
    /// Every diagnostic on stderr, in report order; with `quiet`, errors only.
    func show(_ diagnostics: [Diagnostic], root: String, quiet: Bool) {
        for diagnostic in diagnostics where !(quiet && diagnostic.severity == .warning) {
            printError(format(diagnostic, root: root))
        }
    }
}

/// Shows a progress line only once a build has taken more than a moment.
final class ProgressLine: Sendable {
    private let terminal: Terminal
    private let start = ContinuousClock.now
    /// Whether the line was shown; the lock also keeps two steps from writing at once.
    private let shown = Mutex(false)

    init(terminal: Terminal) { self.terminal = terminal }

    func step(_ name: String) {
        shown.withLock { shown in
            guard ContinuousClock.now - start > .milliseconds(300) else { return }
            shown = true
            terminal.progress("building: \(name)…")
        }
    }

    func finish() {
        shown.withLock { if $0 { terminal.clearProgress() } }
    }
}
