import ArgumentParser
import DermaSite
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Build the site in memory and report every problem, without writing anything.",
        discussion: "Checks content, templates and the data set, and every internal link and #anchor. Exit status 1 when there are errors; warnings alone do not fail."
    )

    @OptionGroup var rootOption: RootOption
    var root: String { rootOption.root }

    @OptionGroup var contentOptions: ContentOptions

    @OptionGroup var todayOption: TodayOption

    @OptionGroup var outputOptions: OutputOptions

    /// One row per page: the scores the health-information standards ask for.
    private func printReadability(_ pages: [PageReadability], target: Double, _ terminal: Terminal) {
        guard !pages.isEmpty else { return }
        func pad(_ text: String, _ width: Int) -> String {
            text.count >= width ? String(text.prefix(width - 1)) + "…" : text + String(repeating: " ", count: width - text.count)
        }
        func number(_ value: Double) -> String { String(format: "%5.1f", value) }
        terminal.printOut("Reading level (Flesch–Kincaid grade; target \(String(format: "%g", target)) or lower):")
        terminal.printOut("  \(pad("page", 44)) \(pad("words", 6)) grade  ease  SMOG")
        for page in pages {
            let score = page.score
            terminal.printOut("  \(pad("/" + page.sitePath, 44)) \(pad(String(score.words), 6))\(number(score.fleschKincaidGrade)) \(number(score.fleschReadingEase)) \(number(score.smog))")
        }
    }

    func run() throws {
        let terminal = Terminal()
        var options = BuildOptions(root: absolute(root), includeDrafts: contentOptions.drafts)
        options.linksMustResolve = !contentOptions.allowBrokenLinks
        options.today = todayOption.day
        do {
            let (files, report) = try SiteBuilder().render(options)
            terminal.show(report.diagnostics, root: root, quiet: outputOptions.quiet)
            if !outputOptions.quiet {
                printReadability(report.readability, target: report.readingGradeTarget, terminal)
                let warnings = report.diagnostics.warnings.count
                terminal.printOut("Checked \(report.pagesRendered) pages and \(files.count) files: no errors, \(warnings) warning\(warnings == 1 ? "" : "s").")
            }
        } catch let failure as BuildFailure {
            terminal.show(failure.diagnostics, root: root, quiet: outputOptions.quiet)
            let errors = failure.diagnostics.errors.count, warnings = failure.diagnostics.warnings.count
            terminal.printError("Check failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s").")
            throw ExitCode(1)
        }
    }
}
