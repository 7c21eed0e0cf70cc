import Testing

@testable import FollowupCore

/// Reads Markdown text as a note at `path`, the way the vault does with a file's bytes.
func readNote(_ text: String, path: String = "x.md") -> NoteReading {
    NoteReader.read(Array(text.utf8), path: path)
}

/// A note with this front matter (without the `---` lines) and body. The front matter's first
/// line is line 2 of the file; the body starts on the line after the closing `---`.
func noteText(_ front: String, body: String = "") -> String {
    "---\n\(front)\n---\n\(body)"
}

/// The usual front matter of the tests: Cyberdyne, interview on Wednesday 2026-11-18, two
/// interviewers. Lines 2–7; the closing `---` is line 8, and the body starts on line 9.
let cyberdyneFront = """
    company: Cyberdyne
    role: ML Engineer
    date: 2026-11-18
    interviewers:
      - Miles Dyson
      - Sarah Connor
    """

@Suite("Reading notes")
struct NoteReaderTests {
    /// Reads a note that must be valid, failing the test otherwise.
    func validNote(_ text: String) throws -> InterviewNote {
        let reading = readNote(text)
        #expect(!reading.problems.contains { $0.severity == .error }, "unexpected problems: \(reading.problems)")
        return try #require(reading.note)
    }

    func body(_ body: String) throws -> InterviewNote {
        try validNote(noteText(cyberdyneFront, body: body))
    }

