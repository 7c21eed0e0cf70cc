import Foundation
import Testing

/// The plain git pre-commit hook, driven with the real git binary in temporary repositories.
@Suite("The git pre-commit hook")
struct GitHookTests {
    /// A vault in a subfolder, with spaces and non-ASCII letters in its names.
    static let vault = "job search/Zürich ünd Co"
    static let noteName = "Café Crème – onsite.md"

    @Test func installThenACommitCarriesNextMatchingTheStagedNotes() throws {
        let repo = try GitRepository()
        try repo.write("README.md", "notes\n")
        try repo.write("\(Self.vault)/\(Self.noteName)", note(company: "Café Crème"))
        let install = try repo.followup(["hook", "install", "--vault", Self.vault])
        #expect(install.status == 0, "\(install.stderr)")
        #expect(install.stdout.contains(".git/hooks/pre-commit: installed"))
        let hook = try repo.read(".git/hooks/pre-commit")
        #expect(hook.hasPrefix("#!/bin/sh\n# followup pre-commit hook."))
        #expect(hook.contains("vault='\(Self.vault)'"))
        #expect(hook.contains("followup='\(Followup.binary.resolvingSymlinksInPath().path)'"))

        // Commit from a folder deep inside the repository, not from its top.
        try repo.run(["add", "-A"])
        let commit = try repo.run(["commit", "-q", "-m", "First interview"], in: Self.vault)
        // git shows a hook's output on standard error.
        #expect(commit.stderr.contains("NEXT.md regenerated from the staged notes and added to the commit"))
        let committed = try repo.output(["show", "HEAD:\(Self.vault)/NEXT.md"])
        let expected = try repo.followup(["generate", "--stdout", Self.vault]).stdout
        #expect(committed == expected)
        #expect(committed.contains("Café Crème"))
        #expect(committed.contains("Send a thank-you note to Ada Lovelace"))
        #expect(try repo.read("\(Self.vault)/NEXT.md") == committed)
        // Nothing is left over: the working tree, the index and the commit agree.
        #expect(try repo.output(["status", "--porcelain"]) == "")
    }

    @Test func theHookPlansFromTheIndexNotTheWorkingTree() throws {
        let repo = try GitRepository()
        try repo.write("notes/acme.md", note(company: "Staged Co"))
        #expect(try repo.followup(["hook", "install", "--vault", "notes"]).status == 0)
        try repo.run(["add", "notes/acme.md"])
        // Changed after staging, and a new note never staged: neither is in the commit.
        try repo.write("notes/acme.md", note(company: "Unstaged Co"))
        try repo.write("notes/new.md", note(company: "Untracked Co"))
        try repo.run(["commit", "-q", "-m", "acme"])
        let committed = try repo.output(["show", "HEAD:notes/NEXT.md"])
        #expect(committed.contains("Staged Co"))
        #expect(!committed.contains("Unstaged Co"))
        #expect(!committed.contains("Untracked Co"))
        #expect(try repo.read("notes/acme.md").contains("Unstaged Co"), "the working tree's note is untouched")
    }

    @Test func aCommitWithAMalformedNoteIsBlockedAndNothingIsLost() throws {
        let repo = try GitRepository()
        try repo.write("\(Self.vault)/good.md", note(company: "Good Co"))
        #expect(try repo.followup(["hook", "install", "--vault", Self.vault]).status == 0)
        try repo.run(["add", "-A"])
        try repo.run(["commit", "-q", "-m", "good"])
        let head = try repo.output(["rev-parse", "HEAD"])
        let next = try repo.read("\(Self.vault)/NEXT.md")

        let broken = "---\ncompany: Broken Co\ndate: 2026-02-30\n---\n\nWe talked.\n"
        try repo.write("\(Self.vault)/\(Self.noteName)", broken)
        try repo.run(["add", "-A"])
        let commit = try repo.run(["commit", "-q", "-m", "broken"], allowFailure: true)
        #expect(commit.status != 0)
        #expect(commit.stderr.contains("\(Self.vault)/\(Self.noteName):3:7: `date: 2026-02-30` is not a real day"))
        #expect(commit.stderr.contains("the commit was stopped"))
        #expect(try repo.output(["rev-parse", "HEAD"]) == head, "no commit was made")
        #expect(try repo.read("\(Self.vault)/\(Self.noteName)") == broken, "the note is as it was")
        #expect(try repo.read("\(Self.vault)/NEXT.md") == next, "NEXT.md was not written")
        let staged = try repo.output(["diff", "--cached", "--name-only", "-z"]).split(separator: "\0")
        #expect(staged == ["\(Self.vault)/\(Self.noteName)"], "the note is still staged, NEXT.md is not")
        #expect(try repo.output(["show", ":\(Self.vault)/\(Self.noteName)"]) == broken)

        // Fixed and staged again, the commit goes through and carries the new NEXT.md.
        try repo.write("\(Self.vault)/\(Self.noteName)", note(company: "Fixed Co"))
        try repo.run(["add", "-A"])
        try repo.run(["commit", "-q", "-m", "fixed"])
        #expect(try repo.output(["show", "HEAD:\(Self.vault)/NEXT.md"]).contains("Fixed Co"))
    }

