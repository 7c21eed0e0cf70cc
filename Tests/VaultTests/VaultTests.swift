import FollowupCore
import Foundation
import Testing

@testable import Vault

@Suite("Vault on disk")
final class VaultTests {
    let scratch: ScratchFolder
    var folder: URL { scratch.url }

    init() throws { scratch = try ScratchFolder("vault") }

    private var vault: Vault { Vault(path: folder.path) }
    private let note = "---\ncompany: Acme\ndate: 2026-11-18\ninterviewers: [Ada]\n---\n"

    @Test func findsMarkdownAtAnyDepthAndSkipsHiddenAndNext() throws {
        try scratch.write("a.md", note)
        try scratch.write("2026/nov/b.MD", note)
        try scratch.write("sub/NEXT.md", note)  // only the vault's own NEXT.md is skipped
        try scratch.write("NEXT.md", "x")
        try scratch.write(".obsidian/c.md", note)
        try scratch.write("sub/.hidden.md", note)
        try scratch.write("notes.txt", note)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("folder.md"), withIntermediateDirectories: true)
        #expect(vault.noteFiles().files == ["2026/nov/b.MD", "a.md", "sub/NEXT.md"])
        #expect(vault.noteFiles().problems.isEmpty)
    }

    @Test func symlinkLoopEndsAndLinkedFilesAreRead() throws {
        try scratch.write("real/a.md", note)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("real/loop").path, withDestinationPath: "..")
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("link.md").path, withDestinationPath: "real/a.md")
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("broken.md").path, withDestinationPath: "nowhere.md")
        let (files, problems) = vault.noteFiles()
        #expect(files == ["link.md", "real/a.md"])
        #expect(problems.map(\.note) == ["broken.md"])
    }

    /// Notes are read while the folders are still listed, on any number of threads; the plan must
    /// be the one made by listing every folder first and reading the notes in order of path. The
    /// vault has the shapes that order could trip on: a note beside a folder of its name's prefix
    /// (`a.md` sorts before `a/…`, which the walk finds first), deep and wide folders, an empty one,
    /// a link to a folder, a broken link (a problem of the walk), an unreadable note, and more
    /// notes than a thread takes at a time.
    @Test func notesReadWhileListedPlanAsNotesReadInOrder() throws {
        for index in 0..<40 {
            let interviewer = ["Ada Lovelace", "Grace Hopper", "Alan Turing"][index % 3]
            try scratch.write(
                "w/\(index % 7)/n\(index).md",
                "---\ncompany: Co\(index % 5)\nrole: R\ndate: 2026-11-\(10 + index % 9)\n"
                    + "interviewers: [\(interviewer)]\n---\n\n## Next steps\n\n- [ ] Send the deck \(index) tomorrow\n")
        }
        try scratch.write("a/b.md", note)
        try scratch.write("a.md", note + "\n- [ ] Send the slides by Friday\n")
        try scratch.write("a/c/d/e.md", note)
        try scratch.write("broken-front-matter.md", "---\ncompany: [\n---\n")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("linked").path, withDestinationPath: "a/c")
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("broken.md").path, withDestinationPath: "nowhere.md")
        let (files, walkProblems) = vault.noteFiles()
        #expect(files.count == 44, "the linked folder is entered once, as a/c")
        #expect(walkProblems.map(\.note) == ["broken.md"])
        var readings = files.map { file in
            NoteReader.read(try! FileBytes.read(vault.join(file)).get(), path: file)
        }
        readings.append(NoteReading(note: nil, problems: walkProblems))
        let today = Day(year: 2026, month: 11, day: 21)!
        let expected = Plan(readings: readings, today: today, jobs: 1)
        #expect(expected.problems.contains { $0.note == "broken-front-matter.md" })
        for jobs in [1, 2, 3, 8] {
            for _ in 0..<5 {
                #expect(try vault.plan(today: today, jobs: jobs) == expected, "jobs \(jobs)")
            }
        }
    }

    @Test func writesAtomicallyAndReportsUnchanged() throws {
        #expect(try vault.writeNext(NextMarkdown.header + "\none\n") == .written)
        #expect(try vault.writeNext(NextMarkdown.header + "\none\n") == .unchanged)
        #expect(try vault.writeNext(NextMarkdown.header + "\ntwo\n") == .written)
        let text = try String(contentsOf: folder.appendingPathComponent("NEXT.md"), encoding: .utf8)
        #expect(text == NextMarkdown.header + "\ntwo\n")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "NEXT.md" }
        #expect(leftovers.isEmpty, "no temporary file is left behind")
    }

    @Test func refusesToReplaceAHandWrittenNextUnlessForced() throws {
        try scratch.write("NEXT.md", "# My own list\n")
        #expect(throws: VaultError.notGenerated(folder.path + "/NEXT.md")) {
            try vault.writeNext(NextMarkdown.header + "\n")
        }
        #expect(try String(contentsOf: folder.appendingPathComponent("NEXT.md"), encoding: .utf8) == "# My own list\n")
        #expect(try vault.writeNext(NextMarkdown.header + "\n", force: true) == .written)
    }

    @Test func generatedHeaderIsRecognisedAfterAByteOrderMark() {
        #expect(NextMarkdown.isGenerated(Array(NextMarkdown.header.utf8)))
        #expect(NextMarkdown.isGenerated([0xEF, 0xBB, 0xBF] + Array(NextMarkdown.header.utf8)))
        #expect(!NextMarkdown.isGenerated(Array("# Next\n".utf8)))
    }

    @Test func failedWriteLeavesTheOldFileAndNoTemporary() throws {
        try scratch.write("NEXT.md", NextMarkdown.header + "\nold\n")
        // A folder where the new file should go makes the final rename fail after the write.
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("target/inside"), withIntermediateDirectories: true)
        #expect(throws: SystemError.self) {
            try FileBytes.replaceAtomically(folder.appendingPathComponent("target").path, with: Array("new".utf8))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["NEXT.md", "target"], "the temporary file is removed")
    }

    @Test func existingFilesWithTheTemporaryNameAreNeverTouched() throws {
        let target = folder.appendingPathComponent("NEXT.md").path
        let squatter = folder.appendingPathComponent(".NEXT.md.\(getpid()).0.tmp")
        try Data("not ours".utf8).write(to: squatter)
        try FileBytes.replaceAtomically(target, with: Array("new".utf8))
        #expect(try String(contentsOf: squatter, encoding: .utf8) == "not ours")
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "new")
    }

    @Test func missingVaultIsAnError() {
        #expect(throws: VaultError.self) { try Vault(path: folder.path + "/nope").plan(today: Day(ordinal: 0)) }
    }

    /// New contents are compared with the old file as they come, in pieces: the file is replaced
    /// only when they differ (in a late piece, or only in length), and then holds exactly them.
    /// Neither is read whole, so a NEXT.md of any size (past the 64 MB a note may be) is compared.
    @Test func rewritesAFileOnlyWhenItsContentsChange() throws {
        let path = folder.appendingPathComponent("big.md").path
        // Past one 1 MB block, so that the matching part is copied in blocks.
        let bytes = [UInt8](unsafeUninitializedCapacity: 1_200_000) { buffer, count in
            for index in buffer.indices { buffer[index] = UInt8(truncatingIfNeeded: index &* 31) }
            count = buffer.count
        }
        func rewrite(with new: [UInt8], pieces: Int = 7) throws -> Bool {
            let rewrite = try FileBytes.Rewrite(of: path)
            let size = max(1, new.count / pieces)
            new.withUnsafeBytes { all in
                for start in stride(from: 0, to: all.count, by: size) {
                    rewrite.write(UnsafeRawBufferPointer(rebasing: all[start..<min(start + size, all.count)]))
                }
            }
            return try rewrite.finish()
        }
        func contents() throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path))) }
        func leftovers() throws -> [String] {
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        }

        #expect(try rewrite(with: bytes), "a missing file is written")
        #expect(try contents() == bytes)
        #expect(try !rewrite(with: bytes), "the same contents leave the file alone")
        #expect(try !rewrite(with: bytes, pieces: 1))
        var lastChanged = bytes
        lastChanged[lastChanged.count - 1] ^= 1
        // Inside the second piece, past the part of it compared first (FileBytes.Rewrite.comparedPart).
        var middleChanged = bytes
        middleChanged[bytes.count / 7 + FileBytes.Rewrite.comparedPart + 5] ^= 1
        for new in [
            lastChanged, bytes, middleChanged, Array(bytes.dropLast()), bytes + [0], Array(bytes.prefix(10)), bytes,
        ] {
            #expect(try rewrite(with: new))
            #expect(try contents() == new)
        }
        #expect(try leftovers().isEmpty, "no temporary file is left behind")
        let rewrite = try FileBytes.Rewrite(of: path)
        #expect(rewrite.start == Array(bytes.prefix(FileBytes.comparedPrefix)))
    }

    /// A NEXT.md that is a pipe or a folder is named as such, at once, and left alone; with
    /// `--force` a pipe is replaced by the new file.
    @Test func aNextThatIsNotAFileIsReportedNotRead() throws {
        try scratch.write("a.md", note)
        let next = folder.appendingPathComponent(Vault.nextFileName).path
        #expect(mkfifo(next, 0o644) == 0)
        #expect(throws: VaultError.self) { try vault.writeNext("new\n") }
        do {
            try vault.writeNext("new\n")
        } catch {
            #expect("\(error)".contains("it is a pipe, socket or device, not a file"), "\(error)")
        }
        #expect(try vault.writeNext("new\n", force: true) == .written)
        #expect(try String(contentsOfFile: next, encoding: .utf8) == "new\n")
        unlink(next)
        try FileManager.default.createDirectory(atPath: next, withIntermediateDirectories: false)
        do {
            try vault.writeNext("new\n")
            Issue.record("a folder named NEXT.md was written over")
        } catch {
            #expect("\(error)".contains("it is a folder, not a file"), "\(error)")
        }
    }
}
