/// SHA-512 and SHA-384 (FIPS 180-4) of bytes: one algorithm on 64-bit words and 128-byte blocks;
/// SHA-384 starts from other initial values (§5.3.4) and keeps the first 48 bytes of the result
/// (§6.5). The PDF reader needs both for the keys of AES-256 files of revision 6 (ISO 32000-2
/// §7.6.4.3.4, Algorithm 2.B). Same shape and style as `SHA256`.
public struct SHA512: MessageHasher, Sendable {
    public enum Variant: Sendable {
        case sha512, sha384

        /// Bytes of digest: 64 or 48.
        public var digestCount: Int { self == .sha512 ? 64 : 48 }
    }

    public let variant: Variant
    private var state: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
    /// Bytes not yet forming a whole 128-byte block.
    private var pending: [UInt8] = []
    /// Bytes so far; the 128-bit length field is this × 8 (messages of 2⁶¹ bytes or more are not).
    private var length: UInt64 = 0

    public init(_ variant: Variant = .sha512) {
        self.variant = variant
        switch variant {
        case .sha512:  // §5.3.5
            state = (0x6a09e667f3bcc908, 0xbb67ae8584caa73b, 0x3c6ef372fe94f82b, 0xa54ff53a5f1d36f1,
                     0x510e527fade682d1, 0x9b05688c2b3e6c1f, 0x1f83d9abfb41bd6b, 0x5be0cd19137e2179)
        case .sha384:  // §5.3.4
            state = (0xcbbb9d5dc1059ed8, 0x629a292a367cd507, 0x9159015a3070dd17, 0x152fecd8f70e5939,
                     0x67332667ffc00b31, 0x8eb44a8768581511, 0xdb0c2e0d64f98fa7, 0x47b5481dbefa4fa4)
        }
        pending.reserveCapacity(128)
    }

    /// The digest of `bytes`: 64 bytes for SHA-512, 48 for SHA-384.
    public static func digest<Bytes: Collection>(_ bytes: Bytes, variant: Variant = .sha512) -> [UInt8]
    where Bytes.Element == UInt8 {
        var hasher = SHA512(variant)
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Adds the bytes of a raw buffer to the message.
    public mutating func update(buffer: UnsafeRawBufferPointer) {
        guard buffer.count > 0 else { return }
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 16) { schedule in
            update(buffer: buffer, schedule: schedule.baseAddress!)
        }
    }

    private mutating func update(buffer: UnsafeRawBufferPointer, schedule: UnsafeMutablePointer<UInt64>) {
        length &+= UInt64(buffer.count)
        var leftover = pending
        pending = []
        feedBlocks(buffer, blockSize: 128, pending: &leftover) { compress($0, schedule: schedule) }
        pending = leftover
    }

