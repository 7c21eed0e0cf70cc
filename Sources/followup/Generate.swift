import ArgumentParser
import FollowupCore
import Vault

extension Followup {
    /// `followup generate`: writes each vault's NEXT.md.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write NEXT.md in each vault (the default command).",
            discussion: """
                NEXT.md is replaced atomically. A NEXT.md that followup did not generate is never \
                replaced without --force.
                """)

        @Argument(help: "Vault folders (default: the current folder).")
        var vaults: [String] = []

        @OptionGroup var options: PlanOptions

        @Flag(help: "Print NEXT.md to standard output instead of writing it.")
        var stdout = false

        @Flag(help: "Replace a NEXT.md (or NEXT.ics) even if followup did not generate it.")
        var force = false

        @Flag(help: "Also write NEXT.ics, the plan as a calendar file, beside NEXT.md (see `followup ics`).")
        var ics = false

        func validate() throws {
            if ics && stdout {
                throw ValidationError("--ics writes NEXT.ics beside NEXT.md; it can't be used with --stdout")
            }
        }

        func run() throws {
            let today = options.day
            var worst = ExitStatus.fine
            for path in vaults.isEmpty ? ["."] : vaults {
                worst = max(worst, generate(Vault(path: path), today: today))
            }
            if worst != .fine { throw worst.code }
        }

        private func generate(_ vault: Vault, today: Day) -> ExitStatus {
            let plan: Plan
            do {
                plan = try vault.plan(today: today, jobs: options.jobs)
            } catch {
                Terminal.error("followup: \(error)")
                return .unusable
            }
            let templates: DraftTemplates
            do {
                templates = try vault.draftTemplates()
            } catch {
                Terminal.error("followup: \(error)")
                return .unusable
            }
            Terminal.report(plan.problems, in: vault.path)
            let markdown = NextMarkdown.render(plan, templates: templates)
            if stdout {
                print(markdown, terminator: "")
                return ExitStatus.of(plan)
            }
            do {
                let outcome = try vault.writeNext(markdown, force: force)
                let next = Terminal.display(Vault.nextFileName, in: vault.path)
                print("\(next): \(outcome == .written ? "written" : "unchanged"), \(summary(plan))")
                if ics {
                    let calendar = try vault.writeCalendar(ICalendar.render(plan), force: force)
                    let file = Terminal.display(Vault.calendarFileName, in: vault.path)
                    print("\(file): \(calendar == .written ? "written" : "unchanged"), \(plan.actions.count) events")
                }
            } catch {
                Terminal.error("followup: \(error)")
                return .unusable
            }
            return ExitStatus.of(plan)
        }

        private func summary(_ plan: Plan) -> String {
            let overdue = plan.actions.filter { plan.horizon(of: $0) == .overdue }.count
            let errors = plan.problems.filter { $0.severity == .error }.count
            var parts = ["\(plan.actions.count) \(plan.actions.count == 1 ? "action" : "actions") (\(overdue) overdue)"]
            if errors > 0 { parts.append("\(errors) \(errors == 1 ? "note" : "notes") with errors") }
            return parts.joined(separator: ", ")
        }
    }
}
