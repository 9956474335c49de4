@testable import BulletinPDFReader
import XCTest

/// Bold and italic read from a font's name when its descriptor says nothing (§9.8.2 flags and
/// weight are the other sources): the style words, in any case, anywhere in the name.
final class FontStyleTests: XCTestCase {
    private func style(_ name: String) throws -> (bold: Bool, italic: Bool) {
        let store = ObjectStore(source: ByteSource(copying: Array("%PDF-1.4\n".utf8)), crossReference: CrossReference(),
                                streamLimit: 1 << 20)
        return FontLoader.style(name: name, descriptor: nil, store: store)
    }

    func testStyleWordsInTheName() throws {
        XCTAssertEqual(try style("SimHei-Bold").bold, true)
        XCTAssertEqual(try style("NotoSansCJKsc-BLACK").bold, true)
        XCTAssertEqual(try style("HiraginoSans-W8").bold, true)
        XCTAssertEqual(try style("Myriad-Demi").bold, true)
        XCTAssertEqual(try style("Times-Italic").italic, true)
        XCTAssertEqual(try style("Helvetica-BoldOblique").bold, true)
        XCTAssertEqual(try style("Helvetica-BoldOblique").italic, true)
        let plain = try style("FandolSong-Regular")
        XCTAssertFalse(plain.bold)
        XCTAssertFalse(plain.italic)
        XCTAssertFalse(try style("W").bold, "a name shorter than the word")
        XCTAssertFalse(try style("").italic)
        XCTAssertFalse(try style("宋体").bold)
    }
}
