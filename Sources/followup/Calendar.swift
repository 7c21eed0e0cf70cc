import ArgumentParser
import FollowupCore
import Vault

extension Followup {
    /// `followup ics`: writes the plan as an iCalendar file.
    struct Ics: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ics",
            abstract: "Write the plan as an iCalendar file: one all-day event with a reminder per action.",
            discussion: """
                Each event keeps its UID across runs, so a calendar that imports the file again, or \
                subscribes to it, updates events instead of adding copies. Without -o the file is \
                printed. `followup generate --ics` writes NEXT.ics beside NEXT.md every time.
                """)

        @Argument(help: "The vault folder (default: the current folder).")
        var vault = "."

        @OptionGroup var options: PlanOptions

        @OptionGroup var messages: OutputOptions

        @Option(name: .shortAndLong, help: ArgumentHelp("Write the calendar to this file.", valueName: "file"))
        var output: String?

        @Flag(help: "With -o, replace the file even if followup did not write it.")
        var force = false

        func run() throws {
            let terminal = Terminal(messages)
            let plan = try terminal.orStop { try Vault(path: vault).plan(today: options.day, jobs: options.jobs) }
            terminal.report(plan.problems, in: vault)
            let calendar = ICalendar.render(plan)
            if let output {
                let outcome = try terminal.orStop {
                    try Vault.write(calendar, to: output, force: force, isGenerated: ICalendar.isGenerated)
                }
                print("\(output): \(outcome == .written ? "written" : "unchanged"), \(plan.actions.count) events")
            } else {
                print(calendar, terminator: "")
            }
            let status = ExitStatus.of(plan)
            if status != .fine { throw status.code }
        }
    }
}
