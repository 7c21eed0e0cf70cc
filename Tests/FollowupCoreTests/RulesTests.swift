import Testing

@testable import FollowupCore

/// The rules 1–9 of the spec, on notes written as Markdown. Unless a test says otherwise, the
/// interview is on Wednesday 2026-11-18 with Miles Dyson and Sarah Connor, and no timeline.
///
/// November 2026: Fri 20, Sat 21, Sun 22, Mon 23, Wed 25, Fri 27, Sat 28, Mon 30.
/// December 2026: Tue 1, Wed 2, Thu 3, Fri 4, Sat 5, Mon 7, Thu 10, Sat 12, Mon 14, Thu 17, Thu 31.
@Suite("Rules")
struct RulesTests {
    // MARK: Helpers

    /// A Cyberdyne note; `extra` lines go at the end of the front matter.
    static func note(
        company: String = "Cyberdyne", role: String = "ML Engineer", date: String = "2026-11-18",
        interviewers: [String] = ["Miles Dyson", "Sarah Connor"], extra: [String] = [], body: String = ""
    ) -> String {
        var front = ["company: \(company)", "role: \(role)", "date: \(date)"]
        if !interviewers.isEmpty {
            front.append("interviewers:")
            front += interviewers.map { "  - \($0)" }
        }
        front += extra
        return noteText(front.joined(separator: "\n"), body: body)
    }

    /// A note whose body is only a `## Log` with these lines.
    static func note(date: String = "2026-11-18", extra: [String] = [], log: [String]) -> String {
        note(date: date, extra: extra, body: "\n## Log\n" + log.map { "- \($0)\n" }.joined())
    }

    static func application(_ notes: [(path: String, text: String)]) throws -> Application {
        var read: [InterviewNote] = []
        for (path, text) in notes {
            let reading = readNote(text, path: path)
            #expect(!reading.problems.contains { $0.severity == .error }, "\(path): \(reading.problems)")
            read.append(try #require(reading.note, "\(path) is not a note"))
        }
        return Application(notes: read)
    }

    static func actions(_ text: String, path: String = "cyberdyne.md") throws -> [Action] {
        Rules.actions(for: try application([(path, text)]))
    }

    static func actions(_ notes: [(path: String, text: String)]) throws -> [Action] {
        Rules.actions(for: try application(notes))
    }

    /// `kind to due` (and `#attempt` for check-ins), in the order the rules give them.
    static func summary(_ actions: [Action]) -> [String] {
        actions.map { action in
            [action.kind.rawValue, action.to ?? "-", action.due.iso] + (action.attempt.map { ["#\($0)"] } ?? [])
        }.map { $0.joined(separator: " ") }
    }

    static func followUps(_ actions: [Action]) -> [String] {
        summary(actions.filter { $0.kind == .followUp || $0.kind == .moveOn })
    }

    /// A note is found by its exact path: among paths that share long beginnings, that end where
    /// another goes on, and that only Unicode's rules call equal (a composed and a decomposed é,
    /// two files on Linux), which a search in the order of Strings could confuse.
    @Test func notesAreFoundByTheirExactPath() throws {
        let paths = [
            "2026/acme/screen.md", "2026/acme/screen.md.md", "2026/acme/screen-2.md", "2026/acme/é.md",
            "2026/acme/e\u{301}.md", "2026/acme/z.md", "2026/acme/Z.md", "a.md",
        ]
        let application = try Self.application(
            paths.enumerated().map { ($1, Self.note(date: "2026-11-\(10 + $0)")) })
        for (day, path) in paths.enumerated() {
            let note = try #require(application.note(at: path), "\(path)")
            #expect(note.path.utf8.elementsEqual(path.utf8), "\(path)")
            #expect(note.date == Day(year: 2026, month: 11, day: 10 + day))
        }
        #expect(application.note(at: "2026/acme/screen") == nil)
        #expect(application.note(at: "2026/acme/e.md") == nil)
    }

    /// People are found by name in any case, with the latest note's mention first and an email and
    /// a role taken from older notes when it lacks them; notes are found by path.
    @Test func peopleAndNotesAreFoundInTheApplication() throws {
        let application = try Self.application([
            (
                "b/onsite.md",
                Self.note(date: "2026-11-18", interviewers: ["Miles Dyson", "Kyle Reese"])
            ),
            (
                "a/screen.md",
                Self.note(
                    date: "2026-11-10", interviewers: [],
                    extra: [
                        "interviewers:", "  - name: Miles Dyson", "    email: miles@cyberdyne.example",
                        "    role: Director", "  - name: Sarah Connor", "    email: sarah@example.com",
                    ])
            ),
            ("c/call.md", Self.note(date: "2026-11-12", interviewers: ["miles dyson"])),
        ])
        let miles = application.person(named: "MILES DYSON")
        #expect(miles.name == "Miles Dyson")
        #expect(miles.email == "miles@cyberdyne.example")
        #expect(miles.role == "Director")
        #expect(application.person(named: "Sarah Connor").email == "sarah@example.com")
        #expect(application.person(named: "Kyle Reese").email == nil)
        #expect(application.person(named: "T-800") == Person(name: "T-800"))
        for path in ["a/screen.md", "b/onsite.md", "c/call.md"] {
            #expect(application.note(at: path)?.path == path)
        }
        #expect(application.note(at: "b/onsite") == nil)
        #expect(application.note(at: "") == nil)
        #expect(application.note(at: "z.md") == nil)
    }

    // MARK: 1. Thank-you

    // MARK: The plan

    /// The plan finds each action's application by the opening the rules gave it, and an action
    /// made any other way by its note.
    /// Finding a person agrees with reading every note, latest first (interviewers in order, then
    /// the contact), for names in any case, past 16 bytes, not ASCII (`Zoë` composed and not), and
    /// with an email or a role in some mentions only.
    @Test(arguments: 0..<60)
    func aPersonIsFoundAsReadingEveryNoteFindsThem(seed: UInt64) {
        var random = NoteStorageTests.Generator(state: seed)
        let names = [
            "Miles Dyson", "MILES DYSON", "miles dyson", "Sarah", "Zo\u{EB} Park", "Zoe\u{308} Park", "ZOË PARK",
            "Dana Whitfield-Montgomery", "dana whitfield-montgomery", "Dana Whitfield-Montgomerz", "\u{212A}yle",
            "Kyle", "",
        ]
        func someone() -> Person {
            Person(
                name: names[random.below(names.count)], email: random.chance(40) ? "e\(random.below(100))@x.io" : nil,
                role: random.chance(40) ? "r\(random.below(100))" : nil, line: random.below(50))
        }
        let notes = (0..<1 + random.below(5)).map { index in
            InterviewNote(
                path: "n\(index).md", company: "Cyberdyne", date: Day(ordinal: 740_000 + index),
                interviewers: (0..<random.below(4)).map { _ in someone() },
                contact: random.chance(50) ? someone() : nil)
        }
        let application = Application(notes: notes)
        for query in names + ["T-800", "miles"] {
            var expected: Person?
            for note in application.notes.reversed() {
                for person in note.interviewers + (note.contact.map { [$0] } ?? [])
                where person.name.lowercased() == query.lowercased() {
                    guard var found = expected else {
                        expected = person
                        continue
                    }
                    found.email = found.email ?? person.email
                    found.role = found.role ?? person.role
                    expected = found
                }
            }
            #expect(application.person(named: query) == expected ?? Person(name: query), "seed \(seed): \(query)")
        }
    }

    /// An interviewer's place, which picks a thank-you's variant, is found as `==` on names finds
    /// it: by bytes for ASCII names, as Strings otherwise (a composed `ë` equals a decomposed one,
    /// the Kelvin sign equals `K`), in the case written.
    @Test func anInterviewersPlaceIsFoundAsEqualNamesFindIt() {
        let names = ["Miles Dyson", "Zo\u{EB} Park", "Kate", "\u{212A}yle", "Miles Dyson", ""]
        let note = InterviewNote(
            path: "n.md", company: "Cyberdyne", date: Day(ordinal: 740_000),
            interviewers: names.map { Person(name: $0) }, contact: Person(name: "Sarah"))
        let queries = names + ["Zoe\u{308} Park", "zoë park", "\u{212A}ate", "Kyle", "miles dyson", "Sarah", "Mile"]
        for query in queries {
            #expect(
                note.interviewerIndex(named: query) == note.interviewers.firstIndex { $0.name == query },
                "\(query.debugDescription)")
        }
        #expect(note.interviewerIndex(named: "Zoe\u{308} Park") == 1)
        #expect(note.interviewerIndex(named: "\u{212A}ate") == 2)
        #expect(note.interviewerIndex(named: "Sarah") == nil, "the contact is not an interviewer")
    }

