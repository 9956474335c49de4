import BulletinVisualDiff
import Foundation
import TestSupport
import XCTest

/// SHA-256 against the FIPS 180-4 examples and sha256sum; library versions against Debian's
/// package database (an independent source).
final class SHA256Tests: XCTestCase {
    func testFIPSVectors() {
        XCTAssertEqual(SHA256.hex([]), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        XCTAssertEqual(SHA256.hex(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        XCTAssertEqual(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8)),
                       "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        XCTAssertEqual(SHA256.hex([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)),
                       "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    func testIncrementalUpdatesMatchOneShot() {
        let bytes = (0..<1000).map { UInt8(truncatingIfNeeded: $0 * 7) }
        var hash = SHA256()
        for chunk in stride(from: 0, to: bytes.count, by: 37) { hash.update(Array(bytes[chunk..<min(bytes.count, chunk + 37)])) }
        XCTAssertEqual(hash.finish().map { String(format: "%02x", $0) }.joined(), SHA256.hex(bytes))
    }

    func testFileHashMatchesSha256sum() throws {
        let font = Repository.path("Fonts/FandolSong-Bold.otf")
        let expected = try Shell.run("/usr/bin/sha256sum", [font]).stdout.split(separator: " ").first.map(String.init)
        XCTAssertEqual(SHA256.hex(ofFile: font), expected)
        XCTAssertNil(SHA256.hex(ofFile: "/nonexistent"))
    }

    func testLibraryVersionsAreTheInstalledOnes() throws {
        func debian(_ package: String) throws -> String {
            try Shell.run("/usr/bin/dpkg-query", ["-W", "-f=${Version}", package]).stdout
        }
        XCTAssertTrue(try debian("libcairo2").hasPrefix(LibraryVersions.cairo + "-"), LibraryVersions.cairo)
        XCTAssertTrue(try debian("libharfbuzz0b").hasPrefix(LibraryVersions.harfBuzz + "+"), LibraryVersions.harfBuzz)
        XCTAssertTrue(try debian("libfreetype6").hasPrefix(LibraryVersions.freeType + "+"), LibraryVersions.freeType)
    }
}
