import ArgumentParser
import FollowupCore
import Vault

extension Followup {
    /// `followup list`: prints the plan as a table or as JSON.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the plan: a readable table, or JSON with --json.")

        @Argument(help: "The vault folder (default: the current folder).")
        var vault = "."

        @OptionGroup var options: PlanOptions

        @Flag(
            help:
                "Print JSON: {today, actions: [{kind, company, role, to, due, attempt, title, note, line}], problems}.")
        var json = false

        func run() throws {
            let plan: Plan
            do {
                plan = try Vault(path: vault).plan(today: options.day, jobs: options.jobs)
            } catch {
                Terminal.error("followup: \(error)")
                throw ExitStatus.unusable.code
            }
            if json {
                print(PlanJSON.render(plan), terminator: "")
            } else {
                print(PlanTable.render(plan), terminator: "")
                Terminal.report(plan.problems, in: vault)
            }
            let status = ExitStatus.of(plan)
            if status != .fine { throw status.code }
        }
    }
}
