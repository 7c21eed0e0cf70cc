/// The raw layout of a note file: byte-order mark, encoding, and where front matter ends.
///
/// Works on bytes, so that the body can go to cmark without being copied into a `String`.
enum NoteText {
    /// Where the parts of a note are, as byte offsets into the file (after any byte-order mark).
    enum Layout: Equatable {
        /// The file does not start with a `---` line: not an interview note.
        case noFrontMatter
        /// A `---` line opens front matter, but no `---` or `...` line closes it.
        case unterminated
        /// Front matter from `yaml`; the body starts at `body`, on line `bodyLine`.
        case frontMatter(yaml: Range<Int>, body: Int, bodyLine: Int)
    }

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// The length of a UTF-8 byte-order mark at the start, or 0.
    static func byteOrderMarkLength(_ bytes: UnsafeRawBufferPointer) -> Int {
        bytes.starts(with: byteOrderMark) ? byteOrderMark.count : 0
    }

    /// The 1-based line and column of `offset`; `\n`, `\r\n` and a lone `\r` each end a line.
    static func position(of offset: Int, in bytes: UnsafeRawBufferPointer) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        var index = 0
        while index < offset {
            let byte = bytes[index]
            if byte == 0x0A || (byte == 0x0D && (index + 1 >= bytes.count || bytes[index + 1] != 0x0A)) {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return (line, offset - lineStart + 1)
    }

    /// The offset of the first byte that is not valid UTF-8, or nil when all of it is.
    ///
    /// Thirty-two, then eight bytes at a time while the text is ASCII, which notes mostly are; the
    /// standard library's decoder takes over at the first byte that is not.
    static func firstInvalidUTF8(_ bytes: UnsafeRawBufferPointer) -> Int? {
        var offset = 0
        let count = bytes.count
        while offset < count {
            if offset + 32 <= count,
                (bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    | bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self)
                    | bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self)
                    | bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self)) & 0x8080_8080_8080_8080 == 0
            {
                offset += 32
                continue
            }
            if offset + 8 <= count,
                bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                offset += 8
                continue
            }
            if bytes[offset] < 0x80 {
                offset += 1
                continue
            }
            var iterator = UnsafeRawBufferPointer(rebasing: bytes[offset..<min(count, offset + 4)]).makeIterator()
            var parser = Unicode.UTF8.ForwardParser()
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
        return nil
    }

    /// Finds the front matter: a first line `---`, then YAML, then a line `---` or `...`.
    static func layout(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Layout {
        var lines = LineCursor(bytes: bytes, offset: start)
        guard let first = lines.next(), isFence(first.content, in: bytes, closing: false) else {
            return .noFrontMatter
        }
        let yamlStart = first.next
        while let line = lines.next() {
            if isFence(line.content, in: bytes, closing: true) {
                return .frontMatter(
                    yaml: yamlStart..<line.content.lowerBound, body: line.next, bodyLine: lines.number + 1)
            }
        }
        return .unterminated
    }

    /// `---` (or `...` to close), with nothing after it but spaces and tabs.
    private static func isFence(_ line: Range<Int>, in bytes: UnsafeRawBufferPointer, closing: Bool) -> Bool {
        guard line.count >= 3 else { return false }
        let mark = bytes[line.lowerBound]
        guard mark == UInt8(ascii: "-") || (closing && mark == UInt8(ascii: ".")) else { return false }
        for index in line.lowerBound..<(line.lowerBound + 3) where bytes[index] != mark { return false }
        return bytes[(line.lowerBound + 3)..<line.upperBound].allSatisfy {
            $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t")
        }
    }
}

/// Walks the lines of a byte buffer; `\n`, `\r\n` and a lone `\r` each end a line.
struct LineCursor {
    let bytes: UnsafeRawBufferPointer
    var offset: Int
    /// The 1-based number of the line last returned.
    private(set) var number = 0

    init(bytes: UnsafeRawBufferPointer, offset: Int) {
        self.bytes = bytes
        self.offset = offset
    }

    /// The next line's content (without its line ending) and the offset where the line after it
    /// starts.
    mutating func next() -> (content: Range<Int>, next: Int)? {
        guard offset < bytes.count else { return nil }
        let start = offset
        let end = Self.lineEnd(in: bytes, from: start)
        var next = end
        if next < bytes.count {
            next += (bytes[next] == 0x0D && next + 1 < bytes.count && bytes[next + 1] == 0x0A) ? 2 : 1
        }
        offset = next
        number += 1
        return (start..<end, next)
    }

    /// The offset of the first `\n` or `\r` at or after `start`, or the end of `bytes`: eight bytes
    /// at a time, each compared with both at once.
    static func lineEnd(in bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
        var end = start
        while end + 8 <= bytes.count {
            let word = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: end, as: UInt64.self))
            // The top bit of each byte that is `\n` or `\r`; bits above the first may be wrong,
            // which the lowest set bit, the first such byte, is not.
            let breaks = zeroBytes(word ^ 0x0A0A_0A0A_0A0A_0A0A) | zeroBytes(word ^ 0x0D0D_0D0D_0D0D_0D0D)
            if breaks != 0 { return end + breaks.trailingZeroBitCount / 8 }
            end += 8
        }
        while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
        return end
    }

    /// A word whose lowest set bit is the top bit of the lowest zero byte of `word` (0 when it has
    /// none); bits above it may be set for bytes that are not zero.
    private static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080
    }
}
