/// AES (FIPS-197) with 128- and 256-bit keys, and CBC mode (NIST SP 800-38A §6.2): what the
/// standard security handler needs to decrypt AESV2/AESV3 files and to compute revision 6 keys.
///
/// The usual 32-bit table implementation (the "T-tables" of Daemen and Rijmen, §5.2.1 of *The
/// Design of Rijndael*): a round is sixteen table look-ups and XORs on four column words, each
/// column held big-endian (byte 0 of a column most significant). Decryption runs the equivalent
/// inverse cipher (FIPS-197 §5.3.5) so that it has the same shape with inverse tables and a
/// transformed key schedule. The tables are built from the S-box (itself computed from GF(2⁸)
/// inverses, §5.1.1) on first use, never at start-up, into memory that is never freed.
///
/// Not constant-time: table look-ups indexed by secret data leak through the cache. That matters
/// to a machine holding keys against a local attacker; a reader decrypting PDFs whose password is
/// empty (anyone may compute the key) has nothing to hide.
struct AES {
    /// 10 for AES-128, 14 for AES-256 (FIPS-197 §5, Figure 4).
    let rounds: Int
    /// The key schedule w[0 ..< 4 (Nr + 1)] (§5.2).
    private let encryptionKeys: [UInt32]
    /// The equivalent inverse cipher's schedule: rounds in reverse, InvMixColumns applied to the
    /// inner ones (§5.3.5).
    private let decryptionKeys: [UInt32]

    /// A cipher for a 16- or 32-byte key; nil for any other length.
    init?(key: [UInt8]) {
        guard key.count == 16 || key.count == 32 else { return nil }
        let tables = AES.tables
        let nk = key.count / 4
        rounds = nk + 6
        let total = 4 * (rounds + 1)
        var w = [UInt32](repeating: 0, count: total)
        for i in 0..<nk {
            w[i] = UInt32(key[4 * i]) << 24 | UInt32(key[4 * i + 1]) << 16 | UInt32(key[4 * i + 2]) << 8 | UInt32(key[4 * i + 3])
        }
        var rcon: UInt32 = 0x01
        for i in nk..<total {
            var temp = w[i - 1]
            if i % nk == 0 {
                temp = AES.subWord((temp << 8) | (temp >> 24), tables.sbox) ^ (rcon << 24)  // RotWord, SubWord, Rcon
                rcon = UInt32(AES.times2(UInt8(rcon)))
            } else if nk > 6, i % nk == 4 {
                temp = AES.subWord(temp, tables.sbox)
            }
            w[i] = w[i - nk] ^ temp
        }
        encryptionKeys = w
        var d = [UInt32](repeating: 0, count: total)
        for round in 0...rounds {
            for column in 0..<4 {
                let word = w[4 * (rounds - round) + column]
                if round == 0 || round == rounds {
                    d[4 * round + column] = word
                } else {  // InvMixColumns(word): the inverse tables undo the S-box they start with
                    let s = tables.sbox, td = tables.decrypt
                    d[4 * round + column] = td[Int(s[Int(word >> 24)])] ^ td[256 + Int(s[Int(word >> 16 & 0xff)])]
                        ^ td[512 + Int(s[Int(word >> 8 & 0xff)])] ^ td[768 + Int(s[Int(word & 0xff)])]
                }
            }
        }
        decryptionKeys = d
    }

    // MARK: CBC

    /// CBC encryption (SP 800-38A §6.2) of `input.count / 16` whole blocks into `output` (at least
    /// as long); a ragged tail of `input` is ignored. `iv` is 16 bytes.
    func encryptCBC(iv: UnsafeRawPointer, _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer) {
        guard let source = input.baseAddress else { return }
        let blocks = input.count / 16
        var c0 = AES.word(iv, 0), c1 = AES.word(iv, 4), c2 = AES.word(iv, 8), c3 = AES.word(iv, 12)
        encryptionKeys.withUnsafeBufferPointer { keys in
            let keys = keys.baseAddress!, tables = AES.tables
            var offset = 0
            for _ in 0..<blocks {
                (c0, c1, c2, c3) = AES.encrypt(AES.word(source, offset) ^ c0, AES.word(source, offset &+ 4) ^ c1,
                                               AES.word(source, offset &+ 8) ^ c2, AES.word(source, offset &+ 12) ^ c3,
                                               keys: keys, rounds: rounds, tables: tables)
                AES.store(c0, c1, c2, c3, output + offset)
                offset &+= 16
            }
        }
    }

