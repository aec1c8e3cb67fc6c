import Foundation

/// The `dermasite` executable built beside the running tests (debug or release, any build
/// folder), so the tests run the tool that was just built, wherever `swift build` put it.
public enum BuiltTool {
    public static let dermasite: String = {
        let here = URL(fileURLWithPath: CommandLine.arguments.first ?? "").resolvingSymlinksInPath()
        // The test runner is `<products>/DermaSitePackageTests.xctest` (a file on Linux, a bundle on macOS).
        var folder = here.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("dermasite").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder.deleteLastPathComponent()
        }
        fatalError("no dermasite executable beside \(here.path): run `swift build --build-tests` first")
    }()
}

/// The folder that holds Package.swift, found from this file: tests copy the bundled site from it.
public enum ProjectFolder {
    public static let path: String = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
        }
        fatalError("no Package.swift above \(#filePath)")
    }()
}
