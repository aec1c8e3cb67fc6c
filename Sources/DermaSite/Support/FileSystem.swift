import Foundation

/// Every file access of the core goes through this, so tests can use a tree in memory.
/// Paths are plain strings; `FilePath.join` builds them.
public protocol FileSystem: Sendable {
    func readBytes(_ path: String) throws -> [UInt8]
    func exists(_ path: String) -> Bool
    func isDirectory(_ path: String) -> Bool
    /// True for a symbolic link, whatever it points at.
    func isSymbolicLink(_ path: String) -> Bool
    /// Size in bytes of a regular file; nil if there is none.
    func fileSize(_ path: String) -> Int?
    /// Modification time in nanoseconds since 1970; nil if there is no such file.
    func modificationTime(_ path: String) -> Int?
    /// Names directly inside a folder, sorted.
    func list(_ path: String) throws -> [String]
    /// Every regular file below `root`, as paths relative to it, sorted; skips hidden names.
    /// Symbolic links are reported separately so the caller can refuse them.
    func walk(_ root: String) throws -> (files: [String], links: [String])
    /// `walk`, with each file's size and modification time.
    func walkWithStats(_ root: String) throws -> (files: [WalkedFile], links: [String])
    func write(_ bytes: [UInt8], to path: String) throws
    func createDirectory(_ path: String) throws
    func move(from source: String, to destination: String) throws
    func remove(_ path: String) throws
    /// Swaps two paths in one step. Throws with `unsupported` set where the system or the file
    /// system cannot (then the caller falls back to moving files one by one).
    func exchange(_ first: String, _ second: String) throws
    /// A second name for an existing file (unchanged pages cost no copy).
    func hardLink(from existing: String, to new: String) throws
    /// Runs `body` holding an exclusive lock on the file at `path` (created if missing), or throws
    /// at once, naming the process that holds it.
    func withExclusiveLock<T>(_ path: String, _ body: () throws -> T) throws -> T
    /// The absolute path with `.`, `..`, doubled slashes and symbolic links of its existing part
    /// resolved; the part that does not exist yet is kept as written.
    func resolvedPath(_ path: String) -> String
}

public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    /// The operation is not possible here (not a failure of this particular file).
    public var unsupported = false

    public init(_ path: String, _ message: String, unsupported: Bool = false) {
        self.path = path
        self.message = message
        self.unsupported = unsupported
    }

    public var description: String { "\(path): \(message)" }
}

extension FileSystem {
    public func readText(_ path: String) throws -> String {
        String(decoding: try readBytes(path), as: UTF8.self)
    }

    public func walk(_ root: String) throws -> (files: [String], links: [String]) {
        var files: [String] = []
        var links: [String] = []
        func visit(_ relative: String) throws {
            let full = relative.isEmpty ? root : FilePath.join(root, relative)
            // Hidden names (.git, .DS_Store) are skipped; .well-known/ is a web standard and kept.
            for name in try list(full) where !name.hasPrefix(".") || name == ".well-known" {
                let child = relative.isEmpty ? name : relative + "/" + name
                let childFull = FilePath.join(root, child)
                if isSymbolicLink(childFull) {
                    links.append(child)
                } else if isDirectory(childFull) {
                    try visit(child)
                } else {
                    files.append(child)
                }
            }
        }
        try visit("")
        return (files.sorted(), links.sorted())
    }

    public func walkWithStats(_ root: String) throws -> (files: [WalkedFile], links: [String]) {
        let tree = try walk(root)
        return (tree.files.map { path in
            let full = FilePath.join(root, path)
            return WalkedFile(path: path, size: fileSize(full), modified: modificationTime(full))
        }, tree.links)
    }
}

public enum FilePath {
    public static func join(_ parts: String...) -> String { join(parts) }

