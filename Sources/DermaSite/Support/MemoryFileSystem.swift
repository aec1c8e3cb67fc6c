import Foundation

/// A file tree held in memory, for tests that need no real disk.
public final class MemoryFileSystem: FileSystem, @unchecked Sendable {
    private let lock = NSLock()
    private var files: [String: [UInt8]] = [:]
    private var directories: Set<String> = [""]
    private var versions: [String: Int] = [:]
    private var clock = 0

    public init(_ textFiles: [String: String] = [:]) {
        for (path, text) in textFiles { try? write(Array(text.utf8), to: path) }
    }

    private func key(_ path: String) -> String {
        FilePath.normalize(path.hasPrefix("/") ? String(path.dropFirst()) : path) ?? path
    }

    public func readBytes(_ path: String) throws -> [UInt8] {
        try lock.withLock {
            guard let bytes = files[key(path)] else { throw FileSystemError(path, "cannot read file") }
            return bytes
        }
    }

    public func exists(_ path: String) -> Bool {
        lock.withLock { files[key(path)] != nil || directories.contains(key(path)) }
    }

    public func isDirectory(_ path: String) -> Bool { lock.withLock { directories.contains(key(path)) } }

    public func isSymbolicLink(_ path: String) -> Bool { false }

    public func fileSize(_ path: String) -> Int? { lock.withLock { files[key(path)]?.count } }

    /// A counter that grows with every write: enough to tell "changed since".
    public func modificationTime(_ path: String) -> Int? { lock.withLock { versions[key(path)] } }

    public func list(_ path: String) throws -> [String] {
        try lock.withLock {
            let dir = key(path)
            guard directories.contains(dir) else { throw FileSystemError(path, "cannot list folder") }
            let prefix = dir.isEmpty ? "" : dir + "/"
            var names = Set<String>()
            for entry in Array(files.keys) + Array(directories) where entry.hasPrefix(prefix) && entry != dir {
                let rest = entry.dropFirst(prefix.count)
                if let name = rest.split(separator: "/").first { names.insert(String(name)) }
            }
            return names.sorted()
        }
    }

    public func write(_ bytes: [UInt8], to path: String) throws {
        lock.withLock {
            let k = key(path)
            files[k] = bytes
            clock += 1
            versions[k] = clock
            var dir = FilePath.directory(of: k)
            while !dir.isEmpty {
                directories.insert(dir)
                dir = FilePath.directory(of: dir)
            }
        }
    }

    public func createDirectory(_ path: String) throws {
        lock.withLock {
            var dir = key(path)
            while !dir.isEmpty {
                directories.insert(dir)
                dir = FilePath.directory(of: dir)
            }
        }
    }

    public func move(from source: String, to destination: String) throws {
        lock.withLock {
            let s = key(source), d = key(destination)
            for (path, bytes) in files where path == s || path.hasPrefix(s + "/") {
                files[path] = nil
                files[d + path.dropFirst(s.count)] = bytes
            }
            for dir in directories where dir == s || dir.hasPrefix(s + "/") {
                directories.remove(dir)
                directories.insert(d + dir.dropFirst(s.count))
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
        lock.withLock {
            let k = key(path)
            files = files.filter { $0.key != k && !$0.key.hasPrefix(k + "/") }
            directories = directories.filter { $0 != k && !$0.hasPrefix(k + "/") }
        }
    }
}
