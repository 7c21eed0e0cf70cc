import ArgumentParser
import FollowupCore
import Foundation

/// The options every command that plans shares.
struct PlanOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The day to plan for, as YYYY-MM-DD (default: today on this computer's clock).", valueName: "date"))
    var today: Day?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Threads that read notes (default: one per core). The output is the same for any number.",
            valueName: "n"))
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be 1 or more") }
    }

    /// `--today`, or the local calendar day now.
    var day: Day {
        if let today { return today }
        let parts = Calendar.current.dateComponents([.year, .month, .day], from: Date())
        return Day(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

extension Day: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(iso: argument)
    }

    public static var defaultCompletionKind: CompletionKind { .default }
}

/// The exit codes the README documents.
enum ExitStatus: Int32, Comparable {
    /// Every note was read and every output written.
    case fine = 0
    /// Some notes have problems; the others were still planned and written.
    case notesHaveProblems = 1
    /// A usage error, or nothing could be written.
    case unusable = 2

    var code: ExitCode { ExitCode(rawValue) }

    static func < (lhs: ExitStatus, rhs: ExitStatus) -> Bool { lhs.rawValue < rhs.rawValue }

    static func of(_ plan: Plan) -> ExitStatus { plan.hasErrors ? .notesHaveProblems : .fine }

    /// Ends the process with this status, `value` still alive: what it holds goes back to the
    /// system with the process's memory instead of being freed one object at a time. Buffered
    /// output is written first.
    func end(keeping value: borrowing some Any) -> Never {
        fflush(nil)
        withExtendedLifetime(value) { Foundation.exit(rawValue) }
    }
}

/// How much the commands say: `--quiet` and `--verbose`, shared by every command.
struct OutputOptions: ParsableArguments {
    @Flag(
        name: .shortAndLong,
        help: "Print only errors, problems in notes, and what was asked for (NEXT.md with --stdout, a table, JSON).")
    var quiet = false

    @Flag(
        name: .shortAndLong,
        help: "Also print what followup looked at: notes, vaults found, folders watched, staged notes.")
    var verbose = false

    func validate() throws {
        if quiet && verbose { throw ValidationError("--quiet and --verbose can't be used together") }
    }
}

/// Where messages for people go: results to standard output, problems and errors to standard
/// error. Colours only on a terminal, and never when `NO_COLOR` is set (https://no-color.org).
struct Terminal {
    enum Level { case quiet, normal, verbose }

    let level: Level
    let colourOut: Bool
    let colourErr: Bool

    /// Without options (a command that has none), the normal level.
    init(_ options: OutputOptions? = nil) {
        level = options.map { $0.quiet ? .quiet : $0.verbose ? .verbose : .normal } ?? .normal
        let environment = ProcessInfo.processInfo.environment
        let allowed = (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
        colourOut = allowed && isatty(STDOUT_FILENO) == 1
        colourErr = allowed && isatty(STDERR_FILENO) == 1
    }

    enum Style: String {
        case bold = "1"
        case dim = "2"
        case red = "31"
        case green = "32"
        case yellow = "33"
        case cyan = "36"
        case boldRed = "1;31"
        case boldYellow = "1;33"
    }

    private static func paint(_ text: String, _ style: Style, _ on: Bool) -> String {
        on && !text.isEmpty ? "\u{1B}[\(style.rawValue)m\(text)\u{1B}[0m" : text
    }

    /// `text` in `style` when standard output shows colours.
    func out(_ text: String, _ style: Style) -> String { Terminal.paint(text, style, colourOut) }
    /// `text` in `style` when standard error shows colours.
    func err(_ text: String, _ style: Style) -> String { Terminal.paint(text, style, colourErr) }

    /// A result line on standard output, unless `--quiet`.
    func say(_ line: String) {
        guard level != .quiet else { return }
        print(line)
    }

    /// A line about what followup looked at, on standard error, with `--verbose` only.
    func detail(_ line: String) {
        guard level == .verbose else { return }
        Terminal.error(err(line, .dim))
    }

    /// An error that stops one vault or the command, on standard error, always.
    func fail(_ message: String) {
        Terminal.error(err("followup:", .boldRed) + " " + message)
    }

    /// What `work` returns; when it throws instead, the error as `followup: …` on standard error
    /// and exit 2: the vault could not be read, or nothing could be written.
    func orStop<Value>(_ work: () throws -> Value) throws -> Value {
        do {
            return try work()
        } catch {
            fail("\(error)")
            throw ExitStatus.unusable.code
        }
    }

    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }

    /// Each problem as `path:line:column: message`, with the path as the user would type it, on
    /// standard error. Warnings are left out with `--quiet`.
    func report(_ problems: [Problem], in vault: String) {
        for problem in problems where problem.severity == .error || level != .quiet {
            Terminal.error(styled(problem, in: vault, colour: colourErr))
        }
    }

    /// Each problem on standard error, as a command without output options prints them.
    static func report(_ problems: [Problem], in vault: String) {
        Terminal().report(problems, in: vault)
    }

    /// A problem's line, coloured when `colour` is on: the same characters either way.
    func styled(_ problem: Problem, in vault: String, colour: Bool) -> String {
        var shown = problem
        shown.note = Terminal.display(problem.note, in: vault)
        guard colour else { return shown.description }
        let location = "\(shown.note):\(shown.line):\(shown.column):"
        let rest = String(shown.description.dropFirst(location.count))
        if problem.severity == .warning, rest.hasPrefix(" warning:") {
            return Terminal.paint(location, .bold, true) + " " + Terminal.paint("warning:", .boldYellow, true)
                + rest.dropFirst(" warning:".count)
        }
        return Terminal.paint(location, .boldRed, true) + rest
    }

    static func display(_ note: String, in vault: String) -> String {
        vault.isEmpty || vault == "." || vault == "./" ? note : (vault.hasSuffix("/") ? vault : vault + "/") + note
    }
}
