@testable import DermaSite
import Testing

/// A worker's copy of the templates and values (PageRenderer.forWorker) renders what the original
/// renders and shares none of its storage: shared storage means shared reference counts, written
/// by every core at once. Outputs alone would not show a copy that shares, only a slower build.
@Suite struct TemplateCopiesTests {
    @Test func copiedTemplatesRenderTheSameAndShareNoStorage() throws {
        let (cache, set) = try TemplateOracleTests.bundledSite()
        let copy = set.copied()
        let original = try #require(set.compiled), copied = try #require(copy.compiled)
        #expect(original.keys.sorted() == copied.keys.sorted())
        var checked = Checked()
        for (name, nodes) in original { checked.separate(nodes, copied[name] ?? [], in: name) }
        #expect(checked.texts > 100 && checked.paths > 100 && checked.partials > 10, "\(checked)")
        #expect(checked.problems.count == 0, "\(checked.problems.count) shared, first: \(checked.problems.prefix(3))")

        let pages = cache.memo.pages.allValues()
        #expect(pages.count > 80)
        for page in pages {
            let value = TemplateValue.object(TemplateObject(page.values))
            let valueCopy = value.copied()
            checked.separate(value, valueCopy, in: page.path)
            #expect(copy.render(valueCopy, template: page.template) == set.render(value, template: page.template), "\(page.path)")
        }
        #expect(checked.problems.count == 0, "\(checked.problems.count) shared, first: \(checked.problems.prefix(3))")
        #expect(checked.objects > 1000 && checked.longStrings > 1000, "\(checked)")
    }

    /// What `forWorker` hands a worker: the templates and the site's value, each in storage of its own.
    @Test func aWorkersRendererSharesNoStorage() throws {
        let (config, problems) = SiteConfigLoader.parse(FixtureSite.config)
        #expect(problems.isEmpty)
        let (source, _, _) = TemplateLoader.load(root: FixtureSite.projectRoot, fileSystem: LocalFileSystem())
        let set = try #require(TemplateSet.compile(source, withAtlas: true, withGlossary: true, withPages: true).0)
        let site = Site(config: try #require(config), articles: [], templates: source, assets: [], staticFiles: [])
        let renderer = PageRenderer(site: site, templates: set), worker = renderer.forWorker()
        var checked = Checked()
        checked.separate(renderer.siteValue, worker.siteValue, in: "site")
        for (name, nodes) in try #require(set.compiled) { checked.separate(nodes, worker.templates.compiled?[name] ?? [], in: name) }
        #expect(checked.objects > 0 && checked.longStrings > 0 && checked.texts > 100, "\(checked)")
        #expect(checked.problems.isEmpty, "\(checked.problems.count) shared, first: \(checked.problems.prefix(3))")
    }

    /// Walks an original and its copy side by side, noting storage they share.
    private struct Checked: CustomStringConvertible {
        var texts = 0, paths = 0, partials = 0, objects = 0, longStrings = 0
        var problems: [String] = []

        var description: String { "texts \(texts), paths \(paths), partials \(partials), objects \(objects), long strings \(longStrings)" }

        mutating func separate(_ a: [TemplateNode], _ b: [TemplateNode], in place: String) {
            guard a.count == b.count else { return problems.append("\(place): \(a.count) nodes, copy \(b.count)") }
            if !a.isEmpty, address(a) == address(b) { problems.append("\(place): a list of nodes is shared") }
            for (x, y) in zip(a, b) { separate(x, y, in: place) }
        }

        mutating func separate(_ a: TemplateNode, _ b: TemplateNode, in place: String) {
            // Every case of an indirect enum is a box of its own.
            if withUnsafeBytes(of: a, Array.init) == withUnsafeBytes(of: b, Array.init) { problems.append("\(place): a node's box is shared") }
            switch (a, b) {
            case (.text(let x), .text(let y)):
                texts += 1
                separate(x, y, in: place)
            case (.variable(let p, let e), .variable(let q, let f)) where e == f:
                separate(p, q, in: place)
            case (.section(let p, let x, let i), .section(let q, let y, let j)) where i == j:
                separate(p, q, in: place)
                separate(x, y, in: place)
            case (.partial(let m, let i, let o), .partial(let n, let j, let p)):
                partials += 1
                separate(m, n, in: place)
                if let i, let j { separate(i, j, in: place) } else if (i == nil) != (j == nil) { problems.append("\(place): indentation lost") }
                if (o == nil) != (p == nil) || o?.keys.sorted() != p?.keys.sorted() { problems.append("\(place): overrides differ") }
                for (name, nodes) in o ?? [:] { separate(nodes, p?[name] ?? [], in: place) }
            case (.block(let m, let x, let i), .block(let n, let y, let j)):
                separate(m, n, in: place)
                separate(x, y, in: place)
                separate(i, j, in: place)
            case (.escaping, .escaping):
                break
            default:
                problems.append("\(place): \(a) was copied as \(b)")
            }
        }

        mutating func separate(_ a: TemplatePath, _ b: TemplatePath, in place: String) {
            paths += 1
            guard a == b else { return problems.append("\(place): path \(a) copied as \(b)") }
            switch (a, b) {
            case (.fromCurrent(let x), .fromCurrent(let y)):
                separate(x, y, in: place)
            case (.inStack(let m, let x), .inStack(let n, let y)):
                separate(m, n, in: place)
                separate(x, y, in: place)
            default: break
            }
        }

        mutating func separate(_ a: TemplateValue, _ b: TemplateValue, in place: String) {
            guard a == b else { return problems.append("\(place): a value changed in the copy") }
            switch (a, b) {
            case (.text(let x), .text(let y)): separate(x, y, in: place)
            case (.object(let x), .object(let y)):
                objects += 1
                if x === y { problems.append("\(place): an object is shared") }
                for (name, value) in x.values { separate(value, y.values[name]!, in: place) }
            case (.list(let x), .list(let y)):
                if !x.isEmpty, address(x) == address(y) { problems.append("\(place): a list is shared") }
                for (p, q) in zip(x, y) { separate(p, q, in: place) }
            case (.names(let x), .names(let y)):
                for (name, text) in x { separate(text, y[name]!, in: place) }
            default: break
            }
        }

        mutating func separate(_ a: [String], _ b: [String], in place: String) {
            if !a.isEmpty, address(a) == address(b) { problems.append("\(place): a list of names is shared") }
            for (x, y) in zip(a, b) { separate(x, y, in: place) }
        }

        mutating func separate(_ a: [UInt8], _ b: [UInt8], in place: String) {
            guard a == b else { return problems.append("\(place): bytes changed in the copy") }
            if !a.isEmpty, address(a) == address(b) { problems.append("\(place): bytes are shared") }
        }

        /// Strings of up to 15 bytes are stored in the value itself; longer ones have storage.
        mutating func separate(_ a: String, _ b: String, in place: String) {
            guard a == b else { return problems.append("\(place): a text changed in the copy") }
            guard a.utf8.count > 15 else { return }
            longStrings += 1
            let x = a.utf8.withContiguousStorageIfAvailable { $0.baseAddress }, y = b.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
            if x == nil || x == y { problems.append("\(place): the text \(a.prefix(30).debugDescription) is shared") }
        }

        private func address<Element>(_ array: [Element]) -> UnsafeRawPointer? {
            array.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
        }
    }
}
