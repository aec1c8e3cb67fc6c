/// The fallback for an output that cannot be swapped as a whole (a mount point, or a file system
/// without an exchange): files are staged inside the output and moved in one by one, after a
/// journal that lets the next command finish an interrupted write before it reads anything.
extension OutputWriter {
    static let journalName = ".dermasite-journal"

    var journalPath: String { FilePath.join(output, Self.journalName) }

    func writeByMoves(_ toWrite: [OutputFile], manifest: Manifest, stale: [String], newPaths: Set<String>) throws {
        let stagingName = "\(Self.stagingPrefix)\(getpid())"
        let staging = FilePath.join(output, stagingName)
        try fileSystem.createDirectory(output)
        try fileSystem.createDirectory(staging)
        try writeAll(toWrite, into: staging)
        try fileSystem.write(manifest.bytes, to: FilePath.join(staging, Manifest.fileName))
        var journal = "dermasite journal v1\nstaging \(stagingName)\n"
        for path in stale { journal += "remove \(path)\n" }
        for path in toWrite.map(\.path) + [Manifest.fileName] { journal += "move \(path)\n" }
        try fileSystem.write(Array(journal.utf8), to: journalPath)
        try finishMoves(journal)
    }

    /// Completes the write a journal describes; safe to run again after any interruption.
    func finishMoves(_ journal: String) throws {
        var staging = "", stale: [String] = [], moves: [String] = []
        for line in journal.split(separator: "\n") {
            let (word, rest) = (line.prefix { $0 != " " }, String(line.drop { $0 != " " }.dropFirst()))
            // Journal paths come from the manifest: the same guard against climbing out applies.
            guard FilePath.normalize(rest) == rest, !rest.isEmpty else { continue }
            switch word {
            case "staging": staging = rest
            case "remove": stale.append(rest)
            case "move": moves.append(rest)
            default: continue
            }
        }
        guard staging.hasPrefix(Self.stagingPrefix) else {
            try fileSystem.remove(journalPath)
            return
        }
        let stagingPath = FilePath.join(output, staging)
        let keep = Set(moves)
        try removeAll(stale, keeping: keep)
        if fileSystem.exists(stagingPath) { try moveAll(moves, from: stagingPath) }
        try fileSystem.remove(stagingPath)
        try fileSystem.remove(journalPath)
    }

    func hasLinkedAncestor(_ path: String) -> Bool {
        var folder = FilePath.directory(of: path)
        while !folder.isEmpty {
            if fileSystem.isSymbolicLink(FilePath.join(output, folder)) { return true }
            folder = FilePath.directory(of: folder)
        }
        return false
    }

    /// Writes `files` into `folder`; each of `linked` becomes a hard link to the same file in
    /// `source` instead (its bytes are written when a link cannot be made).
    func writeAll(_ files: [OutputFile], into folder: String, linked: [OutputFile] = [], from source: String = "") throws {
        let fileSystem = self.fileSystem
        // Folders level by level (parents first), each level in parallel: mkdir dominates small pages.
        var byDepth: [Int: Set<String>] = [:]
        for file in files + linked {
            var parent = FilePath.directory(of: file.path)
            while !parent.isEmpty {
                byDepth[parent.split(separator: "/").count, default: []].insert(parent)
                parent = FilePath.directory(of: parent)
            }
        }
        for depth in byDepth.keys.sorted() {
            _ = try Parallel.map(byDepth[depth]!.sorted()) { try fileSystem.createDirectory(FilePath.join(folder, $0)) }
        }
        _ = try Parallel.map(files) { file in try fileSystem.write(file.bytes, to: FilePath.join(folder, file.path)) }
        _ = try Parallel.map(linked) { file in
            let target = FilePath.join(folder, file.path)
            do { try fileSystem.hardLink(from: FilePath.join(source, file.path), to: target) } catch { try fileSystem.write(file.bytes, to: target) }
        }
    }

    private func moveAll(_ paths: [String], from staging: String) throws {
        var ready: Set<String> = [""]
        var movedFolders = Set<String>()
        for path in paths {
            // Already moved by an interrupted run of the same journal.
            let source = FilePath.join(staging, path)
            if !fileSystem.exists(source) && !fileSystem.isSymbolicLink(source) { continue }
            // A folder the output does not have yet holds only new files: move it in one rename.
            if let folder = newFolder(for: path, moved: movedFolders) {
                if !movedFolders.contains(folder) {
                    try prepareFolders(for: folder, ready: &ready)
                    try fileSystem.move(from: FilePath.join(staging, folder), to: FilePath.join(output, folder))
                    movedFolders.insert(folder)
                }
                continue
            }
            try prepareFolders(for: path, ready: &ready)
            let target = FilePath.join(output, path)
            if fileSystem.isSymbolicLink(target) || fileSystem.isDirectory(target) { try fileSystem.remove(target) }
            try fileSystem.move(from: FilePath.join(staging, path), to: target)
        }
    }

    /// The outermost folder on the way to `path` that is missing from the output (or already moved).
    private func newFolder(for path: String, moved: Set<String>) -> String? {
        var folders: [String] = []
        var folder = FilePath.directory(of: path)
        while !folder.isEmpty {
            folders.append(folder)
            folder = FilePath.directory(of: folder)
        }
        for folder in folders.reversed() {
            if moved.contains(folder) { return folder }
            let full = FilePath.join(output, folder)
            if !fileSystem.exists(full) && !fileSystem.isSymbolicLink(full) { return folder }
        }
        return nil
    }

    /// Makes every folder on the way to `path` a real folder inside the output: a file or a
    /// symbolic link in the way (left by hand, or by an older build) is replaced, never followed.
    private func prepareFolders(for path: String, ready: inout Set<String>) throws {
        var folders: [String] = []
        var folder = FilePath.directory(of: path)
        while !ready.contains(folder) {
            folders.append(folder)
            folder = FilePath.directory(of: folder)
        }
        for folder in folders.reversed() {
            let full = FilePath.join(output, folder)
            if fileSystem.isSymbolicLink(full) || (fileSystem.exists(full) && !fileSystem.isDirectory(full)) {
                try fileSystem.remove(full)
            }
            try fileSystem.createDirectory(full)
            ready.insert(folder)
        }
    }

    /// Removes files of the previous build, then any folders that leaves empty. A path that is now a
    /// folder of the new build (a file became a folder) is left alone, and nothing is followed
    /// through a symbolic link.
    private func removeAll(_ paths: [String], keeping newPaths: Set<String>) throws {
        var folders = Set<String>()
        for path in paths {
            let full = FilePath.join(output, path)
            if hasLinkedAncestor(path) { continue }
            if fileSystem.isDirectory(full) && !fileSystem.isSymbolicLink(full) { continue }
            try fileSystem.remove(full)
            var folder = FilePath.directory(of: path)
            while !folder.isEmpty {
                folders.insert(folder)
                folder = FilePath.directory(of: folder)
            }
        }
        let neededFolders = Set(newPaths.flatMap { path -> [String] in
            var out: [String] = []
            var folder = FilePath.directory(of: path)
            while !folder.isEmpty { out.append(folder); folder = FilePath.directory(of: folder) }
            return out
        })
        for folder in folders.sorted(by: { $0.count > $1.count }) where !neededFolders.contains(folder) {
            let full = FilePath.join(output, folder)
            if !fileSystem.isSymbolicLink(full), fileSystem.isDirectory(full), (try? fileSystem.list(full))?.isEmpty == true {
                try fileSystem.remove(full)
            }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
