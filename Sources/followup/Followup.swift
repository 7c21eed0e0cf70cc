import ArgumentParser
import CArena
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
        // Large blocks (lists of every note or action, NEXT.md's buffer) are given back to the system
        // when freed (followup_map_large_blocks). With glibc's sliding defaults they stayed in
        // the heap once a larger one had been freed: at 100,000 notes the peak was 124.4-126.7 MB,
        // close to the 128 MB the benchmark allows; with these, 122.5-123.3 MB, and no slower.
        // (Mapping every block from 128 KB, glibc's starting point, cost 8% more page faults at
        // 10,000 notes: blocks of that size come and go.)
        followup_map_large_blocks()
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
