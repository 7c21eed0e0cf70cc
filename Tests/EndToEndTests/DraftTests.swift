import Foundation
import Testing

/// A draft as `followup draft --json` prints it.
struct DraftRecord: Decodable, Equatable {
    var kind: String
    var company: String
    var role: String?
    var to: String?
    var email: String?
    var due: String
    var attempt: Int?
    var note: String
    var line: Int
    var subject: String
    var body: String

    static func all(_ vault: URL, _ extra: [String] = []) throws -> [DraftRecord] {
        let result = try Followup.run(["draft", "--json", "--today", "2026-11-21"] + extra + [vault.path])
        return try JSONDecoder().decode([DraftRecord].self, from: Data(result.stdout.utf8))
    }
}

@Suite("Drafts")
struct DraftTests {
    static let drafts = FixtureTests.root.appendingPathComponent("drafts/vault")

    @Test(arguments: CalendarTests.vaults)
    func noDraftMentionsPayOrBenefits(_ vault: URL) throws {
        let money = try Regex(
            #"(?i)\b(salary|salaries|compensation|comp|pay|paid|paying|payroll|benefits?|bonus|equity|stock|pension|wages?|relocation|perks|\d+k)\b|[$€£]"#
        )
        let drafts = try DraftRecord.all(vault)
        for draft in drafts {
            #expect(draft.subject.firstMatch(of: money) == nil, "\(draft.subject)")
            #expect(draft.body.firstMatch(of: money) == nil, "\(draft.body)")
        }
    }

    @Test func theDraftsVaultHasADraftOfEveryKind() throws {
        let kinds = Set(try DraftRecord.all(Self.drafts).map(\.kind))
        #expect(kinds == ["thank-you", "deliverable", "follow-up", "reply-offer", "ask-feedback"])
    }

    @Test func interviewersOfOneInterviewGetDifferentBodiesWithTheirOwnSpecifics() throws {
        let thanks = try DraftRecord.all(Self.drafts, ["--company", "cyberdyne", "--kind", "thank-you"])
        #expect(thanks.map(\.to) == ["Kyle Reese", "Miles Dyson", "Sarah Connor"])
        #expect(Set(thanks.map(\.body)).count == thanks.count, "no two bodies are the same")
        #expect(Set(thanks.map(\.subject)).count == thanks.count, "nor two subjects")
        let miles = try #require(thanks.first { $0.to == "Miles Dyson" })
        let sarah = try #require(thanks.first { $0.to == "Sarah Connor" })
        #expect(miles.body.hasPrefix("Hi Miles,"))
        #expect(miles.body.contains("Thank you for walking me through the neural-net processor roadmap."))
        #expect(sarah.body.contains("I appreciated your questions about failure modes."))
        #expect(!sarah.body.contains("roadmap"), "Miles's points stay in Miles's note")
        for draft in thanks {
            #expect(draft.body.contains("Thursday 19 November"), "names the interview day")
            #expect(draft.body.contains("ML Engineer"), "names the role")
            #expect(draft.body.contains("Cyberdyne Systems"), "names the company")
        }
    }

