/// A page of any kind: pages of several kinds (the atlas's index, its roots and its places) are
/// rendered in one pass over the cores, not a pass a kind with one core idle at each end.
struct AnyPageSpec: Sendable {
    let template: String
    let outputPath: String
    private let lookUpIn: @Sendable (PageMemo, Int) -> PageMemo.Lookup
    private let storeIn: @Sendable (PageMemo, Int, OutputFile) -> Void
    private let renderWith: @Sendable (PageRenderer) throws -> OutputFile

    init<Body>(_ spec: PageSpec<Body>) {
        template = spec.template
        outputPath = spec.outputPath
        lookUpIn = { memo, template in memo.lookup(spec, template: template) }
        storeIn = { memo, template, file in memo.store(spec, template: template, file: file) }
        renderWith = { pages in try pages.render(spec) }
    }

    func lookUp(in memo: PageMemo, template: Int) -> PageMemo.Lookup { lookUpIn(memo, template) }
    func store(in memo: PageMemo, template: Int, file: OutputFile) { storeIn(memo, template, file) }
    func render(with pages: PageRenderer) throws -> OutputFile { try renderWith(pages) }
}
