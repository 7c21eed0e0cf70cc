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
    /// Everyone the notes name, interviewers and contacts, once each, in order of lower-cased
    /// name: where the latest note names them, and where the first mentions that give an email
    /// and a role are (older notes fill in what the latest lacks). Built once, so drafting a
    /// message for one of many interviews does not read every note; places in the notes rather
    /// than copies of the people, whose strings were a sixth of a large vault's memory.
    private let people: [Named]
    /// The indices in `notes`, in order of path.
    private let byPath: [Int32]
    /// The company and role, as the latest note spells them, shared by every action planned.
    let opening: Action.Opening

    private struct Named: Sendable, Equatable {
        /// The name, in lower case: for a name of up to 16 ASCII bytes, two integers.
        let key: LowercaseKey
        let name: Place
        var email: Place?
        var role: Place?
    }

    /// A person in the notes: the index in `notes` of the note, and in that note's people.
    private struct Place: Sendable, Equatable {
        let note: Int32
        let person: Int32
    }

    /// The lower-cased name of the person at `place` in `notes`.
    private static func key(_ place: Place, in notes: [InterviewNote]) -> LowercaseKey {
        notes[Int(place.note)].withPersonName(at: Int(place.person)) { LowercaseKey(utf8: $0) }
    }

    private func person(at place: Place) -> Person { notes[Int(place.note)].person(at: Int(place.person)) }

    /// Where a log entry is: the index in `notes` of its note, and its index in that note's log.
    private struct LoggedEntry: Sendable, Equatable {
        let note: Int32
        let index: Int32
    }

    private func entry(_ logged: LoggedEntry) -> LogEntry {
        notes[Int(logged.note)].logEntry(at: Int(logged.index))
    }

    public init(notes: [InterviewNote]) {
        precondition(!notes.isEmpty, "an application has at least one interview")
        // Each note's day and time read once, not at every comparison (a note decodes them).
        let times = notes.map { (day: $0.date.ordinal, minutes: $0.minutes ?? -1) }
        // A vault gives an application's notes in order of path, each path once: then a note's
        // index orders it as its path does, and a day's interviews are not put in order by
        // comparing their paths (a large vault's applications have many on one day).
        let inPathOrder = Self.areInOrderOfASCIIPath(notes)
        let order = notes.indices.sorted { left, right in
            let (a, b) = (times[left], times[right])
            if a.day != b.day { return a.day < b.day }
            if a.minutes != b.minutes { return a.minutes < b.minutes }
            return inPathOrder ? left < right : notes[left].path < notes[right].path
        }
        let sorted = order.map { notes[$0] }
        self.notes = sorted
        opening = Action.Opening(company: sorted[sorted.count - 1].company, role: sorted[sorted.count - 1].role)
        var logged: [(day: Day, place: LoggedEntry)] = []
        for (note, interview) in sorted.enumerated() {
            for index in 0..<interview.logCount {
                logged.append((interview.logDay(at: index), LoggedEntry(note: Int32(note), index: Int32(index))))
            }
        }
        // Stable: the same day keeps note order, then line order (the place in `logged`).
        logOrder = logged.indices.sorted { left, right in
            let (a, b) = (logged[left].day.ordinal, logged[right].day.ordinal)
            return a != b ? a < b : left < right
        }.map { logged[$0].place }
        people = Self.people(in: sorted)
        // In bytewise order, as note(at:) searches it: the order the notes came in, when it was
        // that. Otherwise integers compared before strings; stable: notes at one path (a plan made
        // from readings, not a folder) keep their order.
        if inPathOrder {
            var byPath = [Int32](repeating: 0, count: order.count)
            for (position, index) in order.enumerated() { byPath[index] = Int32(position) }
            self.byPath = byPath
        } else {
            byPath = Text.bytewiseOrder(sorted.map(\.path)).map(Int32.init)
        }
    }

    /// Whether the notes' paths are ASCII and each comes after the one before it, byte by byte:
    /// then their order is the one String's `<` gives them, and each path is there once.
    private static func areInOrderOfASCIIPath(_ notes: [InterviewNote]) -> Bool {
        var previous = ""
        for (index, note) in notes.enumerated() {
            var path = note.path
            guard path.withUTF8(Text.isASCII), index == 0 || Text.bytewiseCompare(previous, path) < 0 else {
                return false
            }
            previous = path
        }
        return true
    }

    /// Every mention of a person in `notes`, latest note first (interviewers in order, then the
    /// contact), merged by lower-cased name; names compared where they are, without a copy.
    private static func people(in notes: [InterviewNote]) -> [Named] {
        var mentions: [(key: LowercaseKey, place: Place)] = []
        for note in notes.indices.reversed() {
            for person in 0..<notes[note].peopleCount {
                let place = Place(note: Int32(note), person: Int32(person))
                mentions.append((key(place, in: notes), place))
            }
        }
        // By name, and for one name in the order of mention (the sort is stable): the latest first.
        mentions.sort { $0.key.compare($1.key) < 0 }
        // Room for each name once, counted first: an application is kept to the end of the run.
        var names = mentions.isEmpty ? 0 : 1
        for position in mentions.indices.dropFirst() where mentions[position - 1].key != mentions[position].key {
            names += 1
        }
        var people: [Named] = []
        people.reserveCapacity(names)
        for (key, place) in mentions {
            let has = notes[Int(place.note)].personHas(at: Int(place.person))
            guard let last = people.last, last.key == key else {
                people.append(
                    Named(key: key, name: place, email: has.email ? place : nil, role: has.role ? place : nil))
                continue
            }
            if last.email == nil, has.email { people[people.count - 1].email = place }
            if last.role == nil, has.role { people[people.count - 1].role = place }
        }
        return people
    }

    /// The person called `name` (in any case) in the notes, with their email and role when some
    /// note gives them; just the name when no note does.
    public func person(named name: String) -> Person {
        guard let named = named(name) else { return Person(name: name) }
        var person = person(at: named.name)
        if let email = named.email, email != named.name { person.email = self.person(at: email).email }
        if let role = named.role, role != named.name { person.role = self.person(at: role).role }
        return person
    }

    /// Whether some note gives an email for the person called `name` (in any case): whether
    /// `person(named: name).email` is not nil, told without making the person.
    func hasEmail(named name: String) -> Bool { named(name)?.email != nil }

    private func named(_ name: String) -> Named? {
        let key = LowercaseKey(name)
        let found = Self.firstIndex(in: people.count) { people[$0].key.compare(key) >= 0 }
        return found < people.count && people[found].key == key ? people[found] : nil
    }

    /// The note `action` comes from: its action item's note, or else the note at its path.
    func note(of action: Action) -> InterviewNote? { action.itemNote ?? note(at: action.note) }

    /// The note at `path`, when it is one of this application's.
    public func note(at path: String) -> InterviewNote? {
        let found = Self.firstIndex(in: byPath.count) { Text.bytewiseCompare(notes[Int(byPath[$0])].path, path) >= 0 }
        guard found < byPath.count, Text.bytewiseCompare(notes[Int(byPath[found])].path, path) == 0 else { return nil }
        return notes[Int(byPath[found])]
    }

    /// The first of `0..<count` where `isAtOrPast` holds, which holds for every index after it; or
    /// `count` when it never does.
    private static func firstIndex(in count: Int, where isAtOrPast: (Int) -> Bool) -> Int {
        var (low, high) = (0, count)
        while low < high {
            let middle = (low + high) / 2
            if isAtOrPast(middle) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    public var latest: InterviewNote { notes[notes.count - 1] }
    public var company: String { latest.company }
    public var role: String? { latest.role }

    /// Groups notes into applications, ordered by company and role, on `jobs` threads (default:
    /// one per core).
    public static func group(_ notes: [InterviewNote], jobs: Int? = nil) -> [Application] {
        // Each key hashed on all cores, so that the grouping, on one, hashes an integer per note.
        let keys = notes.concurrentMap(jobs: jobs) { GroupKey(key(company: $0.company, role: $0.role)) }
        // Grouped by index: a note is copied once, into its application.
        var groups: [GroupKey: [Int]] = [:]
        for index in notes.indices { groups[keys[index], default: []].append(index) }
        return groups.sorted { $0.key.text < $1.key.text }.map(\.value).concurrentMap(jobs: jobs) { indices in
            Application(notes: indices.map { notes[$0] })
        }
    }

    /// An application's key and its hash, made once.
    private struct GroupKey: Hashable, Sendable {
        let text: String
        let hash: Int

        init(_ text: String) {
            self.text = text
            hash = text.hashValue
        }

        func hash(into hasher: inout Hasher) { hasher.combine(hash) }

        static func == (lhs: GroupKey, rhs: GroupKey) -> Bool { lhs.hash == rhs.hash && lhs.text == rhs.text }
    }

    private static func key(company: String, role: String?) -> String {
        var (company, role) = (company, role ?? "")
        // ASCII, the usual case, is trimmed and lower-cased from its bytes into one string; the
        // same key as the general way below, without its four strings made on the way.
        let ascii: String? = company.withUTF8 { company in
            role.withUTF8 { role in
                guard Text.isASCII(company), Text.isASCII(role) else { return nil }
                return String(unsafeUninitializedCapacity: company.count + 1 + role.count) { key in
                    var count = 0
                    func append(_ part: UnsafeBufferPointer<UInt8>) {
                        var (start, end) = (0, part.count)
                        while start < end, part[start] == 0x20 || part[start] == 0x09 { start += 1 }
                        while end > start, part[end - 1] == 0x20 || part[end - 1] == 0x09 { end -= 1 }
                        for byte in part[start..<end] {
                            key[count] = byte.asciiLowercased
                            count += 1
                        }
                    }
                    append(company)
                    key[count] = 0
                    count += 1
                    append(role)
                    return count
                }
            }
        }
        if let ascii { return ascii }
        func normal(_ text: String) -> String { text.trimmingCharacters(in: " \t").lowercased() }
        return normal(company) + "\u{0}" + normal(role)
    }

    /// Log entries, oldest first, each with the note it is in.
    typealias History = [(note: InterviewNote, entry: LogEntry)]

    /// Every log entry of every note, oldest first, each with the note it is in.
    var history: History { history(since: nil) }

    /// ``history`` from `day` on: the entries of that day and later. They end the history, which
    /// is in order of day, so they are found by bisection and only they are read (the rules look
    /// at what happened since the latest interview, in applications of any length).
    func history(since day: Day?) -> History {
        let first =
            day.map { day in
                Self.firstIndex(in: logOrder.count) {
                    notes[Int(logOrder[$0].note)].logDay(at: Int(logOrder[$0].index)) >= day
                }
            } ?? 0
        return logOrder[first...].map { (notes[Int($0.note)], entry($0)) }
    }

    /// The latest log entry that matches, found from the end without building the history.
    func lastLogEntry(where matches: (LogEntry) -> Bool) -> LogEntry? {
        logOrder.last { matches(entry($0)) }.map(entry)
    }
}
