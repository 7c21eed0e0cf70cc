import ArgumentParser
import FollowupCore
import Vault

extension Followup {
    /// `followup draft`: prints a message ready to send for each matching open action.
    struct Draft: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "draft",
            abstract:
                "Print a draft for each open thank-you, follow-up, offer reply, feedback request and deliverable.",
            discussion: """
                Drafts come from the built-in templates, or from the vault's own in \
                .followup/templates/ (see `followup templates`). Tasks and the advice to move on \
                have no draft.
                """)

        @Argument(help: "The vault folder (default: the current folder).")
        var vault = "."

        @OptionGroup var options: PlanOptions

        @OptionGroup var output: OutputOptions

        @Option(help: "Only actions for companies whose name contains this (any case).")
        var company: String?

        @Option(name: .customLong("to"), help: "Only actions to people whose name contains this (any case).")
        var recipient: String?

        @Option(
            help: ArgumentHelp(
                "Only actions of this kind: \(Self.kinds.map(\.rawValue).joined(separator: ", ")).",
                valueName: "kind"))
        var kind: String?

        @Flag(help: "Print JSON: [{kind, company, role, to, email, due, attempt, note, line, subject, body}].")
        var json = false

        static let kinds: [Action.Kind] = [.thankYou, .deliverable, .followUp, .replyOffer, .askFeedback]

        func validate() throws {
            if let kind, !Self.kinds.contains(where: { $0.rawValue == kind }) {
                let why =
                    Action.Kind(rawValue: kind) != nil ? "\(kind) actions have no draft" : "unknown kind `\(kind)`"
                throw ValidationError(
                    "\(why); --kind is one of \(Self.kinds.map(\.rawValue).joined(separator: ", "))")
            }
        }

        func run() throws {
            let store = Vault(path: vault)
            let terminal = Terminal(output)
            let (plan, templates) = try terminal.orStop {
                (try store.plan(today: options.day, jobs: options.jobs), try store.draftTemplates())
            }
            let drafts = Drafter.drafts(for: plan, templates: templates).filter(matches)
            if json {
                print(DraftJSON.render(drafts), terminator: "")
            } else if drafts.isEmpty {
                print("No drafts: no open action matches.")
            } else {
                print(DraftText.render(drafts, today: plan.today), terminator: "")
            }
            terminal.report(plan.problems, in: vault)
            let status = ExitStatus.of(plan)
            if status != .fine { throw status.code }
        }

        private func matches(_ draft: FollowupCore.Draft) -> Bool {
            let action = draft.action
            if let kind, action.kind.rawValue != kind { return false }
            if let company, !action.company.lowercased().contains(company.lowercased()) { return false }
            if let recipient {
                guard let to = action.to, to.lowercased().contains(recipient.lowercased()) else { return false }
            }
            return true
        }
    }
}
