import BulletinDigest
import Foundation
import TestSupport
import XCTest

/// SHA-512 and SHA-384 against the FIPS 180 examples and against coreutils' `sha512sum` and
/// `sha384sum`.
final class SHA512Tests: XCTestCase {
    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// The one-block "abc", the two-block 896-bit message and the empty message.
    private static let twoBlock = "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"

    func testSHA512Examples() {
        XCTAssertEqual(hex(SHA512.digest(Array("abc".utf8))),
                       "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f")
        XCTAssertEqual(hex(SHA512.digest(Array(Self.twoBlock.utf8))),
                       "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909")
        XCTAssertEqual(hex(SHA512.digest([UInt8]())),
                       "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")
        XCTAssertEqual(hex(SHA512.digest([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000))),
                       "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973ebde0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b")
    }

    func testSHA384Examples() {
        XCTAssertEqual(hex(SHA512.digest(Array("abc".utf8), variant: .sha384)),
                       "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7")
        XCTAssertEqual(hex(SHA512.digest(Array(Self.twoBlock.utf8), variant: .sha384)),
                       "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039")
        XCTAssertEqual(hex(SHA512.digest([UInt8](), variant: .sha384)),
                       "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b")
    }

    /// Feeding a message of several blocks in pieces of every size from 1 to 260 bytes gives the
    /// one-shot digest, for both variants.
    func testIncrementalUpdatesMatchOneShot() {
        var random = SplitMix64(seed: 13)
        let message = (0..<1000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        for variant in [SHA512.Variant.sha512, .sha384] {
            let expected = SHA512.digest(message, variant: variant)
            XCTAssertEqual(expected.count, variant.digestCount)
            for piece in 1...260 {
                var hasher = SHA512(variant)
                var start = 0
                while start < message.count {
                    let end = min(message.count, start + piece)
                    hasher.update(message[start..<end])
                    start = end
                }
                XCTAssertEqual(hasher.finalize(), expected, "\(variant), pieces of \(piece) bytes")
            }
        }
    }

    /// Messages of every length around the padding boundaries (111, 112, 127, 128 bytes …) agree
    /// with `sha512sum` and `sha384sum`, and so does a whole font file.
    func testMatchesCoreutils() throws {
        let font = Repository.path("Fonts/FandolHei-Bold.otf")
        let data = try XCTUnwrap(FileManager.default.contents(atPath: font))
        let started = Date()
        let ours = hex(SHA512.digest(data))
        let elapsed = Date().timeIntervalSince(started)
        let theirs = try Shell.run("/usr/bin/sha512sum", [font]).stdout.split(separator: " ").first.map(String.init)
        XCTAssertEqual(ours, theirs)
        print("SHA-512 of \(data.count) bytes: \(String(format: "%.0f", Double(data.count) / elapsed / 1e6)) MB/s (this build)")
        for count in [111, 112, 113, 127, 128, 129, 239, 240, 256] {
            let message = Array(data.prefix(count))
            for (tool, variant) in [("/usr/bin/sha512sum", SHA512.Variant.sha512), ("/usr/bin/sha384sum", .sha384)] {
                let sum = try Shell.run(tool, [], stdin: Data(message)).stdout.split(separator: " ").first.map(String.init)
                XCTAssertEqual(hex(SHA512.digest(message, variant: variant)), sum, "\(tool), \(count) bytes")
            }
        }
    }
}
