/// Renders a ``Plan`` as an iCalendar file (RFC 5545): one all-day event per action on its due day.
///
/// Calendars that import or subscribe to the file match events by UID, so the UID of an action
/// stays the same across runs: it is a hash of what the action is (kind, company, role, recipient,
/// note, attempt, and for a deliverable or task its text without the due phrase), never of its
/// date or line, so moving a date in a note moves the event instead of adding another. DTSTAMP is
/// the plan's day, so the same notes on the same day give the same bytes.
public enum ICalendar {
    public static let productID = "-//followup//followup 0.1.0//EN"
    /// The first lines of every file followup writes; followup replaces only files that have them.
    public static let header = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:\(productID)\r\n"

    /// Whether `contents` is a calendar file that followup wrote.
    public static func isGenerated(_ contents: some Sequence<UInt8>) -> Bool {
        Array(contents.prefix(header.utf8.count)) == Array(header.utf8)
    }

    public static func render(_ plan: Plan) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:\(productID)", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
            "X-WR-CALNAME:Follow-ups",
        ]
        let stamp = "\(plan.today.basic)T000000Z"
        for (action, uid) in zip(plan.actions, uids(plan)) {
            let summary = summaryText(action)
            var description = [action.title]
            description.append("For: \(action.company)" + (action.role.map { ", \($0)" } ?? ""))
            if let to = action.to { description.append("To: \(to)") }
            description.append("Note: \(action.note), line \(action.line)")
            lines += [
                "BEGIN:VEVENT",
                "UID:\(uid)",
                "DTSTAMP:\(stamp)",
                "DTSTART;VALUE=DATE:\(action.due.basic)",
                "DTEND;VALUE=DATE:\(action.due.adding(days: 1).basic)",
                "SUMMARY:\(escaped(summary))",
                "DESCRIPTION:\(escaped(description.joined(separator: "\n")))",
                "CATEGORIES:\(escaped(action.kind.rawValue))",
                "TRANSP:TRANSPARENT",
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                "DESCRIPTION:\(escaped(summary))",
                // 09:00 on the day it is due.
                "TRIGGER:PT9H",
                "END:VALARM",
                "END:VEVENT",
            ]
        }
        lines.append("END:VCALENDAR")
        return lines.map { folded($0) + "\r\n" }.joined()
    }

    /// What to do and to whom, and for which company: `Send a thank-you note to Dana Whitfield · Harbor & Finch`.
    public static func summaryText(_ action: Action) -> String {
        var summary = action.title
        if let to = action.to, !action.title.lowercased().contains(to.lowercased()) { summary += " (to \(to))" }
        return summary + " · " + action.company
    }

    /// The UID of each action of the plan, in order.
    public static func uids(_ plan: Plan) -> [String] {
        var seen: [String: Int] = [:]
        return plan.actions.map { action in
            var identity = [
                action.kind.rawValue, normal(action.company), normal(action.role ?? ""), normal(action.to ?? ""),
                action.note, action.attempt.map(String.init) ?? "",
            ]
            if action.kind == .deliverable || action.kind == .task {
                let interview = plan.application(of: action)?.note(of: action)?.date ?? action.due
                identity.append(normal(action.titleWithoutDuePhrase(interview: interview)))
            }
            let key = identity.joined(separator: "\u{1F}")
            seen[key, default: 0] += 1
            // Two identical items in one note would share a UID; number the later ones.
            let count = seen[key]!
            return FNV1a64.hex(key + (count > 1 ? "\u{1F}\(count)" : "")) + "@followup"
        }
    }

    private static func normal(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0.isNewline }).joined(separator: " ").lowercased()
    }

    /// TEXT escaping (RFC 5545 section 3.3.11): backslash, semicolon and comma get a backslash,
    /// line breaks become `\n`; other control characters are not allowed in TEXT and are dropped.
    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default:
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) || character == "\t" {
                    out.append(character)
                }
            }
        }
        return out
    }

    /// A content line folded to at most 75 octets per physical line (RFC 5545 section 3.1): CRLF
    /// and a space before each continuation, and never inside a UTF-8 sequence.
    static func folded(_ line: String) -> String {
        var out = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = UTF8.width(scalar)
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out
    }
}

extension Day {
    /// `20261121`: the basic format of an iCalendar DATE.
    var basic: String { iso.filter { $0 != "-" } }
}

/// The 64-bit FNV-1a hash (Fowler, Noll, Vo): small, fast, stable across runs and machines
/// (unlike Swift's `Hasher`, which is seeded per process), and well spread for short keys.
/// It is not a cryptographic hash; UIDs only need to be stable and distinct.
enum FNV1a64 {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    static func hash(_ text: String) -> UInt64 {
        var hash = offsetBasis
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// The hash as 16 lower-case hexadecimal digits.
    static func hex(_ text: String) -> String {
        let digits = String(hash(text), radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
