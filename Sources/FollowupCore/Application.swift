/// One job application: every interview note with the same company and role.
///
/// Company and role are compared without regard to case or surrounding spaces, so the phone screen
/// and the onsite for "Cyberdyne / ML Engineer" are one application. Its latest interview decides
/// who is thanked and when the check-ins fall.
public struct Application: Sendable, Equatable {
    /// The notes, oldest interview first (same day: earlier time first, then path).
    public let notes: [InterviewNote]
    /// Every log entry, oldest first (same day: in note order, then line order), sorted once here
    /// because every rule and every draft reads it.
    private let logOrder: [LoggedEntry]
    /// Everyone the notes name, interviewers and contacts, by lower-cased name: the latest note's
    /// mention first, with an email and a role filled in from older notes when it lacks them.
    /// Built once, so drafting a message for one of many interviews does not read every note.
    private let people: [String: Person]
    /// The index in `notes` of each note's path.
    private let indexOfPath: [String: Int]
    /// The company and role, as the latest note spells them, shared by every action planned.
    let opening: Action.Opening

    /// Where a log entry is: the index in `notes` of its note, and its index in that note's log.
    private struct LoggedEntry: Sendable, Equatable {
        let note: Int32
        let index: Int32
    }

    private func entry(_ logged: LoggedEntry) -> LogEntry {
        notes[Int(logged.note)].log[Int(logged.index)]
    }

    public init(notes: [InterviewNote]) {
        precondition(!notes.isEmpty, "an application has at least one interview")
        let sorted = notes.sorted { ($0.date, $0.minutes ?? -1, $0.path) < ($1.date, $1.minutes ?? -1, $1.path) }
        self.notes = sorted
        opening = Action.Opening(company: sorted[sorted.count - 1].company, role: sorted[sorted.count - 1].role)
        var logged: [(day: Day, place: LoggedEntry)] = []
        for (note, interview) in sorted.enumerated() {
            for (index, entry) in interview.log.enumerated() {
                logged.append((entry.day, LoggedEntry(note: Int32(note), index: Int32(index))))
            }
        }
        // Stable: the same day keeps note order, then line order.
        logOrder = logged.enumerated().sorted { ($0.element.day, $0.offset) < ($1.element.day, $1.offset) }
            .map(\.element.place)
        var people: [String: Person] = [:]
        for note in sorted.reversed() {
            for candidate in note.interviewers + (note.contact.map { [$0] } ?? []) {
                let key = candidate.name.lowercased()
                guard var found = people[key] else {
                    people[key] = candidate
                    continue
                }
                if found.email == nil || found.role == nil {
                    found.email = found.email ?? candidate.email
                    found.role = found.role ?? candidate.role
                    people[key] = found
                }
            }
        }
        self.people = people
        indexOfPath = Dictionary(sorted.indices.map { (sorted[$0].path, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// The person called `name` (in any case) in the notes, with their email and role when some
    /// note gives them; just the name when no note does.
    public func person(named name: String) -> Person {
        people[name.lowercased()] ?? Person(name: name)
    }

    /// The note at `path`, when it is one of this application's.
    public func note(at path: String) -> InterviewNote? {
        indexOfPath[path].map { notes[$0] }
    }

    public var latest: InterviewNote { notes[notes.count - 1] }
    public var company: String { latest.company }
    public var role: String? { latest.role }

    /// Groups notes into applications, ordered by company and role, on `jobs` threads (default:
    /// one per core).
    public static func group(_ notes: [InterviewNote], jobs: Int? = nil) -> [Application] {
        let keys = notes.concurrentMap(jobs: jobs) { key(company: $0.company, role: $0.role) }
        // Grouped by index: a note is copied once, into its application.
        var groups: [String: [Int]] = [:]
        for index in notes.indices { groups[keys[index], default: []].append(index) }
        return groups.sorted { $0.key < $1.key }.map(\.value).concurrentMap(jobs: jobs) { indices in
            Application(notes: indices.map { notes[$0] })
        }
    }

    private static func key(company: String, role: String?) -> String {
        func normal(_ text: String) -> String { text.trimmingCharacters(in: " \t").lowercased() }
        return normal(company) + "\u{0}" + normal(role ?? "")
    }

    /// Every log entry of every note, oldest first, each with the note it is in.
    var history: [(note: InterviewNote, entry: LogEntry)] {
        logOrder.map { (notes[Int($0.note)], entry($0)) }
    }

    /// The latest log entry that matches, found from the end without building the history.
    func lastLogEntry(where matches: (LogEntry) -> Bool) -> LogEntry? {
        logOrder.last { matches(entry($0)) }.map(entry)
    }
}
