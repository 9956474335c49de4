import BulletinDigest
import BulletinVisualDiff
import Foundation
import TestSupport
import XCTest

/// Font-file hashes against sha256sum; library versions against Debian's
/// package database (an independent source).
final class SHA256Tests: XCTestCase {
    func testFileHashMatchesSha256sum() throws {
        let font = Repository.path("Fonts/FandolSong-Bold.otf")
        let expected = try Shell.run("/usr/bin/sha256sum", [font]).stdout.split(separator: " ").first.map(String.init)
        XCTAssertEqual(try SHA256.hex(ofFile: font), expected)
        XCTAssertThrowsError(try SHA256.hex(ofFile: "/nonexistent"))
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
