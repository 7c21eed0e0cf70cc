import ArgumentParser
import Foundation

/// `followup`: reads a folder of interview notes and says what to send, to whom, and when.
@main
struct Followup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "followup",
        abstract: "Turn a folder of interview notes into NEXT.md: what to send, to whom, and when.",
        discussion: """
            Exit codes: 0 all fine; 1 some notes have problems (the others are still planned); \
            2 usage errors, or nothing could be written.
            """,
        version: "0.1.0",
        subcommands: [
            Generate.self, Check.self, List.self, Lint.self, Watch.self, Hook.self, Draft.self, Ics.self,
            Templates.self,
        ],
        defaultSubcommand: Generate.self
    )

    /// Runs the command, with argument errors exiting 2 as the README promises (argument-parser's
    /// own default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                Terminal.error(fullMessage(for: error))
                Foundation.exit(ExitStatus.unusable.code.rawValue)
            }
            exit(withError: error)
        }
    }
}