    @Test func eachActionIsFoundInItsApplication() throws {
        let cyberdyne = try Self.application([
            ("cyberdyne.md", Self.note()), ("cyberdyne-onsite.md", Self.note(date: "2026-11-19")),
        ])
        let acme = try Self.application([("acme.md", Self.note(company: "Acme"))])
        let today = try #require(Day(iso: "2026-11-21"))
        let planned = Rules.actions(for: cyberdyne) + Rules.actions(for: acme)
        let plan = Plan(today: today, actions: planned, problems: [], applications: [cyberdyne, acme])
        #expect(plan.actions.count == planned.count)
        for action in plan.actions {
            #expect(plan.application(of: action)?.company == action.company)
        }
        func task(in note: String) -> Action {
            Action(
                kind: .task, company: "Elsewhere", role: nil, to: nil, due: today, title: "Call", note: note, line: 1)
        }
        #expect(plan.application(of: task(in: "cyberdyne.md"))?.company == "Cyberdyne")
        #expect(plan.application(of: task(in: "acme.md"))?.company == "Acme")
        #expect(plan.application(of: task(in: "nowhere.md")) == nil)
        // The opening of an application that is not in the plan does not count; the note does.
        let other = try Self.application([("acme.md", Self.note(company: "Acme"))])
        let foreign = try #require(Rules.actions(for: other).first)
        #expect(plan.application(of: foreign)?.company == "Acme")
        #expect(Plan(today: today, actions: [foreign], problems: []).application(of: foreign) == nil)
    }

    @Test func thankYouToEachInterviewerTheDayAfter() throws {
        let actions = try Self.actions(Self.note())
        let thanks = actions.filter { $0.kind == .thankYou }
        #expect(Self.summary(thanks) == ["thank-you Miles Dyson 2026-11-19", "thank-you Sarah Connor 2026-11-19"])
        #expect(thanks.map(\.company) == ["Cyberdyne", "Cyberdyne"])
        #expect(thanks.map(\.role) == ["ML Engineer", "ML Engineer"])
        #expect(thanks.map(\.note) == ["cyberdyne.md", "cyberdyne.md"])
        #expect(thanks.map(\.line) == [6, 7])  // the interviewers' lines in the front matter
        #expect(thanks.map(\.attempt) == [nil, nil])
        #expect(thanks.first?.title.contains("Miles Dyson") == true)
    }

    @Test func thankYouOnlyToThoseNotThanked() throws {
        let actions = try Self.actions(Self.note(log: ["2026-11-18: thanked Miles"]))
        #expect(Self.summary(actions.filter { $0.kind == .thankYou }) == ["thank-you Sarah Connor 2026-11-19"])
    }

    @Test func thankYouByFullNameInAnyCase() throws {
        let actions = try Self.actions(Self.note(log: ["2026-11-19: sent a thank-you to sarah connor"]))
        #expect(Self.summary(actions.filter { $0.kind == .thankYou }) == ["thank-you Miles Dyson 2026-11-19"])
    }

    @Test(arguments: [
        "2026-11-19: sent thank-you notes", "Nov 19: thanked everyone", "2026-11-18: Thank-you emails sent",
    ])
    func thankYouNamingNoOneThanksEveryone(line: String) throws {
        let actions = try Self.actions(Self.note(log: [line]))
        #expect(!actions.contains { $0.kind == .thankYou })
    }

    @Test func thankYouAfterAFridayInterviewIsDueSaturday() throws {
        // "due the day after the interview": the spec moves only check-ins to business days.
        let actions = try Self.actions(Self.note(date: "2026-11-20", interviewers: ["Miles Dyson"]))
        #expect(Self.summary(actions.filter { $0.kind == .thankYou }) == ["thank-you Miles Dyson 2026-11-21"])
    }

