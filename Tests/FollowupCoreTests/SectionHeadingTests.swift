import Testing

@testable import FollowupCore

/// A heading's section is told from its bytes in one pass when they can tell it, and from its
/// words otherwise: both readings must agree wherever the bytes give an answer.
@Suite("Section headings")
struct SectionHeadingTests {
    /// Pieces headings are made of: the section headings' words in several cases, other words,
    /// digits, and the punctuation and spacing notes put around them.
    static let pieces = [
        "next", "Next", "NEXT", "steps", "Steps", "step", "action", "Action", "items", "item", "to", "To", "do", "Do",
        "todo", "Todos", "dos", "follow", "Follow", "up", "ups", "followup", "Followups", "actions", "deliverables",
        "Deliverable", "log", "LOG", "history", "updates", "timeline", "interview", "with", "Alan", "notes", "1",
        "2026",
        "-", ":", " ", "  ", "\t", "!", "(", ")", "#", "*", "_", "/", "'", "'s", "'do", "é", "·",
    ]

    @Test func bytesAndWordsAgree() {
        var random = ActionOrderTests.Generator(state: 17)
        var readFromBytes = 0
        var named = 0
        for _ in 0..<20_000 {
            var heading = ""
            for _ in 0..<(1 + random.next(6)) {
                heading += Self.pieces[random.next(Self.pieces.count)]
                if random.next(3) > 0 { heading += " " }
            }
            var copy = heading
            guard let fromBytes = copy.withUTF8(Section.section(ofBytes:)) else { continue }
            readFromBytes += 1
            if fromBytes != .other { named += 1 }
            #expect(fromBytes == Section.byWords(heading), "\(heading.debugDescription)")
        }
        // Both kinds of answer were checked, many times.
        #expect(readFromBytes > 10_000)
        #expect(named > 500)
    }

    @Test(arguments: [
        ("Next steps", Section.actions), ("  NEXT   STEPS!! ", .actions), ("Follow-up actions:", .actions),
        ("to-dos", .actions), ("Deliverables", .deliverables), ("(Log)", .log), ("Interview with Alan", .other),
        ("Next steps 2", .other), ("", .other), ("Nextsteps", .other),
        // An apostrophe between letters joins them into one word, which no section heading is.
        ("To'do", .other), ("Log's", .other),
    ])
    func sectionOfAnASCIIHeading(heading: String, section: Section) {
        var copy = heading
        // The bytes tell, or leave it to the words (an apostrophe).
        let fromBytes = copy.withUTF8(Section.section(ofBytes:))
        #expect(fromBytes == section || fromBytes == nil && heading.contains("'"))
        #expect(Section(heading: heading) == section)
    }

    @Test func aHeadingOfManyASCIILettersNamesNoSectionWhateverItsOtherBytes() {
        var copy = "Next steps for the interview loop, é"
        #expect(copy.withUTF8(Section.section(ofBytes:)) == .other)
        var words = "Next steps é"
        #expect(words.withUTF8(Section.section(ofBytes:)) == nil)
        #expect(Section(heading: "Next steps é") == .other)
        #expect(Section(heading: "'Next steps'") == .actions)
    }

    /// Non-ASCII punctuation is no letter: however much of it there is, the words tell.
    @Test func nonASCIIPunctuationAroundASectionName() {
        #expect(Section(heading: "Deliverables · · · ·") == .deliverables)
        #expect(Section(heading: "— Next steps — — — —") == .actions)
    }
}
