import Foundation

/// Renders drafts as text for `followup draft`: a header line for each, then the message as it
/// would be sent.
public enum DraftText {
    public static func render(_ drafts: [Draft], today: Day) -> String {
        drafts.map { render($0, today: today) }.joined(separator: "\n")
    }

    static func render(_ draft: Draft, today: Day) -> String {
        let action = draft.action
        var due = "due \(action.due.shortLabel(relativeTo: today.year))"
        let late = action.due.days(until: today)
        if late > 0 { due += " (\(late) \(late == 1 ? "day" : "days") late)" }
        var out = "=== \(action.kind.rawValue) · \(due) · \(action.company)"
        if let role = action.role { out += ", \(role)" }
        out += "\nNote: \(action.note), line \(action.line)\n"
        switch (draft.recipient, draft.email) {
        case (let person?, let email?): out += "To: \(person.name) <\(email)>\n"
        case (let person?, nil): out += "To: \(person.name) (no email in the notes)\n"
        case (nil, _): out += "To: (the notes name no one; add a `contact:` to the front matter)\n"
        }
        out += "Subject: \(draft.subject)\n\n\(draft.body)\n"
        return out
    }
}

/// Renders drafts as JSON for `followup draft --json`, keys sorted so the bytes never vary.
public enum DraftJSON {
    public static func render(_ drafts: [Draft]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try! encoder.encode(drafts.map(Item.init))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Item: Encodable {
        let draft: Draft
        init(_ draft: Draft) { self.draft = draft }

        enum Keys: String, CodingKey { case kind, company, role, to, email, due, attempt, note, line, subject, body }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            let action = draft.action
            try container.encode(action.kind.rawValue, forKey: .kind)
            try container.encode(action.company, forKey: .company)
            try container.encode(action.role, forKey: .role)
            try container.encode(draft.recipient?.name, forKey: .to)
            try container.encode(draft.email, forKey: .email)
            try container.encode(action.due.iso, forKey: .due)
            try container.encode(action.attempt, forKey: .attempt)
            try container.encode(action.note, forKey: .note)
            try container.encode(action.line, forKey: .line)
            try container.encode(draft.subject, forKey: .subject)
            try container.encode(draft.body, forKey: .body)
        }
    }
}
