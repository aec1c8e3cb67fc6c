import DermaSite
@testable import DermaSitePreview
import Foundation
import Testing

extension PreviewTests {
    /// The session's kept site must always be what a full build gives, including after failed
    /// rebuilds whose pages were rendered but never kept.
    @Suite struct PreviewSessionTests {
        /// A session on a copy of the bundled site, after its first build.
        func session() throws -> (root: String, options: BuildOptions, session: PreviewSession) {
            let root = try ServeCommandTests.site()
            var options = BuildOptions(root: root)
            options.today = Day(iso: "2026-12-01")
            let session = PreviewSession(options: options, destination: .memory)
            #expect(session.rebuild(.everything).succeeded)
            return (root, options, session)
        }

        @Test func aFailureFixedInAnotherFileLeavesNoStalePage() throws {
            let (root, options, session) = try session()
            defer { try? FileManager.default.removeItem(atPath: root) }

            // The exam page links to a section the map article does not have yet: the check fails
            // after the exam page was rendered again.
            let exam = "Content/articles/sensory-exam.md", map = "Content/articles/leg-dermatomes.md"
            let examText = try String(contentsOfFile: root + "/" + exam, encoding: .utf8)
            try (examText + "\nSee [the new part](leg-dermatomes.md#a-new-part).\n")
                .write(toFile: root + "/" + exam, atomically: true, encoding: .utf8)
            let failed = session.rebuild(.paths([exam]))
            #expect(!failed.succeeded)
            #expect(failed.failure?.step == "check links")

            // Adding the section to the other article fixes it without rendering the exam page again.
            let mapText = try String(contentsOfFile: root + "/" + map, encoding: .utf8)
            try (mapText + "\n## A new part\n\nSome text for it.\n").write(toFile: root + "/" + map, atomically: true, encoding: .utf8)
            let fixed = session.rebuild(.paths([map]))
            #expect(fixed.succeeded)
            #expect(fixed.changed.contains("articles/sensory-exam/index.html"), "the page from the failed build is now kept")

            let (fresh, _) = try SiteBuilder().render(options)
            var expected: [String: [UInt8]] = [:]
            for file in fresh { expected[file.path] = file.bytes }
            #expect(session.files == expected)
        }

        @Test func aTemplateThatIncludesItselfFailsTheRebuildAndKeepsTheLastGoodSite() throws {
            let (root, _, session) = try session()
            defer { try? FileManager.default.removeItem(atPath: root) }
            let before = session.files
            let footer = "Templates/partials/footer.mustache"
            let text = try String(contentsOfFile: root + "/" + footer, encoding: .utf8)
            try (text + "{{> partials/footer}}\n").write(toFile: root + "/" + footer, atomically: true, encoding: .utf8)
            let failed = session.rebuild(.paths([footer]))
            #expect(failed.failure?.diagnostics.contains { $0.message.contains("in a loop (partials/footer → partials/footer)") } == true)
            #expect(session.files == before, "the preview keeps serving the last good site")
        }

        @Test func addingAndRemovingPagesKeepsTheSiteWhole() throws {
            let (root, options, session) = try session()
            defer { try? FileManager.default.removeItem(atPath: root) }
            let path = "Content/articles/extra.md"
            try "---\ntitle: \"Extra\"\ndescription: \"More.\"\ndate: 2026-11-30\n---\n\nA short page.\n"
                .write(toFile: root + "/" + path, atomically: true, encoding: .utf8)
            let added = session.rebuild(.paths([path]))
            #expect(added.changed.contains("articles/extra/index.html"))
            try FileManager.default.removeItem(atPath: root + "/" + path)
            let removed = session.rebuild(.paths([path]))
            #expect(removed.removed == ["articles/extra/index.html"])
            let (fresh, _) = try SiteBuilder().render(options)
            #expect(Set(session.files.keys) == Set(fresh.map(\.path)))
        }
    }
}
