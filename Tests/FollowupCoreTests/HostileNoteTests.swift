import Testing

@testable import FollowupCore

/// Hostile notes read in-process, where the end-to-end matrix (EndToEndTests/HostileInputTests)
/// cannot look: exact readings, and how long the refusals take.
@Suite("Reading hostile notes")
struct HostileNoteTests {
    static let body = "\n## Next steps\n\n- [ ] Send Miles the deck due whenever\n- Call Sarah by Friday\n"

    /// The same note with LF, CRLF, lone CR and a byte-order mark: the same note, with the same
    /// warning on the same line.
    @Test func lineEndingsAndAByteOrderMarkReadTheSame() throws {
        let text = noteText(cyberdyneFront + "\ntimeline: soonish", body: Self.body)
        let plain = readNote(text)
        let note = try #require(plain.note)
        #expect(plain.problems.map(\.line) == [8, 13])
        for variant in [
            text.replacingOccurrences(of: "\n", with: "\r\n"), text.replacingOccurrences(of: "\n", with: "\r"),
            "\u{FEFF}" + text, "\u{FEFF}" + text.replacingOccurrences(of: "\n", with: "\r\n"),
        ] {
            let reading = readNote(variant)
            #expect(reading.note == note)
            #expect(reading.problems == plain.problems)
        }
    }

    @Test func anAliasBombIsRefusedBeforeItIsExpanded() {
        var yaml =
            "company: Bomb Co\ndate: 2026-11-18\na0: &a0 [" + Array(repeating: "lol", count: 9).joined(separator: ", ")
        yaml += "]\n"
        for level in 1...20 {
            yaml +=
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n"
        }
        let clock = ContinuousClock()
        var reading: NoteReading?
        // Twenty levels stand for 9^21 values; expanding even a millionth of them would take minutes.
        let elapsed = clock.measure { reading = readNote(noteText(yaml)) }
        #expect(elapsed < .seconds(1))
        #expect(reading?.note == nil)
        #expect(
            reading?.problems.map(\.message) == [
                "front matter is not valid YAML: its aliases expand to more than 10000 values (an alias bomb?)"
            ])
    }

    @Test func anchorsAndAliasesWithinReasonAreRead() throws {
        let reading = readNote(
            noteText("company: &c Cyberdyne\nrole: *c\ndate: 2026-11-18\ninterviewers: &p [Miles Dyson]\ncontact: *p"))
        let note = try #require(reading.note)
        #expect(note.role == "Cyberdyne")
        #expect(note.contact?.name == "Miles Dyson")
    }

    @Test(arguments: [
        ("date: {{date}}", "`date: {{date}}` is a template placeholder that was never filled in"),
        ("date: \"{{date:YYYY-MM-DD}}\"", "`date: {{date:YYYY-MM-DD}}` is a template placeholder"),
        ("date: <% tp.date.now() %>", "`date: <% tp.date.now() %>` is a template placeholder"),
        ("date: {year: 2026}", "`date` should be one date like 2026-11-18, not a mapping"),
        ("date: {{a}: b}", "`date` should be one date like 2026-11-18, not a mapping"),
    ])
    func templatePlaceholdersAreNamedAsSuch(line: String, message: String) throws {
        let reading = readNote(noteText("company: Cyberdyne\n\(line)"))
        #expect(reading.note == nil)
        let problem = try #require(reading.problems.first)
        #expect(problem.line == 3)
        #expect(problem.message.hasPrefix(message), "\(problem.message)")
    }

    @Test func aCompanyPlaceholderIsNamedAsSuch() throws {
        let reading = readNote(noteText("company: <% tp.file.title %>\ndate: 2026-11-18"))
        #expect(
            reading.problems.map(\.description) == [
                "x.md:2:10: `company: <% tp.file.title %>` is a template placeholder that was never filled in; write the value (like `company: Cyberdyne`), or keep templates in a hidden folder such as `.templates/`, which followup skips"
            ])
    }

    /// Found by the fuzzer: a word of 20 or more digits where a day of the month could be
    /// overflowed an Int and trapped.
    @Test func longNumbersAreNoDays() throws {
        let reading = readNote(
            noteText(
                cyberdyneFront,
                body:
                    "\n- [ ] Wire 123456789012345678901234567890 Nov to Miles by Friday\n- [ ] Pay Nov 123456789012345678901234567890\n"
            ))
        let note = try #require(reading.note)
        #expect(note.actionItems.map(\.due.iso) == ["2026-11-20", "2026-11-20"])
        let date = readNote(noteText("company: X\ndate: 20252000000000000000 g"))
        #expect(
            date.problems.map(\.message) == [
                "can't read `date: 20252000000000000000 g` as a date; write it like 2026-11-18 or Nov 18, 2026"
            ])
    }

    @Test func listsAndQuotesTenThousandDeep() throws {
        let lists = readNote(noteText(cyberdyneFront, body: String(repeating: "- ", count: 10_000) + "[ ] deep\n"))
        #expect(lists.note?.actionItems.map(\.text) == ["deep"])
        let quotes = readNote(noteText(cyberdyneFront, body: String(repeating: "> ", count: 10_000) + "- [ ] quoted\n"))
        #expect(quotes.note?.actionItems.isEmpty == true)
        let ordered = readNote(noteText(cyberdyneFront, body: String(repeating: "1. ", count: 10_000) + "[ ] deep\n"))
        #expect(ordered.note?.actionItems.map(\.text) == ["deep"])
    }

    /// Drafting reads a bounded amount of prose per interviewer: before, each thank-you read every
    /// passage naming its interviewer clause by clause, and a 5 MB note about two interviewers
    /// took 14 s to generate (a 50 MB one, minutes).
    @Test func specificsOfAHugeNoteAreFoundInBoundedTime() throws {
        let paragraphs = (0..<20_000).map {
            // No usable point (the topic names Sarah), so nothing stops the reading early.
            "We met in room \($0). Miles asked about queue number \($0) and Sarah walked me through system \($0).\n\n"
        }
        let first = "Miles asked about incident command.\n\n"
        let note = try #require(readNote(noteText(cyberdyneFront, body: first + paragraphs.joined())).note)
        #expect(note.passages.count > 20_000)
        let clock = ContinuousClock()
        var points: [String] = []
        let elapsed = clock.measure { points = Specifics.points(about: note.interviewers[0], in: note) }
        #expect(elapsed < .seconds(2))
        #expect(points == ["I appreciated your questions about incident command."])
    }

    @Test func aMegabyteOnOneLineIsOneAction() throws {
        let text = String(repeating: "send Miles the deck by Friday ", count: 40_000)
        let reading = readNote(noteText(cyberdyneFront, body: "\n## Next steps\n\n- " + text + "\n"))
        #expect(reading.note?.actionItems.count == 1)
        #expect(reading.note?.actionItems.first?.text.utf8.count == text.utf8.count - 1)
    }
}
