import ArgumentParser
import DermaSite
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Build the site in memory and report every problem, without writing anything.",
        discussion: "Checks content, templates and the data set, and every internal link and #anchor. Exit status 1 when there are errors; warnings alone do not fail."
    )

    @Option(help: ArgumentHelp("The site folder (holding Content/ and Templates/).", valueName: "dir"))
    var root = "."

    @Flag(help: "Include articles marked 'draft: true'.")
    var drafts = false

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--root '\(root)' is not a folder")
        }
    }

    func run() throws {
        let terminal = Terminal()
        let options = BuildOptions(root: absolute(root), includeDrafts: drafts)
        do {
            let (files, report) = try SiteBuilder().render(options)
            for diagnostic in report.diagnostics where !(outputOptions.quiet && diagnostic.severity == .warning) {
                terminal.printError(terminal.format(diagnostic, root: root))
            }
            if !outputOptions.quiet {
                let warnings = report.diagnostics.warnings.count
                terminal.printOut("Checked \(report.pagesRendered) pages and \(files.count) files: no errors, \(warnings) warning\(warnings == 1 ? "" : "s").")
            }
        } catch let failure as BuildFailure {
            for diagnostic in failure.diagnostics where !(outputOptions.quiet && diagnostic.severity == .warning) {
                terminal.printError(terminal.format(diagnostic, root: root))
            }
            let errors = failure.diagnostics.errors.count, warnings = failure.diagnostics.warnings.count
            terminal.printError("Check failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s").")
            throw ExitCode(1)
        }
    }
}
