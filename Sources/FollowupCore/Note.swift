/// One interview, as its note describes it.
///
/// Built from the note's front matter and from the list items of its body; the rules read only
/// this, never the Markdown.
public struct InterviewNote: Sendable, Equatable {
    /// The fields live in one immutable object shared by every copy: a note is copied into the
    /// readings, its application and each rule's view of it, and a copy is then one reference
    /// count rather than one per string and array. Setting a field makes a new object.
    private final class Storage: Sendable {
        let fields: Fields

        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    /// Largest first, so that no byte is lost to alignment: a large vault holds one per note.
    private struct Fields: Equatable {
        var path: String
        var company: String
        var role: String?
        var stage: String?
        var channel: String
        var timeline: Timeline?
        var date: Day
        var interviewers: [Person]
        /// The contact, when there is one: an empty array takes no memory, an absent `Person?`
        /// would take the room of a whole person.
        var contacts: [Person]
        var actionItems: [ActionItem]
        var log: [LogEntry]
        var passages: [Passage]
        var minutes: Int32?
        var statusLine: Int32?
        var status: Status
    }

    private var storage: Storage

    private mutating func update(_ change: (inout Fields) -> Void) {
        var fields = storage.fields
        change(&fields)
        storage = Storage(fields)
    }

    /// Path relative to the vault, with `/` between folders.
    public var path: String {
        get { storage.fields.path }
        set { update { $0.path = newValue } }
    }

    public var company: String {
        get { storage.fields.company }
        set { update { $0.company = newValue } }
    }

    public var role: String? {
        get { storage.fields.role }
        set { update { $0.role = newValue } }
    }

    /// The interview day.
    public var date: Day {
        get { storage.fields.date }
        set { update { $0.date = newValue } }
    }

    /// The time of the interview in minutes after midnight, when the note gives one; it only
    /// orders two interviews on the same day.
    public var minutes: Int? {
        get { storage.fields.minutes.map(Int.init) }
        set { update { $0.minutes = newValue.map { Int32(clamping: $0) } } }
    }

    public var interviewers: [Person] {
        get { storage.fields.interviewers }
        set { update { $0.interviewers = newValue } }
    }

    /// Who to send check-ins to (a recruiter, the hiring manager), when the note names someone.
    public var contact: Person? {
        get { storage.fields.contacts.first }
        set { update { $0.contacts = newValue.map { [$0] } ?? [] } }
    }

    public var timeline: Timeline? {
        get { storage.fields.timeline }
        set { update { $0.timeline = newValue } }
    }

    public var stage: String? {
        get { storage.fields.stage }
        set { update { $0.stage = newValue } }
    }

    public var status: Status {
        get { storage.fields.status }
        set { update { $0.status = newValue } }
    }

    /// The line of `status:` in the front matter, when it is there.
    public var statusLine: Int? {
        get { storage.fields.statusLine.map(Int.init) }
        set { update { $0.statusLine = newValue.map { Int32(clamping: $0) } } }
    }

    /// How the company prefers to be contacted: `email` unless the note says otherwise.
    public var channel: String {
        get { storage.fields.channel }
        set { update { $0.channel = newValue } }
    }

    public var actionItems: [ActionItem] {
        get { storage.fields.actionItems }
        set { update { $0.actionItems = newValue } }
    }

    public var log: [LogEntry] {
        get { storage.fields.log }
        set { update { $0.log = newValue } }
    }

    /// The paragraphs and plain list items of the body outside action, deliverable and log
    /// sections: what the note says about the interview, where drafts find specific points.
    public var passages: [Passage] {
        get { storage.fields.passages }
        set { update { $0.passages = newValue } }
    }

    public init(
        path: String, company: String, role: String? = nil, date: Day, minutes: Int? = nil,
        interviewers: [Person] = [], contact: Person? = nil, timeline: Timeline? = nil,
        stage: String? = nil, status: Status = .waiting, statusLine: Int? = nil, channel: String = "email",
        actionItems: [ActionItem] = [], log: [LogEntry] = [], passages: [Passage] = []
    ) {
        storage = Storage(
            Fields(
                path: path, company: company, role: role, stage: stage, channel: channel, timeline: timeline,
                date: date, interviewers: interviewers, contacts: contact.map { [$0] } ?? [], actionItems: actionItems,
                log: log, passages: passages, minutes: minutes.map { Int32(clamping: $0) },
                statusLine: statusLine.map { Int32(clamping: $0) }, status: status))
    }

