/// Makes note text safe to put into generated Markdown.
extension Bytes {
    /// Appends `text` as literal inline Markdown: line breaks become spaces, and every character
    /// that could start emphasis, a link, code, HTML or an entity is escaped, so a company called
    /// `[A*B]<C>` shows as written and cannot break the line it is on.
    mutating func appendEscaped(_ text: some StringProtocol) {
        let done: Void? = text.utf8.withContiguousStorageIfAvailable { appendEscaped(bytes: $0) }
        if done == nil { appendEscaped(bytes: Array(text.utf8)) }
    }

    mutating func appendEscaped(bytes: some Collection<UInt8>) {
        // Most text has nothing to escape: then it is copied whole.
        let hasSpecial = bytes.withContiguousStorageIfAvailable(Self.hasSpecialInMarkdown)
        if !(hasSpecial ?? bytes.contains(where: Self.isSpecialInMarkdown)) {
            append(contentsOf: bytes)
            return
        }
        var previousWasSpace = false
        for byte in bytes {
            if byte == 0x0A || byte == 0x0D {
                if !previousWasSpace { append(byte: 0x20) }
                previousWasSpace = true
                continue
            }
            if Self.isSpecialInMarkdown(byte) { append(byte: UInt8(ascii: "\\")) }
            append(byte: byte)
            previousWasSpace = byte == 0x20
        }
    }

    /// Whether some byte is ``isSpecialInMarkdown(_:)``, told sixteen bytes at a time (a byte at a
    /// time took a jump through a table for each): every line of NEXT.md escapes a title.
    static func hasSpecialInMarkdown(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        /// Whether one of the 16 bytes is special. Each special byte is compared with all 16 at
        /// once, spelled out: a loop over them compiled to a lane-by-lane loop.
        func isSpecial(_ block: SIMD16<UInt8>) -> Bool {
            func has(_ byte: Unicode.Scalar) -> SIMDMask<SIMD16<Int8>> {
                block .== SIMD16<UInt8>(repeating: UInt8(byte.value))
            }
            let breaks = has("\n") .| has("\r") .| has("\\") .| has("`") .| has("*")
            let brackets = has("_") .| has("[") .| has("]") .| has("<") .| has(">")
            let others = has("!") .| has("|") .| has("~") .| has("&") .| has("#")
            return (breaks .| brackets .| others).laneBits != 0
        }
        guard count >= 16 else {
            // Padded with zero bytes, which are not special.
            var padded = SIMD16<UInt8>.zero
            withUnsafeMutableBytes(of: &padded) { $0.baseAddress!.copyMemory(from: base, byteCount: count) }
            return isSpecial(padded)
        }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 16 <= count {
            if isSpecial(raw.loadUnaligned(fromByteOffset: offset, as: SIMD16<UInt8>.self)) { return true }
            offset += 16
        }
        // The last bytes, in a block that overlaps the one before.
        return offset < count && isSpecial(raw.loadUnaligned(fromByteOffset: count - 16, as: SIMD16<UInt8>.self))
    }

    /// Line breaks, and the characters that could start emphasis, a link, code, HTML or an entity.
    static func isSpecialInMarkdown(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x0A, 0x0D, UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"),
            UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"),
            UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"), UInt8(ascii: "#"):
            true
        default:
            false
        }
    }

    /// Appends `path` as a relative link destination: each path segment percent-encoded (RFC 3986
    /// unreserved characters kept), so spaces, parentheses and non-ASCII names work on GitHub and
    /// in editors.
    mutating func appendLinkDestination(_ path: String) {
        var path = path
        path.withUTF8 { appendLinkDestination(bytes: $0) }
    }

    /// ``appendLinkDestination(_:)`` for a path's UTF-8 bytes.
    mutating func appendLinkDestination(bytes path: UnsafeBufferPointer<UInt8>) {
        if path.allSatisfy(Self.isKeptInLink) {
            append(contentsOf: path)
            return
        }
        for byte in path {
            if Self.isKeptInLink(byte) { append(byte: byte) } else { appendPercentEncoded(byte) }
        }
    }

    /// RFC 3986 unreserved characters, and `/` between segments.
    private static func isKeptInLink(_ byte: UInt8) -> Bool { isUnreserved(byte) || byte == UInt8(ascii: "/") }

    /// RFC 3986's unreserved characters: ASCII letters and digits, `-`, `.`, `_`, `~`.
    static func isUnreserved(_ byte: UInt8) -> Bool {
        // `| 0x20` folds exactly the upper-case letters onto the lower-case ones within a-z.
        (byte | 0x20) &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "~")
    }

    /// `%XX`, with upper-case hex digits.
    mutating func appendPercentEncoded(_ byte: UInt8) {
        append(byte: UInt8(ascii: "%"))
        append(byte: Self.hexDigit(byte >> 4))
        append(byte: Self.hexDigit(byte & 0xF))
    }

    /// The upper-case hex digit of a nibble.
    static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x41 + nibble - 10 }
}
