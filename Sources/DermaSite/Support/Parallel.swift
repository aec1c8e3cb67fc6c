import Dispatch
import Foundation
import Synchronization

/// Runs independent work on every core. Pages, Markdown and front matter are rendered or parsed
/// one item per call, and results keep the input order, so output does not depend on scheduling.
public enum Parallel {
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) throws -> R) throws -> [R] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count)
        if workers < 2 { return try items.map(transform) }
        let results = Slots<R>(count: items.count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = next.take(below: items.count) {
                do {
                    results.set(index, .success(try transform(items[index])))
                } catch {
                    results.set(index, .failure(error))
                }
            }
        }
        return try results.collect()
    }

    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        // The throwing variant cannot throw when `transform` does not.
        try! map(items, { (item: T) throws -> R in transform(item) })
    }

    /// `map` where each worker keeps a value of its own from item to item, such as a memo of a
    /// pure function: which worker took an item must not change its result.
    static func map<T: Sendable, R: Sendable, W>(_ items: [T], worker: @Sendable () -> W,
                                                   _ transform: @Sendable (inout W, T) throws -> R) throws -> [R] {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count)
        if workers < 2 {
            var state = worker()
            return try items.map { try transform(&state, $0) }
        }
        let results = Slots<R>(count: items.count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var state = worker()
            while let index = next.take(below: items.count) {
                do {
                    results.set(index, .success(try transform(&state, items[index])))
                } catch {
                    results.set(index, .failure(error))
                }
            }
        }
        return try results.collect()
    }

    static func map<T: Sendable, R: Sendable, W>(_ items: [T], worker: @Sendable () -> W,
                                                   _ transform: @Sendable (inout W, T) -> R) -> [R] {
        try! map(items, worker: worker, { (state: inout W, item: T) throws -> R in transform(&state, item) })
    }
}

extension Parallel {
    /// Lets go of `items` on every core: freeing thousands of pages' values one after another
    /// was a wait on one core. Each worker ends its share's references; an item freed there must
    /// have had no other (else it is only a count less, as anywhere). Fewer than 512 items, or
    /// one core, go on this core.
    static func release<T: Sendable>(_ items: consuming [T]) {
        let workers = min(ProcessInfo.processInfo.activeProcessorCount, items.count / 256)
        guard workers >= 2 else { return }
        let share = Share(items)
        // The array's own references go here, on this core: a count each, nothing is freed.
        items = []
        let count = share.buffer.count
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let range = (worker * count / workers)..<((worker + 1) * count / workers)
            share.buffer.extracting(range).deinitialize()
        }
        share.buffer.deallocate()
    }
}

/// A copy of some items in memory of its own, each part deinitialized by one worker.
private final class Share<T: Sendable>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T>

    init(_ items: [T]) {
        buffer = .allocate(capacity: items.count)
        _ = buffer.initialize(fromContentsOf: items)
    }
}

/// One result slot per item. Unchecked because the compiler cannot see that each slot is written
/// by exactly one worker (the counter hands each index out once) and read only after all finish.
private final class Slots<R>: @unchecked Sendable {
    private let buffer: UnsafeMutableBufferPointer<Result<R, Error>?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    deinit {
        buffer.deinitialize()
        buffer.deallocate()
    }

    func set(_ index: Int, _ value: Result<R, Error>) { buffer[index] = value }

    func collect() throws -> [R] {
        var out: [R] = []
        out.reserveCapacity(buffer.count)
        for slot in buffer { out.append(try slot!.get()) }
        return out
    }
}

/// Hands out indices one at a time, so a slow item does not hold up a whole share of the work.
private final class Counter: Sendable {
    private let value = Atomic<Int>(0)

    func take(below limit: Int) -> Int? {
        let index = value.wrappingAdd(1, ordering: .relaxed).oldValue
        return index < limit ? index : nil
    }
}
