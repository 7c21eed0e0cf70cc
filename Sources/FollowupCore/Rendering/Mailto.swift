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
    /// Written straight into room made for the worst case (three bytes for each, six for a line
    /// break), rather than a byte at a time: a draft's body is a kilobyte, and a large vault has thousands of links.
    private mutating func appendURIEncoded(_ text: String, keepingAt: Bool, lineBreaksAsCRLF: Bool) {
        var text = text
        text.withUTF8 { bytes in
            // Three bytes for each, or six where a line break becomes `%0D%0A`.
            appendWritten(atMost: (lineBreaksAsCRLF ? 6 : 3) * bytes.count) { out in
                var count = 0
                func write(_ byte: UInt8) {
                    // Checked in release builds too, where the subscript is not.
                    precondition(count < out.count, "percent-encoding outgrew its room")
                    out[count] = byte
                    count += 1
                }
                func writeEncoded(_ byte: UInt8) {
                    write(UInt8(ascii: "%"))
                    write(Self.hexDigit(byte >> 4))
                    write(Self.hexDigit(byte & 0xF))
                }
                var index = 0
                while index < bytes.count {
                    let byte = bytes[index]
                    index += 1
                    if Self.isUnreserved(byte) || (keepingAt && byte == UInt8(ascii: "@")) {
                        write(byte)
                    } else if lineBreaksAsCRLF && (byte == 0x0D || byte == 0x0A) {
                        if byte == 0x0D, index < bytes.count, bytes[index] == 0x0A { index += 1 }
                        writeEncoded(0x0D)
                        writeEncoded(0x0A)
                    } else {
                        writeEncoded(byte)
                    }
                }
                return count
            }
        }
    }
}
