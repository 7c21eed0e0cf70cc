/// UTF-8 output being built, for renderers that write many small pieces: appending bytes to one
/// buffer costs a fraction of building and joining `String`s.
///
/// The buffer is memory of its own rather than an `[UInt8]`: NEXT.md is written in hundreds of
/// thousands of pieces of a few bytes, and `Array.append(contentsOf:)` spent some ninety
/// instructions on each beyond the copy. A copy of a `Bytes` shares the buffer until one of them
/// is changed, as an array does.
struct Bytes: Sendable {
    private var storage: Storage

    init(capacity: Int = 0) {
        storage = Storage(capacity: Swift.max(capacity, 64))
    }

    /// The number of bytes written.
    var count: Int { storage.count }

    /// Calls `body` with the bytes written.
    func withUnsafeBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try body(UnsafeRawBufferPointer(start: storage.base, count: storage.count))
    }

    /// Disfavoured so that a literal is appended as a `StaticString`: its bytes are copied as they
    /// are, without a `String` made around them first.
    @_disfavoredOverload
    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    mutating func append(contentsOf bytes: some Collection<UInt8>) {
        let done: Void? = bytes.withContiguousStorageIfAvailable { append(bytes: $0) }
        guard done == nil else { return }
        for byte in bytes { append(byte: byte) }
    }

    mutating func append(_ text: StaticString) {
        text.withUTF8Buffer { append(bytes: $0) }
    }

    /// Appends the bytes of `other` from offset `start` up to `end`.
    mutating func append(_ other: Bytes, from start: Int, to end: Int) {
        precondition(0 <= start && start <= end && end <= other.count, "a range outside the bytes")
        append(bytes: UnsafeBufferPointer(start: other.storage.base + start, count: end - start))
    }

    mutating func append(_ number: Int) {
        if number < 0 {
            append(byte: UInt8(ascii: "-"))
            append(number.magnitude)
        } else {
            append(UInt(number))
        }
    }

    private mutating func append(_ number: UInt) {
        if number >= 10 { append(number / 10) }
        append(byte: UInt8(ascii: "0") + UInt8(number % 10))
    }

    @inline(__always)
    mutating func append(byte: UInt8) {
        room(for: 1).initialize(to: byte)
        storage.count += 1
    }

    @inline(__always)
    private mutating func append(bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        room(for: bytes.count).initialize(from: source, count: bytes.count)
        storage.count += bytes.count
    }

    /// Appends what `write` puts at the start of the room it is given, `capacity` bytes, and
    /// returns the number of bytes it wrote: for text written a byte at a time.
    mutating func appendWritten(atMost capacity: Int, _ write: (UnsafeMutableBufferPointer<UInt8>) -> Int) {
        let written = write(UnsafeMutableBufferPointer(start: room(for: capacity), count: capacity))
        precondition(written >= 0 && written <= capacity, "wrote past the room it was given")
        storage.count += written
    }

    /// Where the next `extra` bytes go, once the buffer is this value's alone and has room for them.
    @inline(__always)
    private mutating func room(for extra: Int) -> UnsafeMutablePointer<UInt8> {
        if !isKnownUniquelyReferenced(&storage) {
            storage = storage.copy(capacity: storage.count + Swift.max(extra, storage.count))
        } else if storage.capacity - storage.count < extra {
            storage.grow(toAtLeast: storage.count + extra)
        }
        return storage.base + storage.count
    }

    mutating func removeAll() {
        if isKnownUniquelyReferenced(&storage) {
            storage.count = 0
        } else {
            storage = Storage(capacity: storage.capacity)
        }
    }

    var string: String { withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }

    /// The bytes written, as an array.
    var array: [UInt8] { withUnsafeBytes { Array($0) } }

    /// The memory a `Bytes` writes into: `count` bytes written, room for `capacity`.
    private final class Storage: @unchecked Sendable {
        private(set) var base: UnsafeMutablePointer<UInt8>
        var count = 0
        private(set) var capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            base = .allocate(capacity: capacity)
        }

        deinit { base.deallocate() }

        /// A buffer of its own, with the same bytes and room for `capacity`.
        func copy(capacity: Int) -> Storage {
            let copy = Storage(capacity: Swift.max(capacity, count))
            copy.base.initialize(from: base, count: count)
            copy.count = count
            return copy
        }

        /// Makes room for at least `needed` bytes, doubling as an array does.
        func grow(toAtLeast needed: Int) {
            let grown = Swift.max(needed, 2 * capacity)
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
            larger.initialize(from: base, count: count)
            base.deallocate()
            base = larger
            capacity = grown
        }
    }
}
