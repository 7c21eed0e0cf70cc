/// `mailto:` links with the subject and body filled in (RFC 6068).
///
/// Every byte outside RFC 3986's unreserved characters is percent-encoded in the subject and body
/// (so a space is `%20`, never `+`, and `&`, `=`, `#`, `%` cannot end a field early), and line
/// breaks are sent as `%0D%0A`, as RFC 6068 section 5 requires. In the address only `@` is kept.
public enum Mailto {
    public static func link(to address: String, subject: String, body: String) -> String {
        "mailto:" + encoded(address, keeping: "@") + "?subject=" + encoded(subject) + "&body="
            + encoded(crlf(body))
    }

    /// `text` with every line break (`\n`, `\r\n` or `\r`) as CRLF.
    static func crlf(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {
                out += "\r\n"
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// Percent-encodes the UTF-8 of `text`, keeping only unreserved characters and `keeping`.
    static func encoded(_ text: String, keeping: Set<UInt8> = []) -> String {
        let hex = Array("0123456789ABCDEF")
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                if keeping.contains(byte) {
                    out.append(Character(Unicode.Scalar(byte)))
                } else {
                    out += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
                }
            }
        }
        return out
    }

    private static func encoded(_ text: String, keeping: Character) -> String {
        encoded(text, keeping: [keeping.asciiValue!])
    }
}
