@testable import DermaSite
import Testing

@Suite struct ChangeTrackingTests {
    @Test func changeSetsCoverFoldersAboveAndBelow() {
        let changes = ChangeSet.paths(["Content/articles/new", "Templates/partials/footer.mustache"])
        #expect(changes.contains("Content/articles/new/a.md"))
        #expect(!changes.contains("Content/articles/a.md"))
        #expect(changes.touches("Templates"))
        #expect(changes.touches("Content/articles/new"))
        #expect(!changes.touches("Content/data"))
        #expect(ChangeSet.everything.contains("anything"))
    }

    @Test func templatesKnowWhatTheyInclude() {
        let source = TemplateSource(files: [
            .init(name: "layouts/base", path: "", text: "<html>{{> partials/header}}{{$content}}{{/content}}</html>"),
            .init(name: "partials/header", path: "", text: "{{>partials/menu}}"),
            .init(name: "partials/menu", path: "", text: "menu"),
            .init(name: "pages/article", path: "", text: "{{<base}}{{$content}}x{{/content}}{{/base}}"),
            .init(name: "pages/worksheet", path: "", text: "{{! no layout }}sheet"),
        ])
        let dependencies = TemplateDependencies(source: source)
        #expect(dependencies.closure(of: "pages/article").isSuperset(of: ["layouts/base", "partials/header", "partials/menu"]))
        #expect(dependencies.closure(of: "pages/worksheet") == ["pages/worksheet"])
        var edited = source
        edited.files[2].text = "new menu"
        #expect(TemplateDependencies(source: edited).changedNames(since: dependencies) == ["partials/menu"])
    }
}
