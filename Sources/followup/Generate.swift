import ArgumentParser
import FollowupCore
import Vault

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension Followup {
    /// `followup generate`: writes each vault's NEXT.md.
    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Write NEXT.md in each vault (the default command).",
            discussion: """
                NEXT.md is replaced atomically. A NEXT.md that followup did not generate is never \
                replaced without --force. Several vaults are planned at once, on all cores; one \
                vault's problems never stop the others, and the exit code is the worst of them.
                """)

        @Argument(
            help: "Vault folders (default: the current folder); with --recursive, the folders to search.",
            completion: .directory)
        var vaults: [String] = []

        @OptionGroup var options: PlanOptions

        @Flag(help: "Print NEXT.md to standard output instead of writing it.")
        var stdout = false

        @Flag(help: "Replace a NEXT.md (or NEXT.ics) even if followup did not generate it.")
        var force = false

        @Flag(help: "Also write NEXT.ics, the plan as a calendar file, beside NEXT.md (see `followup ics`).")
        var ics = false

        @Flag(
            name: [.customShort("r"), .long],
            help: "Regenerate every vault under the folders given whose NEXT.md followup generated.")
        var recursive = false

        @Flag(help: "Exit 1 when a NEXT.md was created or changed (for the pre-commit framework's fixer hooks).")
        var failOnChange = false

        @OptionGroup var output: OutputOptions

        func validate() throws {
            if ics && stdout {
                throw ValidationError("--ics writes NEXT.ics beside NEXT.md; it can't be used with --stdout")
            }
        }

        func run() throws {
            let terminal = Terminal(output)
            let folders = vaults.isEmpty ? ["."] : vaults
            var targets: [Vault] = []
            var worst = ExitStatus.fine
            if recursive {
                for root in folders {
                    do {
                        let found = try Vault.generatedVaults(under: root)
                        for vault in found { terminal.detail("found \(vault.path)/\(Vault.nextFileName)") }
                        targets += found
                    } catch {
                        terminal.fail("\(error)")
                        worst = .unusable
                    }
                }
                if targets.isEmpty, worst == .fine {
                    terminal.say(
                        "No vaults under \(folders.joined(separator: ", ")): a vault is found by the NEXT.md followup generated in it; run `followup generate FOLDER` once to make one."
                    )
                }
            } else {
                targets = folders.map(Vault.init(path:))
            }
            let today = options.day
            let force = force
            let write = !stdout
            let calendar = ics
            let jobs = options.jobs
            let verbose = terminal.level == .verbose
            let results = targets.concurrentMap { vault in
                (
                    vault.regenerate(today: today, force: force, write: write, calendar: calendar, jobs: jobs),
                    verbose ? vault.noteFiles().files.count : 0
                )
            }
            var changed = false
            for (regeneration, noteCount) in results {
                worst = max(worst, report(regeneration, noteCount: noteCount, terminal))
                if case .success(let report) = regeneration.result, report.write == .written { changed = true }
            }
            if recursive || targets.count > 1, write, !targets.isEmpty {
                terminal.say(summary(results.map(\.0), terminal))
            }
            if failOnChange, changed {
                terminal.say("NEXT.md changed: review it, `git add` it and commit again.")
                worst = max(worst, .notesHaveProblems)
            }
            // The plans are let go by ending the process rather than object by object: freeing a
            // large vault's plan took longer than writing its NEXT.md (a tenth of the run at
            // 10,000 notes).
            worst.end(keeping: results)
        }

        /// Prints one vault's problems and its line; returns its exit status.
        private func report(_ regeneration: Regeneration, noteCount: Int, _ terminal: Terminal) -> ExitStatus {
            let vault = regeneration.vault
            switch regeneration.result {
            case .failure(let error):
                terminal.fail("\(error)")
                return .unusable
            case .success(let report):
                terminal.detail("\(vault.path): \(noteCount) \(noteCount == 1 ? "file" : "files") read")
                terminal.report(report.plan.problems, in: vault.path)
                guard let outcome = report.write else {
                    Generate.writeToStandardOutput(report)
                    return ExitStatus.of(report.plan)
                }
                let next = Terminal.display(Vault.nextFileName, in: vault.path)
                let verdict =
                    outcome == .written ? terminal.out("written", .green) : terminal.out("unchanged", .dim)
                terminal.say("\(next): \(verdict), \(Generate.summary(report.plan))")
                if let calendar = report.calendar {
                    let file = Terminal.display(Vault.calendarFileName, in: vault.path)
                    let verdict =
                        calendar == .written ? terminal.out("written", .green) : terminal.out("unchanged", .dim)
                    terminal.say("\(file): \(verdict), \(report.plan.actions.count) events")
                }
                return ExitStatus.of(report.plan)
            }
        }

        /// NEXT.md as it is rendered, a piece at a time, after whatever was printed before it: never
        /// held whole, nor copied into a String, which would also check every byte again. A failed
        /// write (a closed pipe) ends it.
        private static func writeToStandardOutput(_ report: Regeneration.Report) {
            fflush(nil)
            var failed = false
            report.render { piece in
                guard !failed else { return }
                do throws(SystemError) { try FileBytes.write(piece, to: STDOUT_FILENO) } catch { failed = true }
            }
        }

        /// `3 vaults: 1 written, 1 unchanged, 1 with note errors, 0 failed`.
        private func summary(_ results: [Regeneration], _ terminal: Terminal) -> String {
            let statuses = results.map(\.status)
            func count(_ status: Regeneration.Status) -> Int { statuses.filter { $0 == status }.count }
            let failed = count(.failed)
            let errors = count(.noteErrors)
            return "\(results.count) \(results.count == 1 ? "vault" : "vaults"): \(count(.written)) written, "
                + "\(count(.unchanged)) unchanged, "
                + (errors > 0 ? terminal.out("\(errors) with note errors", .yellow) : "0 with note errors") + ", "
                + (failed > 0 ? terminal.out("\(failed) failed", .red) : "0 failed")
        }

        /// `4 actions (1 overdue), 1 note with errors`.
        static func summary(_ plan: Plan) -> String {
            let overdue = plan.actionCounts[.overdue] ?? 0
            let errors = plan.problems.count { $0.severity == .error }
            var parts = ["\(plan.actions.count) \(plan.actions.count == 1 ? "action" : "actions") (\(overdue) overdue)"]
            if errors > 0 { parts.append("\(errors) \(errors == 1 ? "note" : "notes") with errors") }
            return parts.joined(separator: ", ")
        }
    }
}