    @Test func anExistingHookIsKeptAndRunsFirst() throws {
        let repo = try GitRepository()
        let theirs = "#!/bin/sh\necho \"their hook ran\" >> \"$(git rev-parse --show-toplevel)/their-hook.log\"\n"
        try repo.write(".git/hooks/pre-commit", theirs)
        chmod(repo.url.appendingPathComponent(".git/hooks/pre-commit").path, 0o755)
        try repo.write("acme.md", note())

        let install = try repo.followup(["hook", "install"])
        #expect(install.status == 0)
        #expect(install.stdout.contains("now pre-commit.followup-chained and runs first"))
        #expect(try repo.read(".git/hooks/pre-commit.followup-chained") == theirs)
        // Installing again updates followup's hook and leaves theirs alone.
        let again = try repo.followup(["hook", "install"])
        #expect(again.stdout.contains("pre-commit: updated"))
        #expect(try repo.read(".git/hooks/pre-commit.followup-chained") == theirs)

        try repo.run(["add", "acme.md"])
        try repo.run(["commit", "-q", "-m", "acme"])
        #expect(try repo.read("their-hook.log") == "their hook ran\n")
        #expect(try repo.output(["show", "--name-only", "--format=", "HEAD"]) == "NEXT.md\nacme.md\n")

        // Their hook failing stops the commit before followup runs.
        try repo.write(".git/hooks/pre-commit.followup-chained", "#!/bin/sh\necho 'their hook says no' >&2\nexit 3\n")
        try repo.write("beta.md", note(company: "Beta"))
        try repo.run(["add", "beta.md"])
        let refused = try repo.run(["commit", "-q", "-m", "beta"], allowFailure: true)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("their hook says no"))
        #expect(!(try repo.read("NEXT.md")).contains("Beta"), "followup did not run after their hook failed")