    @Test func aNoteWithNothingToQuoteGetsAThankYouWithoutSpecifics() throws {
        let draft = try #require(
            try DraftRecord.all(Self.drafts, ["--company", "skynet", "--kind", "thank-you"]).first)
        // The only sentence about Jordan is about pay, which a thank-you never repeats.
        #expect(!draft.body.contains("walk"))
        #expect(!draft.body.contains("\n\n\n"), "no gap where the specifics would be")
        #expect(draft.body.split(separator: "\n\n").count == 4, "greeting, thanks, interest, sign-off")
    }

    @Test func followUpsNameTheDateAndRoleAndAskForATimelineOnlyWhenNoneWasGiven() throws {
        let followUps = try DraftRecord.all(Self.drafts, ["--kind", "follow-up"])
        let without = try #require(followUps.first { $0.company == "Tech Noir" })
        #expect(without.subject.contains("Backend Engineer interview on 9 November 2026"))
        #expect(without.body.contains("what the timeline for a decision looks like"))
        let with = try #require(followUps.first { $0.company == "Skynet Analytics" })
        #expect(with.body.contains("hoped to decide by Friday 27 November"))
        #expect(!with.body.contains("what the timeline"))
        #expect(with.body.contains("on 20 November 2026") && with.body.contains("Data Engineer"))
        let second = try #require(followUps.first { $0.attempt == 2 })
        #expect(second.body.contains("check in once more"))
        #expect(second.body.contains("Thursday 12 November"), "names the first check-in")
    }

    @Test func filtersSelectByCompanyRecipientAndKind() throws {
        #expect(try DraftRecord.all(Self.drafts, ["--to", "sarah"]).map(\.kind) == ["thank-you", "deliverable"])
        #expect(try DraftRecord.all(Self.drafts, ["--company", "TYRELL"]).map(\.kind) == ["reply-offer"])
        #expect(try DraftRecord.all(Self.drafts, ["--kind", "ask-feedback"]).map(\.to) == ["Dick Jones"])
        let task = try Followup.run(["draft", "--kind", "task", Self.drafts.path])
        #expect(task.status == 2)
        #expect(task.stderr.contains("task actions have no draft"))
        #expect(try Followup.run(["draft", "--kind", "nonsense", Self.drafts.path]).status == 2)
        let none = try Followup.run(["draft", "--today", "2026-11-21", "--to", "nobody", Self.drafts.path])
        #expect(none.status == 0)
        #expect(none.stdout == "No drafts: no open action matches.\n")
    }

    @Test func deliverablesGetACoverNoteNamingTheThing() throws {
        let notes = try DraftRecord.all(Self.drafts, ["--kind", "deliverable"])
        #expect(notes.map(\.subject) == ["As promised: the benchmark write-up", "As promised: the rollback runbook"])
        #expect(notes.allSatisfy { !$0.body.contains("by Friday") && !$0.body.contains("within") })
    }

    @Test func aVaultsOwnTemplatesReplaceTheBuiltInOnes() throws {
        let vault = FixtureTests.root.appendingPathComponent("templates/vault")
        let thanks = try DraftRecord.all(vault, ["--kind", "thank-you"])
        let wile = try #require(thanks.first { $0.to == "Wile Coyote" })
        #expect(wile.subject == "Thanks, Wile! (Propulsion Engineer, Friday 20 November)")
        #expect(wile.body.hasSuffix("Yours,\nWile's fan"))
        let road = try #require(thanks.first { $0.to == "Road Runner" })
        #expect(road.subject == "A short thank-you from the Propulsion Engineer candidate", "the second variant")
    }

    @Test func aTemplateWithAnUnknownPlaceholderIsAnErrorNamingFileAndLine() throws {
        let vault = try TemporaryFolder()
        try vault.write("acme.md", note())
        try vault.write(".followup/templates/thank-you.txt", "Subject: Hi\n\nDear {{name}},\nThanks, {{nmae}}!\n")
        for command in [["draft"], ["generate"], ["templates"]] {
            let result = try Followup.run(
                command + ["--today", "2026-11-21"].filter { _ in command != ["templates"] } + [vault.url.path])
            #expect(result.status == 2, "\(command)")
            #expect(result.stderr.contains(".followup/templates/thank-you.txt:4:9: unknown placeholder {{nmae}}"))
        }
        #expect((try? vault.read("NEXT.md")) == nil, "nothing is written with a broken template")
        try vault.write(".followup/templates/thank-you.txt", "Subject: Hi\n\n{{deliverable}}\n")
        let wrong = try Followup.run(["draft", vault.url.path])
        #expect(wrong.stderr.contains("thank-you.txt:3:1: {{deliverable}} can't be used in a thank-you template"))
        try FileManager.default.removeItem(at: vault.url.appendingPathComponent(".followup/templates/thank-you.txt"))
        try vault.write(".followup/templates/thankyou.txt", "Subject: Hi\n\nHello\n")
        let misnamed = try Followup.run(["draft", vault.url.path])
        #expect(misnamed.status == 2)
        #expect(misnamed.stderr.contains("thankyou.txt:1:1: not a template name"))
    }

    @Test func templatesInitCopiesTheBuiltInOnesAndKeepsExistingFiles() throws {
        let vault = try TemporaryFolder()
        try vault.write("acme.md", note())
        try vault.write(".followup/templates/follow-up.txt", "Subject: Mine\n\nMy own.\n")
        let result = try Followup.run(["templates", "--init", vault.url.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("follow-up.txt: kept"))
        #expect(result.stdout.contains("thank-you-3.txt: written"))
        #expect(try vault.read(".followup/templates/follow-up.txt") == "Subject: Mine\n\nMy own.\n")
        let builtIn = try Followup.run([
            "draft", "--today", "2026-11-21", "--kind", "thank-you", ExampleTests.example.path,
        ])
        let copied = try vault.read(".followup/templates/thank-you.txt")
        #expect(copied.hasPrefix("Subject: Thank you for {{interview_day}}\n"))
        #expect(!builtIn.stdout.isEmpty)
        let drafts = try DraftRecord.all(vault.url)
        #expect(drafts.first { $0.kind == "follow-up" }?.body == "My own.")
    }
}

