import ArgumentParser
import FollowupCore
import Vault

#if canImport(Glibc)
    import Glibc
#endif

extension Followup {
    /// `followup templates`: shows the draft templates, or copies the built-in ones into the vault.
    struct Templates: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "templates",
            abstract: "Print the draft templates in use, or copy the built-in ones into the vault to edit.",
            discussion: """
                A vault's own templates live in .followup/templates/ as thank-you.txt, \
                thank-you-2.txt, …, deliverable.txt, follow-up.txt, second-follow-up.txt, \
                reply-offer.txt and ask-feedback.txt. --init copies the built-in ones there, \
                leaving any file that already exists.
                """)

        @Argument(help: "The vault folder (default: the current folder).")
        var vault = "."

        @OptionGroup var output: OutputOptions

        @Flag(help: "Copy the built-in templates into VAULT/.followup/templates/ (existing files are kept).")
        var `init` = false

        func run() throws {
            let store = Vault(path: vault)
            if `init` {
                let folder = Terminal.display(Vault.templatesFolder, in: vault)
                for (file, text) in DraftTemplates.builtInFiles {
                    let path = folder + "/" + file
                    if access(path, F_OK) == 0 {
                        print("\(path): kept")
                        continue
                    }
                    do {
                        try Vault.makeFolders(folder)
                        _ = try Vault.write(text + "\n", to: path, force: false, isGenerated: { _ in false })
                        print("\(path): written")
                    } catch {
                        Terminal.error("followup: \(error)")
                        throw ExitStatus.unusable.code
                    }
                }
                return
            }
            let templates: DraftTemplates
            do {
                templates = try store.draftTemplates()
            } catch {
                Terminal.error("followup: \(error)")
                throw ExitStatus.unusable.code
            }
            for name in DraftTemplate.Name.allCases {
                for template in templates.variants[name] ?? [] {
                    print("==> \(template.file) <==")
                    print(template.text)
                    print()
                }
            }
        }
    }
}
