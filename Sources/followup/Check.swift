import ArgumentParser
import FollowupCore
import Vault

extension Followup {
    /// `followup check`: says whether each NEXT.md is what `generate` would write now.
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check that NEXT.md is exactly what generate would write now; write nothing.",
            discussion: """
                Exits 0 when every NEXT.md is up to date; 1 when one is stale or missing (the change \
                generate would make is printed as a unified diff on standard output) or when notes have \
                errors (printed as path:line:column: message on standard error); 2 on usage errors or \
                when a vault can't be read.
                """)

        @Argument(help: "Vault folders (default: the current folder).", completion: .directory)
        var vaults: [String] = []

        @OptionGroup var options: PlanOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let terminal = Terminal(output)
            let today = options.day
            let results = (vaults.isEmpty ? ["."] : vaults).map(Vault.init(path:)).concurrentMap { vault in
                Result { () throws(VaultError) -> Freshness in try vault.freshness(today: today) }
            }
            var worst = ExitStatus.fine
            for result in results {
                worst = max(worst, report(result, terminal))
            }
            if worst != .fine { throw worst.code }
        }

        private func report(_ result: Result<Freshness, VaultError>, _ terminal: Terminal) -> ExitStatus {
            let freshness: Freshness
            switch result {
            case .failure(let error):
                terminal.fail("\(error)")
                return .unusable
            case .success(let value):
                freshness = value
            }
            let vault = freshness.vault.path
            terminal.report(freshness.plan.problems, in: vault)
            var status = ExitStatus.of(freshness.plan)
            let next = Terminal.display(Vault.nextFileName, in: vault)
            if freshness.isUpToDate {
                terminal.detail("\(next): up to date")
                return status
            }
            status = max(status, .notesHaveProblems)
            let why = freshness.current == nil ? "missing" : "out of date"
            let command = vault == "." ? "followup generate" : "followup generate \(Check.shellWord(vault))"
            Terminal.error(terminal.err("\(next): \(why);", .yellow) + " `\(command)` writes it")
            guard terminal.level != .quiet else { return status }
            do {
                let diff = try freshness.diff(label: next)
                print(terminal.colourOut ? colour(diff, terminal) : diff, terminator: "")
            } catch {
                terminal.fail("can't show the difference: \(error)")
            }
            return status
        }

        private func colour(_ diff: String, _ terminal: Terminal) -> String {
            diff.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                let text = String(line)
                if text.hasPrefix("+++") || text.hasPrefix("---") { return terminal.out(text, .bold) }
                if text.hasPrefix("@@") { return terminal.out(text, .cyan) }
                if text.hasPrefix("+") { return terminal.out(text, .green) }
                if text.hasPrefix("-") { return terminal.out(text, .red) }
                return text
            }.joined(separator: "\n")
        }

        /// A path as one shell word, quoted only when it must be.
        static func shellWord(_ text: String) -> String {
            let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "-_./~+,:@".contains($0) }
            return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
    }
}
