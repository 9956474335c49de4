import BulletinDigest

/// The cryptographic primitives the standard security handler needs, all our own: the hashes from
/// BulletinDigest (MD5, SHA-256, SHA-384, SHA-512), AES here (`AES`), and RC4, which is ten lines.
/// (They once came from libcrypto, whose loading cost every run of the command 1.7 ms.)
enum Crypto {
    enum Digest {
        case md5, sha256, sha384, sha512
    }

    static func hash(_ digest: Digest, _ data: [UInt8]) -> [UInt8] {
        switch digest {
        case .md5: MD5.digest(data)
        case .sha256: SHA256.digest(data)
        case .sha384: SHA512.digest(data, variant: .sha384)
        case .sha512: SHA512.digest(data, variant: .sha512)
        }
    }

    /// AES in CBC mode without padding (callers strip PKCS#7 padding themselves, leniently).
    /// `key` of 16 or 32 bytes, `iv` of 16; `data` a multiple of 16 bytes (a ragged tail is
    /// dropped). Empty when the key or IV has another length or there is no whole block.
    static func aesCBC(encrypt: Bool, key: [UInt8], iv: [UInt8], _ data: [UInt8]) -> [UInt8] {
        let usable = data.count / 16 * 16
        guard usable > 0, iv.count == 16, let cipher = AES(key: key) else { return [] }
        return [UInt8](unsafeUninitializedCapacity: usable) { output, count in
            iv.withUnsafeBytes { ivBytes in
                data.withUnsafeBytes { input in
                    let blocks = UnsafeRawBufferPointer(rebasing: input[0..<usable])
                    let out = UnsafeMutableRawPointer(output.baseAddress!)
                    if encrypt {
                        cipher.encryptCBC(iv: ivBytes.baseAddress!, blocks, into: out)
                    } else {
                        cipher.decryptCBC(iv: ivBytes.baseAddress!, blocks, into: out)
                    }
                }
            }
            count = usable
        }
    }

    /// RC4 (the "V2" crypt filter and the V1/V2 handlers).
    static func rc4(key: [UInt8], _ data: [UInt8]) -> [UInt8] {
        guard !key.isEmpty else { return data }
        var state = [UInt8](0...255)
        var j: UInt8 = 0
        for i in 0..<256 {
            j = j &+ state[i] &+ key[i % key.count]
            state.swapAt(i, Int(j))
        }
        var output = data
        var i: UInt8 = 0
        j = 0
        for index in 0..<output.count {
            i = i &+ 1
            j = j &+ state[Int(i)]
            state.swapAt(Int(i), Int(j))
            output[index] ^= state[Int(state[Int(i)] &+ state[Int(j)])]
        }
        return output
    }
}
