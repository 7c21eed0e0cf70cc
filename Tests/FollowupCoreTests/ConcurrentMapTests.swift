import Testing

@testable import FollowupCore

@Suite("Mapping on all cores")
struct ConcurrentMapTests {
    /// A short list is handed out an element at a time, so every thread gets some of it; a long
    /// one in batches of up to 16, so the shared counter is rarely touched, and small enough that
    /// the last batch, left to one thread, is short.
    @Test func batchesLeaveWorkForEveryThread() {
        #expect([Int].batchSize(count: 6, threads: 2) == 1)
        #expect([Int].batchSize(count: 64, threads: 2) == 2)
        #expect([Int].batchSize(count: 160, threads: 2) == 5)
        #expect([Int].batchSize(count: 10_000, threads: 2) == 16)
        #expect([Int].batchSize(count: 1, threads: 8) == 1)
        #expect([Int].batchSize(count: 0, threads: 0) == 1)
        for count in 1...300 {
            for threads in 1...9 {
                let batch = [Int].batchSize(count: count, threads: threads)
                #expect((1...16).contains(batch))
                // At least sixteen batches a thread whenever the list is long enough for them.
                if count >= threads * 16 { #expect(count / batch >= threads * 16 || batch == 1) }
            }
        }
    }

    @Test func everyElementLandsInItsSlotForAnyNumberOfThreads() {
        for count in [0, 1, 5, 6, 17, 64, 1000] {
            let input = Array(0..<count)
            for jobs in [1, 2, 3, 8] {
                #expect(input.concurrentMap(jobs: jobs) { $0 * 3 + 1 } == input.map { $0 * 3 + 1 })
            }
        }
    }

    /// Finders for notes without interviewers (no bytes at all) made on many threads at once: an
    /// empty array made through the standard library's uninitialized-capacity initializer writes
    /// to the storage every empty array shares, which ThreadSanitizer (`make tsan`) reports.
    @Test func emptyFindersAreMadeOnManyThreadsAtOnce() {
        let found = Array(0..<2_000).concurrentMap(jobs: 8) { index in
            let finder = AnyWordFinder(index % 2 == 0 ? [] : [""])
            return finder.isFound(in: "Ada") == (index % 2 == 1) && !finder.isFound(in: "")
        }
        #expect(found.allSatisfy { $0 })
    }

    /// `takeEach` hands over every element in order and keeps no copy: each object taken is then
    /// held by the taker alone, and the array holds the placeholder in every slot.
    @Test func takingEachElementLeavesNoCopyBehind() {
        final class Box {
            let value: Int
            init(_ value: Int) { self.value = value }
        }
        let placeholder = Box(-1)
        var boxes = (0..<100).map { Box($0) }
        var taken: [Box] = []
        boxes.takeEach(leaving: placeholder) { taken.append($0) }
        #expect(taken.map(\.value) == Array(0..<100))
        #expect(boxes.count == 100 && boxes.allSatisfy { $0 === placeholder })
        for index in taken.indices { #expect(isKnownUniquelyReferenced(&taken[index])) }
    }
}
