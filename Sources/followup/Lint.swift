import ArgumentParser
import FollowupCore
import Vault

extension Followup {
    /// `followup lint`: reports every problem in the notes.
    struct Lint: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "lint",
            abstract: "Report every problem in the notes as path:line:column: message.",
            discussion: "Exits 1 when a note has an error; warnings are printed but do not fail.")

        @Argument(help: "The vault folder (default: the current folder).", completion: .directory)
        var vault = "."

        @OptionGroup var output: OutputOptions

        func run() throws {
            let terminal = Terminal(output)
            // The day does not change which problems a note has.
            let plan = try terminal.orStop { try Vault(path: vault).plan(today: Day(ordinal: 0)) }
            for problem in plan.problems where problem.severity == .error || terminal.level != .quiet {
                print(terminal.styled(problem, in: vault, colour: terminal.colourOut))
            }
            let status = ExitStatus.of(plan)
            if status != .fine { throw status.code }
        }
    }
}
