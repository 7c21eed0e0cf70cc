import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// `map` on `jobs` threads (default: one per core), each result in its element's slot, so the
    /// result is the same as `map`'s for any number of threads. Work is handed out in small
    /// batches from a shared counter, which keeps every thread busy to the end even when one
    /// element costs far more than the rest.
    public func concurrentMap<T: Sendable>(jobs: Int? = nil, _ transform: @Sendable (Element) -> T) -> [T] {
        withUnsafeBufferPointer { input in
            nonisolated(unsafe) let input = input
            return [T](count: count, jobs: jobs) { transform(input[$0]) }
        }
    }

    /// `(0..<count).map(make)` on `jobs` threads (default: one per core), as `concurrentMap` runs.
    /// Each thread initializes its elements in the array's own storage: no second copy of what may
    /// be hundreds of megabytes of notes.
    public init(count: Int, jobs: Int? = nil, _ make: @Sendable (Int) -> Element) {
        let threads = Swift.min(jobs ?? Cores.available, count)
        guard threads > 1 else {
            self = (0..<count).map(make)
            return
        }
        let next = BatchCounter()
        let batch = Self.batchSize(count: count, threads: threads)
        self.init(unsafeUninitializedCapacity: count) { slots, initialized in
            nonisolated(unsafe) let output = slots
            withoutActuallyEscaping(make) { make in
                DispatchQueue.concurrentPerform(iterations: threads) { _ in
                    while true {
                        let start = next.take(batch)
                        guard start < count else { return }
                        for index in start..<Swift.min(start + batch, count) {
                            (output.baseAddress! + index).initialize(to: make(index))
                        }
                    }
                }
            }
            initialized = count
        }
    }
}

extension Array {
    /// How many elements a thread of ``init(count:jobs:_:)`` takes at a time: up to 16, so that
    /// the shared counter is rarely touched, but at least sixteen batches a thread. A short list
    /// of costly elements (NEXT.md's mail links, six runs of 256 for 10,000 notes) would otherwise
    /// be one batch, taken whole by one thread while the others wait; and the last batch of a
    /// list is left to one thread: at 100,000 notes, 160 applications in batches of 16 (each
    /// application of ~600 notes) left one core idle for tens of milliseconds.
    static func batchSize(count: Int, threads: Int) -> Int {
        Swift.max(1, Swift.min(16, count / Swift.max(1, threads * 16)))
    }

    /// `init(unsafeUninitializedCapacity:initializingWith:)`, safe on any thread for a capacity of
    /// zero too: there the standard library writes the count into the one storage every empty
    /// array shares, and two threads doing it at once (or one doing it while another reads an
    /// empty array) race (ThreadSanitizer caught it planning applications without actions).
    /// An empty array is returned without calling `initializer`, which has nothing to initialize.
    init(
        exactCapacity capacity: Int,
        initializingWith initializer: (inout UnsafeMutableBufferPointer<Element>, inout Int) throws -> Void
    ) rethrows {
        guard capacity > 0 else {
            self = []
            return
        }
        try self.init(unsafeUninitializedCapacity: capacity, initializingWith: initializer)
    }
}

/// A counter shared by the threads of `concurrentMap`: each `take` hands out the next batch.
private final class BatchCounter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(_ count: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        let start = value
        value += count
        return start
    }
}

extension Array {
    /// Takes each element out, in order, and hands it to `body` to keep, without a copy: a copy
    /// retains every object the element holds and the array's end releases them again, touching
    /// memory long gone cold (100,000 notes' readings, on one thread while the others wait).
    /// Each slot is left holding `placeholder`, which should hold no object.
    public mutating func takeEach(leaving placeholder: Element, _ body: (consuming Element) -> Void) {
        withUnsafeMutableBufferPointer { slots in
            guard let base = slots.baseAddress else { return }
            for index in slots.indices {
                body((base + index).move())
                (base + index).initialize(to: placeholder)
            }
        }
    }
}

/// The cores work is spread over when no number of jobs is given.
enum Cores {
    static var available: Int { ProcessInfo.processInfo.activeProcessorCount }
}
