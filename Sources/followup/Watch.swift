import ArgumentParser
import FollowupCore
import Foundation
import Vault

extension Followup {
    /// `followup watch`: regenerates NEXT.md whenever a note is saved.
    struct Watch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "watch",
            abstract: "Regenerate NEXT.md within a second of a note being saved, until Ctrl-C.",
            discussion: """
                Writes NEXT.md once at the start, then again after every save (editors that save by \
                writing a temporary file and renaming it included), and prints one line each time. \
                Uses Linux inotify: it sleeps until a file changes. Ctrl-C (SIGINT) or SIGTERM stops it \
                with exit code 0.
                """)

        @Argument(help: "The vault folder (default: the current folder).", completion: .directory)
        var vault = "."

        @OptionGroup var options: PlanOptions

        @Flag(help: "Replace a NEXT.md even if followup did not generate it.")
        var force = false

        @OptionGroup var output: OutputOptions

        func run() throws {
            let terminal = Terminal(output)
            let vault = Vault(path: vault)
            let watcher: VaultWatcher
            do {
                watcher = try VaultWatcher(vault: vault)
            } catch {
                terminal.fail("\(error)")
                throw ExitStatus.unusable.code
            }
            regenerate(vault, after: [], terminal)
            let folders = watcher.folderCount
            terminal.say(
                "watching \(vault.path) (\(folders) \(folders == 1 ? "folder" : "folders")); press Ctrl-C to stop")
            flush()
            let stop: VaultWatcher.Stop
            do {
                stop = try watcher.run { change in regenerate(vault, after: change.paths, terminal) }
            } catch {
                terminal.fail("\(error)")
                throw ExitStatus.unusable.code
            }
            switch stop {
            case .interrupted:
                terminal.say("stopped")
                flush()
            case .vaultGone:
                terminal.fail("\(vault.path): the vault was deleted or moved; stopped watching")
                throw ExitStatus.unusable.code
            }
        }

        /// Regenerates and prints one line: `14:02:31 NEXT.md: written, 3 actions (1 overdue) (after acme.md)`.
        private func regenerate(_ vault: Vault, after paths: [String], _ terminal: Terminal) {
            let regeneration = vault.regenerate(today: options.day, force: force)
            let time = Watch.clockTime()
            switch regeneration.result {
            case .failure(let error):
                terminal.fail("\(time) \(error)")
            case .success(let report):
                terminal.report(report.plan.problems, in: vault.path)
                let next = Terminal.display(Vault.nextFileName, in: vault.path)
                let verdict =
                    report.write == .written ? terminal.out("written", .green) : terminal.out("unchanged", .dim)
                let named = paths.filter { !$0.isEmpty }
                var cause = ""
                if !named.isEmpty {
                    cause = " (after \(named[0])" + (named.count > 1 ? " and \(named.count - 1) more)" : ")")
                }
                terminal.say("\(time) \(next): \(verdict), \(Generate.summary(report.plan))\(cause)")
                if named.count > 1 { terminal.detail("changed: " + named.joined(separator: ", ")) }
            }
            flush()
        }

        /// Each line reaches a pipe (a log, a test) when it is printed, not when a buffer fills.
        private func flush() {
            fflush(nil)
        }

        /// The local time of day, `HH:MM:SS`.
        static func clockTime() -> String {
            let parts = Calendar.current.dateComponents([.hour, .minute, .second], from: Date())
            func two(_ number: Int?) -> String { number.map { $0 < 10 ? "0\($0)" : "\($0)" } ?? "00" }
            return "\(two(parts.hour)):\(two(parts.minute)):\(two(parts.second))"
        }
    }
}