    /// CBC decryption (SP 800-38A §6.2) of `input.count / 16` whole blocks into `output` (at least
    /// as long, not overlapping `input`); a ragged tail of `input` is ignored. `iv` is 16 bytes.
    func decryptCBC(iv: UnsafeRawPointer, _ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawPointer) {
        guard let source = input.baseAddress else { return }
        let blocks = input.count / 16
        var c0 = AES.word(iv, 0), c1 = AES.word(iv, 4), c2 = AES.word(iv, 8), c3 = AES.word(iv, 12)
        decryptionKeys.withUnsafeBufferPointer { keys in
            let keys = keys.baseAddress!, tables = AES.tables
            var offset = 0
            for _ in 0..<blocks {
                let x0 = AES.word(source, offset), x1 = AES.word(source, offset &+ 4)
                let x2 = AES.word(source, offset &+ 8), x3 = AES.word(source, offset &+ 12)
                let (p0, p1, p2, p3) = AES.decrypt(x0, x1, x2, x3, keys: keys, rounds: rounds, tables: tables)
                AES.store(p0 ^ c0, p1 ^ c1, p2 ^ c2, p3 ^ c3, output + offset)
                (c0, c1, c2, c3) = (x0, x1, x2, x3)
                offset &+= 16
            }
        }
    }

    // MARK: Single blocks

    /// Encrypts one 16-byte block (FIPS-197 §5.1, Cipher()).
    func encryptBlock(_ input: [UInt8]) -> [UInt8] {
        precondition(input.count == 16, "AES blocks are 16 bytes")
        return [UInt8](unsafeUninitializedCapacity: 16) { output, count in
            input.withUnsafeBytes { source in
                encryptionKeys.withUnsafeBufferPointer { keys in
                    let s = source.baseAddress!
                    let (o0, o1, o2, o3) = AES.encrypt(AES.word(s, 0), AES.word(s, 4), AES.word(s, 8), AES.word(s, 12),
                                                       keys: keys.baseAddress!, rounds: rounds, tables: AES.tables)
                    AES.store(o0, o1, o2, o3, UnsafeMutableRawPointer(output.baseAddress!))
                }
            }
            count = 16
        }
    }

    /// Decrypts one 16-byte block (FIPS-197 §5.3, InvCipher()).
    func decryptBlock(_ input: [UInt8]) -> [UInt8] {
        precondition(input.count == 16, "AES blocks are 16 bytes")
        return [UInt8](unsafeUninitializedCapacity: 16) { output, count in
            input.withUnsafeBytes { source in
                decryptionKeys.withUnsafeBufferPointer { keys in
                    let s = source.baseAddress!
                    let (o0, o1, o2, o3) = AES.decrypt(AES.word(s, 0), AES.word(s, 4), AES.word(s, 8), AES.word(s, 12),
                                                       keys: keys.baseAddress!, rounds: rounds, tables: AES.tables)
                    AES.store(o0, o1, o2, o3, UnsafeMutableRawPointer(output.baseAddress!))
                }
            }
            count = 16
        }
    }

    // MARK: The rounds

    /// Cipher() on four column words: AddRoundKey, then rounds of SubBytes + ShiftRows +
    /// MixColumns + AddRoundKey as table look-ups, the last without MixColumns. Masking shifts and
    /// wrapping arithmetic on plain pointers, so a debug build (the tests') is not slowed by
    /// generic operators and bounds checks.
    @inline(__always)
    private static func encrypt(_ i0: UInt32, _ i1: UInt32, _ i2: UInt32, _ i3: UInt32,
                                keys rk: UnsafePointer<UInt32>, rounds: Int, tables: Tables) -> (UInt32, UInt32, UInt32, UInt32) {
        let te = tables.encrypt, sbox = tables.sbox
        var s0 = i0 ^ rk[0], s1 = i1 ^ rk[1], s2 = i2 ^ rk[2], s3 = i3 ^ rk[3]
        var k = 4
        for _ in 1..<rounds {
            let t0 = te[Int(s0 &>> 24)] ^ te[256 | Int(s1 &>> 16 & 0xff)] ^ te[512 | Int(s2 &>> 8 & 0xff)] ^ te[768 | Int(s3 & 0xff)] ^ rk[k]
            let t1 = te[Int(s1 &>> 24)] ^ te[256 | Int(s2 &>> 16 & 0xff)] ^ te[512 | Int(s3 &>> 8 & 0xff)] ^ te[768 | Int(s0 & 0xff)] ^ rk[k &+ 1]
            let t2 = te[Int(s2 &>> 24)] ^ te[256 | Int(s3 &>> 16 & 0xff)] ^ te[512 | Int(s0 &>> 8 & 0xff)] ^ te[768 | Int(s1 & 0xff)] ^ rk[k &+ 2]
            let t3 = te[Int(s3 &>> 24)] ^ te[256 | Int(s0 &>> 16 & 0xff)] ^ te[512 | Int(s1 &>> 8 & 0xff)] ^ te[768 | Int(s2 & 0xff)] ^ rk[k &+ 3]
            s0 = t0; s1 = t1; s2 = t2; s3 = t3
            k &+= 4
        }
        @inline(__always) func last(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ key: UInt32) -> UInt32 {
            (UInt32(sbox[Int(a &>> 24)]) &<< 24 | UInt32(sbox[Int(b &>> 16 & 0xff)]) &<< 16
                | UInt32(sbox[Int(c &>> 8 & 0xff)]) &<< 8 | UInt32(sbox[Int(d & 0xff)])) ^ key
        }
        return (last(s0, s1, s2, s3, rk[k]), last(s1, s2, s3, s0, rk[k &+ 1]),
                last(s2, s3, s0, s1, rk[k &+ 2]), last(s3, s0, s1, s2, rk[k &+ 3]))
    }

