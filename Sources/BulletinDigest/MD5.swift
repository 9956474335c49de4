/// MD5 (RFC 1321) of bytes. Broken as a cryptographic hash and not to be chosen for anything new;
/// it is here because the PDF standard security handler (revisions 2–4, ISO 32000-2 §7.6.4.3)
/// derives its RC4 and AES-128 keys with it: once per file, and once per encrypted object. Same
/// shape as `SHA256`: incremental `update`, `finalize`, and a one-shot `digest`.
public struct MD5: MessageHasher, Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32) = (0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476)
    /// Bytes not yet forming a whole 64-byte block.
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    public init() { pending.reserveCapacity(64) }

    /// The 16-byte digest of `bytes`.
    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hasher = MD5()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Adds the bytes of a raw buffer to the message.
    public mutating func update(buffer: UnsafeRawBufferPointer) {
        guard buffer.count > 0 else { return }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { words in
            update(buffer: buffer, words: words.baseAddress!)
        }
    }

    private mutating func update(buffer: UnsafeRawBufferPointer, words: UnsafeMutablePointer<UInt32>) {
        length &+= UInt64(buffer.count)
        var leftover = pending
        pending = []
        feedBlocks(buffer, blockSize: 64, pending: &leftover) { compress($0, words: words) }
        pending = leftover
    }

    /// The digest as 16 bytes (A, B, C, D low-order byte first, RFC 1321 §3.5); the hasher is spent
    /// afterwards. Pads as §3.1–3.2 say: a 1 bit, zeros to 56 mod 64 bytes, the 64-bit bit length
    /// low-order byte first.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        let padding = (64 + 56 - (pending.count + 1) % 64) % 64
        tail += [UInt8](repeating: 0, count: padding)
        for shift in stride(from: 0, through: 56, by: 8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        let savedLength = length
        tail.withUnsafeBytes { update(buffer: $0) }
        length = savedLength
        precondition(pending.isEmpty, "MD5 padding must end on a block boundary")
        var digest: [UInt8] = []
        digest.reserveCapacity(16)
        for word in [state.0, state.1, state.2, state.3] {
            for shift in stride(from: 0, through: 24, by: 8) { digest.append(UInt8(truncatingIfNeeded: word &>> UInt32(shift))) }
        }
        return digest
    }

    /// One 64-byte block: the four rounds of RFC 1321 §3.4 as one loop of 64 steps. Wrapping
    /// arithmetic and masking shifts on plain pointers, as in `SHA256`, so a debug build is not
    /// slowed by generic operators and array accesses.
    private mutating func compress(_ block: UnsafeRawPointer, words m: UnsafeMutablePointer<UInt32>) {
        let t = MD5.constants, s = MD5.shifts
        for i in 0..<16 {
            m[i] = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self))
        }
        var (a, b, c, d) = state
        var i = 0
        while i < 64 {
            let f: UInt32, g: Int
            if i < 16 {
                f = (b & c) | (~b & d); g = i                         // F, X[i]
            } else if i < 32 {
                f = (b & d) | (c & ~d); g = (5 &* i &+ 1) & 15        // G, X[(5i + 1) mod 16]
            } else if i < 48 {
                f = b ^ c ^ d; g = (3 &* i &+ 5) & 15                 // H, X[(3i + 5) mod 16]
            } else {
                f = c ^ (b | ~d); g = (7 &* i) & 15                   // I, X[7i mod 16]
            }
            let sum = a &+ f &+ t[i] &+ m[g]
            let shift = s[(i &>> 4) &<< 2 | (i & 3)]
            a = d; d = c; c = b
            b = b &+ ((sum &<< shift) | (sum &>> (32 &- shift)))
            i &+= 1
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d)
    }

    /// T[1...64] of §3.4 (the integer part of 2³² × |sin(i)|) in memory that is never freed.
    nonisolated(unsafe) private static let constants: UnsafePointer<UInt32> = {
        let pointer = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        pointer.initialize(from: sineTable, count: 64)
        return UnsafePointer(pointer)
    }()

    /// The left-rotation amounts, four per round (§3.4), in memory that is never freed.
    nonisolated(unsafe) private static let shifts: UnsafePointer<UInt32> = {
        let pointer = UnsafeMutablePointer<UInt32>.allocate(capacity: 16)
        pointer.initialize(from: [7, 12, 17, 22, 5, 9, 14, 20, 4, 11, 16, 23, 6, 10, 15, 21], count: 16)
        return UnsafePointer(pointer)
    }()

    private static let sineTable: [UInt32] = [
        0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
        0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
        0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
        0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
        0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
        0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
        0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
        0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
    ]
}
