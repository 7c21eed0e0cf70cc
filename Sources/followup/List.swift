import ArgumentParser
import FollowupCore
import Vault

extension Followup {
    /// `followup list`: prints the plan as a table or as JSON.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "Print the plan: a readable table, or JSON with --json.")

        @Argument(help: "The vault folder (default: the current folder).", completion: .directory)
        var vault = "."

        @OptionGroup var options: PlanOptions
        @OptionGroup var output: OutputOptions

        @Flag(
            help:
                "Print JSON: {today, actions: [{kind, company, role, to, due, attempt, title, note, line}], problems}.")
        var json = false

        func run() throws {
            let terminal = Terminal(output)
            let plan = try terminal.orStop { try Vault(path: vault).plan(today: options.day, jobs: options.jobs) }
            if json {
                print(PlanJSON.render(plan), terminator: "")
            } else {
                print(PlanTable.render(plan), terminator: "")
                terminal.report(plan.problems, in: vault)
            }
            let status = ExitStatus.of(plan)
            if status != .fine { throw status.code }
        }
    }
}
