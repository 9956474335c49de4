import BulletinDigest
import Foundation
import TestSupport
import XCTest

/// SHA-256 against the FIPS 180-4 examples and against `sha256sum` on real files.
final class SHA256Tests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(SHA256.hex([UInt8]()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    /// The raw digest is the hex digest's bytes (32 of them), one-shot or incremental.
    func testRawDigestMatchesHex() {
        for message in ["", "abc", String(repeating: "x", count: 200)] {
            let bytes = SHA256.digest(Array(message.utf8))
            XCTAssertEqual(bytes.count, 32)
            XCTAssertEqual(bytes.map { String(format: "%02x", $0) }.joined(), SHA256.hex(Array(message.utf8)))
            var hasher = SHA256()
            hasher.update(Array(message.utf8))
            XCTAssertEqual(hasher.finalize(), bytes)
        }
    }

    /// Feeding the message in pieces of every size from 1 to 130 bytes gives the one-shot digest
    /// (the partial-block path is where hand-written hashes go wrong).
    func testIncrementalUpdatesMatchOneShot() {
        var random = SplitMix64(seed: 7)
        let message = (0..<1000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let expected = SHA256.hex(message)
        for piece in 1...130 {
            var hasher = SHA256()
            var start = 0
            while start < message.count {
                let end = min(message.count, start + piece)
                hasher.update(message[start..<end])
                start = end
            }
            XCTAssertEqual(hasher.finalizeHex(), expected, "pieces of \(piece) bytes")
        }
    }

    /// The digest of a shipped font equals coreutils' `sha256sum`.
    func testMatchesSha256sumOnAFont() throws {
        let font = Repository.path("Fonts/FandolHei-Bold.otf")
        let data = try XCTUnwrap(FileManager.default.contents(atPath: font))
        let started = Date()
        let ours = SHA256.hex(data)
        let elapsed = Date().timeIntervalSince(started)
        let theirs = try Shell.run("/usr/bin/sha256sum", [font]).stdout.split(separator: " ").first.map(String.init)
        XCTAssertEqual(ours, theirs)
        print("SHA-256 of \(data.count) bytes: \(String(format: "%.0f", Double(data.count) / elapsed / 1e6)) MB/s (this build)")
    }
}
