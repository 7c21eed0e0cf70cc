/// Something wrong, or doubtful, in one note: where it is and what to do about it.
///
/// Problems are values: readers return them, the plan carries them, and each output decides how
/// to show them. An error leaves its note out of the plan; a warning only explains a default.
public struct Problem: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    /// The note's path, relative to the vault.
    public var note: String
    /// 1-based line in the note.
    public var line: Int
    /// 1-based column in that line.
    public var column: Int
    public var severity: Severity
    public var message: String

    public init(note: String, line: Int, column: Int = 1, severity: Severity = .error, message: String) {
        self.note = note
        self.line = max(1, line)
        self.column = max(1, column)
        self.severity = severity
        self.message = message
    }

    /// `notes/acme.md:3:7: message`, with `warning: ` before a warning's message: the form
    /// compilers use, which editors and terminals turn into links.
    public var description: String {
        "\(note):\(line):\(column): \(severity == .warning ? "warning: " : "")\(message)"
    }

    public static func < (lhs: Problem, rhs: Problem) -> Bool {
        (lhs.note, lhs.line, lhs.column, lhs.message) < (rhs.note, rhs.line, rhs.column, rhs.message)
    }
}
