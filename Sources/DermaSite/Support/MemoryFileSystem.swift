import Foundation
import Synchronization

/// A file tree held in memory, for tests that need no real disk.
public final class MemoryFileSystem: FileSystem, Sendable {
    private struct Tree {
        var files: [String: [UInt8]] = [:]
        var directories: Set<String> = [""]
        var versions: [String: Int] = [:]
        var clock = 0
    }

    private let tree = Mutex(Tree())

    public init(_ textFiles: [String: String] = [:]) {
        for (path, text) in textFiles { try? write(Array(text.utf8), to: path) }
    }

    private func key(_ path: String) -> String {
        FilePath.normalize(path.hasPrefix("/") ? String(path.dropFirst()) : path) ?? path
    }

    public func readBytes(_ path: String) throws -> [UInt8] {
        try tree.withLock { t in
            guard let bytes = t.files[key(path)] else { throw FileSystemError(path, "cannot read file") }
            return bytes
        }
    }

    public func exists(_ path: String) -> Bool {
        tree.withLock { t in t.files[key(path)] != nil || t.directories.contains(key(path)) }
    }

    public func isDirectory(_ path: String) -> Bool { tree.withLock { t in t.directories.contains(key(path)) } }

    public func isSymbolicLink(_ path: String) -> Bool { false }

    public func fileSize(_ path: String) -> Int? { tree.withLock { t in t.files[key(path)]?.count } }

    /// A counter that grows with every write: enough to tell "changed since".
    public func modificationTime(_ path: String) -> Int? { tree.withLock { t in t.versions[key(path)] } }

    public func list(_ path: String) throws -> [String] {
        try tree.withLock { t in
            let dir = key(path)
            guard t.directories.contains(dir) else { throw FileSystemError(path, "cannot list folder") }
            let prefix = dir.isEmpty ? "" : dir + "/"
            var names = Set<String>()
            for entry in Array(t.files.keys) + Array(t.directories) where entry.hasPrefix(prefix) && entry != dir {
                let rest = entry.dropFirst(prefix.count)
                if let name = rest.split(separator: "/").first { names.insert(String(name)) }
            }
            return names.sorted()
        }
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        tree.withLock { t in
            let k = key(path)
            t.files[k] = bytes
            t.clock += 1
            t.versions[k] = t.clock
            var dir = FilePath.directory(of: k)
            while !dir.isEmpty {
                t.directories.insert(dir)
                dir = FilePath.directory(of: dir)
            }
        }
    }

    public func createDirectory(_ path: String) throws {
        tree.withLock { t in
            var dir = key(path)
            while !dir.isEmpty {
                t.directories.insert(dir)
                dir = FilePath.directory(of: dir)
            }
        }
    }

    public func move(from source: String, to destination: String) throws {
        tree.withLock { t in
            let s = key(source), d = key(destination)
            for (path, bytes) in t.files where path == s || path.hasPrefix(s + "/") {
                t.files[path] = nil
                t.files[d + path.dropFirst(s.count)] = bytes
            }
            for dir in t.directories where dir == s || dir.hasPrefix(s + "/") {
                t.directories.remove(dir)
                t.directories.insert(d + dir.dropFirst(s.count))
            }
        }
    }

    public func exchange(_ first: String, _ second: String) throws {
        guard exists(first), exists(second) else { throw FileSystemError(first, "cannot exchange: a path is missing") }
        let parking = key(first) + ".exchanging"
        try move(from: first, to: parking)
        try move(from: second, to: first)
        try move(from: parking, to: second)
    }

    public func remove(_ path: String) throws {
        tree.withLock { t in
            let k = key(path)
            t.files = t.files.filter { $0.key != k && !$0.key.hasPrefix(k + "/") }
            t.directories = t.directories.filter { $0 != k && !$0.hasPrefix(k + "/") }
        }
    }
}