    public static func == (lhs: InterviewNote, rhs: InterviewNote) -> Bool {
        lhs.storage === rhs.storage || lhs.storage.fields == rhs.storage.fields
    }
}

/// A paragraph or list item of a note's own prose, as text, with the line it starts on.
public struct Passage: Sendable, Equatable {
    public var text: String
    public var line: Int

    public init(text: String, line: Int) {
        self.text = text
        self.line = line
    }
}

/// Someone at the company: an interviewer or a contact.
public struct Person: Sendable, Hashable {
    public var name: String
    public var email: String?
    public var role: String?
    /// The front-matter line that names them.
    public var line: Int

    public init(name: String, email: String? = nil, role: String? = nil, line: Int = 1) {
        self.name = name
        self.email = email
        self.role = role
        self.line = line
    }

    /// The first word of the name.
    public var firstName: String {
        // Found among the UTF-8 bytes: a space is one byte, and a Character search costs a
        // thousand instructions a name.
        name.utf8.firstIndex(of: 0x20).map { String(name[..<$0]) } ?? name
    }
}

/// Where an application stands.
public enum Status: String, Sendable, CaseIterable {
    case waiting, offer, rejected, withdrawn, accepted, declined, closed

    /// Whether the user has ended the application: nothing more is planned for it.
    public var isClosed: Bool {
        switch self {
        case .withdrawn, .accepted, .declined, .closed: true
        case .waiting, .offer, .rejected: false
        }
    }
}

/// What the company said about when they will decide.
public struct Timeline: Sendable, Equatable {
    /// As written in the note.
    public var text: String
    /// The day the timeline ends, counted from the interview; nil when it could not be read.
    public var end: Day?
    /// The front-matter line that states it.
    public var line: Int

    public init(text: String, end: Day?, line: Int = 1) {
        self.text = text
        self.end = end
        self.line = line
    }
}

/// An open to-do in a note: a task-list item, or an item under a heading such as `Next steps`.
public struct ActionItem: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Something promised to the company: a portfolio, a code sample, an assessment.
        case deliverable
        /// Anything else to do.
        case task
    }

    // Largest first, and the line in four bytes: a large vault holds hundreds of thousands.
    public var text: String
    /// The interviewer the item names, if any.
    public var to: String?
    public var due: Day
    private var storedLine: Int32
    public var kind: Kind

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public init(text: String, kind: Kind, due: Day, to: String? = nil, line: Int) {
        self.text = text
        self.to = to
        self.due = due
        storedLine = Int32(clamping: line)
        self.kind = kind
    }
}

/// One dated line of a note's log: what happened that day.
public struct LogEntry: Sendable, Equatable {
    /// What a log line records. One line may record several things (`heard back: offer!`), so a
    /// line's events are a set of these, kept in one byte.
    public struct Events: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8

        public init(rawValue: UInt8) {
            self.rawValue = rawValue
        }

        public static let thankYou = Events(rawValue: 1 << 0)
        public static let followUp = Events(rawValue: 1 << 1)
        public static let reply = Events(rawValue: 1 << 2)
        public static let offer = Events(rawValue: 1 << 3)
        public static let rejection = Events(rawValue: 1 << 4)
        public static let feedbackAsked = Events(rawValue: 1 << 5)
    }

    // Largest first, and the line in four bytes: a large vault holds hundreds of thousands.
    /// The interviewer or contact the line names first, if any.
    public var person: String?
    public var day: Day
    /// For a thank-you: the interviewers it went to.
    public var thanked: [String]
    private var storedLine: Int32
    public var events: Events

    public var line: Int {
        get { Int(storedLine) }
        set { storedLine = Int32(clamping: newValue) }
    }

    public init(day: Day, events: Events, thanked: [String] = [], person: String? = nil, line: Int) {
        self.person = person
        self.day = day
        self.thanked = thanked
        storedLine = Int32(clamping: line)
        self.events = events
    }
}
