import ArgumentParser
import DermaSite
import DermaSiteLinks
import Foundation

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Build the site in memory and report every problem, without writing anything.",
        discussion: "Checks content, templates and the data set, and every internal link and #anchor. Exit status 1 when there are errors; warnings alone do not fail."
    )

    @OptionGroup var rootOption: RootOption
    var root: String { rootOption.root }

    @OptionGroup var contentOptions: ContentOptions

    @Flag(help: "Also ask other sites whether every external link and cited source still works (uses the network; results are kept in .dermasite-cache/links.json).")
    var external = false

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

    func run() async throws {
        let terminal = Terminal()
        var options = BuildOptions(root: absolute(root), includeDrafts: contentOptions.drafts)
        options.collectExternalLinks = external
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
            if external { try await checkExternal(report.externalLinks, terminal) }
        } catch let failure as BuildFailure {
            terminal.show(failure.diagnostics, root: root, quiet: outputOptions.quiet)
            let errors = failure.diagnostics.errors.count, warnings = failure.diagnostics.warnings.count
            terminal.printError("Check failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s").")
            throw ExitCode(1)
        }
    }

    /// Asks every external address, politely, and reports each problem where the link is written.
    private func checkExternal(_ uses: [ExternalLinkUse], _ terminal: Terminal) async throws {
        let siteRoot = absolute(root)
        let settings = SiteConfigLoader.load(root: siteRoot, fileSystem: LocalFileSystem()).0?.externalLinks ?? ExternalLinkSettings()
        var cache = LinkCache.load(root: siteRoot)
        if !outputOptions.quiet { terminal.printOut("Checking \(Set(uses.map(\.url)).count) external addresses…") }
        let result = await ExternalLinkChecker(settings: settings, today: todayOption.day).check(uses, cache: &cache)
        do { try cache.save(root: siteRoot) } catch {
            terminal.printError("\(LinkCache.path): warning: could not save the results (\(error)); the next run asks again")
        }
        terminal.show(result.diagnostics, root: root, quiet: outputOptions.quiet)
        let errors = result.diagnostics.errors.count, warnings = result.diagnostics.warnings.count
        let line = "External links: \(result.addresses) addresses, \(result.asked) asked, \(result.fromCache) from the cache "
            + "(younger than \(settings.recheckAfterDays) days), \(result.skipped) skipped; "
            + "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")."
        if errors > 0 {
            terminal.printError(line)
            throw ExitCode(1)
        }
        if !outputOptions.quiet { terminal.printOut(line) }
    }
}
