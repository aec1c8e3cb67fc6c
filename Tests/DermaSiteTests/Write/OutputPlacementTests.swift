@testable import DermaSite
import Foundation
import Testing

/// The output may not be inside Content/ or Templates/ however the path is spelt, nor around the site.
@Suite struct OutputPlacementTests {
    static let insideInputs = ["Content/x", "./Content//x", "Content/x/../y", "Content/x/.", "link/out", "Templates/../Content/z",
                               "Templates/site"]

    @Test(arguments: insideInputs) func anOutputInsideTheInputsIsRefused(_ output: String) throws {
        let site = try FixtureSite.basic()
        try FileManager.default.createSymbolicLink(atPath: site.root + "/link", withDestinationPath: "Content")
        let problems = OutputPlacement.problems(output: site.root + "/" + output, root: site.root, displayName: output,
                                                fileSystem: LocalFileSystem())
        #expect(problems.count == 1 && problems[0].message.hasPrefix("the output cannot be inside"), "\(output): \(problems)")
    }

    @Test(arguments: [".", "..", "Content/.."]) func anOutputAroundTheSiteIsRefused(_ output: String) throws {
        let site = try FixtureSite.basic()
        let problems = OutputPlacement.problems(output: site.root + "/" + output, root: site.root, displayName: output,
                                                fileSystem: LocalFileSystem())
        #expect(problems.contains { $0.message.hasPrefix("the output cannot be the site folder") }, "\(output): \(problems)")
    }

    @Test(arguments: ["Public", "../Elsewhere", "Contents", "Content-copy"]) func otherOutputsAreFine(_ output: String) throws {
        let site = try FixtureSite.basic()
        #expect(OutputPlacement.problems(output: site.root + "/" + output, root: site.root, displayName: output,
                                         fileSystem: LocalFileSystem()).isEmpty)
    }
}
