import FollowupCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A vault's NEXT.md next to what `generate` would write now: whether it is up to date.
public struct Freshness: Sendable {
    public let vault: Vault
    public let plan: Plan
    /// What `generate` would write.
    public let expected: String
    /// NEXT.md as it is on disk, or `nil` when there is none.
    public let current: [UInt8]?

    /// NEXT.md holds exactly what `generate` would write.
    public var isUpToDate: Bool { current == Array(expected.utf8) }

    /// The change `generate` would make, as `diff -u` prints it, with `label` naming NEXT.md
    /// (a missing NEXT.md is compared as an empty file); empty when it is up to date.
    ///
    /// This runs the system's `diff`, the tool whose output people and `patch` read, rather than
    /// a diff of our own.
    public func diff(label: String) throws(ProgramError) -> String {
        if isUpToDate { return "" }
        guard let diff = Program(named: "diff") else {
            throw ProgramError(program: "diff", reason: "not found on PATH (Debian: apt-get install diffutils)")
        }
        let old = current == nil ? "/dev/null" : vault.join(Vault.nextFileName)
        let output = try diff.run(
            ["-u", "--text", "--label", label, "--label", label + " (regenerated)", old, "-"],
            input: Array(expected.utf8))
        // diff exits 1 when the files differ, 2 when it is in trouble.
        guard output.status <= 1 else { throw ProgramError(program: diff.path, reason: output.message) }
        return String(decoding: output.stdout, as: UTF8.self)
    }
}

extension Vault {
    /// Plans as of `today` and reads NEXT.md, without writing anything.
    public func freshness(today: Day) throws(VaultError) -> Freshness {
        let plan = try plan(today: today)
        let target = join(Vault.nextFileName)
        let current: [UInt8]?
        switch FileBytes.read(target) {
        case .success(let bytes): current = bytes
        case .failure(let error) where error.code == ENOENT: current = nil
        case .failure(let error): throw .cannotRead(path: target, reason: error.description)
        }
        let templates: DraftTemplates
        do {
            templates = try draftTemplates()
        } catch {
            throw .badTemplate(error)
        }
        return Freshness(
            vault: self, plan: plan, expected: NextMarkdown.render(plan, templates: templates), current: current)
    }
}