    @Test func thankYouAcrossTheYearEndAndOnALeapDay() throws {
        let yearEnd = try Self.actions(Self.note(date: "2026-12-31", interviewers: ["Miles Dyson"]))
        #expect(Self.summary(yearEnd.filter { $0.kind == .thankYou }) == ["thank-you Miles Dyson 2027-01-01"])
        let leap = try Self.actions(Self.note(date: "2028-02-28", interviewers: ["Miles Dyson"]))
        #expect(Self.summary(leap.filter { $0.kind == .thankYou }) == ["thank-you Miles Dyson 2028-02-29"])
    }

    @Test func thankYouWithNoInterviewersNamed() throws {
        // The spec thanks "each interviewer"; with none named the code plans one thank-you to no one
        // in particular (a judgement call the spec leaves open).
        let actions = try Self.actions(Self.note(interviewers: []))
        #expect(Self.summary(actions.filter { $0.kind == .thankYou }) == ["thank-you - 2026-11-19"])
        let thanked = try Self.actions(Self.note(interviewers: []) + "\n## Log\n- 2026-11-19: sent thanks\n")
        #expect(!thanked.contains { $0.kind == .thankYou })
    }

    @Test(arguments: ["offer", "rejected", "closed", "accepted"])
    func thankYouOnlyWhileWaiting(status: String) throws {
        let actions = try Self.actions(Self.note(extra: ["status: \(status)"]))
        #expect(!actions.contains { $0.kind == .thankYou })
    }

    @Test func thankYouGoesToTheLatestInterviewsInterviewers() throws {
        let actions = try Self.actions([
            ("screen.md", Self.note(date: "2026-11-10", interviewers: ["Kyle Reese"])),
            ("onsite.md", Self.note(date: "2026-11-18", interviewers: ["Miles Dyson"])),
        ])
        #expect(Self.summary(actions.filter { $0.kind == .thankYou }) == ["thank-you Miles Dyson 2026-11-19"])
        #expect(actions.filter { $0.kind == .thankYou }.map(\.note) == ["onsite.md"])
    }

    @Test func thankYouBeforeTheLatestInterviewDoesNotCount() throws {
        // Miles interviewed twice; the thank-you logged after the first round does not cover the
        // second. The spec says "who has no logged thank-you"; the code reads it as none logged
        // since the latest interview (a judgement call).
        let actions = try Self.actions([
            (
                "screen.md",
                Self.note(
                    date: "2026-11-10", interviewers: ["Miles Dyson"], body: "\n## Log\n- 2026-11-11: thanked Miles\n")
            ),
            ("onsite.md", Self.note(date: "2026-11-18", interviewers: ["Miles Dyson"])),
        ])
        #expect(Self.summary(actions.filter { $0.kind == .thankYou }) == ["thank-you Miles Dyson 2026-11-19"])
    }

    // MARK: 2. Deliverables and tasks

    static let itemsBody = """

        ## Next steps
        - Send the portfolio to Sarah by Friday
        - Research the team
        - [ ] Complete the assessment within 5 business days
        - [x] Book travel

        ## Deliverables
        - Code sample, due 2026-11-25
        """