    /// The digest (the state words big-endian, §6.4.2 step 4; SHA-384 the first six); the hasher is
    /// spent afterwards. Pads as §5.1.2 says: a 1 bit, zeros to 112 mod 128 bytes, the 128-bit
    /// bit length.
    public mutating func finalize() -> [UInt8] {
        var tail: [UInt8] = [0x80]
        let padding = (128 + 112 - (pending.count + 1) % 128) % 128
        tail += [UInt8](repeating: 0, count: padding)
        let high = length &>> 61, low = length &<< 3
        for word in [high, low] {
            for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: word &>> UInt64(shift))) }
        }
        let savedLength = length
        tail.withUnsafeBytes { update(buffer: $0) }
        length = savedLength
        precondition(pending.isEmpty, "SHA-512 padding must end on a block boundary")
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        var digest: [UInt8] = []
        digest.reserveCapacity(64)
        for word in words.prefix(variant.digestCount / 8) {
            for shift in stride(from: 56, through: 0, by: -8) { digest.append(UInt8(truncatingIfNeeded: word &>> UInt64(shift))) }
        }
        return digest
    }

    /// One 128-byte block (FIPS 180-4 §6.4.2), the message schedule kept as a ring of 16 words.
    /// Wrapping arithmetic and masking shifts on plain pointers, as in `SHA256`, so a debug build
    /// is not slowed by generic operators and array accesses.
    private mutating func compress(_ block: UnsafeRawPointer, schedule m: UnsafeMutablePointer<UInt64>) {
        let k = SHA512.constants
        for i in 0..<16 {
            m[i] = UInt64(bigEndian: block.loadUnaligned(fromByteOffset: i &* 8, as: UInt64.self))
        }
        var (a, b, c, d, e, f, g, h) = state
        var t = 0
        while t < 80 {
            let wt: UInt64
            if t < 16 {
                wt = m[t]
            } else {
                let w15 = m[(t &- 15) & 15], w2 = m[(t &- 2) & 15]
                let s0 = ((w15 &>> 1) | (w15 &<< 63)) ^ ((w15 &>> 8) | (w15 &<< 56)) ^ (w15 &>> 7)
                let s1 = ((w2 &>> 19) | (w2 &<< 45)) ^ ((w2 &>> 61) | (w2 &<< 3)) ^ (w2 &>> 6)
                wt = m[t & 15] &+ s0 &+ m[(t &- 7) & 15] &+ s1
                m[t & 15] = wt
            }
            let s1 = ((e &>> 14) | (e &<< 50)) ^ ((e &>> 18) | (e &<< 46)) ^ ((e &>> 41) | (e &<< 23))
            let choice = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ choice &+ k[t] &+ wt
            let s0 = ((a &>> 28) | (a &<< 36)) ^ ((a &>> 34) | (a &<< 30)) ^ ((a &>> 39) | (a &<< 25))
            let majority = (a & b) ^ (a & c) ^ (b & c)
            h = g; g = f; f = e; e = d &+ t1
            d = c; c = b; b = a; a = t1 &+ s0 &+ majority
            t &+= 1
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
                 state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
    }

    /// The round constants (§4.2.3) in memory that is never freed (read by every thread).
    nonisolated(unsafe) private static let constants: UnsafePointer<UInt64> = {
        let pointer = UnsafeMutablePointer<UInt64>.allocate(capacity: 80)
        pointer.initialize(from: roundConstants, count: 80)
        return UnsafePointer(pointer)
    }()

    private static let roundConstants: [UInt64] = [
        0x428a2f98d728ae22, 0x7137449123ef65cd, 0xb5c0fbcfec4d3b2f, 0xe9b5dba58189dbbc,
        0x3956c25bf348b538, 0x59f111f1b605d019, 0x923f82a4af194f9b, 0xab1c5ed5da6d8118,
        0xd807aa98a3030242, 0x12835b0145706fbe, 0x243185be4ee4b28c, 0x550c7dc3d5ffb4e2,
        0x72be5d74f27b896f, 0x80deb1fe3b1696b1, 0x9bdc06a725c71235, 0xc19bf174cf692694,
        0xe49b69c19ef14ad2, 0xefbe4786384f25e3, 0x0fc19dc68b8cd5b5, 0x240ca1cc77ac9c65,
        0x2de92c6f592b0275, 0x4a7484aa6ea6e483, 0x5cb0a9dcbd41fbd4, 0x76f988da831153b5,
        0x983e5152ee66dfab, 0xa831c66d2db43210, 0xb00327c898fb213f, 0xbf597fc7beef0ee4,
        0xc6e00bf33da88fc2, 0xd5a79147930aa725, 0x06ca6351e003826f, 0x142929670a0e6e70,
        0x27b70a8546d22ffc, 0x2e1b21385c26c926, 0x4d2c6dfc5ac42aed, 0x53380d139d95b3df,
        0x650a73548baf63de, 0x766a0abb3c77b2a8, 0x81c2c92e47edaee6, 0x92722c851482353b,
        0xa2bfe8a14cf10364, 0xa81a664bbc423001, 0xc24b8b70d0f89791, 0xc76c51a30654be30,
        0xd192e819d6ef5218, 0xd69906245565a910, 0xf40e35855771202a, 0x106aa07032bbd1b8,
        0x19a4c116b8d2d0c8, 0x1e376c085141ab53, 0x2748774cdf8eeb99, 0x34b0bcb5e19b48a8,
        0x391c0cb3c5c95a63, 0x4ed8aa4ae3418acb, 0x5b9cca4f7763e373, 0x682e6ff3d6b2b8a3,
        0x748f82ee5defb2fc, 0x78a5636f43172f60, 0x84c87814a1f0ab72, 0x8cc702081a6439ec,
        0x90befffa23631e28, 0xa4506cebde82bde9, 0xbef9a3f7b2c67915, 0xc67178f2e372532b,
        0xca273eceea26619c, 0xd186b8c721c0c207, 0xeada7dd6cde0eb1e, 0xf57d4f7fee6ed178,
        0x06f067aa72176fba, 0x0a637dc5a2c898a6, 0x113f9804bef90dae, 0x1b710b35131c471b,
        0x28db77f523047d84, 0x32caab7b40c72493, 0x3c9ebe0a15c9bebc, 0x431d67c49c100d4c,
        0x4cc5d4becb3e42b6, 0x597f299cfc657e2a, 0x5fcb6fab3ad6faec, 0x6c44198c4a475817,
    ]
}
