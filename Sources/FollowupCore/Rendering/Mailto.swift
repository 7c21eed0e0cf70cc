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
        for byte in address.utf8 { appendURIByte(byte, keeping: byte == UInt8(ascii: "@")) }
        append("?subject=")
        for byte in subject.utf8 { appendURIByte(byte, keeping: false) }
        append("&body=")
        appendCRLF(body, encoded: true)
    }

    /// Appends `text` with every line break as CRLF, percent-encoded when `encoded`.
    mutating func appendCRLF(_ text: String, encoded: Bool) {
        var afterCR = false
        for byte in text.utf8 {
            defer { afterCR = byte == 0x0D }
            if byte == 0x0A, afterCR { continue }
            if byte == 0x0D || byte == 0x0A {
                if encoded { append("%0D%0A") } else { append("\r\n") }
            } else if encoded {
                appendURIByte(byte, keeping: false)
            } else {
                append(byte: byte)
            }
        }
    }

    /// Appends `byte` as is when it is an RFC 3986 unreserved character or `keeping`, otherwise
    /// percent-encoded.
    mutating func appendURIByte(_ byte: UInt8, keeping: Bool) {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
            UInt8(ascii: "~"):
            append(byte: byte)
        default:
            if keeping { append(byte: byte) } else { appendPercentEncoded(byte) }
        }
    }
}
