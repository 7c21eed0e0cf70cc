/// Makes note text safe to put into generated Markdown.
enum MarkdownText {
    /// `text` as literal inline Markdown: line breaks become spaces, and every character that could
    /// start emphasis, a link, code, HTML or an entity is escaped, so a company called
    /// `[A*B]<C>` shows as written and cannot break the line it is on.
    static func escaped(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 8)
        var previousWasSpace = false
        for byte in text.utf8 {
            switch byte {
            case 0x0A, 0x0D:
                if !previousWasSpace { out.append(0x20) }
                previousWasSpace = true
                continue
            case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["),
                UInt8(ascii: "]"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "|"),
                UInt8(ascii: "~"), UInt8(ascii: "&"), UInt8(ascii: "#"):
                out.append(UInt8(ascii: "\\"))
            default:
                break
            }
            out.append(byte)
            previousWasSpace = byte == 0x20
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A relative link destination: each path segment percent-encoded (RFC 3986 unreserved
    /// characters kept), so spaces, parentheses and non-ASCII names work on GitHub and in editors.
    static func linkDestination(_ path: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(path.utf8.count + 8)
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.append(byte)
            default:
                out += [UInt8(ascii: "%"), hex[Int(byte >> 4)], hex[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
