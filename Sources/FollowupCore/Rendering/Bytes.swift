/// UTF-8 output being built, for renderers that write many small pieces: appending bytes to one
/// buffer costs a fraction of building and joining `String`s.
struct Bytes: Sendable {
    private(set) var buffer: [UInt8] = []

    init(capacity: Int = 0) {
        buffer.reserveCapacity(capacity)
    }

    /// Disfavoured so that a literal is appended as a `StaticString`: its bytes are copied as they
    /// are, without a `String` made around them first.
    @_disfavoredOverload
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { buffer.append(contentsOf: $0) }
    }

    mutating func append(contentsOf bytes: some Collection<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { buffer.append(contentsOf: $0) }
    }

    /// Appends the bytes of `other` from offset `start` up to `end`.
    mutating func append(_ other: Bytes, from start: Int, to end: Int) {
        buffer.append(contentsOf: other.buffer[start..<end])
    }

    mutating func append(_ number: Int) {
        if number < 0 {
            buffer.append(UInt8(ascii: "-"))
            append(number.magnitude)
        } else {
            append(UInt(number))
        }
    }

    private mutating func append(_ number: UInt) {
        if number >= 10 { append(number / 10) }
        buffer.append(UInt8(ascii: "0") + UInt8(number % 10))
    }

    mutating func append(byte: UInt8) {
        buffer.append(byte)
    }

    /// Appends what `write` puts at the start of the room it is given, `capacity` bytes, and
    /// returns the number of bytes it wrote: for text written a byte at a time, which would
    /// otherwise grow the buffer at each one.
    mutating func appendWritten(atMost capacity: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: capacity))
        let written = buffer.withUnsafeMutableBufferPointer { all in
            write(UnsafeMutableBufferPointer(rebasing: all[start...]))
        }
        precondition(written <= capacity, "wrote past the room it was given")
        buffer.removeLast(capacity - written)
    }

    mutating func removeAll() {
        buffer.removeAll(keepingCapacity: true)
    }

    var string: String { String(decoding: buffer, as: UTF8.self) }

}