    /// Expects exactly one problem: of this severity, on this line (and column), in x.md, its
    /// message mentioning `text`.
    func expectOneProblem(
        _ reading: NoteReading, _ severity: Problem.Severity, line: Int, column: Int? = nil,
        mentioning text: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        #expect(reading.problems.count == 1, "problems: \(reading.problems)", sourceLocation: sourceLocation)
        guard let problem = reading.problems.first else { return }
        #expect(problem.severity == severity, sourceLocation: sourceLocation)
        #expect(problem.note == "x.md", sourceLocation: sourceLocation)
        #expect(problem.line == line, sourceLocation: sourceLocation)
        if let column { #expect(problem.column == column, sourceLocation: sourceLocation) }
        if let text { #expect(problem.message.contains(text), "\(problem.message)", sourceLocation: sourceLocation) }
    }

    // MARK: Front matter keys

    @Test func basicFrontMatter() throws {
        let note = try validNote(
            noteText(
                """
                company: Cyberdyne
                role: ML Engineer
                date: 2026-11-18
                interviewers: [Miles Dyson, Sarah Connor]
                timeline: 2 weeks
                stage: onsite
                status: waiting
                channel: Phone
                """))
        #expect(note.path == "x.md")
        #expect(note.company == "Cyberdyne")
        #expect(note.role == "ML Engineer")
        #expect(note.date == day("2026-11-18"))
        #expect(note.minutes == nil)
        #expect(note.interviewers.map(\.name) == ["Miles Dyson", "Sarah Connor"])
        #expect(note.timeline?.text == "2 weeks")
        #expect(note.timeline?.end == day("2026-12-02"))
        #expect(note.timeline?.line == 6)
        #expect(note.stage == "onsite")
        #expect(note.status == .waiting)
        #expect(note.statusLine == 8)
        #expect(note.channel == "phone")
        #expect(note.actionItems.isEmpty)
        #expect(note.log.isEmpty)
    }

    @Test func defaults() throws {
        let note = try validNote(noteText("company: Cyberdyne\ndate: 2026-11-18"))
        #expect(note.role == nil)
        #expect(note.status == .waiting)
        #expect(note.statusLine == nil)
        #expect(note.channel == "email")
        #expect(note.timeline == nil)
        #expect(note.interviewers.isEmpty)
    }

    @Test(arguments: ["role", "position", "job_position", "title", "Job Position", "job-position", "Role"])
    func roleKeys(key: String) throws {
        let note = try validNote(noteText("company: Cyberdyne\n\(key): ML Engineer\ndate: 2026-11-18"))
        #expect(note.role == "ML Engineer")
    }

    @Test(arguments: ["date", "interview_date", "Interview Date", "interview-date", "Date"])
    func dateKeys(key: String) throws {
        let note = try validNote(noteText("company: Cyberdyne\n\(key): 2026-11-18"))
        #expect(note.date == day("2026-11-18"))
    }

    @Test(arguments: [
        ("2026-11-18", nil as Int?), ("2026-11-18 15:30", 930), ("2026-11-18T15:30", 930),
        ("Nov 18, 2026", nil), ("November 18, 2026", nil), ("\"2026-11-18\"", nil),
    ])
    func dateForms(value: String, minutes: Int?) throws {
        let note = try validNote(noteText("company: Cyberdyne\ndate: \(value)"))
        #expect(note.date == day("2026-11-18"))
        #expect(note.minutes == minutes)
    }

    @Test(arguments: [
        "timeline", "decision", "decision_by", "hear_back", "Hear Back", "decision-by", "HEAR-BACK", "Decision By",
        // The Kelvin sign lower-cases to `k`, as the key's String does.
        "hear_bac\u{212A}",
    ])
    func timelineKeys(key: String) throws {
        let note = try validNote(noteText("company: Cyberdyne\ndate: 2026-11-18\n\(key): a week"))
        #expect(note.timeline?.text == "a week")
        #expect(note.timeline?.end == day("2026-11-25"))
        #expect(note.timeline?.line == 4)
    }

    @Test(arguments: [
        "timelines", "hearback", "hear__back", "time line", "decisionby", "_date", "timeline\u{301}",
        // Bytes a normalization eight at a time could mistake: a trailing space or NUL, neighbours
        // of `-`, space and `A`-`Z`, a key of 16 bytes and one of 17.
        "\"timeline \"", "\"timeline\\0\"", "time,line", "time.line", "\"hear\\x1Fback\"", "\"@imeline\"", "timelin[",
        "decision_by_date", "decision_by_dates",
    ])
    func nearMissKeysAreNotFields(key: String) throws {
        let note = try validNote(noteText("company: Cyberdyne\ndate: 2026-11-18\n\(key): a week"))
        #expect(note.timeline == nil)
    }

    @Test(arguments: [
        ("~", nil as String?), ("null", nil), ("Null", nil), ("NULL", nil), ("nULL", "nULL"), ("\"null\"", "null"),
        ("'~'", "~"), ("\"  onsite \"", "onsite"), ("\"\\tonsite\\r\\n\"", "onsite"),
        ("\"\\u00A0onsite\"", "\u{A0}onsite"),
        ("\"\"", nil), ("on site", "on site"), ("\"é\"", "é"),
    ])
    func scalarValuesAreTrimmedAndNullIsEmpty(value: String, stage: String?) throws {
        let note = try validNote(noteText("company: Cyberdyne\ndate: 2026-11-18\nstage: \(value)"))
        #expect(note.stage == stage)
    }

    @Test func unreadableTimelineIsAWarningAndKept() throws {
        let reading = readNote(noteText("company: Cyberdyne\ndate: 2026-11-18\ntimeline: soon-ish"))
        let note = try #require(reading.note)
        #expect(note.timeline?.text == "soon-ish")
        #expect(note.timeline != nil && note.timeline?.end == nil)
        expectOneProblem(reading, .warning, line: 4)
    }

    @Test(arguments: Status.allCases)
    func statuses(status: Status) throws {
        let note = try validNote(noteText("company: Cyberdyne\ndate: 2026-11-18\nstatus: \(status.rawValue)"))
        #expect(note.status == status)
        #expect(note.statusLine == 4)
    }

    @Test func statusIgnoresCase() throws {
        let note = try validNote(noteText("company: Cyberdyne\ndate: 2026-11-18\nstatus: Offer"))
        #expect(note.status == .offer)
    }

    // MARK: Interviewers

    @Test(arguments: [
        "interviewers:\n  - Miles Dyson\n  - Sarah Connor",
        "interviewers: [Miles Dyson, Sarah Connor]",
        "interviewers: \"Miles Dyson, Sarah Connor\"",
        "interviewers: Miles Dyson, Sarah Connor",
        "interviewer: Miles Dyson, Sarah Connor",
        "interviewers:\n  - name: Miles Dyson\n  - name: Sarah Connor",
        "Interviewers:\n- Miles Dyson\n- Sarah Connor",
        "interviewers: Miles Dyson; Sarah Connor",
        "interviewers: Miles Dyson & Sarah Connor",
        "interviewers: Miles Dyson and Sarah Connor",
        "interviewers: \"Miles Dyson ,\tSarah Connor, \"",
        "interviewers: \" ,Miles Dyson;;Sarah Connor&\"",
    ])
    func interviewerShapes(yaml: String) throws {
        let note = try validNote(noteText("company: Cyberdyne\ndate: 2026-11-18\n\(yaml)"))
        #expect(note.interviewers.map(\.name) == ["Miles Dyson", "Sarah Connor"])
    }

    @Test(arguments: ["interviewer: Miles Dyson", "interviewers: Miles Dyson", "interviewers:\n  - Miles Dyson"])
    func singleInterviewer(yaml: String) throws {
        let note = try validNote(noteText("company: Cyberdyne\ndate: 2026-11-18\n\(yaml)"))
        #expect(note.interviewers.map(\.name) == ["Miles Dyson"])
        #expect(note.interviewers.first?.firstName == "Miles")
    }

    @Test func interviewerMappingsKeepEmailAndRole() throws {
        let note = try validNote(
            noteText(
                """
                company: Cyberdyne
                date: 2026-11-18
                interviewers:
                  - name: Miles Dyson
                    email: miles@cyberdyne.example
                    role: Director of Special Projects
                  - name: Sarah Connor
                """))
        #expect(
            note.interviewers == [
                Person(
                    name: "Miles Dyson", email: "miles@cyberdyne.example", role: "Director of Special Projects", line: 5
                ),
                Person(name: "Sarah Connor", line: 8),
            ])
    }

    @Test func interviewerLinesPointAtTheirEntries() throws {
        let note = try body("")
        #expect(note.interviewers.map(\.line) == [6, 7])
    }

    /// Who an item or a log line names is the same whether the text is ASCII (where a text that
    /// holds no name's first word is passed over at once) or not: a Kelvin sign is a `K` in lower
    /// case, and an accented name is matched in any case.
    @Test func namesAreFoundAlikeInASCIIAndOtherText() throws {
        let body = """

            ## Next steps
            - Send Kim the deck
            - Send the deck to kim
            - Send the deck to Ada
            - Send the slides to ZOË
            - Send the slides to nobody

            ## Log
            - 2026-11-19: thanked \u{212A}im
            - 2026-11-19: thanked kim
            - 2026-11-20: thanked zoë
            - 2026-11-21: heard back
            """
        // ASCII names only: texts without a first name are passed over, but not the Kelvin sign.
        let ascii = try validNote(
            noteText("company: Cyberdyne\ndate: 2026-11-18\ninterviewers: [Kim Lee, Ada]", body: body))
        #expect(ascii.actionItems.map(\.to) == ["Kim Lee", nil, "Ada", nil, nil])
        #expect(ascii.log.map(\.thanked) == [["Kim Lee"], ["Kim Lee"], ["Kim Lee", "Ada"], []])
        #expect(ascii.log.map(\.person) == ["Kim Lee", "Kim Lee", nil, nil])
        // An accented name: every text is read in full.
        let accented = try validNote(
            noteText("company: Cyberdyne\ndate: 2026-11-18\ninterviewers: [Kim Lee, Zoë Park, Ada]", body: body))
        #expect(accented.actionItems.map(\.to) == ["Kim Lee", nil, "Ada", nil, nil])
        #expect(accented.log.map(\.thanked) == [["Kim Lee"], ["Kim Lee"], ["Zoë Park"], []])
        #expect(accented.log.map(\.person) == ["Kim Lee", "Kim Lee", "Zoë Park", nil])
    }

    // MARK: Encodings and line endings

    @Test func byteOrderMarkAndCRLF() throws {
        let text = noteText(
            cyberdyneFront,
            body: """

                ## Next steps
                - [ ] Send the portfolio to Sarah by Friday

                ## Log
                - 2026-11-19: thanked Miles
                """
        ).replacingOccurrences("\n", with: "\r\n")
        let reading = NoteReader.read([0xEF, 0xBB, 0xBF] + Array(text.utf8), path: "crlf.md")
        #expect(reading.problems.isEmpty)
        let note = try #require(reading.note)
        #expect(note.company == "Cyberdyne")
        #expect(note.role == "ML Engineer")
        #expect(note.date == day("2026-11-18"))
        #expect(note.interviewers.map(\.name) == ["Miles Dyson", "Sarah Connor"])
        #expect(
            note.actionItems == [
                ActionItem(
                    text: "Send the portfolio to Sarah by Friday", kind: .deliverable, due: day("2026-11-20"),
                    to: "Sarah Connor", line: 11)
            ])
        #expect(
            note.log == [
                LogEntry(
                    day: day("2026-11-19"), events: [.thankYou], thanked: ["Miles Dyson"], person: "Miles Dyson",
                    line: 14)
            ])
    }

    @Test func lineEndingsAreOnlyCR() throws {
        let text = noteText("company: Cyberdyne\ndate: 2026-11-18", body: "\n## Todo\n- Send the deck\n")
            .replacingOccurrences("\n", with: "\r")
        let note = try validNote(text)
        #expect(note.company == "Cyberdyne")
        #expect(note.actionItems.map(\.line) == [7])
    }

    // MARK: Not a note

    @Test(arguments: [
        "# Just a Markdown file\n\n- [ ] buy milk\n",
        noteText("title: Reading list\ndate: 2026-11-18", body: "- [ ] read a book\n"),
        noteText("", body: "- [ ] empty front matter\n"),
        noteText("- a list, not a mapping"),
        "",
    ])
    func notANote(text: String) {
        let reading = readNote(text)
        #expect(reading.note == nil)
        #expect(reading.problems.isEmpty)
    }

    // MARK: Errors in the front matter

    @Test func missingDate() {
        let reading = readNote(noteText("role: ML Engineer\ncompany: Cyberdyne\nstatus: waiting"))
        #expect(reading.note == nil)
        // Line 3, the `company:` line, as there is no `date:` line to point at.
        expectOneProblem(reading, .error, line: 3, mentioning: "date")
    }

    @Test(arguments: ["2026-02-30", "2026-02-29", "2100-02-29", "2026-13-01"])
    func impossibleDate(value: String) {
        let reading = readNote(noteText("company: Cyberdyne\nrole: ML Engineer\ndate: \(value)"))
        #expect(reading.note == nil)
        expectOneProblem(reading, .error, line: 4, column: 7, mentioning: value)
    }

    @Test func unreadableDate() {
        let reading = readNote(noteText("company: Cyberdyne\ndate: last Wednesday"))
        #expect(reading.note == nil)
        #expect(reading.problems.map(\.line) == [3])
        #expect(reading.problems.first?.severity == .error)
    }

    @Test func unknownStatus() {
        let reading = readNote(noteText("company: Cyberdyne\ndate: 2026-11-18\nstatus: ghosted"))
        #expect(reading.note == nil)
        expectOneProblem(reading, .error, line: 4, column: 9, mentioning: "ghosted")
    }

    @Test func malformedYAML() {
        // Line 4 of the file: a second `:` in a plain value.
        let reading = readNote(noteText("company: Cyberdyne\ndate: 2026-11-18\nrole: ML: Engineer\nstage: onsite"))
        #expect(reading.note == nil)
        expectOneProblem(reading, .error, line: 4, column: 9, mentioning: "YAML")
    }

    @Test func unclosedFlowListIsMalformed() {
        let reading = readNote(noteText("company: Cyberdyne\ndate: 2026-11-18\ninterviewers: [Miles, Sarah\nstage: x"))
        #expect(reading.note == nil)
        #expect(reading.problems.count == 1)
        #expect(reading.problems.first?.severity == .error)
        // The error is found after the list was opened on line 4.
        #expect((reading.problems.first?.line ?? 0) >= 4)
    }

    @Test func malformedYAMLAfterBOMAndCRLFKeepsTheLine() {
        let text = noteText("company: Cyberdyne\ndate: 2026-11-18\nrole: ML: Engineer").replacingOccurrences(
            "\n", with: "\r\n")
        let reading = NoteReader.read([0xEF, 0xBB, 0xBF] + Array(text.utf8), path: "x.md")
        #expect(reading.note == nil)
        #expect(reading.problems.map(\.line) == [4])
    }

    @Test func duplicatedKey() {
        let reading = readNote(noteText("company: Cyberdyne\ndate: 2026-11-18\ncompany: Skynet"))
        #expect(reading.note == nil)
        #expect(reading.problems.first?.severity == .error)
    }

    @Test func unterminatedFrontMatter() {
        let reading = readNote("---\ncompany: Cyberdyne\ndate: 2026-11-18\n\n## Next steps\n- Send the deck\n")
        #expect(reading.note == nil)
        #expect(reading.problems.map(\.line) == [1])
        #expect(reading.problems.first?.severity == .error)
    }

    @Test func emptyCompanyIsAnError() {
        let reading = readNote(noteText("company:\ndate: 2026-11-18"))
        #expect(reading.note == nil)
        #expect(reading.problems.first?.severity == .error)
        #expect(reading.problems.first?.line == 2)
    }

    @Test func nonUTF8AndBinary() {
        let latin1 = Array(noteText("company: Caf\u{E9}\ndate: 2026-11-18").utf8).map { $0 == 0xC3 ? 0xE9 : $0 }
            .filter { $0 != 0xA9 }
        let reading = NoteReader.read(latin1, path: "latin1.md")
        #expect(reading.note == nil)
        #expect(reading.problems.map(\.line) == [2])
        #expect(reading.problems.map(\.column) == [13])

        let binary = NoteReader.read([0x2D, 0x2D, 0x2D, 0x0A, 0x00], path: "b.md")
        #expect(binary.note == nil)
        #expect(binary.problems.map(\.line) == [2])
    }

    @Test func errorsCarryThePath() {
        let reading = readNote(noteText("company: Cyberdyne\ndate: 2026-02-30"), path: "notes/cyberdyne.md")
        #expect(reading.problems.map(\.note) == ["notes/cyberdyne.md"])
        #expect(reading.problems.first?.description.hasPrefix("notes/cyberdyne.md:3:7: ") == true)
    }

    // MARK: Action items

    @Test func taskItemsAnywhere() throws {
        let note = try body(
            """

            # Onsite at Cyberdyne

            Went well.

            - [ ] Send the portfolio to Miles
            - [x] Book travel
            - [X] Print CV
            - A plain item is just a note
            - [ ] Research the team
            """)
        #expect(
            note.actionItems == [
                ActionItem(
                    text: "Send the portfolio to Miles", kind: .deliverable, due: day("2026-11-20"), to: "Miles Dyson",
                    line: 14),
                ActionItem(text: "Research the team", kind: .task, due: day("2026-11-20"), line: 18),
            ])
    }

    @Test(arguments: [
        "Next steps", "next steps", "NEXT STEPS", "Action items", "To do", "To-do", "Todo", "Follow-up",
        "Follow-up actions", "Follow-up actions:", "Follow up",
        // Read as words rather than as ASCII bytes: an apostrophe, a no-break space, an emoji.
        "'Next steps'", "Next\u{A0}steps", "Next steps 📝",
    ])
    func actionHeadings(heading: String) throws {
        for level in ["#", "##", "####"] {
            let note = try body("\n\(level) \(heading)\n\n- Research the team\n")
            #expect(note.actionItems.map(\.text) == ["Research the team"], "\(level) \(heading)")
            #expect(note.actionItems.map(\.kind) == [.task])
            #expect(note.actionItems.map(\.line) == [12])
        }
    }

    @Test(arguments: [
        "Notes", "Questions they asked", "Next", "Steps", "Follow-up questions", "Todo's", "Nächste Schritte",
    ])
    func plainItemsUnderOtherHeadingsAreNotActions(heading: String) throws {
        let note = try body("\n## \(heading)\n\n- Research the team\n")
        #expect(note.actionItems.isEmpty)
    }

    @Test func sectionEndsAtTheNextHeadingOfTheSameOrHigherLevel() throws {
        let note = try body(
            """

            # Onsite
            ## Next steps
            - Research the team
            ### Before Friday
            - Prepare questions
            ## Questions they asked
            - How do you handle conflict?
            ## Follow-up
            - Update the tracker
            # Other
            - Unrelated
            """)
        #expect(note.actionItems.map(\.text) == ["Research the team", "Prepare questions", "Update the tracker"])
    }

    @Test func itemsInCodeQuotesAndHTMLAreNotActions() throws {
        let note = try body(
            """

            ## Next steps

            ```markdown
            - [ ] in a fenced code block
            - also in the code block
            ```

            ~~~
            - [ ] in a tilde fence
            ~~~

            > - [ ] in a block quote
            > - plain item in a block quote
            >
            > ## Next steps
            > - [ ] under a quoted heading

            <!--
            - [ ] in an HTML comment
            -->

            <div>
            - [ ] in an HTML block
            </div>

            Paragraph.

                - [ ] in an indented code block

            - [ ] Real one
            """)
        #expect(note.actionItems.map(\.text) == ["Real one"])
    }

    @Test func quotedHeadingDoesNotStartASection() throws {
        let note = try body(
            """

            > ## Next steps

            - plain item after a quoted heading
            """)
        #expect(note.actionItems.isEmpty)
    }

    @Test func checkedItemsAreNeverListed() throws {
        let note = try body(
            """

            ## Next steps
            - [x] Sent the portfolio
            - [X] Sent the code sample
            - [ ] Send references
            ## Deliverables
            - [x] Portfolio
            """)
        #expect(note.actionItems.map(\.text) == ["Send references"])
    }

    @Test func nestedItemsCountOnTheirOwn() throws {
        let note = try body(
            """

            ## Next steps
            - Prepare for the final round
              - Send the portfolio to Sarah by Friday
              - [x] Book travel
                - Research the panel
            - [ ] Outside task
              - [ ] Nested task
            """)
        #expect(
            note.actionItems.map(\.text) == [
                "Prepare for the final round", "Send the portfolio to Sarah by Friday", "Research the panel",
                "Outside task", "Nested task",
            ])
        #expect(note.actionItems[1].kind == .deliverable)
        #expect(note.actionItems[1].due == day("2026-11-20"))
        #expect(note.actionItems[1].to == "Sarah Connor")
        #expect(note.actionItems.map(\.line) == [11, 12, 14, 15, 16])
    }

    @Test func twoInterviewersWhoShareAFirstNameAreToldApart() throws {
        // "Sam" alone names both at the same word: the one listed first is meant. "Sam Park" is
        // Sam Park's full name, and its "Sam" is not Sam Lee's first name.
        func note(_ interviewers: String) throws -> InterviewNote {
            try validNote(
                noteText(
                    "company: Acme\ndate: 2026-11-18\ninterviewers: [\(interviewers)]",
                    body: """

                        ## Next steps
                        - Send Sam the deck
                        - Send Sam Park the deck

                        ## Log
                        - 2026-11-19: thanked Sam Park and Sam Lee
                        - 2026-11-19: heard back from Sam
                        - 2026-11-20: thanked Sam Park
                        """))
        }
        let leeFirst = try note("Sam Lee, Sam Park")
        #expect(leeFirst.actionItems.map(\.to) == ["Sam Lee", "Sam Park"])
        #expect(leeFirst.log.map(\.thanked) == [["Sam Park", "Sam Lee"], [], ["Sam Park"]])
        #expect(leeFirst.log.map(\.person) == ["Sam Park", "Sam Lee", "Sam Park"])
        let parkFirst = try note("Sam Park, Sam Lee")
        #expect(parkFirst.actionItems.map(\.to) == ["Sam Park", "Sam Park"])
        #expect(parkFirst.log.map(\.thanked) == [["Sam Park", "Sam Lee"], [], ["Sam Park"]])
        #expect(parkFirst.log.map(\.person) == ["Sam Park", "Sam Park", "Sam Park"])
    }

    @Test func passagesAreThoseThatNameAnInterviewerUpToTheFirstSpace() throws {
        // A passage is prose naming an interviewer by their name up to its first space, in any
        // case: `Grace` of Grace Wilson, but `Mary-Jane` (not `Mary`) of Mary-Jane Watson.
        func passages(_ interviewers: String) throws -> [String] {
            try validNote(
                noteText(
                    "company: Acme\ndate: 2026-11-18\ninterviewers: [\(interviewers)]",
                    body: """

                        Mary was late to the call.

                        MARY-JANE walked me through the roadmap.

                        grace asked about testing.

                        Nobody else said much.
                        """)
            ).passages.map(\.text)
        }
        #expect(
            try passages("Grace Wilson, Mary-Jane Watson") == [
                "MARY-JANE walked me through the roadmap.", "grace asked about testing.",
            ])
        #expect(try passages("Grace Wilson") == ["grace asked about testing."])
        #expect(
            try passages("Mary Watson") == ["Mary was late to the call.", "MARY-JANE walked me through the roadmap."])
    }

    @Test func nestedTaskItemOutsideASection() throws {
        let note = try body("\n- Interview notes\n  - [ ] Email Miles the slides\n")
        #expect(note.actionItems.map(\.text) == ["Email Miles the slides"])
        #expect(note.actionItems.map(\.kind) == [.deliverable])
    }

    @Test func deliverablesHeading() throws {
        let note = try body(
            """

            ## Deliverables
            - Portfolio link for Miles
            - [ ] Code sample by Friday
            - [x] Transcript
            ## Next steps
            - Research the team
            - Send references
            """)
        #expect(
            note.actionItems.map(\.text) == [
                "Portfolio link for Miles", "Code sample by Friday", "Research the team", "Send references",
            ])
        #expect(note.actionItems.map(\.kind) == [.deliverable, .deliverable, .task, .deliverable])
        #expect(note.actionItems.map(\.to) == ["Miles Dyson", nil, nil, nil])
        #expect(
            note.actionItems.map(\.due) == [day("2026-11-20"), day("2026-11-20"), day("2026-11-20"), day("2026-11-20")])
    }

    @Test(arguments: [
        ("Send the portfolio", ActionItem.Kind.deliverable), ("share the deck", .deliverable),
        ("Email the references", .deliverable), ("Submit the take-home", .deliverable),
        ("Forward my transcript", .deliverable), ("Provide two references", .deliverable),
        ("Upload the code sample", .deliverable), ("Complete the assessment", .deliverable),
        ("Return the signed NDA", .deliverable), ("SEND the slides", .deliverable),
        ("Research the team", .task), ("Prepare questions", .task), ("Call the recruiter", .task),
        ("Remember to send the deck", .task),  // the verb must come first
    ])
    func sendingVerbs(text: String, kind: ActionItem.Kind) throws {
        let note = try body("\n- [ ] \(text)\n")
        #expect(note.actionItems.map(\.kind) == [kind])
    }

    @Test func dueDatesCountFromTheInterview() throws {
        let note = try body(
            """

            ## Next steps
            - Send the code sample within 5 business days
            - Research the team
            - Submit the assessment by Nov 24
            - Upload the portfolio EOW
            """)
        #expect(
            note.actionItems.map(\.due) == [day("2026-11-25"), day("2026-11-20"), day("2026-11-24"), day("2026-11-20")])
    }

    @Test func unreadableDuePhraseWarnsAndUsesTheDefault() throws {
        let reading = readNote(noteText(cyberdyneFront, body: "\n## Next steps\n- Send the portfolio, due soonish\n"))
        let note = try #require(reading.note)
        #expect(note.actionItems.map(\.due) == [day("2026-11-20")])
        expectOneProblem(reading, .warning, line: 11, mentioning: "due soonish")
    }

    @Test(arguments: [
        ("Send the portfolio to Sarah", "Sarah Connor"),
        ("Send the portfolio to Sarah Connor", "Sarah Connor"),
        ("send the portfolio to sarah connor", "Sarah Connor"),
        ("Send Sarah's team the deck", "Sarah Connor"),
        ("Send Miles and Sarah the deck", "Miles Dyson"),
        ("Send the deck to the recruiter", nil as String?),
    ])
    func recipient(text: String, to: String?) throws {
        let note = try body("\n- [ ] \(text)\n")
        #expect(note.actionItems.map(\.to) == [to])
    }

    @Test func firstNamesMatchOnlyAsWritten() throws {
        // The spec says "by full name or first name"; the code matches a first name only in the
        // case the front matter writes it (so that "Will" is not found in "will send"): a judgement
        // call, matched here.
        let note = try body("\n- [ ] Email miles the slides\n")
        #expect(note.actionItems.map(\.to) == [nil])
    }

    @Test func inlineMarkupAndLineBreaksInItems() throws {
        let note = try body(
            """

            ## Next steps
            - **Send** the [portfolio](https://example.com) to `Sarah` *by Friday*
            - Upload the code sample
              within 3 days
            """)
        #expect(
            note.actionItems.map(\.text) == [
                "Send the portfolio to Sarah by Friday", "Upload the code sample within 3 days",
            ])
        #expect(note.actionItems.map(\.due) == [day("2026-11-20"), day("2026-11-21")])
        #expect(note.actionItems.map(\.to) == ["Sarah Connor", nil])
    }

    @Test func itemLinesCountTheFrontMatter() throws {
        let note = try validNote(noteText("company: Cyberdyne\ndate: 2026-11-18", body: "- [ ] Send the deck\n"))
        #expect(note.actionItems.map(\.line) == [5])
    }

    // MARK: Log

    static let logLines: [(String, LogEntry.Events)] = [
        ("Sent thank-you notes", [.thankYou]),
        ("Thanked Miles for his time", [.thankYou]),
        ("thank you emails out", [.thankYou]),
        ("Followed up with Sarah", [.followUp]),
        ("follow-up sent to Sarah", [.followUp]),
        ("Follow up sent", [.followUp]),
        ("Checked in with the recruiter", [.followUp]),
        ("Nudged Sarah on LinkedIn", [.followUp]),
        ("Sarah replied: still deciding", [.reply]),
        ("Got a reply from Sarah", [.reply]),
        ("Heard back from Sarah", [.reply]),
        ("Sarah responded, two more weeks", [.reply]),
        ("Response from Sarah: next week", [.reply]),
        ("Sarah got back to me", [.reply]),
        ("Got an offer!", [.offer, .reply]),
        ("Offer call with Sarah", [.offer, .reply]),
        ("Rejected", [.rejection, .reply]),
        ("Rejection email from the recruiter", [.rejection, .reply]),
        ("They are not moving forward", [.rejection, .reply]),
        ("Asked for feedback", [.feedbackAsked]),
        ("Followed up, no reply yet", [.followUp]),
        ("Haven't heard back", []),
        ("Still waiting for a response from Sarah", []),
        ("No offer yet", []),
        ("Prepared for the next round", []),
    ]

    @Test(arguments: NoteReaderTests.logLines)
    func logEvents(line: String, events: LogEntry.Events) throws {
        let note = try body("\n## Log\n- 2026-11-19: \(line)\n")
        #expect(note.log.count == 1)
        #expect(note.log.first?.events == events)
        #expect(note.log.first?.day == day("2026-11-19"))
        #expect(note.log.first?.line == 11)
    }

    @Test(arguments: ["Log", "History", "Updates", "Timeline", "log", "### Log"])
    func logHeadings(heading: String) throws {
        let title = heading.hasPrefix("#") ? heading : "## \(heading)"
        let note = try body("\n\(title)\n- 2026-11-19: followed up\n")
        #expect(note.log.map(\.events) == [[.followUp]])
        #expect(note.actionItems.isEmpty)
    }

    @Test func logDateForms() throws {
        let note = try body(
            """

            ## Log
            - 2026-11-19: thanked Miles
            - 2026-11-20 thanked Sarah
            - Nov 26: followed up
            - 30 November: heard back
            """)
        #expect(note.log.map(\.day) == [day("2026-11-19"), day("2026-11-20"), day("2026-11-26"), day("2026-11-30")])
    }

    @Test func logItemsOutsideALogHeadingAreNotLog() throws {
        let note = try body("\n## Notes\n- 2026-11-19: followed up\n")
        #expect(note.log.isEmpty)
    }

    @Test func logEntryWithoutADateIsAWarning() throws {
        let reading = readNote(noteText(cyberdyneFront, body: "\n## Log\n- followed up with Sarah\n"))
        let note = try #require(reading.note)
        #expect(note.log.isEmpty)
        #expect(reading.problems.map(\.severity) == [.warning])
        #expect(reading.problems.map(\.line) == [11])
    }

    @Test func thankYouToNamedInterviewers() throws {
        let note = try body(
            """

            ## Log
            - 2026-11-19: thanked Miles
            - 2026-11-19: sent a thank-you to Sarah Connor
            - 2026-11-19: sent thank-you notes
            - 2026-11-19: thanked Miles Dyson and Sarah
            - 2026-11-19: heard back from Sarah
            """)
        #expect(
            note.log.map(\.thanked) == [
                ["Miles Dyson"], ["Sarah Connor"], ["Miles Dyson", "Sarah Connor"], ["Miles Dyson", "Sarah Connor"], [],
            ])
        #expect(note.log.last?.person == "Sarah Connor")
    }

    @Test func lowerCaseFirstNameInAThankYouLineThanksOnlyThatPerson() throws {
        // In log lines first names match in any case: otherwise "thanked miles" would name no one
        // and silently count as a thank-you to Sarah too.
        let note = try body("\n## Log\n- 2026-11-19: thanked miles\n")
        #expect(note.log.map(\.thanked) == [["Miles Dyson"]])
    }

    @Test func lowerCaseFirstNameInAnActionItemIsNotARecipient() throws {
        // In action items first names match only as written, so "will" is not Will.
        let note = try body("\n## Next steps\n- Email miles the slides\n")
        #expect(note.actionItems.map(\.to) == [nil])
    }

    @Test func checkedLogItemIsStillALogEntry() throws {
        let note = try body("\n## Log\n- [x] 2026-11-19: followed up with Sarah\n")
        #expect(note.log.map(\.events) == [[.followUp]])
        #expect(note.log.map(\.person) == ["Sarah Connor"])
        #expect(note.actionItems.isEmpty)
    }

    @Test func orderedListLogAndNestedDetails() throws {
        let reading = readNote(
            noteText(
                cyberdyneFront,
                body: """

                    ## History
                    1. 2026-11-19: thanked Sarah
                       - she mentioned the team offsite
                    2. Nov 26: checked in
                    """))
        let note = try #require(reading.note)
        #expect(note.log.map(\.day) == [day("2026-11-19"), day("2026-11-26")])
        #expect(note.log.map(\.events) == [[.thankYou], [.followUp]])
        #expect(reading.problems.isEmpty)  // an undated nested detail is not a warning
    }

    @Test func offerAndRejectionOnOneLineCountAsNeither() throws {
        let reading = readNote(noteText(cyberdyneFront, body: "\n## Log\n- 2026-11-25: offer rejected\n"))
        let note = try #require(reading.note)
        #expect(note.log.first.map { $0.events.isDisjoint(with: [.offer, .rejection]) } == true)
        #expect(reading.problems.map(\.severity) == [.warning])
    }

    @Test func logTaskItemsAreActionsNotLog() throws {
        let note = try body("\n## Log\n- [ ] 2026-11-19: follow up with Sarah\n")
        #expect(note.log.isEmpty)
        #expect(note.actionItems.count == 1)
    }

    /// One reader, note after note (as each thread of a vault reads), reads each as a new reader
    /// would: nothing of a note is left for the next, whatever made the one before stop early.
    @Test func aReaderKeptForManyNotesReadsEachAsANewOneWould() {
        let body =
            "# Onsite\n\n## Next steps\n\n- [ ] Send Miles the deck by Friday\n\n## Log\n\n- 2026-11-19: thanked Sarah\n"
        let notes = [
            noteText(cyberdyneFront, body: body),
            noteText("company: Acme\ncompany: Acme again\ndate: 2026-11-18", body: body),
            noteText("company: [unclosed\ndate: 2026-11-18", body: body),
            noteText("company: Initech\nrole: QA\ndate: 2026-11-02\ninterviewers: Peter Gibbons, Bill", body: ""),
            "# No front matter\n\n- [ ] not a note\n",
            "---\ncompany: Unterminated\n",
            noteText(cyberdyneFront, body: (0..<80).map { "- [ ] Item \($0) for Sarah in \($0 % 9) days\n" }.joined()),
            noteText("title: just a page", body: body),
        ]
        var reader = NoteReader()
        for _ in 0..<2 {
            for (index, text) in notes.enumerated() {
                let bytes = Array(text.utf8)
                let kept = reader.read(bytes, path: "n\(index).md")
                let fresh = NoteReader.read(bytes, path: "n\(index).md")
                #expect(kept.note == fresh.note, "note \(index)")
                #expect(kept.problems == fresh.problems, "note \(index)")
            }
        }
        // And what they both read is what the notes say: each item's own due date and person.
        let many = reader.read(Array(notes[6].utf8), path: "many.md").note
        let interview = Day(iso: "2026-11-18")!
        #expect(many?.actionItems.map(\.due) == (0..<80).map { interview.adding(days: $0 % 9) })
        #expect(many?.actionItems.allSatisfy { $0.to == "Sarah Connor" } == true)
        let first = reader.read(Array(notes[0].utf8), path: "first.md").note
        #expect(first?.log.map(\.thanked) == [["Sarah Connor"]])
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

/// The UTF-8 check reads ASCII 32 and 8 bytes at a time: it finds the first invalid byte where
/// a plain decoder does, wherever it falls.
@Test func theFirstInvalidByteIsFoundAnywhere() {
    var generator = SystemRandomNumberGenerator()
    let pieces: [[UInt8]] = [
        Array("a".utf8), Array(" ".utf8), Array("é".utf8), Array("😀".utf8), [0xFF], [0xC3], [0x80], [0xE2, 0x82],
    ]
    func reference(_ bytes: [UInt8]) -> Int? {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
    for _ in 0..<5000 {
        var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: Int.random(in: 0...90, using: &generator))
        for _ in 0..<Int.random(in: 0...2, using: &generator) {
            bytes.insert(
                contentsOf: pieces.randomElement(using: &generator)!,
                at: Int.random(in: 0...bytes.count, using: &generator))
        }
        let found = bytes.withUnsafeBytes { NoteText.firstInvalidUTF8($0) }
        #expect(found == reference(bytes), "\(bytes)")
    }
}

/// Lines are found eight bytes at a time: each ends where a byte-by-byte search ends it, at `\n`
/// or `\r`, wherever it falls.
@Test func linesEndWhereAByteSearchEndsThem() {
    var generator = SystemRandomNumberGenerator()
    let pieces = ["a", "b c", "\n", "\r", "\r\n", "é", "\u{0B}", "\u{0C}", "\u{8D}", "--"]
    for _ in 0..<3000 {
        let text = (0..<Int.random(in: 0...40, using: &generator)).map { _ in
            pieces.randomElement(using: &generator)!
        }.joined()
        let bytes = Array(text.utf8)
        let start = Int.random(in: 0...bytes.count, using: &generator)
        let expected = bytes[start...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.count
        #expect(bytes.withUnsafeBytes { LineCursor.lineEnd(in: $0, from: start) } == expected, "\(bytes) \(start)")
    }
}
