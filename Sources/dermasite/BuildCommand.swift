import ArgumentParser
import DermaSite
import Foundation

struct OutputOptions: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print only errors.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "Print each build step with its time.")
    var verbose = false

    @Flag(help: "List every output file with what makes it and its source; after each rebuild (serve, --watch), say why each file was made again.")
    var explain = false
}

/// `--root`, checked before anything runs.
struct RootOption: ParsableArguments {
    @Option(help: ArgumentHelp("The site folder (holding Content/ and Templates/).", valueName: "dir"))
    var root = "."

    func validate() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw ValidationError("--root '\(root)' is not a folder")
        }
    }
}

/// What to publish: shared by `build` and `serve`.
struct ContentOptions: ParsableArguments {
    @Flag(help: "Include articles marked 'draft: true'.")
    var drafts = false

    @Flag(name: .customLong("allow-broken-links"), help: "Report broken internal links as warnings instead of errors.")
    var allowBrokenLinks = false
}

struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site from Content/ and Templates/ into Public/.",
        discussion: "A failed build leaves the output folder exactly as it was."
    )

    @OptionGroup var rootOption: RootOption
    var root: String { rootOption.root }

    @Option(help: ArgumentHelp("Where to write the site. Default: <root>/Public.", valueName: "dir"))
    var output: String?

    @Option(name: .customLong("base-url"),
            help: ArgumentHelp("Publish address, overriding base_url in Content/site.yml.", valueName: "url"))
    var baseURL: String?

    @OptionGroup var contentOptions: ContentOptions

    @Flag(help: "After building, watch Content/ and Templates/ and rebuild on every save (Ctrl-C stops).")
    var watch = false

    @Flag(help: "With --watch: look for changes by polling instead of inotify.")
    var poll = false

    @OptionGroup var todayOption: TodayOption

    @OptionGroup var outputOptions: OutputOptions

    func validate() throws {
        if poll && !watch { throw ValidationError("--poll is for --watch") }
        // Public/ is what gets uploaded: unfinished pages must not land there by accident.
        if contentOptions.drafts && output == nil {
            throw ValidationError("--drafts writes unfinished pages, so it needs an output folder you will not upload, such as --output /tmp/drafts-preview ('dermasite serve --drafts' shows them without writing Public/)")
        }
        if let baseURL, BaseURL(baseURL) == nil {
            throw ValidationError("--base-url '\(baseURL)' is not a web address such as https://example.org/legs/")
        }
        if outputOptions.quiet && outputOptions.verbose {
            throw ValidationError("--quiet and --verbose cannot be used together")
        }
    }

    func run() async throws {
        let terminal = Terminal()
        let progress = ProgressLine(terminal: terminal)
        let outputPath = output.map { absolute($0) } ?? FilePath.join(absolute(root), "Public")
        let outputName = output ?? (root == "." ? "Public" : FilePath.join(root, "Public"))
        var options = BuildOptions(root: absolute(root), output: outputPath, baseURL: baseURL,
                                   includeDrafts: contentOptions.drafts, onStep: { progress.step($0) })
        options.linksMustResolve = !contentOptions.allowBrokenLinks
        options.generatorIdentity = executableIdentity()
        options.today = todayOption.day
        if watch {
            try await WatchMode(options: options, outputName: outputName, root: root, poll: poll, outputOptions: outputOptions).run()
            return
        }
        options.leavesMemoryToExit = true
        do {
            let report = try SiteBuilder().build(options, outputDisplayName: outputName)
            progress.finish()
            show(report.diagnostics, terminal)
            if outputOptions.verbose {
                showSteps(report.steps, terminal)
                let images = report.images
                if images.count > 0 {
                    let saved = images.originalBytes - images.phoneBytes
                    terminal.printOut("  images: \(images.count), \(kilobytes(images.originalBytes)) as given; their smallest WebP copies (480 px or narrower, what a small phone screen loads) total \(kilobytes(images.phoneBytes)), \(kilobytes(saved)) less")
                }
            }
            if outputOptions.explain && !report.upToDate { terminal.printOut(RouteExplainer.table(report)) }
            if !outputOptions.quiet && report.upToDate {
                terminal.printOut("Up to date: nothing in Content/ or Templates/ changed since the last build of \(outputName) (\(report.filesWritten) files, checked in \(milliseconds(report.seconds)))")
            } else if !outputOptions.quiet {
                var line = "Built \(report.pagesRendered) pages, \(report.filesWritten) files "
                    + "(\(report.filesChanged) changed, \(report.filesRemoved) removed) in \(milliseconds(report.seconds)) "
                    + "-> \(outputName)"
                let warnings = report.diagnostics.warnings.count
                if warnings > 0 { line += ", \(warnings) warning\(warnings == 1 ? "" : "s")" }
                if report.draftsSkipped > 0 {
                    line += "; \(report.draftsSkipped) draft\(report.draftsSkipped == 1 ? "" : "s") left out (--drafts shows them)"
                }
                terminal.printOut(line)
            }
        } catch let failure as BuildFailure {
            progress.finish()
            show(failure.diagnostics, terminal)
            let errors = failure.diagnostics.errors.count, warnings = failure.diagnostics.warnings.count
            terminal.printError("Build failed at '\(failure.step)': \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"). \(outputName) was left unchanged.")
            throw ExitCode(1)
        }
    }

    private func show(_ diagnostics: [Diagnostic], _ terminal: Terminal) {
        terminal.show(diagnostics, root: root, quiet: outputOptions.quiet)
    }

    private func showSteps(_ steps: [StepTiming], _ terminal: Terminal) {
        for step in steps { terminal.printOut(stepLine(step)) }
    }
}

/// Size and modification time of the running executable: a rebuilt tool is a different generator.
func executableIdentity() -> String {
    let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
        ?? Bundle.main.executablePath ?? ""
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return "" }
    let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
    let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
    return "exe=\(size)@\(Int(modified))"
}

/// A step's name and time, and from 1 ms on its processor time: twice the time is two cores busy.
func stepLine(_ step: StepTiming) -> String {
    let line = "  \(step.name.padding(toLength: 30, withPad: " ", startingAt: 0)) \(milliseconds(step.seconds))"
    guard step.seconds >= 0.001 else { return line }
    return line.padding(toLength: 42, withPad: " ", startingAt: 0) + " CPU \(milliseconds(step.cpuSeconds))"
}

/// A tenth of a millisecond under 10 ms: a preview rebuild's steps take a few milliseconds each.
func milliseconds(_ seconds: Double) -> String {
    if seconds < 0.01 { return String(format: "%.1f ms", seconds * 1000) }
    return seconds < 10 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.1f s", seconds)
}

func absolute(_ path: String) -> String {
    if path.hasPrefix("/") { return path }
    let cwd = FileManager.default.currentDirectoryPath
    return FilePath.normalize(FilePath.join(cwd, path)).map { "/" + $0 } ?? FilePath.join(cwd, path)
}

/// `1,234 KB`
func kilobytes(_ bytes: Int) -> String {
    let value = (bytes + 512) / 1024
    let digits = String(value)
    var out = ""
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { out += "," }
        out.append(digit)
    }
    return out + " KB"
}
