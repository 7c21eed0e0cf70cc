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
        if !bytes.contains(where: Self.isSpecialInMarkdown) {
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

    /// Line breaks, and the characters that could start emphasis, a link, code, HTML or an entity.
    private static func isSpecialInMarkdown(_ byte: UInt8) -> Bool {
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
    private static func isKeptInLink(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }

    /// `%XX`, with upper-case hex digits.
    mutating func appendPercentEncoded(_ byte: UInt8) {
        func hex(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x41 + nibble - 10 }
        append(byte: UInt8(ascii: "%"))
        append(byte: hex(byte >> 4))
        append(byte: hex(byte & 0xF))
    }
}
