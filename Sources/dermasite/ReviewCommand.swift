import ArgumentParser
import DermaSite

struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Record that a clinician has checked a page source, as it is now.",
        discussion: """
        Run this after the clinician has read the file. It writes Content/data/reviews.yml with their \
        name, role, today's date, the next review date and a fingerprint of the file, so a later \
        edit shows on the page as "Changed since it was last reviewed". Name an article \
        (Content/articles/NAME.md), Content/data/dermatomes.yml for the dermatome data set (with \
        places.yml and leg-map.yml), or Content/data/glossary.yml.
        """
    )

    @Argument(help: "The file the clinician checked.")
    var file: String

    @Option(help: ArgumentHelp("The clinician's name, as readers should see it.", valueName: "name"))
    var reviewer: String

    @Option(help: ArgumentHelp("Their role or qualification, such as 'consultant physiotherapist'.", valueName: "role"))
    var role: String

    @Option(help: ArgumentHelp("When the page must be checked again (YYYY-MM-DD). Default: a year from today.", valueName: "date"))
    var next: String?

    @OptionGroup var rootOption: RootOption
    @OptionGroup var todayOption: TodayOption

    func validate() throws {
        if let next, Day(iso: next) == nil { throw ValidationError("--next '\(next)' is not a date written YYYY-MM-DD") }
        if ReviewRecorder.subject(for: file) == nil {
            throw ValidationError("'\(file)' cannot be reviewed on its own: name an article (Content/articles/NAME.md), Content/data/dermatomes.yml or Content/data/glossary.yml")
        }
    }

    func run() throws {
        let terminal = Terminal()
        let subject = ReviewRecorder.subject(for: file)!
        do {
            let review = try ReviewRecorder.record(root: absolute(rootOption.root), fileSystem: LocalFileSystem(), subject: subject,
                                                   reviewer: reviewer, role: role, today: todayOption.day,
                                                   nextReview: next.flatMap(Day.init(iso:)))
            terminal.printOut("Recorded: \(review.reviewer), \(review.role), reviewed \(subject) on \(review.reviewed.long); next review due \(review.nextReview.long).")
        } catch let failure as ReviewRecorder.Failure {
            for diagnostic in failure.diagnostics { terminal.printError(diagnostic.description) }
            throw ExitCode(1)
        }
    }
}
