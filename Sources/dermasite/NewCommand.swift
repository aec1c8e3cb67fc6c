import ArgumentParser
import DermaSite
import Foundation

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Start a new page from a template with every field explained.",
        subcommands: [NewArticle.self, NewPage.self, NewSite.self, NewTemplate.self]
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

struct NewSite: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Make a new site in FOLDER: Content/ with site.yml, emergency advice, a first article and an About us page.",
        discussion: "The site uses the theme built into dermasite. To change a template or the stylesheet, put your own copy in FOLDER/Templates/ under the same name: it replaces the built-in one."
    )

    @Argument(help: "The folder to make the site in (created if needed; it must not hold a Content folder).")
    var folder: String

    @Option(help: "The site's name, shown on every page (default: the folder's name).")
    var title: String?

    func run() throws {
        let terminal = Terminal()
        let root = absolute(folder)
        let name = title ?? FilePath.fileName(of: root).replacingOccurrences(of: "-", with: " ").capitalized
        if FileManager.default.fileExists(atPath: FilePath.join(root, ContentLoader.contentFolder)) {
            terminal.printError("\(FilePath.join(folder, ContentLoader.contentFolder)): error: there is a site here already; choose a new folder")
            throw ExitCode(1)
        }
        let files = SiteScaffold.files(title: name, today: systemToday())
        do {
            for (path, text) in files {
                let target = FilePath.join(root, path)
                try LocalFileSystem().createDirectory(FilePath.directory(of: target))
                try LocalFileSystem().write(Array(text.utf8), to: target)
            }
        } catch {
            terminal.printError("\(folder): error: \(error)")
            throw ExitCode(1)
        }
        terminal.printOut("""
        Made a new site in \(folder):
        \(files.map { "  \($0.path)" }.joined(separator: "\n"))
        Next: cd \(folder) && dermasite serve --drafts   (set 'draft: false' to publish a draft)
        """)
    }
}

struct NewTemplate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Copy a built-in template or theme file into Templates/ to change it, such as partials/footer or assets/style.css.",
        discussion: "The copy replaces the built-in file for this site. Delete it to go back to the built-in one. Run without a name to list them."
    )

    @Argument(help: "The template's name, such as partials/footer (leave out to list every name).")
    var name: String?

    @OptionGroup var rootOption: RootOption

    func run() throws {
        let terminal = Terminal()
        let files = TemplateLoader.builtIn
        guard let name else {
            terminal.printOut(files.map { $0.path.hasSuffix(".mustache") ? String($0.path.dropLast(9)) : $0.path }.joined(separator: "\n"))
            return
        }
        guard let file = files.first(where: { $0.path == name || $0.path == name + ".mustache" }) else {
            let names = files.map { $0.path.hasSuffix(".mustache") ? String($0.path.dropLast(9)) : $0.path }
            let hint = Suggestion.closest(to: name, in: names).map { "; did you mean \($0)?" } ?? ""
            terminal.printError("error: no built-in template '\(name)'\(hint) (run 'dermasite new template' to list them)")
            throw ExitCode(1)
        }
        let relative = FilePath.join(TemplateLoader.folder, file.path)
        let target = FilePath.join(absolute(rootOption.root), relative)
        if FileManager.default.fileExists(atPath: target) {
            terminal.printError("\(relative): error: this file exists already: it is the site's own copy, so edit it")
            throw ExitCode(1)
        }
        do {
            try LocalFileSystem().createDirectory(FilePath.directory(of: target))
            try LocalFileSystem().write(file.bytes, to: target)
        } catch {
            terminal.printError("\(relative): error: \(error)")
            throw ExitCode(1)
        }
        terminal.printOut("Wrote \(relative). It replaces the built-in one for this site: edit it, or delete it to go back.")
    }
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
            terminal.printError("\(shown): error: this file exists already: edit it, or choose another title")
            throw ExitCode(1)
        }
        let config = FilePath.join(absolute(root), SiteConfigLoader.path)
        guard FileManager.default.fileExists(atPath: config) else {
            terminal.printError("\(root == "." ? SiteConfigLoader.path : FilePath.join(root, SiteConfigLoader.path)): error: no site here (no \(SiteConfigLoader.path)); run this in your site's folder, or start a site with 'dermasite new site FOLDER'")
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
