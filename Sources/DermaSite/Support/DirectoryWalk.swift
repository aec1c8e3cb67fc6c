import Foundation

/// A file found by `walkWithStats`, with what one `lstat` said of it.
public struct WalkedFile: Sendable, Equatable {
    /// Relative to the folder walked.
    public var path: String
    /// Size in bytes of a regular file; nil for anything else.
    public var size: Int?
    /// Modification time in nanoseconds since 1970.
    public var modified: Int?

    public init(path: String, size: Int?, modified: Int?) {
        self.path = path
        self.size = size
        self.modified = modified
    }
}

extension LocalFileSystem {
    /// `walk` and `walkWithStats` on the real disk: each folder read once with readdir, an entry's
    /// kind taken from it, and a file's size and time from one `fstatat` relative to its folder.
    /// The build's "has anything changed?" check walks every input file: by full paths, with
    /// FileManager listing and four `stat`s a file, that was most of a no-change rebuild.
    func readdirWalk(_ root: String, stats: Bool) throws -> (files: [WalkedFile], links: [String]) {
        let rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else { throw FileSystemError(root, "cannot list folder") }
        var files: [WalkedFile] = [], links: [String] = []
        func visit(_ fd: Int32, _ relative: String, _ fullPath: String) throws {
            // fdopendir takes the descriptor over: closedir closes it.
            guard let directory = fdopendir(fd) else {
                close(fd)
                throw FileSystemError(fullPath, "cannot list folder")
            }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                // Hidden names (.git, .DS_Store) are skipped; .well-known/ is a web standard and kept.
                guard !name.hasPrefix(".") || name == ".well-known" else { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                var kind = Int32(entry.pointee.d_type)
                let needStat = kind == Int32(DT_UNKNOWN) || (stats && kind != Int32(DT_DIR) && kind != Int32(DT_LNK))
                if needStat {
                    guard fstatat(dirfd(directory), name, &info, AT_SYMLINK_NOFOLLOW) == 0 else {
                        // Gone since it was listed: as `walk`, a file it cannot say more of.
                        files.append(WalkedFile(path: child, size: nil, modified: nil))
                        continue
                    }
                    if kind == Int32(DT_UNKNOWN) {
                        switch info.st_mode & S_IFMT {
                        case S_IFLNK: kind = Int32(DT_LNK)
                        case S_IFDIR: kind = Int32(DT_DIR)
                        default: kind = Int32(DT_REG)
                        }
                    }
                }
                if kind == Int32(DT_LNK) {
                    links.append(child)
                } else if kind == Int32(DT_DIR) {
                    let childFD = openat(dirfd(directory), name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                    guard childFD >= 0 else { throw FileSystemError(fullPath + "/" + name, "cannot list folder") }
                    try visit(childFD, child, fullPath + "/" + name)
                } else if stats {
                    let regular = (info.st_mode & S_IFMT) == S_IFREG
                    files.append(WalkedFile(path: child, size: regular ? Int(info.st_size) : nil,
                                            modified: Int(info.st_mtim.tv_sec) * 1_000_000_000 + Int(info.st_mtim.tv_nsec)))
                } else {
                    files.append(WalkedFile(path: child, size: nil, modified: nil))
                }
            }
        }
        try visit(rootFD, "", root)
        files.sort { $0.path < $1.path }
        return (files, links.sorted())
    }
}
