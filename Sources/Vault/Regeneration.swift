import Dispatch
import FollowupCore
import Synchronization

/// What regenerating one vault's NEXT.md came to.
public struct Regeneration: Sendable {
    public let vault: Vault
    /// The plan, what it renders to, and whether NEXT.md was written; or why the vault could not
    /// be planned or written.
    public let result: Result<Report, VaultError>

    public struct Report: Sendable {
        public let plan: Plan
        public let markdown: String
        /// `nil` when NEXT.md was only rendered, not written.
        public let write: Vault.WriteOutcome?
    }

    /// How a vault fared, worst last.
    public enum Status: Int, Comparable, Sendable {
        case unchanged, written, noteErrors, failed

        public static func < (lhs: Status, rhs: Status) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public var status: Status {
        switch result {
        case .failure: .failed
        case .success(let report) where report.plan.hasErrors: .noteErrors
        case .success(let report): report.write == .unchanged ? .unchanged : .written
        }
    }
}

extension Vault {
    /// Plans as of `today` and writes NEXT.md (unless `write` is false), as `generate` does for one vault.
    public func regenerate(today: Day, force: Bool = false, write: Bool = true) -> Regeneration {
        let result: Result<Regeneration.Report, VaultError>
        do {
            let plan = try plan(today: today)
            let markdown = NextMarkdown.render(plan)
            let outcome = write ? try writeNext(markdown, force: force) : nil
            result = .success(Regeneration.Report(plan: plan, markdown: markdown, write: outcome))
        } catch {
            result = .failure(error)
        }
        return Regeneration(vault: self, result: result)
    }

    /// Runs `work` on every vault at once, on all cores, and returns the results in the vaults'
    /// order, so what is printed from them does not depend on which finished first. One vault's
    /// failure is its own result and never stops the others.
    public static func inParallel<Result: Sendable>(
        _ vaults: [Vault], _ work: @Sendable (Vault) -> Result
    ) -> [Result] {
        let results = Mutex<[Result?]>(Array(repeating: nil, count: vaults.count))
        DispatchQueue.concurrentPerform(iterations: vaults.count) { index in
            let result = work(vaults[index])
            results.withLock { $0[index] = result }
        }
        return results.withLock { $0.map { $0! } }
    }

    /// The vaults under `root` (itself included), at any depth outside hidden folders, whose
    /// NEXT.md followup generated: the ones `generate --recursive` regenerates. Sorted by path.
    public static func generatedVaults(under root: String) throws(VaultError) -> [Vault] {
        let top = Vault(path: root)
        try top.requireFolder()
        return top.folders().compactMap { folder -> Vault? in
            let vault = Vault(path: folder.isEmpty ? root : root == "." ? folder : top.join(folder))
            guard case .success(let bytes) = FileBytes.read(vault.join(Vault.nextFileName)) else { return nil }
            return NextMarkdown.isGenerated(bytes) ? vault : nil
        }.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    }
}
