import FollowupCore

/// What regenerating one vault's NEXT.md came to.
public struct Regeneration: Sendable {
    public let vault: Vault
    /// The plan, what it renders to, and whether NEXT.md was written; or why the vault could not
    /// be planned or written.
    public let result: Result<Report, VaultError>

    public struct Report: Sendable {
        public let plan: Plan
        /// The vault's draft templates, which NEXT.md's mail links are written from.
        public let templates: DraftTemplates
        /// `nil` when NEXT.md was not written (see ``render(emit:)``).
        public let write: Vault.WriteOutcome?
        /// What happened to NEXT.ics, when it was asked for.
        public let calendar: Vault.WriteOutcome?

        /// Renders the vault's NEXT.md a piece at a time, as ``NextMarkdown/render(_:templates:emit:)``
        /// does: what `generate --stdout` prints, never held whole (at 100,000 notes it is 48 MB).
        public func render(emit: (UnsafeRawBufferPointer) -> Void) {
            NextMarkdown.render(plan, templates: templates, emit: emit)
        }
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
    /// Plans as of `today` and writes NEXT.md (unless `write` is false: then the report renders
    /// it when asked), and NEXT.ics beside it
    /// when `calendar` is set, as `generate` does for one vault. Mail links are drafted with the
    /// vault's own templates; a broken template stops the vault before anything is written.
    public func regenerate(
        today: Day, force: Bool = false, write: Bool = true, calendar: Bool = false, jobs: Int? = nil
    ) -> Regeneration {
        let result: Result<Regeneration.Report, VaultError>
        do throws(VaultError) {
            let plan = try plan(today: today, jobs: jobs)
            let templates: DraftTemplates
            do {
                templates = try draftTemplates()
            } catch {
                throw VaultError.badTemplate(error)
            }
            let outcome =
                write
                ? try writeNext(force: force) { emit in NextMarkdown.render(plan, templates: templates, emit: emit) }
                : nil
            let calendarOutcome = write && calendar ? try writeCalendar(ICalendar.render(plan), force: force) : nil
            result = .success(
                Regeneration.Report(plan: plan, templates: templates, write: outcome, calendar: calendarOutcome))
        } catch {
            result = .failure(error)
        }
        return Regeneration(vault: self, result: result)
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
        }.sorted { Text.bytewiseLess($0.path, $1.path) }
    }
}
