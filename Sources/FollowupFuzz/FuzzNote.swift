import FuzzHarness

#if canImport(Glibc)
    import Glibc
#endif

/// libFuzzer calls this with each input: one note's bytes, through the whole pipeline.
/// A broken promise aborts, so libFuzzer saves the input as a crash.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneNote(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let broken = NotePipeline.check(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    if !broken.isEmpty {
        for promise in broken { printError("broken promise: \(promise)") }
        abort()
    }
    return 0
}

/// Writes a line to standard error, unbuffered, so it is out before an abort.
func printError(_ message: String) {
    var line = Array((message + "\n").utf8)
    _ = line.withUnsafeMutableBytes { write(2, $0.baseAddress, $0.count) }
}

#if FUZZING
    /// libFuzzer's driver. SwiftPM links executables with `main` renamed to this module's entry
    /// point, so libFuzzer's own `main` is never used; ours hands the command line to the driver.
    @_silgen_name("LLVMFuzzerRunDriver")
    func runFuzzerDriver(
        _ argc: UnsafeMutablePointer<Int32>,
        _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
        _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
    ) -> Int32
#endif

/// Built with `make fuzz` (`-sanitize=fuzzer,address -DFUZZING`) this is a libFuzzer binary and
/// takes libFuzzer's options. Built plainly it replays the files it is given, one input each, and
/// exits 1 on the first that breaks a promise: `FollowupFuzz crash-… Tests/FuzzRegressionTests/Inputs/*`.
@main
enum FollowupFuzz {
    static func main() {
        #if FUZZING
            var argc = CommandLine.argc
            var argv = CommandLine.unsafeArgv
            exit(runFuzzerDriver(&argc, &argv, fuzzOneNote))
        #else
            var failed = false
            for path in CommandLine.arguments.dropFirst() {
                guard let file = fopen(path, "rb") else {
                    printError("\(path): can't open")
                    exit(2)
                }
                var bytes: [UInt8] = []
                var buffer = [UInt8](repeating: 0, count: 65536)
                while true {
                    let count = fread(&buffer, 1, buffer.count, file)
                    if count <= 0 { break }
                    bytes += buffer[0..<count]
                }
                fclose(file)
                let broken = bytes.withUnsafeBytes { NotePipeline.check($0) }
                for promise in broken { print("\(path): broken promise: \(promise)") }
                failed = failed || !broken.isEmpty
            }
            exit(failed ? 1 : 0)
        #endif
    }
}
