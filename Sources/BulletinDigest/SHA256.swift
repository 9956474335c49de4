import Glibc

/// SHA-256 (FIPS 180-4) of bytes, written here because Foundation on Linux has no digest and the
/// house allows no package for it. The batch uses it for the manifest's content hashes (inputs,
/// the layout file, font files and the executable), goldens manifests for font hashes, the PDF
/// reader for the keys of AES-256 encrypted files. A cryptographic hash is more than change
/// detection needs, but it is the one users can check with `sha256sum`, and at a few hundred MB/s
/// (release build) hashing a whole archive's inputs costs tens of milliseconds.
public struct SHA256: MessageHasher, Sendable {
    private var state: (UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32) =
        (0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19)
    /// Bytes not yet forming a whole 64-byte block.
    private var pending: [UInt8] = []
    private var length: UInt64 = 0

    public init() { pending.reserveCapacity(64) }

    /// The hex digest of `bytes`.
    public static func hex<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalizeHex()
    }

    /// Why a file could not be hashed (strerror's words).
    public struct FileError: Error, Sendable, CustomStringConvertible {
        public var reason: String
        public var description: String { reason }
    }

    /// The hex digest of a file's contents, streamed in 1 MiB reads.
    public static func hex(ofFile path: String) throws(FileError) -> String {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw FileError(reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var hasher = SHA256()
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw FileError(reason: String(cString: strerror(errno)))
            }
            if count == 0 { break }
            buffer.withUnsafeBytes { hasher.update(buffer: UnsafeRawBufferPointer(rebasing: $0[0..<count])) }
        }
        return hasher.finalizeHex()
    }

    /// Adds the bytes of a raw buffer to the message.
    public mutating func update(buffer: UnsafeRawBufferPointer) {
        guard buffer.count > 0 else { return }
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { schedule in
            update(buffer: buffer, schedule: schedule.baseAddress!)
        }
    }

    private mutating func update(buffer: UnsafeRawBufferPointer, schedule: UnsafeMutablePointer<UInt32>) {
        length &+= UInt64(buffer.count)
        var leftover = pending
        pending = []
        feedBlocks(buffer, blockSize: 64, pending: &leftover) { compress($0, schedule: schedule) }
        pending = leftover
    }

    /// The digest as 64 lowercase hex digits; the hasher is spent afterwards.
    public mutating func finalizeHex() -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var hex: [UInt8] = []
        hex.reserveCapacity(64)
        for byte in finalize() {
            hex.append(digits[Int(byte &>> 4)])
            hex.append(digits[Int(byte & 0xf)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// The 32-byte digest of `bytes`.
    public static func digest<Bytes: Collection>(_ bytes: Bytes) -> [UInt8] where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest as 32 bytes (the state words big-endian, FIPS 180-4 §6.2.2 step 4); the hasher
    /// is spent afterwards. Pads the message as §5.1.1 says: a 1 bit, zeros, the 64-bit length.
    public mutating func finalize() -> [UInt8] {
        let bitLength = length &* 8
        var tail: [UInt8] = [0x80]
        let padding = (64 + 56 - (pending.count + 1) % 64) % 64
        tail += [UInt8](repeating: 0, count: padding)
        for shift in stride(from: 56, through: 0, by: -8) { tail.append(UInt8(truncatingIfNeeded: bitLength >> UInt64(shift))) }
        let savedLength = length
        tail.withUnsafeBytes { update(buffer: $0) }
        length = savedLength
        precondition(pending.isEmpty, "SHA-256 padding must end on a block boundary")
        let words = [state.0, state.1, state.2, state.3, state.4, state.5, state.6, state.7]
        var digest: [UInt8] = []
        digest.reserveCapacity(32)
        for word in words {
            for shift in stride(from: 24, through: 0, by: -8) { digest.append(UInt8(truncatingIfNeeded: word &>> UInt32(shift))) }
        }
        return digest
    }

    /// One 64-byte block (FIPS 180-4 §6.2.2). Wrapping arithmetic and masking shifts (`&>>`)
    /// throughout, on plain pointers: they compile to single instructions even without
    /// optimization, where the generic `>>` and array accesses are calls, so a debug build (the
    /// tests') hashes several times faster.
    private mutating func compress(_ block: UnsafeRawPointer, schedule m: UnsafeMutablePointer<UInt32>) {
        let k = SHA256.constants
        for i in 0..<16 {
            m[i] = UInt32(bigEndian: block.loadUnaligned(fromByteOffset: i &* 4, as: UInt32.self))
        }
        var (a, b, c, d, e, f, g, h) = state
        var t = 0
        while t < 64 {
            let wt: UInt32
            if t < 16 {
                wt = m[t]
            } else {
                let w15 = m[(t &- 15) & 15], w2 = m[(t &- 2) & 15]
                let s0 = ((w15 &>> 7) | (w15 &<< 25)) ^ ((w15 &>> 18) | (w15 &<< 14)) ^ (w15 &>> 3)
                let s1 = ((w2 &>> 17) | (w2 &<< 15)) ^ ((w2 &>> 19) | (w2 &<< 13)) ^ (w2 &>> 10)
                wt = m[t & 15] &+ s0 &+ m[(t &- 7) & 15] &+ s1
                m[t & 15] = wt
            }
            let s1 = ((e &>> 6) | (e &<< 26)) ^ ((e &>> 11) | (e &<< 21)) ^ ((e &>> 25) | (e &<< 7))
            let choice = (e & f) ^ (~e & g)
            let t1 = h &+ s1 &+ choice &+ k[t] &+ wt
            let s0 = ((a &>> 2) | (a &<< 30)) ^ ((a &>> 13) | (a &<< 19)) ^ ((a &>> 22) | (a &<< 10))
            let majority = (a & b) ^ (a & c) ^ (b & c)
            h = g; g = f; f = e; e = d &+ t1
            d = c; c = b; b = a; a = t1 &+ s0 &+ majority
            t &+= 1
        }
        state = (state.0 &+ a, state.1 &+ b, state.2 &+ c, state.3 &+ d,
                 state.4 &+ e, state.5 &+ f, state.6 &+ g, state.7 &+ h)
    }

    /// The round constants in memory that is never freed (read by every thread).
    nonisolated(unsafe) private static let constants: UnsafePointer<UInt32> = {
        let pointer = UnsafeMutablePointer<UInt32>.allocate(capacity: 64)
        pointer.initialize(from: roundConstants, count: 64)
        return UnsafePointer(pointer)
    }()

    private static let roundConstants: [UInt32] = [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ]
}

