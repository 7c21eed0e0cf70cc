import ArgumentParser
import FollowupCore
import Foundation
import Git
import Vault

extension Followup {
    /// `followup hook`: the git pre-commit hook that makes every commit carry a matching NEXT.md.
    struct Hook: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "hook",
            abstract: "Install or remove the git pre-commit hook that keeps NEXT.md in every commit.",
            subcommands: [Install.self, Uninstall.self, Run.self])

        /// The folders the hook commands share.
        struct Location: ParsableArguments {
            @Option(
                help: "Any folder of the git repository (default: the vault's folder, else the current folder).",
                completion: .directory)
            var repo: String?
        }

        static func repository(_ location: Location, _ terminal: Terminal) throws -> Repository {
            do {
                return try Repository(containing: location.repo ?? ".")
            } catch {
                terminal.fail("\(error)")
                throw ExitStatus.unusable.code
            }
        }

        static func hook(in repository: Repository, _ terminal: Terminal) throws -> PreCommitHook {
            do {
                return try PreCommitHook(repository: repository)
            } catch {
                terminal.fail("\(error)")
                throw ExitStatus.unusable.code
            }
        }
    }
}

extension Followup.Hook {
    /// `followup hook install`.
    struct Install: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "install",
            abstract: "Write the repository's pre-commit hook.",
            discussion: """
                The hook goes where git looks for hooks (.git/hooks, or core.hooksPath). Before each \
                commit it plans NEXT.md from the staged notes, writes it and stages it; a staged note with \
                an error blocks the commit. An existing pre-commit hook is kept as \
                pre-commit.followup-chained and runs first. Installing again updates followup's hook.
                """)

        @OptionGroup var location: Followup.Hook.Location

        @Option(help: "The vault folder, inside the repository (default: the --repo folder).", completion: .directory)
        var vault: String?

        @OptionGroup var output: OutputOptions

        func run() throws {
            let terminal = Terminal(output)
            var location = location
            location.repo = location.repo ?? vault
            let repository = try Followup.Hook.repository(location, terminal)
            let vaultFolder = vault ?? location.repo ?? "."
            guard let relative = repository.relativePath(of: vaultFolder) else {
                let error = HookError.vaultOutsideRepository(vaultFolder, top: repository.top)
                terminal.fail("\(error)")
                throw ExitStatus.unusable.code
            }
            let hook = try Followup.Hook.hook(in: repository, terminal)
            let binary = Install.executablePath()
            let installation: PreCommitHook.Installation
            do {
                installation = try hook.install(vault: relative, binary: binary)
            } catch {
                terminal.fail("\(error)")
                throw ExitStatus.unusable.code
            }
            let shown = relative.isEmpty ? "the top of the repository" : relative
            switch installation {
            case .installed:
                terminal.say("\(hook.path): installed; each commit now carries NEXT.md for \(shown)")
            case .updated:
                terminal.say("\(hook.path): updated; each commit now carries NEXT.md for \(shown)")
            case .chained:
                terminal.say(
                    "\(hook.path): installed; the pre-commit hook that was there is now \(PreCommitHook.chainedName) and runs first"
                )
            }
            terminal.detail("the hook runs \(binary) (or followup on PATH if that is gone)")
            if let git = try? repository.gitFolder(), !hook.folder.hasPrefix(repository.top + "/"),
                !hook.folder.hasPrefix(git + "/")
            {
                terminal.say(
                    "note: \(hook.folder) is outside this repository (core.hooksPath): other repositories that use it run this hook too, and it does nothing where there is no \(shown) folder"
                )
            }
        }

        /// This binary's absolute path, so the hook runs the same followup whatever PATH a commit has.
        static func executablePath() -> String {
            if let resolved = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
                return resolved
            }
            let argument = CommandLine.arguments[0]
            if argument.hasPrefix("/") { return argument }
            return Program(named: argument).map { URL(fileURLWithPath: $0.path).standardizedFileURL.path } ?? argument
        }
    }

    /// `followup hook uninstall`.
    struct Uninstall: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "uninstall",
            abstract: "Remove followup's pre-commit hook and put back the hook it chained to.",
            discussion: "A pre-commit hook that followup did not install is left alone.")

        @OptionGroup var location: Followup.Hook.Location
        @OptionGroup var output: OutputOptions

        func run() throws {
            let terminal = Terminal(output)
            let repository = try Followup.Hook.repository(location, terminal)
            let hook = try Followup.Hook.hook(in: repository, terminal)
            do {
                switch try hook.uninstall() {
                case .removed:
                    terminal.say("\(hook.path): removed")
                case .removedAndRestored:
                    terminal.say("\(hook.path): removed; the pre-commit hook it ran first is back in its place")
                case .notInstalled:
                    terminal.say("\(hook.path): followup's hook is not installed; nothing to do")
                }
            } catch {
                terminal.fail("\(error)")
                throw ExitStatus.notesHaveProblems.code
            }
        }
    }

    /// `followup hook run`: what the installed hook runs.
    struct Run: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "run",
            abstract: "What the pre-commit hook runs: write NEXT.md from the staged notes and stage it.",
            discussion: """
                Reads the notes from git's index, not the working tree, so NEXT.md matches what is being \
                committed. Exits 1, having written and staged nothing, when a staged note has an error.
                """)

        @Option(help: "The vault folder, relative to the top of the repository (default: the top).")
        var vault = "."

        @OptionGroup var options: PlanOptions
        @OptionGroup var output: OutputOptions

        func run() throws {
            let terminal = Terminal(output)
            let repository: Repository
            do {
                repository = try Repository(containing: ".")
            } catch {
                terminal.fail("\(error)")
                throw ExitStatus.notesHaveProblems.code
            }
            let staged = StagedVault(repository: repository, folder: vault)
            let shown = Terminal.display(Vault.nextFileName, in: staged.folder)
            let outcome: PreCommit.Outcome
            do {
                outcome = try PreCommit.run(staged, today: options.day)
            } catch {
                terminal.fail("\(error)")
                terminal.fail("the commit was stopped; nothing was written or staged")
                throw ExitStatus.notesHaveProblems.code
            }
            switch outcome {
            case .noVault:
                terminal.detail("no folder \(staged.folder) in \(repository.top); nothing to do")
            case .blocked(let plan):
                terminal.report(plan.problems, in: staged.folder)
                let errors = plan.problems.filter { $0.severity == .error }.count
                terminal.fail(
                    "the commit was stopped: \(errors) \(errors == 1 ? "error" : "errors") in the staged notes; fix the notes, `git add` them and commit again (nothing was written or staged)"
                )
                throw ExitStatus.notesHaveProblems.code
            case .staged(let plan):
                terminal.report(plan.problems, in: staged.folder)
                terminal.say("followup: \(shown) regenerated from the staged notes and added to the commit")
                if PreCommit.isCommitOfSomePaths {
                    terminal.say(
                        "followup: committing only some paths, git leaves the new \(shown) out of your index; `git add \(Followup.Check.shellWord(shown))` after this commit"
                    )
                }
            case .unchanged(let plan):
                terminal.report(plan.problems, in: staged.folder)
                terminal.detail("followup: \(shown) already matches the staged notes")
            }
        }
    }
}
