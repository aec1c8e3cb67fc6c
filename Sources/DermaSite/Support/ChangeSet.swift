/// Which input files changed since the last build, as paths relative to the site root
/// (`Content/articles/a.md`, `Templates/partials`). A folder stands for everything below it.
public enum ChangeSet: Sendable, Equatable {
    /// Unknown: read everything again (a first build, or a watcher that lost events).
    case everything
    case paths(Set<String>)

    /// Both sets of changes: a burst of saves becomes one rebuild of its final state.
    public func merged(with other: ChangeSet) -> ChangeSet {
        guard case let .paths(mine) = self, case let .paths(theirs) = other else { return .everything }
        return .paths(mine.union(theirs))
    }

    /// True when `path`, a folder above it, or anything below it changed.
    public func touches(_ path: String) -> Bool {
        guard case let .paths(paths) = self else { return true }
        if paths.contains(path) { return true }
        var folder = FilePath.directory(of: path)
        while !folder.isEmpty {
            if paths.contains(folder) { return true }
            folder = FilePath.directory(of: folder)
        }
        let prefix = path + "/"
        return paths.contains { $0.hasPrefix(prefix) }
    }

    /// True when the file itself or a folder above it changed (cheaper than `touches` for files).
    public func contains(_ file: String) -> Bool {
        guard case let .paths(paths) = self else { return true }
        var path = file
        while !path.isEmpty {
            if paths.contains(path) { return true }
            path = FilePath.directory(of: path)
        }
        return false
    }
}
