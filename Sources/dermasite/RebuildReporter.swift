import DermaSite
import DermaSitePreview
import Foundation

/// How `serve` and `build --watch` report each rebuild: one line on success; on failure every
/// diagnostic, then a line saying the last good site is still the one served or written.
struct RebuildReporter: Sendable {
    let terminal: Terminal
    let root: String
    let quiet: Bool
    let verbose: Bool
    /// "still serving" or "Public/ left as it was".
    let keptNote: String
    /// The same when there has been no good build yet.
    var firstFailureNote: String
    /// List the routes after the first build, and why each output was made again after a rebuild.
    var explain = false

    func report(_ outcome: PreviewSession.Outcome, first: Bool = false) {
        if let failure = outcome.failure {
            failed(failure, first: first)
            return
        }
        guard let report = outcome.report else { return }
        if first {
            for diagnostic in report.diagnostics where !quiet { terminal.printError(terminal.format(diagnostic, root: root)) }
        }
        guard !quiet else { return }
        let time = milliseconds(outcome.seconds)
        if first {
            let warnings = report.diagnostics.warnings.count
            terminal.printOut("Built \(report.pagesRendered) pages, \(outcome.changed.count) files in \(time)"
                + (warnings > 0 ? ", \(warnings) warning\(warnings == 1 ? "" : "s") (dermasite check lists them)" : ""))
            if explain { terminal.printOut(RouteExplainer.table(report)) }
            return
        }
        let changed = outcome.changed.count + outcome.removed.count
        var line = "Rebuilt in \(time): \(report.outputsRendered.count) rendered, \(changed) changed"
        if changed > 0 {
            let names = (outcome.changed + outcome.removed.map { "\($0) (removed)" })
            line += " (" + names.prefix(4).joined(separator: ", ") + (names.count > 4 ? ", …" : "") + ")"
        }
        terminal.printOut(line)
        if explain { terminal.printOut(RouteExplainer.reasons(report)) }
        if verbose {
            for step in report.steps { terminal.printOut(stepLine(step)) }
        }
    }

    func failed(_ failure: BuildFailure, first: Bool = false) {
        terminal.show(failure.diagnostics, root: root, quiet: quiet)
        let errors = failure.diagnostics.errors.count
        let kept = first ? firstFailureNote : keptNote
        terminal.printError("Build failed at '\(failure.step)': \(errors) error\(errors == 1 ? "" : "s"); \(kept). Fix the file and save to rebuild.")
    }
}
