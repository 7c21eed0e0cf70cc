/// The follow-up advice, as rules that turn an application into actions.
///
/// The advice is the common guidance of career services and recruiters (cited in the README):
/// thank each interviewer within a day; deliver what you promised when you promised it; check in
/// once the decision date they gave has passed, or a week after your last contact; check in at most
/// twice, a week apart, then move on; answer an offer promptly; after a rejection, ask for feedback.
public enum Rules {
    /// An action item with no due phrase is due this many days after the interview.
    public static let daysToDoAnUndatedItem = 2
    /// Days to wait after the last contact before a check-in, and between check-ins.
    public static let daysBetweenCheckIns = 7

    /// Everything the notes of `application` say should be sent or done next.
    public static func actions(for application: Application) -> [Action] {
        // What the log says since the latest interview: the status, thank-you and check-in rules
        // all read it, so it is read once.
        let recent = application.history(since: application.latest.date)
        let decision = StatusDecision(application, recent: recent)
        var actions: [Action] = []
        switch decision.status {
        case .waiting:
            actions = openItems(application, after: thankYous(application, recent: recent))
            if let checkIn = checkIns(application, recent: recent) { actions.append(checkIn) }
        case .offer:
            actions = openItems(application, after: [])
            actions.append(replyToOffer(application, decision))
        case .rejected:
            if application.lastLogEntry(where: { $0.events.contains(.feedbackAsked) }) == nil {
                actions.append(askForFeedback(application, decision))
            }
        case .withdrawn, .accepted, .declined, .closed:
            break
        }
        return actions
    }

    /// The most actions ``actions(for:)`` can give for `application`, told from counts alone: a
    /// thank-you per interviewer of the latest interview (or one), every action item, and one
    /// check-in, reply to an offer or request for feedback. None for a closed application.
    static func mostActions(for application: Application) -> Int {
        let latest = application.latest
        guard !latest.status.isClosed else { return 0 }
        return max(1, latest.interviewerCount) + application.notes.reduce(0) { $0 + $1.actionItemCount } + 1
    }

    // MARK: 1. Thank-you

    /// A thank-you to each interviewer of the latest interview with none logged since it, due the
    /// day after. With no interviewers named, one thank-you, unless any was logged.
    static func thankYous(_ application: Application, recent: Application.History) -> [Action] {
        let latest = application.latest
        let since = recent.filter { $0.entry.events.contains(.thankYou) }
        let thanked = Set(since.flatMap(\.entry.thanked).map { $0.lowercased() })
        let due = latest.date.adding(days: 1)
        guard !latest.interviewers.isEmpty else {
            guard since.isEmpty else { return [] }
            return [
                action(
                    .thankYou, application, to: nil, due: due, title: "Send a thank-you note to the people you met",
                    line: 1)
            ]
        }
        return latest.interviewers.filter { !thanked.contains($0.name.lowercased()) }.map { person in
            action(
                .thankYou, application, to: person.name, due: due, title: "Send a thank-you note to \(person.name)",
                line: person.line)
        }
    }

    // MARK: 2. Deliverables and tasks

    /// An action for each open action item, after `leading`, in an array with room for one more
    /// (the check-in or the reply to an offer that follows them).
    static func openItems(_ application: Application, after leading: [Action]) -> [Action] {
        // Made in place in one array: appending an action made for it copies the action, and
        // adding a list of them copies each once more, where initializing memory moves it in.
        let count = leading.count + application.notes.reduce(0) { $0 + $1.actionItemCount }
        let actions = [Action](unsafeUninitializedCapacity: count + 1) { buffer, initialized in
            initialized = 0
            for action in leading {
                (buffer.baseAddress! + initialized).initialize(to: action)
                initialized += 1
            }
            for note in application.notes {
                for (index, item) in note.actionItemsWithoutText.enumerated() {
                    precondition(initialized < count, "a note has more action items than it counts")
                    (buffer.baseAddress! + initialized).initialize(
                        to: Action(
                            kind: item.kind == .deliverable ? .deliverable : .task, opening: application.opening,
                            to: item.to, due: item.due, itemAt: index, of: note, line: item.line))
                    initialized += 1
                }
            }
        }
        return actions
    }

    // MARK: 3–6. Check-ins and moving on