    public static func join(_ parts: [String]) -> String {
        var out = ""
        for part in parts where !part.isEmpty {
            if out.isEmpty || part.hasPrefix("/") {
                out = part
            } else {
                out += out.hasSuffix("/") ? part : "/" + part
            }
        }
        return out
    }

    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    public static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// True when `normalize` would give the path back as it is.
    static func isNormal(_ path: String) -> Bool {
        var partLength = 0, dots = 0
        for byte in path.utf8 {
            if byte == UInt8(ascii: "/") {
                guard partLength > 0, dots != partLength || partLength > 2 else { return false }
                (partLength, dots) = (0, 0)
            } else {
                partLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return partLength > 0 && (dots != partLength || partLength > 2)
    }

    /// `a/b.min.css` -> (`a/b.min`, `css`)
    public static func splitExtension(_ path: String) -> (stem: String, ext: String) {
        let name = fileName(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return (path, "") }
        let ext = String(name[name.index(after: dot)...])
        return (String(path.dropLast(ext.count + 1)), ext)
    }

    /// Resolves `.` and `..` in a relative path; nil if it climbs above its start.
    public static func normalize(_ path: String) -> String? {
        // Most paths (every line of a manifest) are normal already: no empty, `.` or `..` part.
        if isNormal(path) { return path }
        if let ascii = normalizeASCII(path) { return ascii }
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    /// `normalize` on the bytes of an ASCII path (nil for any other, which goes the Character way:
    /// a combining mark after a `/` joins it into another Character). `.some(nil)` climbs out.
    private static func normalizeASCII(_ path: String) -> String?? {
        var path = path
        return path.withUTF8 { bytes -> String?? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            let slash = UInt8(ascii: "/"), dot = UInt8(ascii: ".")
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var starts: [Int] = []
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != slash { end += 1 }
                let length = end - start
                if length == 2, bytes[start] == dot, bytes[start + 1] == dot {
                    guard let last = starts.popLast() else { return .some(nil) }
                    out.removeSubrange(max(0, last - 1)...)
                } else if length > 0, length != 1 || bytes[start] != dot {
                    if !out.isEmpty { out.append(slash) }
                    starts.append(out.count)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                }
                start = end + 1
            }
            return .some(String(decoding: out, as: UTF8.self))
        }
    }
}

/// The real disk, through Foundation's FileManager.
public struct LocalFileSystem: FileSystem {
    public init() {}

    public func readBytes(_ path: String) throws -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw FileSystemError(path, "cannot read file")
        }
        return [UInt8](data)
    }

    public func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path) || isSymbolicLink(path)
    }

    // stat(2) and lstat(2) directly: FileManager builds an attribute dictionary per call, which
    // dominated checking whether thousands of files changed.
    public func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    public func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    public func fileSize(_ path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(info.st_size)
    }

    public func modificationTime(_ path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)
    }

    public func walk(_ root: String) throws -> (files: [String], links: [String]) {
        let tree = try readdirWalk(root, stats: false)
        return (tree.files.map(\.path), tree.links)
    }

    public func walkWithStats(_ root: String) throws -> (files: [WalkedFile], links: [String]) {
        try readdirWalk(root, stats: true)
    }

    public func list(_ path: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw FileSystemError(path, "cannot list folder")
        }
    }

    // Plain POSIX calls: FileManager's per-call overhead dominated writing thousands of small pages.
    public func write(_ bytes: [UInt8], to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystemError(path, "cannot write file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { raw in
                #if canImport(Glibc)
                Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                #else
                Darwin.write(fd, raw.baseAddress! + written, raw.count - written)
                #endif
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path, "cannot write file: \(String(cString: strerror(errno)))")
            }
            written += n
        }
    }

    public func createDirectory(_ path: String) throws {
        if mkdir(path, 0o755) == 0 || (errno == EEXIST && isDirectory(path)) { return }
        if errno == ENOENT, !path.isEmpty {
            try createDirectory(FilePath.directory(of: path))
            if mkdir(path, 0o755) == 0 || (errno == EEXIST && isDirectory(path)) { return }
        }
        throw FileSystemError(path, "cannot create folder: \(String(cString: strerror(errno)))")
    }

    public func move(from source: String, to destination: String) throws {
        // rename(2): atomic within one file system, which staging beside the output guarantees.
        guard rename(source, destination) == 0 else {
            throw FileSystemError(source, "cannot rename to \(destination): \(String(cString: strerror(errno)))")
        }
    }

    public func remove(_ path: String) throws {
        guard exists(path) else { return }
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw FileSystemError(path, "cannot remove: \(error.localizedDescription)")
        }
    }
}
