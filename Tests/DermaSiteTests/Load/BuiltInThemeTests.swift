@testable import DermaSite
import DermaSiteTestSupport
import Foundation
import Testing

/// The theme built into the tool is the project's Templates/, and a site's own file of the same
/// name replaces the built-in one.
@Suite struct BuiltInThemeTests {
    @Test func theBuiltInThemeIsTheProjectsTemplatesFolder() throws {
        let folder = ProjectFolder.path + "/Templates"
        var onDisk: [String: [UInt8]] = [:]
        let walker = try #require(FileManager.default.enumerator(atPath: folder))
        while let path = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue,
               !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                onDisk[path] = Array(try Data(contentsOf: URL(fileURLWithPath: folder + "/" + path)))
            }
        }
        let embedded = Dictionary(uniqueKeysWithValues: TemplateLoader.builtIn.map { ($0.path, $0.bytes) })
        #expect(Set(embedded.keys) == Set(onDisk.keys))
        for (path, bytes) in onDisk { #expect(embedded[path] == bytes, "\(path) differs: rebuild so the plugin embeds it again") }
    }

    @Test func aSiteWithNoTemplatesBuildsTheSamePagesAsOneWithTheFullCopy() throws {
        let withCopy = try FixtureSite.basic()
        try withCopy.build()
        let bare = try FixtureSite.basic()
        try FileManager.default.removeItem(atPath: bare.root + "/Templates")
        try bare.build()
        var a = try withCopy.snapshot(), b = try bare.snapshot()
        a[".dermasite-manifest"] = nil
        b[".dermasite-manifest"] = nil
        #expect(a == b)
    }

    @Test func aSitesOwnFileReplacesTheBuiltInOneOfTheSameName() throws {
        let site = try FixtureSite.basic()
        try FileManager.default.removeItem(atPath: site.root + "/Templates")
        try site.write("Templates/partials/footer.mustache", "<footer><p>Our own footer.</p></footer>\n")
        try site.write("Templates/assets/extra.css", "p { margin: 0; }\n")
        try site.build()
        let home = try site.read("Public/index.html")
        #expect(home.contains("<footer><p>Our own footer.</p></footer>") && home.contains("site-header"))
        let assets = try FileManager.default.contentsOfDirectory(atPath: site.root + "/Public/assets")
        #expect(assets.contains { $0.hasPrefix("extra.") } && assets.contains { $0.hasPrefix("style.") })
    }

    @Test func aMisspeltValueInASitesTemplateIsAWarningAtItsTag() throws {
        let site = try FixtureSite.basic()
        try site.write("Templates/partials/footer.mustache", "<footer>\n  <p>By {{site.publsher}} and {{footer.disclaimer}}</p>\n</footer>\n")
        let report = try site.build()
        let found = report.diagnostics.filter { $0.file.hasPrefix("Templates/") }.map(\.description)
        #expect(found == ["Templates/partials/footer.mustache:2:9: warning: 'site.publsher' is not a value pages are given, so it shows as nothing; did you mean site.publisher?"])
    }
}
