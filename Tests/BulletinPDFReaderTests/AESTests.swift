@testable import BulletinPDFReader
import TestSupport
import XCTest

/// AES and CBC (the standard security handler's cipher) against the FIPS-197 and NIST SP 800-38A
/// known answers, which `openssl enc -nopad` reproduces, and `Crypto.aesCBC`'s edge cases. The
/// encrypted fixtures (FixtureTests) are the end-to-end check.
final class AESTests: XCTestCase {
    private func bytes(_ hex: String) -> [UInt8] {
        let digits = Array(hex.utf8).filter { $0 != UInt8(ascii: " ") }
        return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(decoding: digits[$0..<$0 + 2], as: UTF8.self), radix: 16)! }
    }

    /// FIPS-197 Appendix C.1 (AES-128) and C.3 (AES-256): one block each way.
    func testFIPS197ExampleVectors() throws {
        let plain = bytes("00112233445566778899aabbccddeeff")
        let cases = [
            ("000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a"),
            ("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "8ea2b7ca516745bfeafc49904b496089"),
        ]
        for (key, cipherText) in cases {
            let aes = try XCTUnwrap(AES(key: bytes(key)))
            XCTAssertEqual(aes.rounds, bytes(key).count == 16 ? 10 : 14)
            XCTAssertEqual(aes.encryptBlock(plain), bytes(cipherText), "key \(key)")
            XCTAssertEqual(aes.decryptBlock(bytes(cipherText)), plain, "key \(key)")
        }
    }

    private static let sp80038APlain = """
        6bc1bee22e409f96e93d7e117393172a ae2d8a571e03ac9c9eb76fac45af8e51
        30c81c46a35ce411e5fbc1191a0a52ef f69f2445df4f9b17ad2b417be66c3710
        """.replacingOccurrences(of: "\n", with: " ")
    private static let sp80038AIV = "000102030405060708090a0b0c0d0e0f"

    /// SP 800-38A F.2.1/F.2.2 (CBC-AES128) and F.2.5/F.2.6 (CBC-AES256), four blocks each way.
    func testSP80038ACBCVectors() {
        let cases = [
            ("2b7e151628aed2a6abf7158809cf4f3c", """
             7649abac8119b246cee98e9b12e9197d 5086cb9b507219ee95db113a917678b2
             73bed6b8e3c1743b7116e69e22229516 3ff1caa1681fac09120eca307586e1a7
             """),
            ("603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4", """
             f58c4c04d6e5f1ba779eabfb5f7bfbd6 9cfc4e967edb808d679f777bc6702c7d
             39f23369a9d9bacfa530e26304231461 b2eb05e2c39be9fcda6c19078c6a9d1b
             """),
        ]
        let plain = bytes(Self.sp80038APlain), iv = bytes(Self.sp80038AIV)
        for (key, cipherText) in cases {
            let expected = bytes(cipherText.replacingOccurrences(of: "\n", with: " "))
            XCTAssertEqual(expected.count, 64)
            XCTAssertEqual(Crypto.aesCBC(encrypt: true, key: bytes(key), iv: iv, plain), expected, "encrypt, key \(key)")
            XCTAssertEqual(Crypto.aesCBC(encrypt: false, key: bytes(key), iv: iv, expected), plain, "decrypt, key \(key)")
        }
    }

    /// Decrypting what was encrypted gives it back, for both key sizes and many lengths; and the
    /// ciphertext differs from the plain text and between keys.
    func testRoundTripOnRandomData() {
        var random = SplitMix64(seed: 197)
        func randomBytes(_ count: Int) -> [UInt8] { (0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) } }
        for keyCount in [16, 32] {
            for blocks in [1, 2, 3, 17, 256, 4096] {
                let key = randomBytes(keyCount), iv = randomBytes(16), plain = randomBytes(blocks * 16)
                let encrypted = Crypto.aesCBC(encrypt: true, key: key, iv: iv, plain)
                XCTAssertEqual(encrypted.count, plain.count)
                XCTAssertNotEqual(encrypted, plain)
                XCTAssertEqual(Crypto.aesCBC(encrypt: false, key: key, iv: iv, encrypted), plain, "\(keyCount)-byte key, \(blocks) blocks")
                var otherKey = key
                otherKey[0] ^= 1
                XCTAssertNotEqual(Crypto.aesCBC(encrypt: true, key: otherKey, iv: iv, plain), encrypted)
            }
        }
    }

    /// The edges `Crypto.aesCBC` keeps from its libcrypto days: nothing for a key that is not 16
    /// or 32 bytes, an IV that is not 16, or less than one block; a ragged tail is dropped.
    func testCBCEdgeCases() {
        let key = bytes("2b7e151628aed2a6abf7158809cf4f3c"), iv = bytes(Self.sp80038AIV)
        let plain = bytes(Self.sp80038APlain)
        for badKey in [0, 1, 15, 17, 24, 31, 33, 64] {
            XCTAssertEqual(Crypto.aesCBC(encrypt: true, key: [UInt8](repeating: 7, count: badKey), iv: iv, plain), [], "\(badKey)-byte key")
            XCTAssertEqual(Crypto.aesCBC(encrypt: false, key: [UInt8](repeating: 7, count: badKey), iv: iv, plain), [], "\(badKey)-byte key")
        }
        XCTAssertNil(AES(key: [UInt8](repeating: 0, count: 24)))  // AES-192 is not needed by PDF
        for badIV in [0, 8, 15, 17, 32] {
            XCTAssertEqual(Crypto.aesCBC(encrypt: false, key: key, iv: [UInt8](repeating: 0, count: badIV), plain), [], "\(badIV)-byte IV")
        }
        for short in [0, 1, 15] {
            XCTAssertEqual(Crypto.aesCBC(encrypt: false, key: key, iv: iv, Array(plain.prefix(short))), [], "\(short) bytes")
            XCTAssertEqual(Crypto.aesCBC(encrypt: true, key: key, iv: iv, Array(plain.prefix(short))), [], "\(short) bytes")
        }
        let whole = Crypto.aesCBC(encrypt: true, key: key, iv: iv, plain)
        for extra in [1, 7, 15] {
            let ragged = Crypto.aesCBC(encrypt: true, key: key, iv: iv, plain + [UInt8](repeating: 0xAA, count: extra))
            XCTAssertEqual(ragged, whole, "\(extra) extra bytes")
            XCTAssertEqual(Crypto.aesCBC(encrypt: false, key: key, iv: iv, whole + [UInt8](repeating: 0xAA, count: extra)), plain)
        }
        XCTAssertEqual(Crypto.aesCBC(encrypt: false, key: key, iv: iv, Array(whole.prefix(31))), Array(plain.prefix(16)))
    }

    /// The digests behind `Crypto.hash` have the lengths the security handler slices by.
    func testHashLengths() {
        XCTAssertEqual(Crypto.hash(.md5, Array("abc".utf8)), bytes("900150983cd24fb0d6963f7d28e17f72"))
        XCTAssertEqual(Crypto.hash(.sha256, []).count, 32)
        XCTAssertEqual(Crypto.hash(.sha384, []).count, 48)
        XCTAssertEqual(Crypto.hash(.sha512, []).count, 64)
    }
}
