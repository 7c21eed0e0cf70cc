import FollowupCore
import Foundation
import Vault

/// What the pre-commit hook does: NEXT.md is planned from the staged notes, written, and staged,
/// so the commit carries a NEXT.md that matches the notes it carries. A note with an error blocks
/// the commit before anything is written.
public enum PreCommit {
    public enum Outcome: Sendable {
        /// Some staged note has an error: nothing was written or staged.
        case blocked(Plan)
        /// NEXT.md was written and staged.
        case staged(Plan)
        /// The staged NEXT.md already matched the staged notes.
        case unchanged(Plan)
        /// The vault's folder is not in this working tree (a hooks folder shared by repositories
        /// through `core.hooksPath`): there is nothing to do.
        case noVault
    }

    public static func run(_ vault: StagedVault, today: Day) throws(HookError) -> Outcome {
        let workingTree = vault.workingTree
        guard (try? workingTree.requireFolder()) != nil else { return .noVault }
        let plan: Plan
        do {
            plan = try vault.plan(today: today)
        } catch {
            throw .git(error)
        }
        if plan.hasErrors { return .blocked(plan) }
        // Mail links use the vault's own templates, as `generate` does (read from the working
        // tree: templates are settings, not notes).
        let templates: DraftTemplates
        do {
            templates = try workingTree.draftTemplates()
        } catch {
            throw .vault(.badTemplate(error))
        }
        let markdown = NextMarkdown.render(plan, templates: templates)
        do {
            try workingTree.writeNext(markdown)
        } catch {
            throw .vault(error)
        }
        do {
            if try vault.stagedNext() == Array(markdown.utf8) { return .unchanged(plan) }
            try vault.repository.stage(vault.pathFromTop(Vault.nextFileName))
        } catch {
            throw .git(error)
        }
        return .staged(plan)
    }

    /// Whether this is `git commit PATH…`: git then commits from a temporary index, and the NEXT.md
    /// staged there reaches the commit but not the index the user sees afterwards.
    public static var isCommitOfSomePaths: Bool {
        let index = ProcessInfo.processInfo.environment["GIT_INDEX_FILE"] ?? ""
        return index.split(separator: "/").last?.hasPrefix("next-index") == true
    }
}
