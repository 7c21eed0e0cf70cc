/// A message ready to send for one action: who it goes to, its subject and its body.
public struct Draft: Sendable, Equatable {
    public var action: Action
    /// The person it goes to, when the notes name one; their email, if known, is in `email`.
    public var recipient: Person?
    public var subject: String
    public var body: String
    /// The template it was written from: a path in the vault or `built-in …`.
    public var template: String

    /// The recipient's email address, when the front matter gives one.
    public var email: String? { recipient?.email }
}

/// Writes drafts for the actions of a plan. Pure: the templates come in as values, and everything
/// else is in the plan and its notes.
public enum Drafter {
    /// The template each kind of action is written from; tasks and the advice to move on have none.
    public static func templateName(for action: Action) -> DraftTemplate.Name? {
        switch action.kind {
        case .thankYou: .thankYou
        case .deliverable: .deliverable
        case .followUp: action.attempt == 2 ? .secondFollowUp : .followUp
        case .replyOffer: .replyOffer
        case .askFeedback: .askFeedback
        case .task, .moveOn: nil
        }
    }

    /// The draft for `action`, or nil when its kind has no draft.
    public static func draft(for action: Action, in plan: Plan, templates: DraftTemplates = .builtIn) -> Draft? {
        draft(for: action, in: plan, templates: templates, onlyWithEmail: false)
    }

    /// The draft for `action` when it can be sent by email: its recipient's address is known.
    /// Cheaper than ``draft(for:in:templates:)`` followed by a check, as most actions have no
    /// address and their drafts are never written.
    public static func emailDraft(for action: Action, in plan: Plan, templates: DraftTemplates = .builtIn) -> Draft? {
        draft(for: action, in: plan, templates: templates, onlyWithEmail: true)
    }

    /// Whether ``emailDraft(for:in:templates:)`` gives a draft for `action`, told without writing it.
    public static func hasEmailDraft(for action: Action, in plan: Plan, templates: DraftTemplates = .builtIn) -> Bool {
        // What addressing(_:in:templates:onlyWithEmail:) asks, told without making the recipient:
        // NEXT.md asks it of every action, and writes the draft only for those it holds for.
        guard let name = templateName(for: action), let to = action.to, templates.hasTemplate(name),
            let application = plan.application(of: action)
        else { return false }
        return application.hasEmail(named: to)
    }

    /// Who a draft for `action` goes to and the template it is written from; nil when it has none
    /// (or, with `onlyWithEmail`, when its recipient has no known address).
    private static func addressing(
        _ action: Action, in plan: Plan, templates: DraftTemplates, onlyWithEmail: Bool
    ) -> (name: DraftTemplate.Name, application: Application, recipient: Person?, template: DraftTemplate)? {
        // An action for no one in particular has no address: told before its application is looked up.
        guard let name = templateName(for: action), !onlyWithEmail || action.to != nil,
            let application = plan.application(of: action)
        else { return nil }
        let recipient = action.to.map(application.person(named:))
        if onlyWithEmail, recipient?.email == nil { return nil }
        let interview = application.latest
        // Interviewers of one interview get different variants, in the order the note lists them.
        let variant = recipient.flatMap { interview.interviewerIndex(named: $0.name) } ?? 0
        guard let template = templates.template(name, for: variant) else { return nil }
        return (name, application, recipient, template)
    }

    private static func draft(
        for action: Action, in plan: Plan, templates: DraftTemplates, onlyWithEmail: Bool
    ) -> Draft? {
        guard
            let (name, application, recipient, template) = addressing(
                action, in: plan, templates: templates, onlyWithEmail: onlyWithEmail)
        else { return nil }
        let interview = application.latest
        // A deliverable was promised at one interview, which its draft names; every other draft
        // is about the latest.
        let promisedAt = name == .deliverable ? application.note(of: action) ?? interview : interview

        var values: DraftTemplate.Values = [
            .name: recipient?.name ?? action.to ?? "",
            .firstName: (recipient?.firstName ?? action.to.map { Person(name: $0).firstName }) ?? "",
            .theirRole: recipient?.role ?? "",
            .company: application.company,
            .role: application.role ?? "",
            .stage: interview.stage ?? "",
        ]
        // Day labels are made only for a template that writes them: a large vault drafts thousands.
        if template.uses(.interviewDay) { values[.interviewDay] = promisedAt.date.dayAndMonth }
        if template.uses(.interviewDate) { values[.interviewDate] = promisedAt.date.dateLabel }
        switch name {
        case .thankYou:
            values[.specifics] =
                recipient.map { Specifics.points(about: $0, in: interview).joined(separator: " ") } ?? ""
        case .deliverable:
            values[.deliverable] = DeliverableText.nounPhrase(
                beforeDuePhrase: action.titleWithoutDuePhrase(interview: promisedAt.date), recipient: recipient,
                people: promisedAt.interviewers)
        case .followUp:
            values[.timeline] = timelineSentence(interview)
        case .secondFollowUp:
            values[.lastCheckIn] = lastCheckIn(application)?.dayAndMonth ?? ""
        case .replyOffer, .askFeedback:
            break
        }
        let (subject, body) = template.fill(values)
        return Draft(action: action, recipient: recipient, subject: subject, body: body, template: template.file)
    }

    /// Every draft for the plan's actions that have one, most urgent first.
    public static func drafts(for plan: Plan, templates: DraftTemplates = .builtIn) -> [Draft] {
        plan.actions.compactMap { draft(for: $0, in: plan, templates: templates) }
    }

    /// What the company said about their decision, or a polite question when they said nothing.
    static func timelineSentence(_ interview: InterviewNote) -> String {
        guard let timeline = interview.timeline, let end = timeline.end else {
            return
                "Could you let me know what the timeline for a decision looks like, and whether there is anything else I can send in the meantime?"
        }
        return
            "I understand the team hoped to decide by \(end.dayAndMonth), so I wanted to ask whether there is any update on the next steps."
    }

    /// The day of the application's check-in since its latest interview.
    static func lastCheckIn(_ application: Application) -> Day? {
        application.lastLogEntry { $0.day >= application.latest.date && $0.events.contains(.followUp) }?.day
    }
}

extension Day {
    /// `Wednesday 18 November`.
    public var dayAndMonth: String { "\(weekday.name) \(day) \(MonthName.full[month - 1])" }

    /// `18 November 2026`.
    public var dateLabel: String { "\(day) \(MonthName.full[month - 1]) \(year)" }
}
