import ArgumentParser
import DermaSite
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new page from a template with every field explained.",
        subcommands: [NewArticle.self, NewPage.self]
    )
}

struct NewArticle: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "article",
        abstract: "Write Content/articles/<slug>.md, ready to fill in."
    )

    @Argument(help: "The article's title, in quotes.")
    var title: String

    @OptionGroup var rootOption: RootOption

    func validate() throws { try NewContentFile.validate(title) }

    func run() throws { try NewContentFile.write(title: title, kind: .article, root: rootOption.root) }
}

struct NewPage: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "page",
        abstract: "Write Content/pages/<slug>.md (About us, Contact: a page published at /<slug>/, not listed with the articles)."
    )

    @Argument(help: "The page's title, in quotes.")
    var title: String

    @OptionGroup var rootOption: RootOption

    func validate() throws { try NewContentFile.validate(title) }

    func run() throws { try NewContentFile.write(title: title, kind: .page, root: rootOption.root) }
}

/// Writes a new article or page from its scaffold, never over an existing file.
enum NewContentFile {
    static func validate(_ title: String) throws {
        if title.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the title is empty") }
        if Slug.make(title).isEmpty { throw ValidationError("the title needs at least one letter or digit") }
    }

    static func write(title: String, kind: Article.Kind, root: String) throws {
        let terminal = Terminal()
        let relative = ArticleScaffold.path(for: title, kind: kind)
        let target = FilePath.join(absolute(root), relative)
        let shown = root == "." ? relative : FilePath.join(root, relative)
        if FileManager.default.fileExists(atPath: target) {
            terminal.printError("\(shown): error: \(kind == .page ? "a page" : "an article") with this name already exists; choose another title")
            throw ExitCode(1)
        }
        let today = systemToday()
        let text = kind == .page ? ArticleScaffold.pageText(title: title, today: today) : ArticleScaffold.text(title: title, today: today)
        do {
            try LocalFileSystem().createDirectory(FilePath.directory(of: target))
            try LocalFileSystem().write(Array(text.utf8), to: target)
        } catch {
            terminal.printError("\(shown): error: \(error)")
            throw ExitCode(1)
        }
        terminal.printOut("Wrote \(shown). It is a draft until you set 'draft: false'.")
    }

}

/// Today on this machine's calendar: the default for review deadlines and new articles.
func systemToday() -> Day {
    let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
    return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
}

/// `--today`, for review deadlines: the real date unless given, so tests and CI are repeatable.
struct TodayOption: ParsableArguments {
    @Option(help: ArgumentHelp("Check review dates against this day (YYYY-MM-DD) instead of today.", valueName: "date"))
    var today: String?

    func validate() throws {
        if let today, Day(iso: today) == nil { throw ValidationError("--today '\(today)' is not a date written YYYY-MM-DD") }
    }

    var day: Day { today.flatMap(Day.init(iso:)) ?? systemToday() }
}
