import BulletinDigest
import Foundation
import TestSupport
import XCTest

/// MD5 against the RFC 1321 test suite and against coreutils' `md5sum` on a real file.
final class MD5Tests: XCTestCase {
    private func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    /// RFC 1321 §A.5, all seven.
    func testRFC1321Suite() {
        let suite: [(String, String)] = [
            ("", "d41d8cd98f00b204e9800998ecf8427e"),
            ("a", "0cc175b9c0f1b6a831c399e269772661"),
            ("abc", "900150983cd24fb0d6963f7d28e17f72"),
            ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
            ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
            ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
            ("12345678901234567890123456789012345678901234567890123456789012345678901234567890",
             "57edf4a22be3c955ac49da2e2107b67a"),
        ]
        for (message, expected) in suite {
            let digest = MD5.digest(Array(message.utf8))
            XCTAssertEqual(digest.count, 16)
            XCTAssertEqual(hex(digest), expected, "MD5(\"\(message)\")")
        }
    }

    /// Feeding a message of several blocks in pieces of every size from 1 to 130 bytes gives the
    /// one-shot digest (the partial-block path is where hand-written hashes go wrong).
    func testIncrementalUpdatesMatchOneShot() {
        var random = SplitMix64(seed: 11)
        let message = (0..<1000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let expected = MD5.digest(message)
        for piece in 1...130 {
            var hasher = MD5()
            var start = 0
            while start < message.count {
                let end = min(message.count, start + piece)
                hasher.update(message[start..<end])
                start = end
            }
            XCTAssertEqual(hasher.finalize(), expected, "pieces of \(piece) bytes")
        }
    }

    /// Messages of every length around the padding boundaries (55, 56, 63, 64 bytes …) agree with
    /// `md5sum`, and so does a whole font file.
    func testMatchesMd5sum() throws {
        let font = Repository.path("Fonts/FandolHei-Bold.otf")
        let data = try XCTUnwrap(FileManager.default.contents(atPath: font))
        let started = Date()
        let ours = hex(MD5.digest(data))
        let elapsed = Date().timeIntervalSince(started)
        let theirs = try Shell.run("/usr/bin/md5sum", [font]).stdout.split(separator: " ").first.map(String.init)
        XCTAssertEqual(ours, theirs)
        print("MD5 of \(data.count) bytes: \(String(format: "%.0f", Double(data.count) / elapsed / 1e6)) MB/s (this build)")
        for count in [55, 56, 57, 63, 64, 65, 119, 120, 128] {
            let message = Array(data.prefix(count))
            let sum = try Shell.run("/usr/bin/md5sum", [], stdin: Data(message)).stdout.split(separator: " ").first.map(String.init)
            XCTAssertEqual(hex(MD5.digest(message)), sum, "\(count) bytes")
        }
    }
}
