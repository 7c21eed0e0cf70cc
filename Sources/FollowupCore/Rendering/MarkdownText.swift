/// Makes note text safe to put into generated Markdown.
enum MarkdownText {
    /// `text` as literal inline Markdown: line breaks become spaces, and every character that could
    /// start emphasis, a link, code, HTML or an entity is escaped, so a company called
    /// `[A*B]<C>` shows as written and cannot break the line it is on.
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previous: Character?
        for character in text {
            switch character {
            case "\r", "\n", "\r\n":
                if previous != " " { out.append(" ") }
                previous = " "
                continue
            case "\\", "`", "*", "_", "[", "]", "<", ">", "!", "|", "~", "&", "#":
                out.append("\\")
            default:
                break
            }
            out.append(character)
            previous = character
        }
        return out
    }

    /// A relative link destination: each path segment percent-encoded (RFC 3986 unreserved
    /// characters kept), so spaces, parentheses and non-ASCII names work on GitHub and in editors.
    static func linkDestination(_ path: String) -> String {
        var out = ""
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(Character(Unicode.Scalar(byte)))
            default:
                let hex = Array("0123456789ABCDEF")
                out += "%\(hex[Int(byte >> 4)])\(hex[Int(byte & 0xF)])"
            }
        }
        return out
    }
}
