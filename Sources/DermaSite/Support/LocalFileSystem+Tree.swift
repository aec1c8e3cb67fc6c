import CSystemCalls
import Foundation

/// Whole-tree operations of the real disk: the exchange that publishes a site in one step, hard
/// links, and the lock that keeps two builds from writing one output at once.
extension LocalFileSystem {
    public func exchange(_ first: String, _ second: String) throws {
        guard dermasite_exchange_paths(first, second) != 0 else { return }
        let code = errno
        let unsupported = [ENOSYS, EINVAL, EXDEV, EBUSY, ENOTSUP, EOPNOTSUPP, EPERM].contains(code)
        throw FileSystemError(first, "cannot exchange with \(second): \(String(cString: strerror(code)))", unsupported: unsupported)
    }

    public func hardLink(from existing: String, to new: String) throws {
        guard link(existing, new) != 0 else { return }
        throw FileSystemError(existing, "cannot link to \(new): \(String(cString: strerror(errno)))")
    }

    public func withExclusiveLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw FileSystemError(path, "cannot open the lock file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = String(decoding: (try? readBytes(path)) ?? [], as: UTF8.self).trimmingWhitespace()
            throw FileSystemError(path, "another dermasite\(holder.isEmpty ? "" : " (process \(holder))") is writing this output; wait for it to finish, or stop it")
        }
        defer { flock(fd, LOCK_UN) }
        let pid = Array(String(getpid()).utf8)
        if ftruncate(fd, 0) == 0 { _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) } }
        return try body()
    }
}

extension LocalFileSystem {
    public func resolvedPath(_ path: String) -> String {
        let original = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var absolute = original
        // Lexically first: realpath below needs an existing path, and `x/..` must not skip a link check.
        var missing: [String] = []
        while true {
            if let real = realpath(absolute, nil) {
                defer { free(real) }
                let base = String(cString: real)
                let joined = ([base == "/" ? "" : base] + missing.reversed()).joined(separator: "/")
                return "/" + (FilePath.normalize(joined) ?? joined)
            }
            let name = FilePath.fileName(of: absolute)
            absolute = FilePath.directory(of: absolute)
            if absolute.isEmpty { absolute = "/" }
            if name == ".." { return "/" + (FilePath.normalize(original) ?? original) }  // cannot resolve past a missing folder
            if !name.isEmpty && name != "." { missing.append(name) }
        }
    }
}

extension MemoryFileSystem {
    public func resolvedPath(_ path: String) -> String { "/" + (FilePath.normalize(path) ?? path) }

    public func hardLink(from existing: String, to new: String) throws {
        try write(try readBytes(existing), to: new)
    }

    public func withExclusiveLock<T>(_ path: String, _ body: () throws -> T) throws -> T { try body() }
}