    /// The equivalent inverse cipher (§5.3.5) on four column words: InvShiftRows takes each
    /// column's bytes from the columns to its left where ShiftRows took them from the right.
    @inline(__always)
    private static func decrypt(_ i0: UInt32, _ i1: UInt32, _ i2: UInt32, _ i3: UInt32,
                                keys rk: UnsafePointer<UInt32>, rounds: Int, tables: Tables) -> (UInt32, UInt32, UInt32, UInt32) {
        let td = tables.decrypt, inverse = tables.inverseSbox
        var s0 = i0 ^ rk[0], s1 = i1 ^ rk[1], s2 = i2 ^ rk[2], s3 = i3 ^ rk[3]
        var k = 4
        for _ in 1..<rounds {
            let t0 = td[Int(s0 &>> 24)] ^ td[256 | Int(s3 &>> 16 & 0xff)] ^ td[512 | Int(s2 &>> 8 & 0xff)] ^ td[768 | Int(s1 & 0xff)] ^ rk[k]
            let t1 = td[Int(s1 &>> 24)] ^ td[256 | Int(s0 &>> 16 & 0xff)] ^ td[512 | Int(s3 &>> 8 & 0xff)] ^ td[768 | Int(s2 & 0xff)] ^ rk[k &+ 1]
            let t2 = td[Int(s2 &>> 24)] ^ td[256 | Int(s1 &>> 16 & 0xff)] ^ td[512 | Int(s0 &>> 8 & 0xff)] ^ td[768 | Int(s3 & 0xff)] ^ rk[k &+ 2]
            let t3 = td[Int(s3 &>> 24)] ^ td[256 | Int(s2 &>> 16 & 0xff)] ^ td[512 | Int(s1 &>> 8 & 0xff)] ^ td[768 | Int(s0 & 0xff)] ^ rk[k &+ 3]
            s0 = t0; s1 = t1; s2 = t2; s3 = t3
            k &+= 4
        }
        @inline(__always) func last(_ a: UInt32, _ b: UInt32, _ c: UInt32, _ d: UInt32, _ key: UInt32) -> UInt32 {
            (UInt32(inverse[Int(a &>> 24)]) &<< 24 | UInt32(inverse[Int(b &>> 16 & 0xff)]) &<< 16
                | UInt32(inverse[Int(c &>> 8 & 0xff)]) &<< 8 | UInt32(inverse[Int(d & 0xff)])) ^ key
        }
        return (last(s0, s3, s2, s1, rk[k]), last(s1, s0, s3, s2, rk[k &+ 1]),
                last(s2, s1, s0, s3, rk[k &+ 2]), last(s3, s2, s1, s0, rk[k &+ 3]))
    }

