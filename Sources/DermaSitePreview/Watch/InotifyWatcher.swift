#if os(Linux)
import DermaSite
import Foundation
import Glibc
import Synchronization

/// Linux's inotify: one watch per folder (inotify is not recursive), added for new folders as
/// they appear. Events are read on a thread of its own, which sleeps in poll(2) until the kernel
/// has events, a batch is due, or `stop` wakes it through a pipe.
public final class InotifyWatcher: FileWatcher, Sendable {
    private let settings: WatchSettings
    private let descriptor: Int32
    private let wake: [Int32]
    private let stopped = Atomic(false)
    /// Watch descriptor to folder, relative to the root ("" is the root itself).
    private let folders = Mutex<[Int32: String]>([:])

    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
                                     | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    public init?(_ settings: WatchSettings) {
        let fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        var pipeEnds: [Int32] = [0, 0]
        guard pipe(&pipeEnds) == 0 else {
            close(fd)
            return nil
        }
        self.settings = settings
        descriptor = fd
        wake = pipeEnds
    }

    deinit {
        close(descriptor)
        close(wake[0])
        close(wake[1])
    }

    public func start(onChange: @escaping @Sendable (ChangeSet) -> Void) throws {
        // The root itself, so Content/ or Templates/ made again later are noticed.
        guard watch("") else { throw FileSystemError(settings.root, "cannot watch this folder for changes") }
        for folder in settings.folders { addTree(folder) }
        let thread = Thread { [self] in run(onChange) }
        thread.name = "dermasite-watch"
        thread.start()
    }

    public func stop() {
        stopped.store(true, ordering: .sequentiallyConsistent)
        var byte: UInt8 = 1
        _ = write(wake[1], &byte, 1)
    }

    private var isStopped: Bool { stopped.load(ordering: .sequentiallyConsistent) }

    @discardableResult
    private func watch(_ folder: String) -> Bool {
        let full = folder.isEmpty ? settings.root : FilePath.join(settings.root, folder)
        let wd = inotify_add_watch(descriptor, full, Self.mask)
        guard wd >= 0 else { return false }
        folders.withLock { $0[wd] = folder }
        return true
    }

    /// Watches a folder and every folder below it; hidden folders are skipped, as builds skip them.
    private func addTree(_ folder: String) {
        guard watch(folder) else { return }
        let full = FilePath.join(settings.root, folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: full)) ?? [] where !name.hasPrefix(".") || name == ".well-known" {
            var isFolder: ObjCBool = false
            let child = FilePath.join(full, name)
            let attributes = try? FileManager.default.attributesOfItem(atPath: child)
            if attributes?[.type] as? FileAttributeType == .typeDirectory,
               FileManager.default.fileExists(atPath: child, isDirectory: &isFolder), isFolder.boolValue {
                addTree(FilePath.join(folder, name))
            }
        }
    }

    private func run(_ onChange: @Sendable (ChangeSet) -> Void) {
        var debouncer = Debouncer(quiet: settings.quietPeriod, maxDelay: settings.maxDelay)
        let clock = ContinuousClock()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            let wait = debouncer.wait(at: clock.now)
            let timeout = wait.map { Int32(max(0, ($0.components.seconds * 1000) + Int64($0.components.attoseconds / 1_000_000_000_000_000))) } ?? -1
            var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0), pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, 2, wait == nil ? -1 : max(timeout, 1))
            if isStopped { break }
            if ready > 0, fds[0].revents & Int16(POLLIN) != 0 {
                let count = read(descriptor, &buffer, buffer.count)
                if count > 0 { handle(buffer[0..<count], into: &debouncer, now: clock.now) }
            }
            if let due = debouncer.wait(at: clock.now), due == .zero {
                onChange(debouncer.take())
            }
        }
    }

    private func handle(_ bytes: ArraySlice<UInt8>, into debouncer: inout Debouncer, now: ContinuousClock.Instant) {
        var offset = bytes.startIndex
        func field(_ at: Int) -> UInt32 {
            UInt32(bytes[at]) | UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at + 2]) << 16 | UInt32(bytes[at + 3]) << 24
        }
        while offset + 16 <= bytes.endIndex {
            let wd = Int32(bitPattern: field(offset)), mask = field(offset + 4), length = Int(field(offset + 12))
            let nameBytes = bytes[(offset + 16)..<min(offset + 16 + length, bytes.endIndex)].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            offset += 16 + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                debouncer.overflow(at: now)
                continue
            }
            guard let folder = folders.withLock({ $0[wd] }) else { continue }
            if mask & UInt32(IN_IGNORED) != 0 {
                folders.withLock { $0[wd] = nil }
                continue
            }
            let path = name.isEmpty ? folder : FilePath.join(folder, name)
            if folder.isEmpty {
                // At the root only the watched folders themselves matter.
                guard settings.folders.contains(name) else { continue }
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 { addTree(name) }
                debouncer.add(name, at: now)
                continue
            }
            // Hidden names are no change, as builds skip them: an editor's swap file, or the
            // temporary copy a save writes before renaming it over the file. Reported, the copy
            // made a rebuild that found nothing new, just before the one for the save.
            if name.hasPrefix("."), name != ".well-known" { continue }
            if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                addTree(path)  // then its files are reported as the folder
            }
            if !path.isEmpty { debouncer.add(path, at: now) }
        }
    }
}
#endif
