import Synchronization

/// What a one-shot build made, left for the process's exit to reclaim. Freeing a large site's
/// memos and pages object by object took tens of milliseconds on one core after the last step,
/// for a process about to end (clang's -disable-free does the same). A session that builds again
/// frees as usual: only the command line's single build asks for this.
enum ExitMemory {
    private static let kept = Mutex<[any Sendable]>([])

    static func keep(_ value: any Sendable) {
        kept.withLock { $0.append(value) }
    }
}