    @inline(__always)
    private static func word(_ pointer: UnsafeRawPointer, _ offset: Int) -> UInt32 {
        UInt32(bigEndian: pointer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
    }

    @inline(__always)
    private static func store(_ w0: UInt32, _ w1: UInt32, _ w2: UInt32, _ w3: UInt32, _ pointer: UnsafeMutableRawPointer) {
        pointer.storeBytes(of: w0.bigEndian, toByteOffset: 0, as: UInt32.self)
        pointer.storeBytes(of: w1.bigEndian, toByteOffset: 4, as: UInt32.self)
        pointer.storeBytes(of: w2.bigEndian, toByteOffset: 8, as: UInt32.self)
        pointer.storeBytes(of: w3.bigEndian, toByteOffset: 12, as: UInt32.self)
    }

    private static func subWord(_ word: UInt32, _ sbox: UnsafePointer<UInt8>) -> UInt32 {
        UInt32(sbox[Int(word >> 24)]) << 24 | UInt32(sbox[Int(word >> 16 & 0xff)]) << 16
            | UInt32(sbox[Int(word >> 8 & 0xff)]) << 8 | UInt32(sbox[Int(word & 0xff)])
    }

    /// Multiplication by x in GF(2⁸) modulo x⁸ + x⁴ + x³ + x + 1 (FIPS-197 §4.2.1, xtime()).
    private static func times2(_ a: UInt8) -> UInt8 {
        (a &<< 1) ^ (a & 0x80 != 0 ? 0x1b : 0)
    }

    /// a · b in GF(2⁸) (§4.2), for building the tables.
    private static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 {
        var a = a, b = b, product: UInt8 = 0
        while b != 0 {
            if b & 1 != 0 { product ^= a }
            a = times2(a)
            b >>= 1
        }
        return product
    }

    // MARK: Tables

    /// Four encryption tables Te0…Te3 (SubBytes then a MixColumns column, rotated by 0, 8, 16, 24
    /// bits) and four decryption tables Td0…Td3 (InvSubBytes then an InvMixColumns column), each
    /// 256 words laid end to end, plus the S-box and its inverse for the last round.
    private struct Tables {
        let encrypt: UnsafePointer<UInt32>
        let decrypt: UnsafePointer<UInt32>
        let sbox: UnsafePointer<UInt8>
        let inverseSbox: UnsafePointer<UInt8>
    }

    /// Built on first use, in memory that is never freed (read by every thread).
    nonisolated(unsafe) private static let tables: Tables = {
        // The S-box (§5.1.1): the multiplicative inverse in GF(2⁸), then the affine map
        // b ⊕ rotl(b,1) ⊕ rotl(b,2) ⊕ rotl(b,3) ⊕ rotl(b,4) ⊕ 0x63. Walks p through the powers of
        // the generator 3 while q walks through the powers of its inverse, so q = p⁻¹ throughout.
        let sbox = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        let inverseSbox = UnsafeMutablePointer<UInt8>.allocate(capacity: 256)
        func rotl(_ b: UInt8, _ n: UInt8) -> UInt8 { (b &<< n) | (b &>> (8 &- n)) }
        sbox[0] = 0x63
        var p: UInt8 = 1, q: UInt8 = 1
        repeat {
            p = p ^ times2(p)                                   // p · 3
            q ^= q &<< 1; q ^= q &<< 2; q ^= q &<< 4            // q / 3
            if q & 0x80 != 0 { q ^= 0x09 }
            sbox[Int(p)] = q ^ rotl(q, 1) ^ rotl(q, 2) ^ rotl(q, 3) ^ rotl(q, 4) ^ 0x63
        } while p != 1
        for x in 0..<256 { inverseSbox[Int(sbox[x])] = UInt8(x) }

        let encrypt = UnsafeMutablePointer<UInt32>.allocate(capacity: 1024)
        let decrypt = UnsafeMutablePointer<UInt32>.allocate(capacity: 1024)
        for x in 0..<256 {
            let s = sbox[x]
            // MixColumns' column (02 01 01 03) · s, byte 0 most significant (§5.1.3).
            let e = UInt32(multiply(s, 2)) << 24 | UInt32(s) << 16 | UInt32(s) << 8 | UInt32(multiply(s, 3))
            let v = inverseSbox[x]
            // InvMixColumns' column (0e 09 0d 0b) · v (§5.3.3).
            let d = UInt32(multiply(v, 14)) << 24 | UInt32(multiply(v, 9)) << 16 | UInt32(multiply(v, 13)) << 8 | UInt32(multiply(v, 11))
            for table in 0..<4 {
                let shift = UInt32(8 * table)
                encrypt[256 * table + x] = shift == 0 ? e : (e >> shift) | (e << (32 - shift))
                decrypt[256 * table + x] = shift == 0 ? d : (d >> shift) | (d << (32 - shift))
            }
        }
        return Tables(encrypt: UnsafePointer(encrypt), decrypt: UnsafePointer(decrypt),
                      sbox: UnsafePointer(sbox), inverseSbox: UnsafePointer(inverseSbox))
    }()
}
