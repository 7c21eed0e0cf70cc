/// `mailto:` links with the subject and body filled in (RFC 6068).
///
/// Every byte outside RFC 3986's unreserved characters is percent-encoded in the subject and body
/// (so a space is `%20`, never `+`, and `&`, `=`, `#`, `%` cannot end a field early), and line
/// breaks are sent as `%0D%0A`, as RFC 6068 section 5 requires. In the address only `@` is kept.
public enum Mailto {
    public static func link(to address: String, subject: String, body: String) -> String {
        var out = Bytes(capacity: 32 + address.utf8.count + 3 * (subject.utf8.count + body.utf8.count))
        out.appendMailto(to: address, subject: subject, body: body)
        return out.string
    }
}

extension Bytes {
    /// Appends ``Mailto/link(to:subject:body:)``.
    mutating func appendMailto(to address: String, subject: String, body: String) {
        append("mailto:")
        appendURIEncoded(address, keepingAt: true, lineBreaksAsCRLF: false)
        append("?subject=")
        appendURIEncoded(subject, keepingAt: false, lineBreaksAsCRLF: false)
        append("&body=")
        appendURIEncoded(body, keepingAt: false, lineBreaksAsCRLF: true)
    }

    /// Appends `text` with every byte outside RFC 3986's unreserved characters percent-encoded
    /// (`@` kept when `keepingAt`). With `lineBreaksAsCRLF`, each line break (`\n`, `\r\n` or a
    /// lone `\r`) is `%0D%0A`.
    ///
    /// Written straight into room made for the worst case, a byte of the text at a time from a
    /// table of what each byte becomes (stored four bytes at once, whatever its length): a
    /// draft's body is hundreds of bytes, and a large vault has tens of thousands of links.
    private mutating func appendURIEncoded(_ text: String, keepingAt: Bool, lineBreaksAsCRLF: Bool) {
        var text = text
        text.withUTF8 { bytes in
            // Three bytes for each, or six where a line break becomes `%0D%0A`; and one more, as
            // the last byte's encoding is stored as four.
            let room = (lineBreaksAsCRLF ? 6 : 3) * bytes.count + 1
            appendWritten(atMost: room) { out in
                // Checked once for every store (release builds too, where a store is not): before
                // the byte at `index` the count is at most 3 or 6 times `index`, and its encoding
                // adds four bytes, or eight for a line break (its second four at most three on).
                precondition(out.count >= room, "no room for the percent-encoding")
                return (keepingAt ? Self.uriEncodingsKeepingAt : Self.uriEncodings).withUnsafeBufferPointer { table in
                    guard let base = out.baseAddress else { return 0 }
                    var count = 0
                    func store(_ encoding: UInt32) {
                        UnsafeMutableRawPointer(base + count).storeBytes(of: encoding.littleEndian, as: UInt32.self)
                        count += Int(encoding >> 24)
                    }
                    guard lineBreaksAsCRLF else {
                        for byte in bytes { store(table[Int(byte)]) }
                        return count
                    }
                    var index = 0
                    while index < bytes.count {
                        let byte = bytes[index]
                        index += 1
                        if byte == 0x0D || byte == 0x0A {
                            if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                            store(table[0x0D])
                            store(table[0x0A])
                        } else {
                            store(table[Int(byte)])
                        }
                    }
                    return count
                }
            }
        }
    }

    /// What each byte becomes in a link: its bytes in the low three bytes (first lowest), their
    /// count in the top byte. Bytes outside RFC 3986's unreserved characters are `%XX`.
    private static let uriEncodings = uriEncodingTable(keeping: isUnreserved)
    /// ``uriEncodings`` with `@` kept, for the address.
    private static let uriEncodingsKeepingAt = uriEncodingTable { isUnreserved($0) || $0 == UInt8(ascii: "@") }

    private static func uriEncodingTable(keeping isKept: (UInt8) -> Bool) -> [UInt32] {
        (0...255).map { (byte: UInt8) in
            if isKept(byte) { return 1 << 24 | UInt32(byte) }
            let (high, low) = (UInt32(hexDigit(byte >> 4)), UInt32(hexDigit(byte & 0xF)))
            return 3 << 24 | low << 16 | high << 8 | UInt32(UInt8(ascii: "%"))
        }
    }
}
