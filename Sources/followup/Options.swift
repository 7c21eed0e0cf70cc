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
}

/// Where messages for people go: problems and errors to standard error, results to standard output.
enum Terminal {
    static func error(_ message: String) {
        FileHandle.standardError.write(Data((message.hasSuffix("\n") ? message : message + "\n").utf8))
    }

    /// Each problem as `path:line:column: message`, with the path as the user would type it.
    static func report(_ problems: [Problem], in vault: String) {
        for problem in problems {
            var shown = problem
            shown.note = display(problem.note, in: vault)
            error(shown.description)
        }
    }

    static func display(_ note: String, in vault: String) -> String {
        vault == "." || vault == "./" ? note : (vault.hasSuffix("/") ? vault : vault + "/") + note
    }
}
