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
