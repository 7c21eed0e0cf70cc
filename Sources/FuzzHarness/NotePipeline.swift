import FollowupCore
import Foundation
import Markdown

/// One note's bytes through the whole of followup, with the promises of each stage checked.
///
/// The fuzz target (`Sources/FollowupFuzz`) calls ``check(_:)`` on every input libFuzzer makes and
/// aborts on the first broken promise; the regression tests call it on every input that once broke
/// one. Nothing here touches the file system or the clock, so a run depends on the bytes alone.
public enum NotePipeline {
    /// The day planned for when the input has no interview note.
    static let fallbackDay = Day(year: 2026, month: 11, day: 21)!

    /// The line that separates a note from a draft template in one input: a single byte 0x01.
    static let templateSeparator: [UInt8] = [0x0A, 0x01, 0x0A]

    /// Reads `input` as a note (and again as a second note of the same application), plans, renders
    /// every output, and returns each promise that did not hold; empty when all did.
    ///
    /// An input may carry a draft template after a line holding only byte 0x01: the template is
    /// parsed as a vault's own would be and, when it parses, writes the drafts and mailto links.
    public static func check(_ input: UnsafeRawBufferPointer) -> [String] {
        var bytes = input
        var broken: [String] = []
        var templates = DraftTemplates.builtIn
        if let split = firstRange(of: templateSeparator, in: input) {
            bytes = UnsafeRawBufferPointer(rebasing: input[..<split.lowerBound])
            let templateBytes = UnsafeRawBufferPointer(rebasing: input[split.upperBound...])
            let names = DraftTemplate.Name.allCases
            let name = names[templateBytes.count % names.count]
            if let text = String(validating: templateBytes, as: UTF8.self) {
                do {
                    templates = templates.overridden(by: [(1, try DraftTemplate.parse(text, file: "t.txt", name: name))]
                    )
                } catch {
                    if !isInside(line: error.line, column: error.column, of: lineLengths(templateBytes)) {
                        broken.append(
                            "template error at \(error.line):\(error.column) of a \(lineCount(templateBytes))-line file"
                        )
                    }
                }
            }
        }
        let lengths = lineLengths(bytes)
        let lines = lengths.count
        let first = NoteReader.read(bytes, path: "notes/fuzz.md")
        // The same note under a second name: an application of two interviews, without paying
        // for a second read.
        var second = first
        second.note?.path = "again.md"
        for index in second.problems.indices { second.problems[index].note = "again.md" }
        for problem in first.problems where !isInside(line: problem.line, column: problem.column, of: lengths) {
            broken.append("problem at \(problem.line):\(problem.column) of a \(lines)-line note: \(problem)")
        }
        for item in first.note?.actionItems ?? [] where item.line < 1 || item.line > lines {
            broken.append("action item on line \(item.line) of a \(lines)-line note: \(item.text)")
        }
        if first.note == nil, !first.problems.isEmpty, first.problems.allSatisfy({ $0.severity == .warning }) {
            broken.append("the note was dropped with only warnings: \(first.problems)")
        }

        // The day moves with the input, so every horizon (overdue, today, soon, later) is reached.
        let today = first.note.map { $0.date.adding(days: bytes.count % 40 - 10) } ?? fallbackDay
        let plan = Plan(readings: [first, second], today: today)
        for action in plan.actions where action.line < 1 || action.line > lines {
            broken.append("action on line \(action.line) of a \(lines)-line note: \(action.title)")
        }
        broken += checkNext(plan, templates: templates)
        broken += checkJSON(PlanJSON.render(plan), plan: plan)
        broken += checkCalendar(ICalendar.render(plan), plan: plan)
        broken += checkTable(PlanTable.render(plan), plan: plan)
        let drafts = Drafter.drafts(for: plan, templates: templates)
        _ = DraftText.render(drafts, today: plan.today)
        if (try? JSONSerialization.jsonObject(with: Data(DraftJSON.render(drafts).utf8))) == nil {
            broken.append("the drafts' JSON does not parse")
        }
        return broken
    }

