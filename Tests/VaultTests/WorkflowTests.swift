import FollowupCore
import Foundation
import Testing

@testable import Vault

#if os(Linux)
    import Glibc
#endif

@Suite("Vault workflows: batch, check, watch")
final class WorkflowTests {
    let scratch: ScratchFolder
    var folder: URL { scratch.url }

    init() throws { scratch = try ScratchFolder("workflow") }

    private let note = "---\ncompany: Acme\ndate: 2026-11-18\ninterviewers: [Ada]\n---\n"
    private let today = Day(iso: "2026-11-21")!

    @Test func notePathsAreChosenAsOnDisk() {
        #expect(Vault.isNotePath("acme.md"))
        #expect(Vault.isNotePath("2026/nov/Acme.MD"))
        #expect(Vault.isNotePath("sub/NEXT.md"))
        #expect(!Vault.isNotePath("NEXT.md"))
        #expect(!Vault.isNotePath(".obsidian/a.md"))
        #expect(!Vault.isNotePath("sub/.hidden.md"))
        #expect(!Vault.isNotePath("notes.txt"))
        #expect(!Vault.isNotePath("a//b.md"))
    }

    @Test func inParallelKeepsTheVaultsOrder() {
        let vaults = (0..<50).map { Vault(path: "v\($0)") }
        let results = vaults.concurrentMap { vault -> String in
            // Later vaults finish first.
            usleep(UInt32(50 - Int(vault.path.dropFirst())!) * 200)
            return vault.path
        }
        #expect(results == vaults.map(\.path))
    }

    @Test func generatedVaultsAreThoseWithFollowupsNext() throws {
        try scratch.write("a/NEXT.md", NextMarkdown.header + "\n")
        try scratch.write("b/c/NEXT.md", "\u{FEFF}" + NextMarkdown.header + "\n")
        try scratch.write("d/NEXT.md", "# mine\n")
        try scratch.write(".e/NEXT.md", NextMarkdown.header + "\n")
        let found = try Vault.generatedVaults(under: folder.path).map(\.path)
        #expect(found == [folder.path + "/a", folder.path + "/b/c"])
        #expect(throws: VaultError.self) { try Vault.generatedVaults(under: folder.path + "/missing") }
    }

    @Test func freshnessComparesBytesAndDiffsWithTheSystemDiff() throws {
        try scratch.write("acme.md", note)
        let vault = Vault(path: folder.path)
        let missing = try vault.freshness(today: today)
        #expect(missing.current == nil)
        #expect(!missing.isUpToDate)
        #expect(try missing.diff(label: "NEXT.md").hasPrefix("--- NEXT.md\n+++ NEXT.md (regenerated)\n@@ -0,0 +1,"))
        try vault.writeNext(missing.expected)
        let fresh = try vault.freshness(today: today)
        #expect(fresh.isUpToDate)
        #expect(try fresh.diff(label: "NEXT.md") == "")
    }

    @Test func regenerationStatusIsTheWorstThatHappened() throws {
        try scratch.write("ok/acme.md", note)
        try scratch.write("bad/acme.md", "---\ncompany: X\ndate: 2026-02-30\n---\n")
        let ok = Vault(path: folder.path + "/ok")
        #expect(ok.regenerate(today: today).status == .written)
        #expect(ok.regenerate(today: today).status == .unchanged)
        #expect(Vault(path: folder.path + "/bad").regenerate(today: today).status == .noteErrors)
        #expect(Vault(path: folder.path + "/none").regenerate(today: today).status == .failed)
        #expect(Regeneration.Status.failed > .noteErrors)
    }

    #if os(Linux)
        @Test func watchEventsThatMatterAreSavedNotesAndFolders() {
            typealias W = VaultWatcher
            let closeWrite = UInt32(IN_CLOSE_WRITE)
            #expect(W.meaning(of: closeWrite, name: "acme.md", in: "") == .note("acme.md"))
            #expect(W.meaning(of: UInt32(IN_MOVED_TO), name: "acme.md", in: "2026") == .note("2026/acme.md"))
            #expect(W.meaning(of: UInt32(IN_DELETE), name: "acme.md", in: "") == .note("acme.md"))
            #expect(W.meaning(of: UInt32(IN_MOVED_FROM), name: "acme.md", in: "") == .note("acme.md"))
            // Not yet saved: the write that follows will say so.
            #expect(W.meaning(of: UInt32(IN_CREATE), name: "acme.md", in: "") == .none)
            // NEXT.md, its temporary files and editors' hidden files never count.
            #expect(W.meaning(of: UInt32(IN_MOVED_TO), name: "NEXT.md", in: "") == .none)
            #expect(W.meaning(of: closeWrite, name: ".NEXT.md.123.0.tmp", in: "") == .none)
            #expect(W.meaning(of: closeWrite, name: ".acme.md.swp", in: "") == .none)
            #expect(W.meaning(of: closeWrite, name: "todo.txt", in: "") == .none)
            // A NEXT.md in a subfolder is an ordinary file of the vault.
            #expect(W.meaning(of: closeWrite, name: "NEXT.md", in: "sub") == .note("sub/NEXT.md"))
            let folderCreated = UInt32(IN_CREATE) | UInt32(IN_ISDIR)
            #expect(W.meaning(of: folderCreated, name: "2027", in: "") == .folder("2027"))
            #expect(W.meaning(of: folderCreated, name: ".git", in: "") == .none)
        }
    #endif
}
