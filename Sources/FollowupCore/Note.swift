/// One interview, as its note describes it.
///
/// Built from the note's front matter and from the list items of its body; the rules read only
/// this, never the Markdown.
public struct InterviewNote: Sendable, Equatable {
    /// Path relative to the vault, with `/` between folders.
    public var path: String
    public var company: String
    public var role: String?
    /// The interview day.
    public var date: Day
    /// The time of the interview in minutes after midnight, when the note gives one; it only
    /// orders two interviews on the same day.
    public var minutes: Int?
    public var interviewers: [Person]
    /// Who to send check-ins to (a recruiter, the hiring manager), when the note names someone.
    public var contact: Person?
    public var timeline: Timeline?
    public var stage: String?
    public var status: Status
    /// The line of `status:` in the front matter, when it is there.
    public var statusLine: Int?
    /// How the company prefers to be contacted: `email` unless the note says otherwise.
    public var channel: String
    public var actionItems: [ActionItem]
    public var log: [LogEntry]
    /// The paragraphs and plain list items of the body outside action, deliverable and log
    /// sections: what the note says about the interview, where drafts find specific points.
    public var passages: [Passage]

    public init(
        path: String, company: String, role: String? = nil, date: Day, minutes: Int? = nil,
        interviewers: [Person] = [], contact: Person? = nil, timeline: Timeline? = nil,
        stage: String? = nil, status: Status = .waiting, statusLine: Int? = nil, channel: String = "email",
        actionItems: [ActionItem] = [], log: [LogEntry] = [], passages: [Passage] = []
    ) {
        self.path = path
        self.company = company
        self.role = role
        self.date = date
        self.minutes = minutes
        self.interviewers = interviewers
        self.contact = contact
        self.timeline = timeline
        self.stage = stage
        self.status = status
        self.statusLine = statusLine
        self.channel = channel
        self.actionItems = actionItems
        self.log = log
        self.passages = passages
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
        name.firstIndex(of: " ").map { String(name[..<$0]) } ?? name
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

    public var text: String
    public var kind: Kind
    public var due: Day
    /// The interviewer the item names, if any.
    public var to: String?
    public var line: Int

    public init(text: String, kind: Kind, due: Day, to: String? = nil, line: Int) {
        self.text = text
        self.kind = kind
        self.due = due
        self.to = to
        self.line = line
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

    public var day: Day
    public var events: Events
    /// For a thank-you: the interviewers it went to.
    public var thanked: [String]
    /// The interviewer or contact the line names first, if any.
    public var person: String?
    public var line: Int

    public init(day: Day, events: Events, thanked: [String] = [], person: String? = nil, line: Int) {
        self.day = day
        self.events = events
        self.thanked = thanked
        self.person = person
        self.line = line
    }
}
