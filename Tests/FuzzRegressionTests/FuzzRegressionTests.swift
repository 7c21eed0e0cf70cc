import FollowupCore
import Foundation
import FuzzHarness
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Every input the fuzzer once broke followup with, run through the fuzzer's own checks.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
    static let inputs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Inputs")

    static func inputNames() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: inputs.path)) ?? [])
            .filter { $0 != "README.md" }.sorted()
    }

    @Test(arguments: inputNames())
    func inputKeepsEveryPromise(_ name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.inputs.appendingPathComponent(name)))
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            let broken = bytes.withUnsafeBytes { NotePipeline.check($0) }
            #expect(broken.isEmpty, "\(name): \(broken)")
        }
        #expect(elapsed < .seconds(5) * Self.slowdown, "\(name) took \(elapsed)")
    }

    /// How much slower this build runs than a plain debug build: the sanitizers' factors.
    static let slowdown: Int = {
        let lookUp = { (symbol: String) in dlsym(UnsafeMutableRawPointer(bitPattern: 0), symbol) != nil }
        return lookUp("__tsan_init") ? 8 : lookUp("__asan_init") ? 3 : 1
    }()
}
