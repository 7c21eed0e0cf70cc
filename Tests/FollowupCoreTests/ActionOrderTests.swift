import Testing

@testable import FollowupCore

/// NEXT.md's order: most urgent first, ties kept in the order the rules gave them, the same on
/// any number of threads. The sort orders the actions' keys by radix, then each run of tied keys
/// by comparing, and moves the actions into place cycle by cycle; this checks it against one
/// plain stable sort.
@Suite("Action order")
struct ActionOrderTests {
    /// A small deterministic generator (SplitMix64), so a failure names its seed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    /// Actions with few distinct values, so most share a due day and many share every key; the
    /// attempt (not a key) tells apart actions whose keys tie.
    static func actions(count: Int, seed: UInt64) -> [Action] {
        var random = Generator(state: seed)
        let start = Day(year: 2026, month: 11, day: 18)!
        let companies = ["Acme", "acme", "Globex", "Stark Industries", "Initech"]
        // Recipients are told apart first by eight bytes of an ASCII name: names that share them
        // or end within them, an empty name (no one, as nil is), and names that only Unicode's
        // rules order (a decomposed ë is the same name as a composed one).
        let people = [
            nil, "Ada", "Grace", "Grace Hopper", "Grace Hoppe", "Grace Hopper-Lee", "", "ada", "Zoë", "Zoe\u{308}",
            "Zoe", "Émile",
        ]
        return (0..<count).map { number in
            Action(
                kind: Action.Kind.allCases[random.next(Action.Kind.allCases.count)],
                company: companies[random.next(companies.count)], role: random.next(3) == 0 ? nil : "SRE",
                to: people[random.next(people.count)], due: start.adding(days: random.next(4)), attempt: number,
                title: "Send \(random.next(3))", note: "n\(random.next(3)).md", line: random.next(3) + 1)
        }
    }

    /// The order by definition: one stable sort on the documented keys.
    static func reference(_ actions: [Action]) -> [Action] {
        func key(_ action: Action) -> (Int, Int, String, String, String, String, Int, String) {
            (
                action.due.ordinal, Action.Kind.allCases.firstIndex(of: action.kind)!, action.company.lowercased(),
                (action.role ?? "").lowercased(), action.to ?? "", action.note, action.line, action.title
            )
        }
        return actions.enumerated().sorted { lhs, rhs in
            let (a, b) = (key(lhs.element), key(rhs.element))
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            if a.2 != b.2 { return a.2 < b.2 }
            if a.3 != b.3 { return a.3 < b.3 }
            if a.4 != b.4 { return a.4 < b.4 }
            if a.5 != b.5 { return a.5 < b.5 }
            if a.6 != b.6 { return a.6 < b.6 }
            if a.7 != b.7 { return a.7 < b.7 }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    @Test(arguments: [0, 1, 2, 3, 7, 100, 2_001, 12_000])
    func mostUrgentFirstIsOneStableSortOnAnyNumberOfThreads(count: Int) {
        for seed: UInt64 in [1, 2, 3] {
            let actions = Self.actions(count: count, seed: seed)
            let expected = Self.reference(actions)
            for jobs in [1, 2, 3] {
                let sorted = Action.mostUrgentFirst(actions, jobs: jobs)
                #expect(sorted == expected, "count \(count), seed \(seed), jobs \(jobs)")
            }
        }
    }

    /// Due days years apart and hundreds of applications, so that most bytes of the sort's key
    /// differ between actions, each a pass of the radix sort.
    @Test func mostUrgentFirstOrdersByEveryByteOfItsKey() {
        var random = Generator(state: 11)
        let start = Day(year: 2026, month: 11, day: 18)!
        let actions = Self.actions(count: 3_000, seed: 5).enumerated().map { number, action in
            var action = action
            action.due = start.adding(days: random.next(3) == 0 ? random.next(200_000) : random.next(2))
            if number % 2 == 0 {
                action = Action(
                    kind: action.kind, company: "Company \(random.next(700))", role: action.role, to: action.to,
                    due: action.due, attempt: number, title: action.title, note: action.note, line: action.line)
            }
            return action
        }
        #expect(Action.mostUrgentFirst(actions, jobs: 2) == Self.reference(actions))
    }

    /// The radix sort against a stable comparison sort, on keys that tie often and differ in
    /// every byte.
    @Test func keysAreOrderedAsAStableSortOrdersThem() {
        var random = Generator(state: 3)
        for count in [0, 1, 2, 255, 4_000] {
            let pool = (0..<max(1, count / 3)).map { _ in UInt64(random.next(Int.max)) << UInt64(random.next(2)) }
            let keys = (0..<count).map { _ in pool[random.next(pool.count)] }
            var sorted = keys
            let order = Action.ascendingOrder(sorting: &sorted)
            let expected = keys.indices.sorted { keys[$0] < keys[$1] || (keys[$0] == keys[$1] && $0 < $1) }
            #expect(order.map(Int.init) == expected, "count \(count)")
            #expect(sorted == keys.sorted(), "count \(count)")
        }
    }

    /// The sort's key holds a day in four bytes; days beyond them (no note gives one, but an
    /// action can hold any day) are still ordered by the day itself.
    @Test(arguments: [Int(Int32.max) - 2, Int(Int32.min) - 2])
    func daysBeyondTheKeysFourBytesAreOrderedByTheDay(around edge: Int) {
        var actions = Self.actions(count: 300, seed: 9)
        for index in actions.indices {
            actions[index].due = Day(ordinal: edge + (index * 7) % 6)
        }
        let expected = Self.reference(actions)
        for jobs in [1, 2] {
            #expect(Action.mostUrgentFirst(actions, jobs: jobs) == expected)
        }
    }

    /// A large vault plans hundreds of thousands of actions; the README gives their size.
    @Test func anActionIsSeventyTwoBytes() {
        #expect(MemoryLayout<Action>.stride == 72)
    }

    /// The counts by horizon, found by bisection in the sorted actions, are the counts of each
    /// action's own horizon, for days before, on and after every boundary.
    @Test func horizonCountsAreEachActionsHorizon() {
        for seed: UInt64 in 0..<40 {
            let actions = Self.actions(count: Int(seed) * 3, seed: seed)
            for offset in -2...10 {
                let plan = Plan(
                    today: Day(year: 2026, month: 11, day: 18)!.adding(days: offset - 4), actions: actions, problems: []
                )
                var expected: [Plan.Horizon: Int] = [:]
                for action in plan.actions { expected[plan.horizon(of: action), default: 0] += 1 }
                #expect(plan.actionCounts == expected, "seed \(seed), offset \(offset)")
            }
        }
    }
}
