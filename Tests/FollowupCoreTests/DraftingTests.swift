import Foundation
import Testing

@testable import FollowupCore

/// Drafting without files: specifics, templates, cover notes, mailto and the calendar.
@Suite("Drafting")
struct DraftingTests {
    static let people = "interviewers:\n  - name: Miles Dyson\n    email: miles@cyberdyne.example\n  - Sarah Connor"

    static func interview(_ body: String, front: String = people) throws -> InterviewNote {
        let reading = readNote(
            noteText("company: Cyberdyne\nrole: ML Engineer\ndate: 2026-11-18\n" + front, body: body))
        return try #require(reading.note)
    }

    static func points(_ name: String, _ body: String) throws -> [String] {
        let note = try interview(body)
        let person = try #require(note.interviewers.first { $0.name == name })
        return Specifics.points(about: person, in: note)
    }

    // MARK: Specifics

    @Test func pointsComeFromClausesAboutThatInterviewer() throws {
        let body = """
            Miles walked me through their roadmap: two chips a year. Sarah asked about failure modes,
            and she suggested a kill switch, which I liked.
            """
        #expect(try Self.points("Miles Dyson", body) == ["Thank you for walking me through your roadmap."])
        #expect(
            try Self.points("Sarah Connor", body) == [
                "I appreciated your questions about failure modes.", "I liked your suggestion of a kill switch.",
            ])
    }

    @Test func weClausesBelongToAPassageAboutOnePersonOnly() throws {
        #expect(
            try Self.points("Miles Dyson", "An hour with Miles. We talked about chip yields.")
                == ["I enjoyed our conversation about chip yields."])
        #expect(try Self.points("Miles Dyson", "Miles and Sarah, together. We talked about chip yields.").isEmpty)
    }

    @Test func atMostTwoPointsInNoteOrder() throws {
        let body = "Miles asked about testing. Miles asked about tooling.\n\nMiles asked about hiring."
        #expect(try Self.points("Miles Dyson", body).count == 2)
        #expect(try Self.points("Miles Dyson", body).first == "I appreciated your questions about testing.")
    }

    @Test func aSentenceAboutPayIsNeverUsed() throws {
        for sentence in [
            "Miles walked me through the salary band.", "Miles asked about my compensation expectations.",
            "Miles walked me through the team, and the pay is 165k.", "Miles explained the benefits package.",
            "Miles walked me through the bonus scheme.", "Miles asked about relocation, and the $ budget.",
        ] {
            #expect(try Self.points("Miles Dyson", sentence).isEmpty, "\(sentence)")
        }
    }

    @Test func nothingFitsMeansNoPoints() throws {
        #expect(try Self.points("Miles Dyson", "Miles was nice. The office had good coffee.").isEmpty)
        #expect(try Self.points("Miles Dyson", "Miles asked me to send the deck.").isEmpty, "a request, not a topic")
        #expect(try Self.points("Miles Dyson", "Miles walked me through how he built it.").isEmpty, "he would be wrong")
    }

    @Test func theLogAndActionItemsAreNotPassages() throws {
        let note = try Self.interview(
            "## Next steps\n\n- Miles asked about the deck\n\n## Log\n\n- 2026-11-19: Miles asked about testing\n")
        #expect(note.passages.isEmpty)
        #expect(Specifics.points(about: note.interviewers[0], in: note).isEmpty)
    }

    @Test func asidesInParenthesesAreDropped() throws {
        #expect(
            try Self.points("Miles Dyson", "Miles Dyson (director) asked about rollback plans (twice).")
                == ["I appreciated your questions about rollback plans."])
    }

    // MARK: Templates

    @Test func everyBuiltInTemplateParsesAndThankYouHasVariants() {
        for name in DraftTemplate.Name.allCases {
            #expect(DraftTemplates.builtIn.variants[name]?.isEmpty == false, "\(name)")
        }
        #expect(DraftTemplates.builtIn.variants[.thankYou]?.count == 3)
    }

    @Test func templateErrorsNameLineAndColumn() {
        func error(_ text: String) -> String? {
            do {
                _ = try DraftTemplate.parse(text, file: "t.txt", name: .thankYou)
                return nil
            } catch {
                return error.description
            }
        }
        #expect(error("Subject: x\n\nHi {{ nmae }}\n")?.hasPrefix("t.txt:3:4: unknown placeholder {{nmae}}") == true)
        #expect(
            error("Subject: {{role}} {{timeline}}\n\nHi\n")?.hasPrefix("t.txt:1:19: {{timeline}} can't be used") == true
        )
        #expect(error("Hello\n\nHi\n")?.hasPrefix("t.txt:1:1: a template starts with a `Subject:` line") == true)
        #expect(error("Subject: x\nHi\n")?.hasPrefix("t.txt:2:1: leave a blank line") == true)
        #expect(error("Subject: x\n\nHi {{name\n")?.hasPrefix("t.txt:3:4: `{{` is never closed") == true)
        #expect(error("Subject: x\n\n\n")?.contains("the template has no body") == true)
        #expect(error("\u{FEFF}Subject: x\r\n\r\nHi {{first_name}},\r\n") == nil, "BOM and CRLF are fine")
        // Templates are searched by their bytes, but columns count characters, as an editor does.
        #expect(error("Subject: x\n\nCafé ☕️ {{nmae}}\n")?.hasPrefix("t.txt:3:8: unknown placeholder {{nmae}}") == true)
        #expect(error("Subject:  Ünïcode {{role\n\nHi\n")?.hasPrefix("t.txt:1:19: `{{` is never closed") == true)
        #expect(
            error("Subject: x\n\n}}{ {{ }} {{first_name}}\n")?.hasPrefix("t.txt:3:5: unknown placeholder {{}}") == true)
        // Found by the fuzzer: form feeds and U+2028 counted as line breaks put the error on a line
        // past the end of the file. Lines end at LF, CRLF or CR, as in the user's editor.
        #expect(
            error("Subject: x\r\rA\u{0C}\u{0B}\u{2028}\u{85}B\rHi {{nmae}}\n")?.hasPrefix("t.txt:4:4: unknown") == true)
    }

    @Test func emptyPlaceholdersTakeASpaceAndEmptyLinesGo() throws {
        let template = try DraftTemplate.parse(
            "Subject: Thanks {{first_name}}\n\nHi {{first_name}},\n\n{{specifics}}\n\nAbout the {{role}} role.\n",
            file: "t", name: .thankYou)
        let filled = template.fill([:])
        #expect(filled.subject == "Thanks")
        #expect(filled.body == "Hi,\n\nAbout the role.")
        let full = template.fill([.firstName: "Ada", .specifics: "Point.", .role: "ML"])
        #expect(full.body == "Hi Ada,\n\nPoint.\n\nAbout the ML role.")
        // Blank lines (spaces and tabs count as blank) never start the body, never come two at a
        // time, and never end it; a line of empty placeholders is not even a blank line.
        let spaced = try DraftTemplate.parse(
            "Subject: x\n\n \nHi,\n\n\t\n{{specifics}}\n\nBye.\n{{specifics}}\n  \n\nP.S.\n \n\n",
            file: "t", name: .thankYou)
        #expect(spaced.fill([:]).body == "Hi,\n\nBye.\n\nP.S.")
        #expect(spaced.fill([.specifics: "Point."]).body == "Hi,\n\nPoint.\n\nBye.\nPoint.\n\nP.S.")
    }

    /// The space an empty placeholder takes is a whole character, as an editor shows it: not the
    /// space of ` ́` (a space with an accent on it) after the placeholder, nor the space that an
    /// Arabic number sign (U+0600, a prepended mark) before it joins.
    @Test func emptyPlaceholdersTakeOnlyASpaceThatIsACharacter() throws {
        let template = try DraftTemplate.parse(
            "Subject: \u{600} {{first_name}}.\n\n{{first_name}} \u{301}x\nHi {{first_name}} there\n{{first_name}} ok\n",
            file: "t", name: .thankYou)
        let filled = template.fill([:])
        #expect(filled.subject == "\u{600} .")
        #expect(filled.body == " \u{301}x\nHi there\nok")
        #expect(template.fill([.firstName: "Ada"]).body == "Ada \u{301}x\nHi Ada there\nAda ok")
    }

    @Test func variantFileNames() {
        #expect(DraftTemplate.Name.parse(fileName: "thank-you.txt")! == (.thankYou, 1))
        #expect(DraftTemplate.Name.parse(fileName: "thank-you-2.txt")! == (.thankYou, 2))
        #expect(DraftTemplate.Name.parse(fileName: "second-follow-up.txt")! == (.secondFollowUp, 1))
        #expect(DraftTemplate.Name.parse(fileName: "follow-up-3.txt")! == (.followUp, 3))
        #expect(DraftTemplate.Name.parse(fileName: "thank-you-1.txt") == nil)
        #expect(DraftTemplate.Name.parse(fileName: "thankyou.txt") == nil)
        #expect(DraftTemplate.Name.parse(fileName: "thank-you.md") == nil)
    }

    // MARK: Drafts

    @Test func deliverableCoverNotesNameTheThing() {
        let people = [Person(name: "Jonas Keller"), Person(name: "Dana Whitfield")]
        let day = Day(year: 2026, month: 11, day: 18)!
        let cases = [
            ("Send Jonas the reference architecture doc tomorrow", "the reference architecture doc"),
            ("Write-up of the payments load test for Dana, by Friday", "the write-up of the payments load test"),
            ("Submit the work-permit questionnaire to Jonas Keller by Friday", "the work-permit questionnaire"),
            ("Provide two references to Dana by Nov 24", "two references"),
            ("Return the signed NDA end of week", "the signed NDA"),
            ("Email Dana the CV within 48 hours", "the CV"),
            ("Send", "what I promised"),
        ]
        for (item, phrase) in cases {
            #expect(DeliverableText.nounPhrase(item, recipient: nil, people: people, interview: day) == phrase)
        }
    }

    /// Where an item's due phrase starts is kept when its note is read, so that its cover note
    /// speaks of the thing without reading the item's words again: the kept place is the one the
    /// item's text gives when its phrase is looked for anew, for every kind of phrase and for
    /// items with none, in ASCII and not.
    @Test func aReadItemKeepsWhereItsDuePhraseStarts() throws {
        let items = [
            "Send Jonas the reference architecture doc tomorrow", "Provide two references to Dana by Nov 24",
            "Return the signed NDA end of week", "Email Dana the CV within 48 hours", "Send the deck",
            "Send the déck to Zoë by Friday", "Share the deck 2026-11-25", "Share the deck on 2026-11-25 please",
            "Send the deck in 3 days", "Send the deck due Monday", "Send the deck by end of next week",
            "Send the deck by 11/25", "Send 👩🏽‍💻 notes before Dec 1, 2026", "Send", "by Friday",
        ]
        let body = "## Deliverables\n\n" + items.map { "- \($0)\n" }.joined()
        let note = try #require(readNote(noteText(cyberdyneFront, body: body)).note)
        #expect(note.actionItems.map(\.text) == items)
        for (index, item) in note.actionItems.enumerated() {
            let expected = DatePhrase.dueStart(in: item.text, from: note.date).map {
                item.text.utf8.distance(from: item.text.utf8.startIndex, to: $0)
            }
            #expect(note.actionItemDuePhraseStart(at: index) == expected ?? item.text.utf8.count, "\(item.text)")
            let action = Action(
                kind: .deliverable, opening: .init(company: "Cyberdyne", role: nil), to: nil, due: item.due,
                itemAt: index, of: note, line: item.line)
            var retitled = action
            retitled.title = item.text
            #expect(
                action.titleWithoutDuePhrase(interview: note.date) == String(item.text.utf8.prefix(expected ?? .max))!)
            #expect(
                retitled.titleWithoutDuePhrase(interview: note.date)
                    == action.titleWithoutDuePhrase(interview: note.date))
        }
        #expect(note.actionItemDuePhraseStart(at: 0) == 42, "at `tomorrow`")
        #expect(note.actionItemDuePhraseStart(at: 1) == 31, "at `by`, before `Nov 24`")
        #expect(note.actionItemDuePhraseStart(at: 4) == 13, "no phrase: the whole text")
    }

    /// An item of over 64 KB, past where a note keeps the place of its due phrase, has it looked
    /// for again.
    @Test func aLongItemsDuePhraseIsFoundAgain() throws {
        let text = "Send the " + String(repeating: "very ", count: 14_000) + "long deck by Friday"
        let note = try #require(readNote(noteText(cyberdyneFront, body: "## Deliverables\n\n- \(text)\n")).note)
        let item = try #require(note.actionItems.first)
        #expect(note.actionItemDuePhraseStart(at: 0) == nil)
        let action = Action(
            kind: .deliverable, opening: .init(company: "Cyberdyne", role: nil), to: nil, due: item.due, itemAt: 0,
            of: note, line: item.line)
        // Compared apart from the expectation, which would print both 70 KB strings on a failure.
        let isTheTextUpToItsPhrase =
            action.titleWithoutDuePhrase(interview: note.date) == text.dropLast("by Friday".count)
        #expect(isTheTextUpToItsPhrase)
    }

    /// Trimming punctuation such as `–` and `—` takes whole characters: a name ending in a letter
    /// whose last UTF-8 byte is also one of a dash's bytes (`ē` is C4 93, `–` is E2 80 93) stays whole.
    @Test func coverNotesTrimWholeCharacters() {
        let day = Day(year: 2026, month: 11, day: 18)!
        let people = [Person(name: "Andrē Duval")]
        #expect(
            DeliverableText.nounPhrase("Send the plan to Andrē", recipient: nil, people: people, interview: day)
                == "the plan")
        #expect(
            DeliverableText.nounPhrase("Send the plan —", recipient: nil, people: people, interview: day) == "the plan")
    }

    /// Words are split at runs of spaces and tabs alike in ASCII items and in others (which are
    /// split by Character rather than by byte), and a name is split at its spaces.
    @Test func coverNotesSplitWordsTheSameWithAndWithoutAccents() {
        let day = Day(year: 2026, month: 11, day: 18)!
        let people = [Person(name: "Dana  Whitfield"), Person(name: "Zoë Park")]
        for (item, phrase) in [
            ("Send\tthe  design\t\tdeck  to Dana Whitfield", "the design deck"),
            ("Send\tthe  désign\t\tdeck  to Dana Whitfield", "the désign deck"),
            ("Send the deck to Zoë", "the deck"),
            ("  Share   the deck for Dana  ", "the deck"),
            ("  Share   the déck for Dana  ", "the déck"),
        ] {
            #expect(
                DeliverableText.nounPhrase(item, recipient: nil, people: people, interview: day) == phrase, "\(item)")
        }
    }

    /// A cover note's noun phrase is worked out on the bytes of an ASCII item, on Strings for any
    /// other. The two agree on random ASCII items made of what the rules look at: sending verbs,
    /// names, first names and possessives, prepositions and other connectors, determiners,
    /// numbers, punctuation, both cases, and runs of spaces and tabs.
    @Test func coverNotesReadTheSameFromBytesAsFromStrings() {
        var generator = SystemRandomNumberGenerator()
        let rosters = [
            ["Dana Whitfield", "Jo", "Sam Lee"], ["Ann  Lee", "ann"], [], [" Bo", "Al B. C"], ["Lee", "Sam Lee Park"],
        ]
        let pieces = [
            "Send", "send", "SHARE", "email", "Forward", "the", "The", "a", "A", "an", "my", "NDA", "CV", "cv",
            "Write-up",
            "deck", "doc.", "slides,", "plan;", "notes:", "3", "x2", "2x", "to", "To", "for", "FOR", "with", "and",
            "by",
            "due", "on", "in", "-", ",", ".", ":", "...", "Dana", "dana", "Dana's", "Dana,", "Whitfield", "Whitfield.",
            "Jo", "Jo's", "Jo.", "Sam", "Lee", "Lee,", "Ann", "ann", "Bo", "Al", "B.", "C", "C.", "Park", "x", "I",
            // Whole names after a preposition, which are taken off the end.
            "to Dana Whitfield", "for Sam Lee", "with Ann Lee", "to Sam Lee Park", "for Al B. C", "to Dana Whitfield.",
        ]
        let spaces = [" ", " ", " ", "  ", "\t", " \t "]
        for _ in 0..<5_000 {
            let everyone = rosters.randomElement(using: &generator)!.map { Person(name: $0) }
            var text = Bool.random(using: &generator) ? "" : spaces.randomElement(using: &generator)!
            for index in 0..<Int.random(in: 0...9, using: &generator) {
                if index > 0 { text += spaces.randomElement(using: &generator)! }
                text += pieces.randomElement(using: &generator)!
            }
            let fromBytes = DeliverableText.asciiPhrase(text, naming: everyone)
            #expect(fromBytes != nil, "an ASCII item is read from its bytes: \(text)")
            #expect(
                fromBytes == DeliverableText.phrase(text, naming: everyone),
                "“\(text)” naming \(everyone.map(\.name))")
        }
        // Anything but ASCII, or a control character other than a tab, is left to the Strings.
        #expect(DeliverableText.asciiPhrase("Send the désign deck", naming: []) == nil)
        #expect(DeliverableText.asciiPhrase("Send the deck", naming: [Person(name: "Zoë")]) == nil)
        #expect(DeliverableText.asciiPhrase("Send the deck\r\n", naming: []) == nil)
    }

    /// NEXT.md asks of every action whether it has an email draft, told without writing it or
    /// making its recipient: the answer is whether one is written, for every kind of action, for
    /// people with an email in this note, in an older one or in none, named in any case, and for
    /// templates that leave some kinds out.
    @Test func anEmailDraftIsToldWithoutWritingIt() throws {
        let older = try #require(
            readNote(
                noteText(
                    "company: Cyberdyne\nrole: ML Engineer\ndate: 2026-11-10\ninterviewers:\n  - name: sarah connor\n"
                        + "    email: sarah@example.com\ncontact:\n  name: Kyle Reese\n  email: kyle@example.com",
                    body: "## Deliverables\n\n- Send Sarah the deck by Nov 12\n- Send the plan to Kyle\n"),
                path: "screen.md"
            ).note)
        let latest = try Self.interview(
            "## Next steps\n\n- Send Miles the portfolio tomorrow\n- Email SARAH CONNOR the references\n"
                + "- Send T-800 the code sample\n- Book a flight\n",
            front: Self.people + "\n  - Dana Scully\ntimeline: 1 week")
        let readings = [older, latest].map { NoteReading(note: $0, problems: []) }
        var partial = DraftTemplates.builtIn.variants
        partial[.deliverable] = []
        partial[.thankYou] = nil
        for templates in [DraftTemplates.builtIn, DraftTemplates(variants: partial)] {
            for today in [latest.date, latest.date.adding(days: 12), latest.date.adding(days: 40)] {
                let plan = Plan(readings: readings, today: today)
                #expect(plan.actions.count > 6)
                for action in plan.actions {
                    let written = Drafter.emailDraft(for: action, in: plan, templates: templates)
                    #expect(
                        Drafter.hasEmailDraft(for: action, in: plan, templates: templates) == (written != nil),
                        "\(action.kind) \(action.title) to \(action.to ?? "no one")")
                }
            }
        }
        let plan = Plan(readings: readings, today: latest.date)
        #expect(plan.actions.contains { Drafter.hasEmailDraft(for: $0, in: plan) })
        #expect(plan.actions.contains { $0.to != nil && !Drafter.hasEmailDraft(for: $0, in: plan) })
    }

    /// A draft works out only the placeholders its template uses; each is found, in the subject
    /// or the body, and the day labels are written where a template asks for them.
    @Test func aTemplateKnowsItsPlaceholders() throws {
        for placeholder in DraftTemplate.Placeholder.allCases {
            var parsed = 0
            for name in DraftTemplate.Name.allCases {
                for text in [
                    "Subject: x {{\(placeholder.rawValue)}}\n\nBody\n",
                    "Subject: x\n\nA\nB {{\(placeholder.rawValue)}}.\n",
                ] {
                    // Each kind of template knows some placeholders; the others are refused.
                    guard let template = try? DraftTemplate.parse(text, file: "t.txt", name: name) else { continue }
                    parsed += 1
                    for other in DraftTemplate.Placeholder.allCases {
                        #expect(template.uses(other) == (other == placeholder), "\(other) in \(name): \(text)")
                    }
                }
            }
            #expect(parsed >= 2, "\(placeholder)")
        }
        let template = try DraftTemplate.parse(
            "Subject: {{interview_date}}\n\nSince {{interview_day}}, {{first_name}}.\n", file: "t.txt", name: .thankYou)
        let note = try Self.interview("")
        let plan = Plan(readings: [NoteReading(note: note, problems: [])], today: note.date)
        let action = try #require(plan.actions.first { $0.kind == .thankYou })
        let draft = try #require(
            Drafter.draft(for: action, in: plan, templates: DraftTemplates(variants: [.thankYou: [template]])))
        #expect(draft.subject == note.date.dateLabel)
        #expect(draft.body == "Since \(note.date.dayAndMonth), \(draft.recipient?.firstName ?? "").")
    }

    @Test func noBuiltInDraftMentionsPay() throws {
        let note = try Self.interview(
            "Miles walked me through the salary band. Sarah asked about my pay and benefits expectations.\n",
            front: Self.people + "\nstatus: waiting")
        let plan = Plan(readings: [NoteReading(note: note, problems: [])], today: note.date)
        let drafts = Drafter.drafts(for: plan)
        #expect(drafts.map(\.action.kind) == [.thankYou, .thankYou, .followUp])
        for draft in drafts {
            #expect(!MoneyTalk.mentions(draft.subject + " " + draft.body), "\(draft.body)")
        }
        for name in DraftTemplate.Name.allCases {
            for template in DraftTemplates.builtIn.variants[name] ?? [] {
                #expect(!MoneyTalk.mentions(template.text), "\(template.file)")
            }
        }
    }

    // MARK: mailto

    @Test func mailtoEncodesEverythingOutsideUnreserved() throws {
        let subject = "Re: A&B = 100% #1? ü 😀 a+b"
        let body = "Hi Ada,\n\nLine two; with, commas / slashes.\r\nEnd"
        let link = Mailto.link(to: "ada+jobs@example.org", subject: subject, body: body)
        #expect(link.hasPrefix("mailto:ada%2Bjobs@example.org?subject=Re%3A%20A%26B%20%3D%20100%25%20%231%3F%20"))
        #expect(link.contains("%C3%BC%20%F0%9F%98%80%20a%2Bb&body=Hi%20Ada%2C%0D%0A%0D%0ALine%20two%3B"))
        #expect(!link.dropFirst("mailto:".count).contains { !$0.isASCII || " +/,;:#".contains($0) })
        let components = try #require(URLComponents(string: link))
        let items = components.queryItems ?? []
        #expect(components.path == "ada+jobs@example.org")
        #expect(items.first { $0.name == "subject" }?.value == subject)
        #expect(items.first { $0.name == "body" }?.value == "Hi Ada,\r\n\r\nLine two; with, commas / slashes.\r\nEnd")
    }

    @Test func mailtoSendsEveryLineBreakAsCRLFInTheBodyOnly() {
        let link = Mailto.link(to: "a@b.org", subject: "one\ntwo @ three", body: "a\nb\r\nc\rd\n\n\r\re")
        #expect(
            link
                == "mailto:a@b.org?subject=one%0Atwo%20%40%20three&body=a%0D%0Ab%0D%0Ac%0D%0Ad%0D%0A%0D%0A%0D%0A%0D%0Ae"
        )
        let lineBreaks = String(repeating: "\n", count: 40)
        #expect(
            Mailto.link(to: "", subject: "", body: lineBreaks) == "mailto:?subject=&body="
                + String(repeating: "%0D%0A", count: 40))
    }

    @Test func mailtoKeepsExactlyTheUnreservedBytes() {
        let unreserved = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~".utf8)
        func expected(_ text: String, keepingAt: Bool) -> String {
            text.utf8.map { byte in
                unreserved.contains(byte) || (keepingAt && byte == UInt8(ascii: "@"))
                    ? String(UnicodeScalar(byte)) : "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }.joined()
        }
        // Every ASCII character but the line breaks, and characters of two, three and four bytes.
        let ascii = (0..<128).compactMap { $0 == 10 || $0 == 13 ? nil : UnicodeScalar($0) }
        let text = String(String.UnicodeScalarView(ascii)) + "é€😀~"
        let link = Mailto.link(to: text, subject: text, body: text)
        #expect(
            link == "mailto:" + expected(text, keepingAt: true) + "?subject=" + expected(text, keepingAt: false)
                + "&body=" + expected(text, keepingAt: false))
    }

    // MARK: iCalendar

    @Test func textIsEscaped() {
        #expect(ICalendar.escaped("a\\b;c,d\ne\r\nf\u{7}g") == "a\\\\b\\;c\\,d\\ne\\nfg")
    }

    @Test func longLinesFoldAt75OctetsWithoutSplittingUTF8() {
        let line = "SUMMARY:" + String(repeating: "Zürich 😀 ", count: 20)
        let folded = ICalendar.folded(line)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.count > 2)
        for (index, part) in physical.enumerated() {
            #expect(part.utf8.count <= 75)
            if index > 0 { #expect(part.hasPrefix(" ")) }
        }
        #expect(physical.enumerated().map { $0 == 0 ? $1 : String($1.dropFirst()) }.joined() == line, "unfolds back")
        #expect(ICalendar.folded(String(repeating: "a", count: 75)) == String(repeating: "a", count: 75))
        #expect(ICalendar.folded(String(repeating: "a", count: 76)).hasSuffix("\r\n a"))
    }

    @Test func uidsDependOnWhatNotWhen() throws {
        func uid(due: Int, line: Int, to: String = "Ada", title: String = "Send a thank-you note to Ada") -> String {
            let action = Action(
                kind: .thankYou, company: "Acme", role: "Engineer", to: to,
                due: Day(year: 2026, month: 11, day: due)!, title: title, note: "acme.md", line: line)
            return ICalendar.uids(Plan(today: Day(year: 2026, month: 11, day: 1)!, actions: [action], problems: []))[0]
        }
        #expect(uid(due: 19, line: 5) == uid(due: 25, line: 9))
        #expect(uid(due: 19, line: 5) != uid(due: 19, line: 5, to: "Bo"))
        #expect(uid(due: 19, line: 5).hasSuffix("@followup"))
        #expect(FNV1a64.hex("") == "cbf29ce484222325", "the FNV-1a offset basis")
        #expect(FNV1a64.hex("a") == "af63dc4c8601ec8c", "the published FNV-1a 64 test vector")
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
