import Testing

@testable import FollowupCore

/// `Bytes` keeps its own memory: it must hold exactly what was appended, grow without losing
/// any of it, and behave as a value (a copy never sees the other's changes).
@Suite("Output bytes")
struct BytesTests {
    /// Text is checked for bytes to escape sixteen at a time: every byte value, at every place of
    /// texts shorter than a block, one block, and blocks with a tail, is found as it is alone.
    @Test func aByteToEscapeIsFoundAtEveryPlace() {
        var checked = 0
        for count in 1...40 {
            for place in 0..<count {
                for byte in UInt8.min...UInt8.max {
                    var text = [UInt8](repeating: UInt8(ascii: "a"), count: count)
                    text[place] = byte
                    let found = text.withUnsafeBufferPointer(Bytes.hasSpecialInMarkdown)
                    #expect(found == Bytes.isSpecialInMarkdown(byte), "byte \(byte) at \(place) of \(count)")
                    checked += found ? 1 : 0
                }
            }
        }
        // 15 special bytes at each of the 820 places.
        #expect(checked == 15 * 820)
        #expect(![UInt8]().withUnsafeBufferPointer(Bytes.hasSpecialInMarkdown))
    }

    @Test func holdsWhatWasAppendedThroughEveryKindOfAppend() {
        var generator = SystemRandomNumberGenerator()
        var bytes = Bytes()
        var expected: [UInt8] = []
        for round in 0..<2_000 {
            switch Int.random(in: 0..<6, using: &generator) {
            case 0:
                let text = String(repeating: "é\(round)", count: Int.random(in: 0...40, using: &generator))
                bytes.append(text)
                expected += Array(text.utf8)
            case 1:
                bytes.append("static · text")
                expected += Array("static · text".utf8)
            case 2:
                let number = Int.random(in: -100_000...100_000, using: &generator)
                bytes.append(number)
                expected += Array(String(number).utf8)
            case 3:
                let byte = UInt8.random(in: 0...255, using: &generator)
                bytes.append(byte: byte)
                expected.append(byte)
            case 4:
                // A collection without contiguous storage goes byte by byte.
                let run = (0..<Int.random(in: 0...300, using: &generator)).lazy.map { UInt8($0 % 251) }
                bytes.append(contentsOf: run)
                expected += Array(run)
            default:
                let capacity = Int.random(in: 0...5_000, using: &generator)
                let written = Int.random(in: 0...capacity, using: &generator)
                bytes.appendWritten(atMost: capacity) { room in
                    for index in 0..<written { room[index] = UInt8(index % 256) }
                    return written
                }
                expected += (0..<written).map { UInt8($0 % 256) }
            }
            #expect(bytes.count == expected.count)
        }
        // Compared outside the expectation, whose message would print every byte of both.
        let firstDifference = zip(bytes.array, expected).enumerated().first { $1.0 != $1.1 }?.offset
        #expect(firstDifference == nil && bytes.count == expected.count)
        let sameText = bytes.string == String(decoding: expected, as: UTF8.self)
        #expect(sameText)
    }

    @Test func aCopyKeepsItsBytesWhenTheOtherChanges() {
        var original = Bytes(capacity: 4)
        original.append("one two")
        let copy = original
        original.append(" three")
        #expect(copy.string == "one two")
        #expect(original.string == "one two three")
        var emptied = original
        emptied.removeAll()
        #expect(emptied.count == 0 && original.string == "one two three")
        emptied.append("new")
        #expect(emptied.string == "new" && original.string == "one two three")
        // A range of itself, appended to itself (the copy it reads from stays whole).
        original.append(original, from: 4, to: 7)
        #expect(original.string == "one two threetwo")
        #expect(copy.string == "one two")
    }
}