/// Every `mailto:` link in NEXT.md, decoded, gives back exactly the draft for that action.
@Suite("mailto links")
struct MailtoTests {
    struct Link: Equatable {
        var address: String
        var subject: String
        var body: String
    }

    /// The links of a NEXT.md, in order, decoded by Foundation's URL parser (not followup's code).
    static func links(in next: String) throws -> [Link] {
        var links: [Link] = []
        for line in next.split(separator: "\n") where line.hasPrefix("[mail-") {
            let url = String(line[line.range(of: "]: ")!.upperBound...])
            let components = try #require(URLComponents(string: url), "a valid URI: \(url)")
            #expect(components.scheme == "mailto")
            #expect(!url.contains(" ") && !url.contains("+"), "spaces are %20, never + or raw")
            let items = Dictionary(
                uniqueKeysWithValues: (components.queryItems ?? []).map { ($0.name, $0.value ?? "") })
            #expect(items.keys.sorted() == ["body", "subject"])
            links.append(Link(address: components.path, subject: items["subject"] ?? "", body: items["body"] ?? ""))
        }
        return links
    }

    @Test(arguments: CalendarTests.vaults)
    func eachLinkDecodesToTheExactDraft(_ vault: URL) throws {
        let next = try Followup.run(["generate", "--stdout", "--today", "2026-11-21", vault.path]).stdout
        let links = try Self.links(in: next)
        let drafts = try DraftRecord.all(vault).filter { $0.email != nil }
        #expect(links.count == drafts.count, "one link per draft to a known address")
        for (link, draft) in zip(links, drafts) {
            #expect(link.address == draft.email)
            #expect(link.subject == draft.subject)
            #expect(link.body == draft.body.replacingOccurrences(of: "\n", with: "\r\n"), "line breaks are CRLF")
        }
        let referenced = next.split(separator: "\n").filter { $0.hasPrefix("- ") && $0.contains("[email draft][mail-") }
        #expect(referenced.count == links.count, "every link is used by one line")
    }

    @Test func theDraftsFixtureHasLinksWithReservedCharacters() throws {
        let next = try String(
            contentsOf: FixtureTests.root.appendingPathComponent("drafts/expected/NEXT.md"), encoding: .utf8)
        #expect(next.contains("mailto:rachael%2Bhiring@tyrell.example?subject="), "+ in an address is encoded")
        #expect(next.contains("Tyrell%20%26%20Sons"), "& in a body is encoded")
        #expect(next.contains("%0D%0A%0D%0A"), "line breaks are %0D%0A")
        #expect(try Self.links(in: next).count >= 6)
    }
}
