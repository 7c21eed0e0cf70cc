import Foundation
import Testing

/// The calendar file, read back by Python's `icalendar` package (installed by `make test`): an
/// independent parser shows that calendars read what followup means.
@Suite("The iCalendar file")
struct CalendarTests {
    /// Every vault with golden files, and the example.
    static var vaults: [URL] {
        FixtureTests.cases.map { FixtureTests.root.appendingPathComponent($0).appendingPathComponent("vault") }
            + [ExampleTests.example]
    }

    struct Parsed: Decodable {
        struct Event: Decodable {
            struct Alarm: Decodable {
                var action: String?
                var trigger: String
                var description: String?
            }
            var uid: String?
            var start: String
            var startIsDate: Bool
            var end: String
            var stamp: String
            var summary: String?
            var description: String?
            var alarms: [Alarm]

            enum CodingKeys: String, CodingKey {
                case uid, start, end, stamp, summary, description, alarms
                case startIsDate = "start_is_date"
            }
        }
        var version: String?
        var prodid: String?
        var errors: [String]
        var events: [Event]
    }

    struct PlanAction: Decodable {
        var kind: String
        var company: String
        var to: String?
        var due: String
        var title: String
        var note: String
        var line: Int
    }

    /// Writes the calendar with `followup ics -o` and parses it with the Python script.
    static func parse(_ vault: URL, today: String = "2026-11-21") throws -> (Parsed, [UInt8]) {
        let folder = try TemporaryFolder()
        let file = folder.url.appendingPathComponent("plan.ics")
        let result = try Followup.run(["ics", "--today", today, "-o", file.path, vault.path])
        #expect(result.status <= 1, "ics runs: \(result.stderr)")
        let bytes = [UInt8](try Data(contentsOf: file))
        let python = Process()
        python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        python.arguments = [
            "python3", Followup.packageRoot.appendingPathComponent("scripts/ics-events.py").path, file.path,
        ]
        let out = Pipe()
        let err = Pipe()
        python.standardOutput = out
        python.standardError = err
        try python.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        python.waitUntilExit()
        try #require(
            python.terminationStatus == 0,
            "python3 with the icalendar package must read the file (make test installs it): \(message)")
        return (try JSONDecoder().decode(Parsed.self, from: data), bytes)
    }

    static func plan(_ vault: URL, today: String = "2026-11-21") throws -> [PlanAction] {
        struct Plan: Decodable { var actions: [PlanAction] }
        let json = try Followup.run(["list", "--json", "--today", today, vault.path])
        return try JSONDecoder().decode(Plan.self, from: Data(json.stdout.utf8)).actions
    }

    @Test(arguments: vaults)
    func everyEventMatchesThePlan(_ vault: URL) throws {
        let (calendar, bytes) = try Self.parse(vault)
        let actions = try Self.plan(vault)
        #expect(calendar.errors.isEmpty, "the parser found no errors: \(calendar.errors)")
        #expect(calendar.version == "2.0")
        #expect(calendar.prodid?.contains("followup") == true)
        try #require(calendar.events.count == actions.count, "one event per action")
        for (event, action) in zip(calendar.events, actions) {
            let day = try #require(Day(action.due))
            #expect(event.start == action.due, "starts on the due day")
            #expect(event.startIsDate, "an all-day event (DTSTART;VALUE=DATE)")
            #expect(event.end == day.next, "ends the next day")
            #expect(event.stamp == "2026-11-21T00:00:00+00:00", "DTSTAMP comes from --today")
            var summary = action.title
            if let to = action.to, !action.title.lowercased().contains(to.lowercased()) { summary += " (to \(to))" }
            #expect(event.summary == summary + " · " + action.company, "the summary says what and to whom")
            #expect(event.description?.contains("Note: \(action.note), line \(action.line)") == true)
            #expect(event.alarms.count == 1)
            #expect(event.alarms.first?.action == "DISPLAY")
            #expect(event.alarms.first?.trigger == "9:00:00", "a reminder at 09:00 on the day")
        }
        let uids = calendar.events.compactMap(\.uid)
        #expect(uids.count == actions.count && Set(uids).count == uids.count, "every event has its own UID")
        Self.checkContentLines(bytes)
    }

    /// RFC 5545 section 3.1: CRLF after every line, at most 75 octets per line, no UTF-8
    /// sequence split by a fold.
    static func checkContentLines(_ bytes: [UInt8]) {
        #expect(bytes.suffix(2) == [13, 10], "the file ends with CRLF")
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if bytes[index] == 13, index + 1 < bytes.count, bytes[index + 1] == 10 {
                lines.append(current)
                current = []
                index += 2
                continue
            }
            #expect(bytes[index] != 10 && bytes[index] != 13, "no bare LF or CR")
            current.append(bytes[index])
            index += 1
        }
        for line in lines {
            #expect(line.count <= 75, "a line is at most 75 octets: \(String(decoding: line, as: UTF8.self))")
            #expect(String(validating: line, as: UTF8.self) != nil, "a fold never splits a UTF-8 sequence")
        }
    }

    @Test func uidsStayTheSameAcrossRunsAndWhenADateMoves() throws {
        let vault = try TemporaryFolder()
        let text = """
            ---
            company: Acme, Inc.
            role: Engineer; Platform
            date: 2026-11-18
            interviewers:
              - name: Ada Lovelace
                email: ada@acme.example
            timeline: 2 weeks
            ---

            ## Next steps

            - Send Ada the benchmark write-up by Friday
            - Send Ada the design doc by Friday
            """
        try vault.write("acme.md", text)
        let (first, firstBytes) = try Self.parse(vault.url)
        let (second, secondBytes) = try Self.parse(vault.url)
        #expect(firstBytes == secondBytes, "same notes, same day: the same bytes")
        #expect(first.events.map(\.uid) == second.events.map(\.uid))
        #expect(first.events.count == 4)

        // Move the write-up's date and the timeline: the same events, on new days.
        try vault.write(
            "acme.md",
            text.replacingOccurrences(of: "write-up by Friday", with: "write-up by Nov 24")
                .replacingOccurrences(of: "timeline: 2 weeks", with: "timeline: 3 weeks"))
        let (moved, _) = try Self.parse(vault.url)
        let before = Dictionary(uniqueKeysWithValues: first.events.map { ($0.uid ?? "", $0.start) })
        let after = Dictionary(uniqueKeysWithValues: moved.events.map { ($0.uid ?? "", $0.start) })
        #expect(Set(before.keys) == Set(after.keys), "editing dates keeps every UID")
        let changed = before.keys.filter { before[$0] != after[$0] }
        #expect(changed.count == 2, "the write-up and the check-in moved")
    }

    @Test func generateWithIcsWritesNextIcsBesideNextMd() throws {
        let vault = try TemporaryFolder()
        try vault.write("acme.md", note())
        let result = try Followup.run(["generate", "--ics", "--today", "2026-11-21", vault.url.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("NEXT.ics: written, 2 events"))
        let ics = try vault.read("NEXT.ics")
        let printed = try Followup.run(["ics", "--today", "2026-11-21", vault.url.path])
        #expect(ics == printed.stdout, "generate --ics writes what ics prints")
        let again = try Followup.run(["generate", "--ics", "--today", "2026-11-21", vault.url.path])
        #expect(again.stdout.contains("NEXT.ics: unchanged"))
        #expect(try Followup.run(["generate", "--ics", "--stdout", vault.url.path]).status == 2)
    }

    @Test func aCalendarFileFollowupDidNotWriteIsNotReplaced() throws {
        let vault = try TemporaryFolder()
        try vault.write("acme.md", note())
        try vault.write("NEXT.ics", "BEGIN:VCALENDAR\r\nPRODID:my own\r\nEND:VCALENDAR\r\n")
        let refused = try Followup.run(["generate", "--ics", "--today", "2026-11-21", vault.url.path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("NEXT.ics: not written"))
        #expect(try vault.read("NEXT.ics").contains("my own"))
        let mine = vault.url.appendingPathComponent("mine.ics").path
        try Data("not a calendar".utf8).write(to: URL(fileURLWithPath: mine))
        #expect(try Followup.run(["ics", "--today", "2026-11-21", "-o", mine, vault.url.path]).status == 2)
        let forced = try Followup.run(["ics", "--force", "--today", "2026-11-21", "-o", mine, vault.url.path])
        #expect(forced.status == 0)
        #expect(try vault.read("mine.ics").hasPrefix("BEGIN:VCALENDAR\r\n"))
    }
}

/// A calendar day from `YYYY-MM-DD`, with the ISO day after it, for checks on DTEND.
private struct Day {
    let next: String

    init?(_ iso: String) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        guard let date = formatter.date(from: iso) else { return nil }
        next = formatter.string(from: date.addingTimeInterval(86_400))
    }
}