    /// The next check-in, or the advice to move on.
    ///
    /// Check-ins count from the latest interview, or from the latest reply after it (a reply
    /// starts the count again). A reply on the same day as a check-in is taken to answer it.
    static func checkIns(_ application: Application, recent history: Application.History) -> Action? {
        let latest = application.latest
        let lastReply = history.last { $0.entry.events.contains(.reply) }?.entry.day
        let countFrom = lastReply ?? latest.date
        let checkIns = history.filter { $0.entry.day > countFrom && $0.entry.events.contains(.followUp) }
        let whom = latest.contact.map { " with \($0.name)" } ?? ""
        let how = channelPhrase(latest.channel)

        switch checkIns.count {
        case 0:
            let title: String
            let due: Day
            if let timeline = latest.timeline, let end = timeline.end, lastReply.map({ end > $0 }) ?? true {
                due = end.adding(days: 1).onBusinessDay
                title = "Check in\(whom) \(how): the timeline they gave (“\(timeline.text)”) has passed"
            } else {
                let contacts = history.filter { !$0.entry.events.isDisjoint(with: [.thankYou, .reply]) }
                let lastContact = max(latest.date, contacts.last?.entry.day ?? latest.date)
                due = lastContact.adding(days: daysBetweenCheckIns).onBusinessDay
                title =
                    latest.timeline == nil
                    ? "Check in\(whom) \(how) and ask about their timeline"
                    : lastReply != nil
                        ? "Check in\(whom) \(how): a week has passed since their last reply"
                        : "Check in\(whom) \(how): a week has passed since your last contact"
            }
            return action(
                .followUp, application, to: latest.contact?.name, due: due, attempt: 1, title: title,
                line: latest.timeline?.line ?? 1)
        case 1:
            let first = checkIns[0]
            // Without a contact, the second check-in goes to whoever the first one went to.
            let to = latest.contact?.name ?? first.entry.person
            let whom = to.map { " with \($0)" } ?? ""
            return action(
                .followUp, application, to: to,
                due: first.entry.day.adding(days: daysBetweenCheckIns).onBusinessDay, attempt: 2,
                title:
                    "Send a second, last check-in\(whom) \(how): no reply since your check-in of \(first.entry.day.shortLabel(relativeTo: first.entry.day.year))",
                note: first.note, line: first.entry.line)
        default:
            let second = checkIns[1]
            return action(
                .moveOn, application, to: nil, due: second.entry.day.adding(days: daysBetweenCheckIns),
                title:
                    "Move on: two check-ins got no reply. Mark the note closed (status: closed) and put your energy elsewhere",
                note: second.note, line: second.entry.line)
        }
    }

    /// How a check-in goes out, in the words of the note's `channel`.
    static func channelPhrase(_ channel: String) -> String {
        switch channel.lowercased() {
        case "email", "e-mail", "mail": "by email"
        case "phone", "call", "telephone", "phone call": "by phone"
        case "linkedin": "on LinkedIn"
        case "text", "sms", "text message": "by text message"
        default: "via \(channel)"
        }
    }

    // MARK: 7. Offer, 8. Rejection

    static func replyToOffer(_ application: Application, _ decision: StatusDecision) -> Action {
        let to = decision.person ?? application.latest.contact?.name
        return action(
            .replyOffer, application, to: to, due: decision.day.adding(days: 1),
            title: "Thank them for the offer and reply" + (to.map { " to \($0)" } ?? ""),
            note: decision.note, line: decision.line)
    }

    static func askForFeedback(_ application: Application, _ decision: StatusDecision) -> Action {
        let to = decision.person ?? application.latest.contact?.name
        return action(
            .askFeedback, application, to: to, due: decision.day.adding(days: 1),
            title: "Thank them for their time and ask politely for feedback" + (to.map { " from \($0)" } ?? ""),
            note: decision.note, line: decision.line)
    }

    private static func action(
        _ kind: Action.Kind, _ application: Application, to: String?, due: Day, attempt: Int? = nil, title: String,
        note: InterviewNote? = nil, line: Int
    ) -> Action {
        Action(
            kind: kind, opening: application.opening, to: to, due: due, attempt: attempt, title: title,
            note: (note ?? application.latest).path, line: line)
    }
}

/// Where an application stands, and since when.
///
/// A closing status in the front matter (withdrawn, accepted, declined, closed) is the user's own
/// decision and always wins. Otherwise the latest of the front-matter status of the latest note
/// (dated at its interview) and the offers and rejections logged since then decides; a logged
/// event on the interview day counts as after the interview.
struct StatusDecision {
    var status: Status
    var day: Day
    var note: InterviewNote
    var line: Int
    /// The person the deciding log line names.
    var person: String?

    /// `recent`: the application's log since its latest interview.
    init(_ application: Application, recent: Application.History) {
        let latest = application.latest
        status = latest.status
        day = latest.date
        note = latest
        line = latest.statusLine ?? 1
        guard !status.isClosed else { return }
        for (note, entry) in recent {
            let said: Status? =
                entry.events.contains(.offer) ? .offer : entry.events.contains(.rejection) ? .rejected : nil
            guard let said else { continue }
            (status, day, self.note, line, person) = (said, entry.day, note, entry.line, entry.person)
        }
    }
}
