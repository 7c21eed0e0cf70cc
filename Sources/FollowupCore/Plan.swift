/// Everything to send or do across a vault, as of one day: what NEXT.md shows.
public struct Plan: Sendable, Equatable {
    public var today: Day
    /// Most urgent first, so in order of due day, which NEXT.md's horizons and their counts rely
    /// on: set only by the initializer, which sorts them.
    public private(set) var actions: [Action]
    /// Every problem in every note, by note, line and column.
    public var problems: [Problem]
    /// The applications the actions come from: drafts read the people and the notes from here.
    public let applications: [Application]
    /// Which application each opening (company and role) is, by object: one lookup per action,
    /// and one entry per application rather than per note.
    private let applicationOfOpening: [ObjectIdentifier: Int]

    public init(
        today: Day, actions: consuming [Action], problems: [Problem], applications: [Application] = [],
        jobs: Int? = nil
    ) {
        self.today = today
        self.actions = Action.mostUrgentFirst(consume actions, jobs: jobs)
        self.problems = problems.sorted()
        self.applications = applications
        applicationOfOpening = Dictionary(
            applications.indices.map { (ObjectIdentifier(applications[$0].opening), $0) },
            uniquingKeysWith: { first, _ in first })
    }

    /// Plans from what was read of each file: the notes are grouped into applications and the
    /// rules applied; the problems are kept. Applications are planned on `jobs` threads (default:
    /// one per core); the plan is the same for any number.
    public init(readings: consuming [NoteReading], today: Day, jobs: Int? = nil) {
        // Each stage lets go of the one before it, so that a large vault is not held in memory
        // twice: the readings once their notes are taken, the notes once grouped, each
        // application's actions once gathered.
        // The notes and problems are moved out of the readings, not copied: a copy retains each
        // note's storage, and the readings' end releases it again, touching every note's memory
        // on one thread while the others wait.
        var readings = consume readings
        var notes: [InterviewNote] = []
        notes.reserveCapacity(readings.count)
        var problems: [Problem] = []
        readings.withUnsafeMutableBufferPointer { slots in
            guard let base = slots.baseAddress else { return }
            for slot in slots.indices.lazy.map({ base + $0 }) {
                let note = slot.pointer(to: \.note)!
                if let taken = note.move() { notes.append(taken) }
                note.initialize(to: nil)
                if !slot.pointee.problems.isEmpty { problems += slot.pointee.problems }
            }
        }
        _ = consume readings
        let applications = Application.group(consume notes, jobs: jobs)
        let actions = Self.actions(for: applications, jobs: jobs)
        self.init(today: today, actions: consume actions, problems: problems, applications: applications, jobs: jobs)
    }

    /// Every application's actions in one array, in application order. The array is made once,
    /// at the most actions each application can have (``Rules/mostActions(for:)``); each
    /// application's actions are moved into its part on the thread that planned them, then the
    /// parts are closed up. Gathering lists made first into a second whole held every action twice
    /// at once: at 100,000 notes a third of the peak memory.
    private static func actions(for applications: [Application], jobs: Int?) -> [Action] {
        var starts = [Int](repeating: 0, count: applications.count + 1)
        for (index, application) in applications.enumerated() {
            starts[index + 1] = starts[index] + Rules.mostActions(for: application)
        }
        return [Action](exactCapacity: starts[applications.count]) { buffer, count in
            nonisolated(unsafe) let base = buffer.baseAddress
            let counts = starts.withUnsafeBufferPointer { starts in
                nonisolated(unsafe) let starts = starts
                return Array(applications.indices).concurrentMap(jobs: jobs) { index in
                    var list = Rules.actions(for: applications[index])
                    precondition(
                        list.count <= starts[index + 1] - starts[index],
                        "an application planned more actions than it can have")
                    return Action.move(from: &list, to: base.map { $0 + starts[index] })
                }
            }
            count = 0
            for index in applications.indices where counts[index] > 0 {
                // Down, to follow the part before: the regions may overlap, which moving allows.
                if starts[index] != count {
                    (base! + count).moveInitialize(from: base! + starts[index], count: counts[index])
                }
                count += counts[index]
            }
        }
    }

    /// Plans are equal when they say the same: the index of applications by object is left out,
    /// since two plans made from the same notes hold different objects.
    public static func == (lhs: Plan, rhs: Plan) -> Bool {
        lhs.today == rhs.today && lhs.actions == rhs.actions && lhs.problems == rhs.problems
            && lhs.applications == rhs.applications
    }

    /// The application that `action` belongs to: the one holding the note it comes from.
    public func application(of action: Action) -> Application? {
        // The rules give each action its application's opening; an action made elsewhere is found
        // by its note.
        if let opening = action.opening, let number = applicationOfOpening[ObjectIdentifier(opening)] {
            return applications[number]
        }
        return applications.first { $0.note(at: action.note) != nil }
    }

    /// Whether some note could not be read or planned; warnings do not count.
    public var hasErrors: Bool { problems.contains { $0.severity == .error } }

    /// How soon an action is due, as NEXT.md groups them.
    public enum Horizon: CaseIterable, Sendable {
        case overdue, today, nextSevenDays, later

        public var title: String {
            switch self {
            case .overdue: "Overdue"
            case .today: "Today"
            case .nextSevenDays: "Next 7 days"
            case .later: "Later"
            }
        }
    }

    /// How many actions each horizon has (none for a horizon without actions).
    public var actionCounts: [Horizon: Int] {
        // The actions are most urgent first, so in order of due day: each horizon is a run of
        // them, whose ends are found by bisection rather than by reading every action (a serial
        // step before NEXT.md is written, and again for the line the command prints).
        assert(actions.indices.dropFirst().allSatisfy { actions[$0 - 1].due <= actions[$0].due }, "actions in order")
        let ends = [today, today.adding(days: 1), today.adding(days: 8)].map(firstAction(dueOnOrAfter:))
        let runs = zip(Horizon.allCases, zip([0] + ends, ends + [actions.count]))
        var counts: [Horizon: Int] = [:]
        for (horizon, (start, end)) in runs where end > start { counts[horizon] = end - start }
        return counts
    }

    /// The index of the first action due on `day` or later, or the number of actions.
    private func firstAction(dueOnOrAfter day: Day) -> Int {
        var (low, high) = (0, actions.count)
        while low < high {
            let middle = (low + high) / 2
            if actions[middle].due >= day { high = middle } else { low = middle + 1 }
        }
        return low
    }

    public func horizon(of action: Action) -> Horizon {
        let days = today.days(until: action.due)
        switch days {
        case ..<0: return .overdue
        case 0: return .today
        case 1...7: return .nextSevenDays
        default: return .later
        }
    }
}