    /// NEXT.md: generated header; one list item per action and per problem, each showing its text
    /// as written (escaping holds); the six headings and no others; no paragraph but the summary
    /// and the "Nothing." of empty sections (a mailto link that broke its reference definition
    /// would show as one).
    static func checkNext(_ plan: Plan, templates: DraftTemplates) -> [String] {
        let next = NextMarkdown.render(plan, templates: templates)
        var broken: [String] = []
        if !NextMarkdown.isGenerated(Array(next.utf8)) { broken.append("NEXT.md lacks the generated header") }
        let outline = CommonMark.outline(of: next)
        var items: [ListItem] = []
        var headings: [Heading] = []
        for block in outline.blocks {
            switch block {
            case .listItem(let item): items.append(item)
            case .heading(let heading): headings.append(heading)
            case .paragraph(let paragraph):
                if paragraph.text != "Nothing.", !paragraph.text.hasPrefix("As of ") {
                    broken.append("NEXT.md has a stray paragraph: \(paragraph.text.prefix(200))")
                }
            }
        }
        let expectedHeadings = 5 + (plan.problems.isEmpty ? 0 : 1)
        if headings.count != expectedHeadings || items.contains(where: { $0.depth != 0 || $0.isQuoted }) {
            broken.append("NEXT.md has \(headings.count) headings (not \(expectedHeadings)) or nested items")
        }
        let expectedItems = plan.actions.count + plan.problems.count
        guard items.count == expectedItems else {
            return broken + ["NEXT.md has \(items.count) list items for \(expectedItems) actions and problems"]
        }
        for (item, action) in zip(items, plan.actions) {
            for text in [action.title, action.company] where !collapsed(item.text).contains(collapsed(text)) {
                broken.append("NEXT.md shows “\(item.text)” for “\(text)”")
            }
        }
        return broken
    }

    /// `list --json`: parses, with one entry per action and per problem.
    static func checkJSON(_ json: String, plan: Plan) -> [String] {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let actions = object["actions"] as? [Any], let problems = object["problems"] as? [Any]
        else { return ["the plan's JSON does not parse"] }
        if actions.count != plan.actions.count || problems.count != plan.problems.count {
            return ["the plan's JSON has \(actions.count) actions and \(problems.count) problems"]
        }
        return []
    }

    /// NEXT.ics: CRLF only, every physical line at most 75 octets, no control characters in a
    /// content line, one VEVENT per action.
    static func checkCalendar(_ calendar: String, plan: Plan) -> [String] {
        let bytes = Array(calendar.utf8)
        var broken: [String] = []
        var lineLength = 0
        var events = 0
        var line: [UInt8] = []
        for (index, byte) in bytes.enumerated() {
            if byte == 0x0D {
                guard index + 1 < bytes.count, bytes[index + 1] == 0x0A else {
                    return ["NEXT.ics has a CR without LF"]
                }
                continue
            }
            if byte == 0x0A {
                guard index > 0, bytes[index - 1] == 0x0D else { return ["NEXT.ics has an LF without CR"] }
                if line == Array("BEGIN:VEVENT".utf8) { events += 1 }
                line = []
                lineLength = 0
                continue
            }
            if byte < 0x20 && byte != 0x09 || byte == 0x7F { broken.append("NEXT.ics has control byte \(byte)") }
            line.append(byte)
            lineLength += 1
            if lineLength > 75 { return broken + ["NEXT.ics has a line longer than 75 octets"] }
        }
        if events != plan.actions.count { broken.append("NEXT.ics has \(events) events for \(plan.actions.count)") }
        return broken
    }

    /// `list`: a header and one line per action, whatever line breaks the notes hold.
    static func checkTable(_ table: String, plan: Plan) -> [String] {
        guard !plan.actions.isEmpty else { return [] }
        let rows = table.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).count - 1
        return rows == plan.actions.count + 1 ? [] : ["the table has \(rows) rows for \(plan.actions.count) actions"]
    }

    static func firstRange(of separator: [UInt8], in bytes: UnsafeRawBufferPointer) -> Range<Int>? {
        guard bytes.count >= separator.count else { return nil }
        for start in 0...(bytes.count - separator.count)
        where bytes[start] == separator[0] && bytes[start + 1] == separator[1] && bytes[start + 2] == separator[2] {
            return start..<(start + separator.count)
        }
        return nil
    }

    /// Lines as followup counts them: `\n`, `\r\n` and a lone `\r` each end one.
    static func lineCount(_ bytes: UnsafeRawBufferPointer) -> Int {
        lineLengths(bytes).count
    }

    /// The length in bytes of each line, without its line break.
    static func lineLengths(_ bytes: UnsafeRawBufferPointer) -> [Int] {
        var lengths: [Int] = []
        var start = 0
        for index in bytes.indices {
            if bytes[index] == 0x0A || (bytes[index] == 0x0D && (index + 1 == bytes.count || bytes[index + 1] != 0x0A))
            {
                let end = bytes[index] == 0x0A && index > start && bytes[index - 1] == 0x0D ? index - 1 : index
                lengths.append(end - start)
                start = index + 1
            }
        }
        lengths.append(bytes.count - start)
        return lengths
    }

    /// Whether a 1-based line and column name a place in the text: on one of its lines, at most
    /// just past its last character (columns count characters or bytes, never more than bytes), or
    /// at the start of the line after the last.
    static func isInside(line: Int, column: Int, of lengths: [Int]) -> Bool {
        guard line >= 1, column >= 1 else { return false }
        guard line <= lengths.count else { return line == lengths.count + 1 && column == 1 }
        return column <= lengths[line - 1] + 1
    }

    /// Text with every run of white space as one space, trimmed: how Markdown shows it.
    static func collapsed(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline }).joined(separator: " ")
    }
}
