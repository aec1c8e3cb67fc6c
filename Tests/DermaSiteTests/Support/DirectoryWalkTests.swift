@testable import DermaSite
import Foundation
import Testing

/// LocalFileSystem's readdir walk against FileManager's listing of the same tree (and `lstat` for
/// sizes and times): hidden names, .well-known, links to files and folders, a FIFO, empty
/// folders, names with spaces and accents, and a few hundred files in seeded nested folders.
@Suite struct DirectoryWalkTests {
    static func makeTree() throws -> String {
        let root = NSTemporaryDirectory() + "dermasite-walk-\(UUID().uuidString)"
        let manager = FileManager.default
        var random = SeededRandom(seed: 7)
        var folders = [""]
        for index in 0..<300 {
            if random.chance(15) {
                let folder = (random.pick(folders).isEmpty ? "" : random.pick(folders) + "/") + "folder \(index)"
                try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
                folders.append(folder)
            }
            let folder = random.pick(folders)
            let name = random.chance(5) ? ".hidden-\(index)" : random.chance(5) ? "Zé \(index).md" : "file-\(index).md"
            try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            try Data(repeating: 65, count: random.below(3_000)).write(to: URL(fileURLWithPath: root + "/" + folder + "/" + name))
        }
        for folder in [".git/objects", ".well-known", "empty/inside"] {
            try manager.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        try Data("x".utf8).write(to: URL(fileURLWithPath: root + "/.git/objects/a"))
        try Data("{}".utf8).write(to: URL(fileURLWithPath: root + "/.well-known/security.txt"))
        try manager.createSymbolicLink(atPath: root + "/link-to-file", withDestinationPath: root + "/file-0.md")
        try manager.createSymbolicLink(atPath: root + "/link-to-folder", withDestinationPath: root + "/empty")
        #expect(mkfifo(root + "/a-fifo", 0o600) == 0)
        return root
    }

    /// FileManager's view: every entry below `root` outside hidden folders, with its type.
    static func listed(_ root: String) throws -> (files: [WalkedFile], links: [String]) {
        var files: [WalkedFile] = [], links: [String] = []
        for path in try FileManager.default.subpathsOfDirectory(atPath: root).sorted() {
            let hidden = path.split(separator: "/").contains { $0.hasPrefix(".") && $0 != ".well-known" }
            guard !hidden else { continue }
            let type = try FileManager.default.attributesOfItem(atPath: root + "/" + path)[.type] as? FileAttributeType
            switch type {
            case .typeSymbolicLink?: links.append(path)
            case .typeDirectory?: break
            default:
                var info = stat()
                #expect(lstat(root + "/" + path, &info) == 0)
                files.append(WalkedFile(path: path, size: type == .typeRegular ? Int(info.st_size) : nil,
                                        modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)))
            }
        }
        return (files, links)
    }

    @Test func theWalkSeesWhatFileManagerLists() throws {
        let root = try Self.makeTree()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let expected = try Self.listed(root)
        let walked = try LocalFileSystem().walkWithStats(root)
        #expect(walked.files.count > 250)
        #expect(walked.files == expected.files)
        #expect(walked.links == expected.links && walked.links == ["link-to-file", "link-to-folder"])
        #expect(walked.files.contains { $0.path == "a-fifo" && $0.size == nil })
        #expect(walked.files.contains { $0.path == ".well-known/security.txt" })
        let plain = try LocalFileSystem().walk(root)
        #expect(plain.files == expected.files.map(\.path) && plain.links == expected.links)
        #expect(throws: FileSystemError.self) { try LocalFileSystem().walk(root + "/file-0.md") }
        #expect(throws: FileSystemError.self) { try LocalFileSystem().walk(root + "/missing") }
    }
}
