import CCrypto

/// The cryptographic primitives the standard security handler needs. Hashes and AES come from
/// libcrypto (OpenSSL); RC4 is written here because OpenSSL 3 only offers it in its "legacy"
/// provider, which is not loaded by default — and RC4 is ten lines.
enum Crypto {
    enum Digest {
        case md5, sha256, sha384, sha512
    }

    static func hash(_ digest: Digest, _ data: [UInt8]) -> [UInt8] {
        let algorithm: OpaquePointer?
        switch digest {
        case .md5: algorithm = EVP_md5()
        case .sha256: algorithm = EVP_sha256()
        case .sha384: algorithm = EVP_sha384()
        case .sha512: algorithm = EVP_sha512()
        }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let ok = data.withUnsafeBytes { input in
            EVP_Digest(input.baseAddress, input.count, &output, &length, algorithm, nil)
        }
        precondition(ok == 1, "libcrypto digest failed")
        return Array(output[0..<Int(length)])
    }

    /// AES in CBC mode without padding (callers strip PKCS#7 padding themselves, leniently).
    /// `key` of 16 or 32 bytes; `data` a multiple of 16 bytes (a ragged tail is dropped).
    static func aesCBC(encrypt: Bool, key: [UInt8], iv: [UInt8], _ data: [UInt8]) -> [UInt8] {
        let usable = data.count / 16 * 16
        guard usable > 0, key.count == 16 || key.count == 32, iv.count == 16,
              let context = EVP_CIPHER_CTX_new() else { return [] }
        defer { EVP_CIPHER_CTX_free(context) }
        let cipher = key.count == 16 ? EVP_aes_128_cbc() : EVP_aes_256_cbc()
        var output = [UInt8](repeating: 0, count: usable + 16)
        var written: Int32 = 0
        var final: Int32 = 0
        let ok: Bool = key.withUnsafeBufferPointer { keyBuffer in
            iv.withUnsafeBufferPointer { ivBuffer in
                data.withUnsafeBufferPointer { input in
                    output.withUnsafeMutableBufferPointer { out in
                        guard EVP_CipherInit_ex(context, cipher, nil, keyBuffer.baseAddress, ivBuffer.baseAddress, encrypt ? 1 : 0) == 1 else { return false }
                        EVP_CIPHER_CTX_set_padding(context, 0)
                        guard EVP_CipherUpdate(context, out.baseAddress, &written, input.baseAddress, Int32(usable)) == 1 else { return false }
                        return EVP_CipherFinal_ex(context, out.baseAddress! + Int(written), &final) == 1
                    }
                }
            }
        }
        guard ok else { return [] }
        return Array(output[0..<Int(written + final)])
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