        let uninstall = try repo.followup(["hook", "uninstall"])
        #expect(uninstall.status == 0)
        #expect(uninstall.stdout.contains("back in its place"))
        #expect(try repo.read(".git/hooks/pre-commit").contains("their hook says no"))
        #expect(!repo.exists(".git/hooks/pre-commit.followup-chained"))
    }

    @Test func uninstallRemovesOnlyFollowupsHook() throws {
        let repo = try GitRepository()
        #expect(try repo.followup(["hook", "install"]).status == 0)
        #expect(repo.exists(".git/hooks/pre-commit"))
        let removed = try repo.followup(["hook", "uninstall"])
        #expect(removed.status == 0)
        #expect(removed.stdout.contains("pre-commit: removed"))
        #expect(!repo.exists(".git/hooks/pre-commit"))
        #expect(try repo.followup(["hook", "uninstall"]).stdout.contains("not installed; nothing to do"))

        // A hook followup did not write is never removed.
        let theirs = "#!/bin/sh\nexit 0\n"
        try repo.write(".git/hooks/pre-commit", theirs)
        let refused = try repo.followup(["hook", "uninstall"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("is not followup's hook"))
        #expect(try repo.read(".git/hooks/pre-commit") == theirs)

        // Without a hook, commits no longer write NEXT.md.
        try FileManager.default.removeItem(at: repo.url.appendingPathComponent(".git/hooks/pre-commit"))
        try repo.write("acme.md", note())
        try repo.run(["add", "acme.md"])
        try repo.run(["commit", "-q", "-m", "acme"])
        #expect(!repo.exists("NEXT.md"))
    }

    @Test func theHookGoesWhereCoreHooksPathSays() throws {
        let repo = try GitRepository()
        try repo.run(["config", "core.hooksPath", "tools/git hooks"])
        try repo.write("notes/acme.md", note())
        let install = try repo.followup(["hook", "install", "--repo", "notes"])
        #expect(install.status == 0, "\(install.stderr)")
        #expect(repo.exists("tools/git hooks/pre-commit"))
        #expect(!repo.exists(".git/hooks/pre-commit"))
        try repo.run(["add", "notes/acme.md"])
        try repo.run(["commit", "-q", "-m", "acme"])
        #expect(try repo.output(["show", "--name-only", "--format=", "HEAD"]) == "notes/NEXT.md\nnotes/acme.md\n")
    }

    @Test func aCommitOfOnlySomePathsAndCommitAllCarryNextToo() throws {
        let repo = try GitRepository()
        try repo.write("acme.md", note())
        #expect(try repo.followup(["hook", "install"]).status == 0)
        try repo.run(["add", "acme.md"])
        try repo.run(["commit", "-q", "-m", "acme"])
        // `git commit -a`: git stages tracked changes into a temporary index the hook must use.
        try repo.write("acme.md", note(company: "Acme Two"))
        try repo.run(["commit", "-q", "-a", "-m", "all"])
        #expect(try repo.output(["show", "HEAD:NEXT.md"]).contains("Acme Two"))
        // `git commit PATH`: only that path, through yet another temporary index.
        try repo.write("acme.md", note(company: "Acme Three"))
        let only = try repo.run(["commit", "-q", "-m", "only", "acme.md"])
        #expect(try repo.output(["show", "HEAD:NEXT.md"]).contains("Acme Three"))
        // git keeps the hook's change out of the user's index then; the hook says how to bring it in.
        #expect(only.stderr.contains("`git add NEXT.md` after this commit"))
        try repo.run(["add", "NEXT.md"])
        #expect(try repo.output(["status", "--porcelain"]) == "")
    }

    @Test func aHandWrittenNextBlocksTheCommitInsteadOfBeingReplaced() throws {
        let repo = try GitRepository()
        try repo.write("NEXT.md", "# My own list\n")
        try repo.write("acme.md", note())
        #expect(try repo.followup(["hook", "install"]).status == 0)
        try repo.run(["add", "-A"])
        let commit = try repo.run(["commit", "-q", "-m", "acme"], allowFailure: true)
        #expect(commit.status != 0)
        #expect(commit.stderr.contains("not generated by followup"))
        #expect(try repo.read("NEXT.md") == "# My own list\n")
    }

    @Test func theHookFallsBackToFollowupOnPathWhenTheBinaryHasMoved() throws {
        let repo = try GitRepository()
        try repo.write("acme.md", note())
        #expect(try repo.followup(["hook", "install"]).status == 0)
        let hookPath = repo.url.appendingPathComponent(".git/hooks/pre-commit").path
        let hook = try repo.read(".git/hooks/pre-commit")
        let moved = hook.replacingOccurrences(
            of: Followup.binary.resolvingSymlinksInPath().path, with: "/nonexistent/followup")
        try Data(moved.utf8).write(to: URL(fileURLWithPath: hookPath))
        chmod(hookPath, 0o755)
        try repo.run(["add", "acme.md"])
        let sh = try #require(Programs.find("sh"))
        let withoutFollowup = Programs.environment(["PATH": "/usr/bin:/bin"])
        let refused = try Programs.run(sh, [hookPath], in: repo.url, environment: withoutFollowup)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("followup is neither at /nonexistent/followup nor on PATH"))
        let binFolder = Followup.binary.deletingLastPathComponent().path
        let withFollowup = Programs.environment(["PATH": "\(binFolder):/usr/bin:/bin"])
        let ran = try Programs.run(sh, [hookPath], in: repo.url, environment: withFollowup)
        #expect(ran.status == 0, "\(ran.stderr)")
        #expect(try repo.output(["show", ":NEXT.md"]).contains("Acme"))
    }

    @Test func installRefusesAVaultOutsideTheRepository() throws {
        let repo = try GitRepository()
        let elsewhere = try TemporaryFolder()
        let result = try repo.followup(["hook", "install", "--repo", ".", "--vault", elsewhere.url.path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is not inside the git repository"))
        #expect(!repo.exists(".git/hooks/pre-commit"))
        let notARepo = try Programs.run(Followup.binary.path, ["hook", "install"], in: elsewhere.url)
        #expect(notARepo.status == 2)
        #expect(notARepo.stderr.contains("not in a git repository"))
        // Without --repo, the repository is the vault's.
        try repo.write("deep/notes/acme.md", note())
        let fromOutside = try Programs.run(
            Followup.binary.path, ["hook", "install", "--vault", repo.url.appendingPathComponent("deep/notes").path],
            in: elsewhere.url)
        #expect(fromOutside.status == 0, "\(fromOutside.stderr)")
        #expect(try repo.read(".git/hooks/pre-commit").contains("vault='deep/notes'"))
    }
}