    @Test func openItemsWhileWaiting() throws {
        let actions = try Self.actions(Self.note(body: Self.itemsBody))
        let items = actions.filter { $0.kind == .deliverable || $0.kind == .task }
        #expect(
            Self.summary(items) == [
                "deliverable Sarah Connor 2026-11-20", "task - 2026-11-20", "deliverable - 2026-11-25",
                "deliverable - 2026-11-25",
            ])
        #expect(
            items.map(\.title) == [
                "Send the portfolio to Sarah by Friday", "Research the team",
                "Complete the assessment within 5 business days",
                "Code sample, due 2026-11-25",
            ])
        #expect(items.map(\.line) == [11, 12, 13, 17])
        #expect(items.allSatisfy { $0.attempt == nil && $0.note == "cyberdyne.md" })
    }

    @Test func openItemsWhileOffer() throws {
        let actions = try Self.actions(Self.note(extra: ["status: offer"], body: Self.itemsBody))
        #expect(actions.filter { $0.kind == .deliverable || $0.kind == .task }.count == 4)
    }

    @Test(arguments: ["rejected", "withdrawn", "accepted", "declined", "closed"])
    func noOpenItemsOnceRejectedOrClosed(status: String) throws {
        let actions = try Self.actions(Self.note(extra: ["status: \(status)"], body: Self.itemsBody))
        #expect(!actions.contains { $0.kind == .deliverable || $0.kind == .task })
    }

    @Test func openItemsOfEveryNoteOfTheApplication() throws {
        let actions = try Self.actions([
            (
                "screen.md",
                Self.note(
                    date: "2026-11-10", interviewers: ["Kyle Reese"], body: "\n- [ ] Send the code sample to Kyle\n")
            ),
            ("onsite.md", Self.note(date: "2026-11-18", body: "\n- [ ] Upload the portfolio tomorrow\n")),
        ])
        let items = actions.filter { $0.kind == .deliverable }
        #expect(Self.summary(items) == ["deliverable Kyle Reese 2026-11-12", "deliverable - 2026-11-19"])
        #expect(items.map(\.note) == ["screen.md", "onsite.md"])
    }

    // MARK: 3. First follow-up

    @Test(arguments: [
        ("2 weeks", "2026-12-03"),  // ends Wed 2 Dec: Thursday
        ("by Friday", "2026-11-23"),  // ends Fri 20 Nov: the Monday after
        ("10 days", "2026-11-30"),  // ends Sat 28 Nov: Monday
        ("end of month", "2026-12-01"),  // ends Mon 30 Nov: Tuesday
        ("end of next week", "2026-11-30"),  // ends Fri 27 Nov: Monday
        ("by 2026-12-04", "2026-12-07"),  // ends Fri 4 Dec: Monday
        ("5 business days", "2026-11-26"),  // ends Wed 25 Nov: Thursday
    ])
    func firstFollowUpAfterTheTimeline(timeline: String, expected: String) throws {
        let actions = try Self.actions(Self.note(extra: ["timeline: \(timeline)"]))
        #expect(Self.followUps(actions) == ["follow-up - \(expected) #1"])
        let followUp = try #require(actions.first { $0.kind == .followUp })
        #expect(followUp.title.contains(timeline))
        #expect(followUp.line == 8)  // the `timeline:` line
    }

    @Test func firstFollowUpAfterATimelineEndingAtTheYearEnd() throws {
        // Ends Thu 31 Dec 2026: the first business day after is Fri 1 Jan 2027.
        let actions = try Self.actions(Self.note(date: "2026-12-22", extra: ["timeline: end of month"]))
        #expect(Self.followUps(actions) == ["follow-up - 2027-01-01 #1"])
        // Ends Fri 1 Jan 2027: Monday 4 Jan.
        let friday = try Self.actions(Self.note(date: "2026-12-18", extra: ["timeline: two weeks"]))
        #expect(Self.followUps(friday) == ["follow-up - 2027-01-04 #1"])
    }

    @Test func firstFollowUpAfterATimelineEndingOnALeapDay() throws {
        // Ends Tue 29 Feb 2028: Wednesday 1 March.
        let actions = try Self.actions(Self.note(date: "2028-02-10", extra: ["timeline: end of month"]))
        #expect(Self.followUps(actions) == ["follow-up - 2028-03-01 #1"])
    }

    @Test func firstFollowUpWithoutATimelineAsksForIt() throws {
        let actions = try Self.actions(Self.note())
        #expect(Self.followUps(actions) == ["follow-up - 2026-11-25 #1"])
        #expect(actions.first { $0.kind == .followUp }?.title.contains("ask about their timeline") == true)
    }

    @Test func firstFollowUpAWeekAfterTheLastContact() throws {
        let actions = try Self.actions(Self.note(log: ["2026-11-19: sent thank-you notes"]))
        #expect(Self.followUps(actions) == ["follow-up - 2026-11-26 #1"])
    }

    @Test func firstFollowUpMovedOffAWeekend() throws {
        // Thank-you on Sat 21 Nov: a week later is Sat 28, so Monday 30.
        let afterThanks = try Self.actions(Self.note(log: ["2026-11-21: thanked Miles and Sarah"]))
        #expect(Self.followUps(afterThanks) == ["follow-up - 2026-11-30 #1"])
        // Interview on Sat 21 Nov, nothing logged: the same.
        let saturday = try Self.actions(Self.note(date: "2026-11-21"))
        #expect(Self.followUps(saturday) == ["follow-up - 2026-11-30 #1"])
        // Interview on Sun 22 Nov: Sun 29, so Monday 30.
        let sunday = try Self.actions(Self.note(date: "2026-11-22"))
        #expect(Self.followUps(sunday) == ["follow-up - 2026-11-30 #1"])
    }

    @Test func firstFollowUpAcrossTheYearEndAndALeapDay() throws {
        // Thu 31 Dec 2026 + 7 is Thu 7 Jan 2027.
        #expect(Self.followUps(try Self.actions(Self.note(date: "2026-12-31"))) == ["follow-up - 2027-01-07 #1"])
        // Tue 22 Feb 2028 + 7 is Tue 29 Feb 2028.
        #expect(Self.followUps(try Self.actions(Self.note(date: "2028-02-22"))) == ["follow-up - 2028-02-29 #1"])
    }

    @Test func timelineEndingBeforeTheLastReplyFallsBackToAWeekAfterTheReply() throws {
        // Timeline ended Wed 25 Nov; they replied Sat 28 Nov: a week later is Sat 5 Dec, so Mon 7 Dec.
        let actions = try Self.actions(
            Self.note(extra: ["timeline: a week"], log: ["2026-11-28: heard back from Sarah, still deciding"]))
        #expect(Self.followUps(actions) == ["follow-up - 2026-12-07 #1"])
    }

    @Test func timelineEndingAfterTheLastReplyStillDecides() throws {
        let actions = try Self.actions(Self.note(extra: ["timeline: 2 weeks"], log: ["2026-11-20: Sarah replied"]))
        #expect(Self.followUps(actions) == ["follow-up - 2026-12-03 #1"])
    }

    @Test func unreadableTimelineUsesAWeekAfterTheLastContact() throws {
        let text = Self.note(extra: ["timeline: when the budget is approved"])
        let reading = readNote(text)
        #expect(reading.problems.map(\.severity) == [.warning])
        let actions = try Self.actions(text)
        #expect(Self.followUps(actions) == ["follow-up - 2026-11-25 #1"])
    }

    @Test func followUpGoesToTheContactByTheirChannel() throws {
        let actions = try Self.actions(Self.note(extra: ["contact: Kyle Reese", "channel: phone"]))
        let followUp = try #require(actions.first { $0.kind == .followUp })
        #expect(followUp.to == "Kyle Reese")
        #expect(followUp.title.contains("by phone"))
        #expect(!followUp.title.contains("email"))
    }

    @Test func followUpByEmailByDefault() throws {
        let followUp = try #require(try Self.actions(Self.note()).first { $0.kind == .followUp })
        #expect(followUp.title.contains("by email"))
    }

    @Test func followUpLoggedBeforeTheLatestInterviewDoesNotCount() throws {
        let actions = try Self.actions([
            ("screen.md", Self.note(date: "2026-11-10", body: "\n## Log\n- 2026-11-12: followed up with Sarah\n")),
            ("onsite.md", Self.note(date: "2026-11-18", extra: ["timeline: 2 weeks"])),
        ])
        #expect(Self.followUps(actions) == ["follow-up - 2026-12-03 #1"])
    }

    // MARK: 4. Second follow-up

    @Test func secondFollowUpAWeekAfterTheFirst() throws {
        let actions = try Self.actions(
            Self.note(extra: ["timeline: 2 weeks"], log: ["2026-12-03: followed up with Sarah"]))
        // With no `contact:`, the second check-in goes to whoever the first one named.
        #expect(Self.followUps(actions) == ["follow-up Sarah Connor 2026-12-10 #2"])
        let second = try #require(actions.first { $0.kind == .followUp })
        #expect(second.line == 12)  // the logged check-in (the timeline takes a front-matter line)
    }

    @Test(arguments: [
        ("2026-12-05", "2026-12-14"),  // Sat: a week later is Sat 12, so Mon 14
        ("2026-12-06", "2026-12-14"),  // Sun: Sun 13, so Mon 14
        ("2026-12-04", "2026-12-11"),  // Fri: Fri 11
        ("2026-12-28", "2027-01-04"),  // Mon 28 Dec: Mon 4 Jan 2027
        ("2026-12-26", "2027-01-04"),  // Sat 26 Dec: Sat 2 Jan, so Mon 4 Jan 2027
    ])
    func secondFollowUpBusinessDayAdjusted(followedUp: String, expected: String) throws {
        let actions = try Self.actions(Self.note(extra: ["timeline: 2 weeks"], log: ["\(followedUp): checked in"]))
        #expect(Self.followUps(actions) == ["follow-up - \(expected) #2"])
    }

    @Test func secondFollowUpGoesToTheContactFirst() throws {
        let actions = try Self.actions(
            Self.note(extra: ["contact: Kyle Reese"], log: ["2026-12-03: followed up with Sarah"]))
        #expect(Self.followUps(actions) == ["follow-up Kyle Reese 2026-12-10 #2"])
    }

    @Test(arguments: [
        "followed up, no reply yet", "follow-up sent", "checked in", "nudged the recruiter",
        "Followed up; still waiting for a response",
    ])
    func followUpWordsWithoutAReply(words: String) throws {
        let actions = try Self.actions(Self.note(log: ["2026-12-03: \(words)"]))
        #expect(Self.followUps(actions) == ["follow-up - 2026-12-10 #2"])
    }

    @Test func replyBeforeTheFollowUpDoesNotAnswerIt() throws {
        // Reply Fri 20 Nov, check-in Fri 27 Nov: the second check-in is due Fri 4 Dec.
        let actions = try Self.actions(Self.note(log: ["2026-11-20: Sarah replied", "2026-11-27: followed up"]))
        #expect(Self.followUps(actions) == ["follow-up - 2026-12-04 #2"])
    }

    @Test func followUpLoggedInAnEarlierNoteAfterTheLatestInterviewCounts() throws {
        let actions = try Self.actions([
            ("screen.md", Self.note(date: "2026-11-10", body: "\n## Log\n- 2026-11-26: followed up with Sarah\n")),
            ("onsite.md", Self.note(date: "2026-11-18")),
        ])
        let followUp = try #require(actions.first { $0.kind == .followUp })
        #expect(Self.followUps(actions) == ["follow-up Sarah Connor 2026-12-03 #2"])
        #expect(followUp.note == "screen.md")
    }

    // MARK: 5. Move on

    @Test func moveOnAWeekAfterTheSecondFollowUp() throws {
        let actions = try Self.actions(
            Self.note(
                extra: ["timeline: 2 weeks"],
                log: ["2026-12-03: followed up with Sarah", "2026-12-10: followed up again, no reply"]))
        #expect(Self.followUps(actions) == ["move-on - 2026-12-17"])
        let moveOn = try #require(actions.first { $0.kind == .moveOn })
        #expect(moveOn.attempt == nil)
        #expect(moveOn.line == 13)  // the second check-in
    }

    @Test func moveOnIsNotMovedOffAWeekend() throws {
        // The spec moves check-ins to business days, and says only "seven days after the second"
        // for moving on: Sat 12 Dec + 7 is Sat 19 Dec.
        let actions = try Self.actions(Self.note(log: ["2026-12-03: followed up", "2026-12-12: nudged them"]))
        #expect(Self.followUps(actions) == ["move-on - 2026-12-19"])
    }

    @Test func neverAThirdFollowUp() throws {
        let actions = try Self.actions(
            Self.note(log: ["2026-12-03: followed up", "2026-12-10: followed up", "2026-12-17: followed up"]))
        #expect(!actions.contains { $0.kind == .followUp })
        #expect(!actions.contains { ($0.attempt ?? 0) > 2 })
        #expect(Self.followUps(actions) == ["move-on - 2026-12-17"])
    }

    // MARK: 6. A reply restarts the count

    @Test func replyAfterAFollowUpRestartsTheCount() throws {
        // Check-in Thu 3 Dec, reply Sat 5 Dec: a week after the reply is Sat 12, so Mon 14; attempt 1.
        let actions = try Self.actions(
            Self.note(
                extra: ["timeline: 2 weeks"],
                log: ["2026-12-03: followed up with Sarah", "2026-12-05: Sarah replied, they need another week"]))
        #expect(Self.followUps(actions) == ["follow-up - 2026-12-14 #1"])
        #expect(actions.first { $0.kind == .followUp }?.title.contains("reply") == true)
    }

    @Test func followUpAfterTheReplyIsTheSecondOfTheNewCount() throws {
        let actions = try Self.actions(
            Self.note(log: ["2026-12-03: followed up", "2026-12-07: heard back", "2026-12-14: checked in again"]))
        #expect(Self.followUps(actions) == ["follow-up - 2026-12-21 #2"])
    }

    @Test func replyAfterTwoFollowUpsCancelsMovingOn() throws {
        // Check-ins 3 and 10 Dec, reply Fri 11 Dec: a week later, Fri 18 Dec, attempt 1 again.
        let actions = try Self.actions(
            Self.note(log: ["2026-12-03: followed up", "2026-12-10: followed up", "2026-12-11: Sarah responded"]))
        #expect(Self.followUps(actions) == ["follow-up - 2026-12-18 #1"])
    }

    @Test func twoFollowUpsAfterAReplyMoveOn() throws {
        let actions = try Self.actions(
            Self.note(log: [
                "2026-12-03: followed up", "2026-12-07: heard back", "2026-12-14: followed up",
                "2026-12-21: followed up",
            ]))
        #expect(Self.followUps(actions) == ["move-on - 2026-12-28"])
    }

    @Test func negatedReplyDoesNotRestartTheCount() throws {
        let actions = try Self.actions(
            Self.note(log: ["2026-12-03: followed up", "2026-12-07: haven't heard back from Sarah"]))
        #expect(Self.followUps(actions) == ["follow-up - 2026-12-10 #2"])
    }

    // MARK: 7. Offer

    @Test func loggedOffer() throws {
        let actions = try Self.actions(
            Self.note(
                body: """

                    ## Next steps
                    - Send references by Nov 30

                    ## Log
                    - 2026-11-19: sent thank-you notes
                    - 2026-11-25: got an offer from Sarah
                    """))
        #expect(Self.summary(actions) == ["deliverable - 2026-11-30", "reply-offer Sarah Connor 2026-11-26"])
        let offer = try #require(actions.first { $0.kind == .replyOffer })
        #expect(offer.line == 15)
        #expect(offer.title.contains("offer"))
    }

    @Test func offerOnlyInTheStatus() throws {
        // "or after the note date if only the status says so".
        let actions = try Self.actions(Self.note(extra: ["status: offer"]))
        #expect(Self.summary(actions) == ["reply-offer - 2026-11-19"])
        #expect(actions.first?.line == 8)  // the `status:` line
    }

    @Test func offerAtTheYearEndAndOnALeapDay() throws {
        #expect(Self.summary(try Self.actions(Self.note(log: ["2026-12-31: offer!"]))) == ["reply-offer - 2027-01-01"])
        #expect(
            Self.summary(try Self.actions(Self.note(date: "2028-02-20", log: ["2028-02-28: verbal offer from Miles"])))
                == ["reply-offer Miles Dyson 2028-02-29"])
    }

    @Test func offerGoesToTheContactWhenTheLineNamesNoOne() throws {
        let actions = try Self.actions(Self.note(extra: ["recruiter: Kyle Reese"], log: ["2026-11-25: offer!"]))
        #expect(Self.summary(actions) == ["reply-offer Kyle Reese 2026-11-26"])
    }

    // MARK: 8. Rejection

    @Test(arguments: [
        "they are not moving forward", "rejected", "got a rejection email",
    ])
    func loggedRejectionAsksForFeedback(line: String) throws {
        let actions = try Self.actions(
            Self.note(body: "\n- [ ] Send references\n\n## Log\n- 2026-11-30: \(line)\n"))
        #expect(Self.summary(actions) == ["ask-feedback - 2026-12-01"])
    }

    @Test func rejectionNamingSomeone() throws {
        let actions = try Self.actions(Self.note(log: ["2026-11-30: rejection email from Sarah"]))
        #expect(Self.summary(actions) == ["ask-feedback Sarah Connor 2026-12-01"])
    }

    @Test func rejectionOnlyInTheStatus() throws {
        let actions = try Self.actions(Self.note(extra: ["status: rejected"]))
        #expect(Self.summary(actions) == ["ask-feedback - 2026-11-19"])
    }

    @Test func noFeedbackRequestOnceAsked() throws {
        let logged = try Self.actions(
            Self.note(log: ["2026-11-30: not moving forward", "2026-12-01: asked for feedback"]))
        #expect(logged.isEmpty)
        let status = try Self.actions(Self.note(extra: ["status: rejected"], log: ["2026-11-19: Asked for feedback"]))
        #expect(status.isEmpty)
    }

    @Test func rejectionAndFeedbackAskedOnOneLine() throws {
        let actions = try Self.actions(Self.note(log: ["2026-11-30: rejected; asked for feedback from Sarah"]))
        #expect(actions.isEmpty)
    }

    @Test func rejectionLoggedWithoutAYearMonthsAfterTheInterview() throws {
        // Spec, "Log": a date without a year takes the note's year, so `Dec 10` in a note of
        // 1 June 2026 is 2026-12-10: a rejection, so ask for feedback on 2026-12-11.
        let actions = try Self.actions(
            Self.note(
                date: "2026-06-01", interviewers: ["Miles Dyson"], body: "\n## Log\n- Dec 10: not moving forward\n"))
        #expect(Self.summary(actions) == ["ask-feedback - 2026-12-11"])
    }

    @Test func rejectionAtTheYearEnd() throws {
        #expect(
            Self.summary(try Self.actions(Self.note(log: ["2026-12-31: rejected"]))) == ["ask-feedback - 2027-01-01"])
    }

    // MARK: Status: the latest of the front matter and the log

    @Test func laterRejectionOverridesAnOffer() throws {
        let logged = try Self.actions(
            Self.note(log: ["2026-11-25: offer!", "2026-12-02: offer withdrawn, not moving forward"]))
        // That second line has both words, so it counts as neither: the offer stands.
        #expect(Self.summary(logged) == ["reply-offer - 2026-11-26"])

        let clean = try Self.actions(Self.note(log: ["2026-11-25: offer!", "2026-12-02: they rescinded it: rejected"]))
        #expect(Self.summary(clean) == ["ask-feedback - 2026-12-03"])

        let status = try Self.actions(Self.note(extra: ["status: offer"], log: ["2026-11-25: rejected"]))
        #expect(Self.summary(status) == ["ask-feedback - 2026-11-26"])
    }

    @Test func laterOfferOverridesARejection() throws {
        let actions = try Self.actions(
            Self.note(log: ["2026-11-25: rejected", "2026-12-02: surprise offer from Miles"]))
        #expect(Self.summary(actions) == ["reply-offer Miles Dyson 2026-12-03"])
        let status = try Self.actions(Self.note(extra: ["status: rejected"], log: ["2026-11-25: offer"]))
        #expect(Self.summary(status) == ["reply-offer - 2026-11-26"])
    }

    // MARK: 9. Closed statuses

    @Test(arguments: ["withdrawn", "accepted", "declined", "closed", "Closed"])
    func closedStatusesPlanNothing(status: String) throws {
        let actions = try Self.actions(
            Self.note(
                extra: ["status: \(status)", "timeline: 2 weeks"],
                body: Self.itemsBody + "\n\n## Log\n- 2026-11-25: got an offer\n- 2026-12-01: rejected\n"))
        #expect(actions.isEmpty)
    }

    // MARK: Applications of several notes

    static let screen = """
        ---
        company: cyberdyne
        position: ml engineer
        date: 2026-11-10
        interviewer: Kyle Reese
        status: closed
        ---

        - [ ] Send the code sample to Kyle

        ## Log
        - Nov 11: thanked Kyle
        - Nov 12: followed up
        """

    static let onsite = """
        ---
        company: Cyberdyne
        role: ML Engineer
        date: 2026-11-18 15:30
        interviewers: Miles Dyson, Sarah Connor
        timeline: 2 weeks
        ---

        ## Next steps
        - Upload the portfolio for Miles tomorrow
        """

    @Test func notesOfOneApplicationAreGroupedIgnoringCase() throws {
        let readings = [readNote(Self.onsite, path: "b/onsite.md"), readNote(Self.screen, path: "a/screen.md")]
        let notes = readings.compactMap(\.note)
        #expect(notes.count == 2)
        let applications = Application.group(notes)
        #expect(applications.count == 1)
        let application = try #require(applications.first)
        #expect(application.notes.map(\.path) == ["a/screen.md", "b/onsite.md"])
        #expect(application.latest.path == "b/onsite.md")
        #expect(application.company == "Cyberdyne")
        #expect(application.role == "ML Engineer")
    }

    @Test func theLatestNoteDecides() throws {
        // The phone screen says `status: closed`, but the onsite, the latest, is waiting.
        let actions = try Self.actions([("a/screen.md", Self.screen), ("b/onsite.md", Self.onsite)])
        #expect(
            Self.summary(actions) == [
                "thank-you Miles Dyson 2026-11-19", "thank-you Sarah Connor 2026-11-19",
                "deliverable Kyle Reese 2026-11-12", "deliverable Miles Dyson 2026-11-19",
                "follow-up - 2026-12-03 #1",
            ])
        #expect(actions.allSatisfy { $0.company == "Cyberdyne" && $0.role == "ML Engineer" })
        #expect(actions.map(\.note) == ["b/onsite.md", "b/onsite.md", "a/screen.md", "b/onsite.md", "b/onsite.md"])
    }

    @Test func aClosedLatestNoteClosesTheApplication() throws {
        let closedOnsite = Self.onsite.replacingFirst("timeline: 2 weeks", with: "status: withdrawn")
        let screenWaiting = Self.screen.replacingFirst("status: closed", with: "status: waiting")
        let actions = try Self.actions([("a/screen.md", screenWaiting), ("b/onsite.md", closedOnsite)])
        #expect(actions.isEmpty)
    }

    @Test func orderIsByInterviewDateAndTimeNotByInput() throws {
        let morning = Self.note(date: "2026-11-18 09:00", interviewers: ["Kyle Reese"])
        let afternoon = Self.note(date: "2026-11-18T15:30", interviewers: ["Miles Dyson"])
        let orders: [[(path: String, text: String)]] = [
            [("z.md", morning), ("a.md", afternoon)], [("a.md", afternoon), ("z.md", morning)],
        ]
        for order in orders {
            let application = try Self.application(order)
            #expect(application.latest.interviewers.map(\.name) == ["Miles Dyson"])
            let thanks = Rules.actions(for: application).filter { $0.kind == .thankYou }
            #expect(Self.summary(thanks) == ["thank-you Miles Dyson 2026-11-19"])
        }
    }

    @Test func differentRolesAreDifferentApplications() throws {
        let notes = [
            try #require(readNote(Self.note(role: "ML Engineer"), path: "a.md").note),
            try #require(readNote(Self.note(role: "Data Engineer", date: "2026-11-20"), path: "b.md").note),
            try #require(readNote(Self.note(company: "Skynet", role: "ML Engineer"), path: "c.md").note),
            try #require(readNote(Self.note(company: " CYBERDYNE ", role: "ml engineer"), path: "d.md").note),
        ]
        let applications = Application.group(notes)
        #expect(applications.map { $0.notes.map(\.path) } == [["b.md"], ["a.md", "d.md"], ["c.md"]])
    }

    /// Company and role are compared trimmed of spaces and tabs and in lower case, whether they
    /// are ASCII (read from their bytes) or not (read as characters), and ordered by those keys.
    @Test func applicationsAreKeyedTheSameForAnyText() throws {
        let notes = try [
            ("a.md", "Zeta", "SRE"), ("b.md", "\t zeta", "sre \t"), ("c.md", "ÜNÏCORN", "SRE"),
            ("d.md", "Ünïcorn ", "sre"), ("e.md", "Zeta", "Rôle"), ("f.md", "zeta", "RÔLE"), ("g.md", "Zeta", nil),
        ].map { path, company, role in
            var note = try #require(readNote(Self.note(company: "x", role: "x"), path: path).note)
            note = InterviewNote(
                path: note.path, company: company, role: role, date: note.date, interviewers: note.interviewers)
            return note
        }
        #expect(
            Application.group(notes).map { $0.notes.map(\.path).sorted() } == [
                ["g.md"], ["e.md", "f.md"], ["a.md", "b.md"], ["c.md", "d.md"],
            ])
    }

    @Test func aPlanGroupsSortsAndKeepsProblems() throws {
        let readings = [
            readNote(Self.screen, path: "a/screen.md"), readNote(Self.onsite, path: "b/onsite.md"),
            readNote(noteText("company: Skynet\ndate: 2026-02-30"), path: "c/broken.md"),
        ]
        let plan = Plan(readings: readings, today: day("2026-11-21"))
        #expect(
            Self.summary(plan.actions) == [
                "deliverable Kyle Reese 2026-11-12", "thank-you Miles Dyson 2026-11-19",
                "thank-you Sarah Connor 2026-11-19", "deliverable Miles Dyson 2026-11-19",
                "follow-up - 2026-12-03 #1",
            ])
        #expect(plan.problems.map(\.note) == ["c/broken.md"])
        #expect(plan.hasErrors)
        #expect(plan.actions.map { plan.horizon(of: $0) } == [.overdue, .overdue, .overdue, .overdue, .later])
    }

    /// Applications with nothing to do, planned on several threads: under ThreadSanitizer (make
    /// tsan) this raced on the storage all empty arrays share, each thread writing its empty list's
    /// count into it while another read it.
    @Test func applicationsWithoutActionsArePlannedOnManyThreads() throws {
        let readings = (0..<64).map { number in
            readNote(
                Self.note(company: "Company \(number)", extra: number % 4 == 0 ? [] : ["status: closed"]),
                path: "\(number).md")
        }
        let single = Plan(readings: readings, today: day("2026-11-21"), jobs: 1)
        #expect(single.applications.count == 64)
        #expect(Set(single.actions.map(\.company)).count == 16)
        for jobs in [2, 7] {
            #expect(Plan(readings: readings, today: day("2026-11-21"), jobs: jobs) == single)
        }
    }

    /// A plan's actions are moved into an array made at the most each application can have: the
    /// rules must never give more, whatever the notes say (seeded notes of every shape, one to
    /// four per application, every status, logs of offers, rejections and thank-yous).
    @Test(arguments: 0..<300)
    func noApplicationPlansMoreActionsThanItsBound(seed: UInt64) {
        let notes = (0..<(1 + Int(seed % 4))).map { offset in
            var parts = NoteStorageTests.parts(seed: seed &* 31 &+ UInt64(offset))
            (parts.company, parts.role) = ("Cyberdyne", "ML Engineer")
            return parts.note
        }
        let application = Application(notes: notes)
        #expect(Rules.actions(for: application).count <= Rules.mostActions(for: application))
    }

    /// An application's notes are in order of interview day, then time (a note without one first),
    /// then path; its history in order of day, then note, then line; its notes are found by path.
    /// Whatever order the notes come in.
    @Test func notesAndHistoryAreInOrderWhateverOrderTheyCameIn() throws {
        let notes: [(path: String, text: String)] = [
            (
                "b.md",
                Self.note(date: "2026-11-18 10:00", log: ["2026-11-20: heard back", "2026-11-19: thanked Miles"])
            ),
            ("a.md", Self.note(date: "2026-11-18 10:00", log: ["2026-11-20: followed up"])),
            ("c.md", Self.note(date: "2026-11-18", log: ["2026-11-20: nudged"])),
            ("d.md", Self.note(date: "2026-11-17 18:00", log: ["2026-11-21: thanked Sarah"])),
            ("e.md", Self.note(date: "2026-11-18 09:59", log: [])),
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<20 {
            let application = try Self.application(notes.shuffled(using: &generator))
            #expect(application.notes.map(\.path) == ["d.md", "c.md", "e.md", "a.md", "b.md"])
            #expect(
                application.history.map { "\($0.note.path):\($0.entry.line)" } == [
                    "b.md:12", "c.md:11", "a.md:11", "b.md:11", "d.md:11",
                ])
            for path in ["a.md", "b.md", "c.md", "d.md", "e.md"] { #expect(application.note(at: path)?.path == path) }
            #expect(application.note(at: "f.md") == nil)
            // The history from a day on (found by bisection) is the history filtered by day.
            for start in ["2026-11-18", "2026-11-19", "2026-11-20", "2026-11-21", "2026-11-22"] {
                let since = application.history(since: day(start)).map { "\($0.note.path):\($0.entry.line)" }
                let filtered = application.history.filter { $0.entry.day >= day(start) }
                #expect(since == filtered.map { "\($0.note.path):\($0.entry.line)" }, "since \(start)")
            }
            #expect(application.history(since: day("2026-11-20")).count == 4)
        }
    }

    /// Many interviews on few days and times, their notes given in order of path (as a vault gives
    /// them, when the order of their indices stands for the order of their paths) or shuffled,
    /// their paths ASCII or not (a composed and a decomposed `é`, which String's `<` calls equal),
    /// sometimes one path twice: the notes are in the order of day, time, then path by String's
    /// `<`, the same path keeping the order given, and every note is found by its path.
    @Test(arguments: 0..<80)
    func notesAreInOrderOfDayTimeAndPathHoweverTheyCome(seed: UInt64) {
        var random = NoteStorageTests.Generator(state: seed)
        let stems = ["a", "a/b", "a-b", "ab", "b", "Z", "z", "\u{E9}", "e\u{301}", "\u{E9}t\u{E9}"]
        var paths = (0..<(2 + random.below(30))).map { index in
            "\(stems[random.below(seed % 2 == 0 ? 7 : stems.count)])\(random.below(4))/\(index % 7).md"
        }
        if random.chance(30) { paths.append(paths[random.below(paths.count)]) }
        let notes = paths.map { path in
            InterviewNote(
                path: path, company: "Cyberdyne", date: Day(ordinal: 740_000 + random.below(3)),
                minutes: random.chance(50) ? nil : 600 + random.below(2))
        }
        let inPathOrder = notes.indices.sorted { Text.bytewiseCompare(notes[$0].path, notes[$1].path) < 0 }
        for given in [inPathOrder.map { notes[$0] }, notes, notes.reversed()] {
            let expected = given.indices.sorted { left, right in
                let (a, b) = (given[left], given[right])
                if a.date != b.date { return a.date < b.date }
                if (a.minutes ?? -1) != (b.minutes ?? -1) { return (a.minutes ?? -1) < (b.minutes ?? -1) }
                return a.path < b.path
            }.map { given[$0] }
            let application = Application(notes: given)
            #expect(application.notes == expected, "seed \(seed)")
            for note in given {
                let found = application.note(at: note.path)
                #expect(found.map { Array($0.path.utf8) } == Array(note.path.utf8), "seed \(seed): \(note.path)")
                // The first of the notes at that path, in the application's order.
                #expect(found == application.notes.first { $0.path.utf8.elementsEqual(note.path.utf8) })
            }
        }
    }

    /// Closed applications plan nothing and take no room, and no application fills all of its
    /// room: the actions close up behind them, and the plan is the rules' actions, sorted.
    @Test func actionsOfManyApplicationsCloseUpAroundTheRoomLeft() throws {
        let readings = (0..<40).map { number in
            readNote(
                Self.note(
                    company: "Company \(number)", extra: number % 3 == 0 ? ["status: closed"] : [],
                    body: "\n## Next steps\n" + (0..<(number % 5)).map { "- [ ] Send item \($0)\n" }.joined()),
                path: "\(number).md")
        }
        let plan = Plan(readings: readings, today: day("2026-11-21"), jobs: 2)
        let expected = plan.applications.flatMap(Rules.actions(for:))
        #expect(expected.count > 40)
        #expect(plan.actions == Plan(today: plan.today, actions: expected, problems: []).actions)
    }
}

extension String {
    fileprivate func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = firstRange(of: target) else {
            Issue.record("test data: “\(target)” not found")
            return self
        }
        var copy = self
        copy.replaceSubrange(range, with: replacement)
        return copy
    }
}
