import BulletinDiff
import BulletinFonts
import BulletinLayout
import BulletinModel
import BulletinRender
import Foundation
import TestSupport
import XCTest

/// The document structure of our PDFs as independent readers see it: qpdf checks the file and
/// reports outlines and page labels, poppler the Info dictionary and the pages' pixels. Also a
/// bound volume of a hundred issues, as batch typesetting makes them.
final class PDFStructureTests: XCTestCase {
    private static let session = SampleRenderTests.session

    private func list(_ sample: String, layout: String = "jianbao") throws -> DisplayList {
        let data = Array(try Data(contentsOf: URL(fileURLWithPath: sample)))
        return try Self.session.render(issueJSON: data, file: sample, layout: layout).value.displayList
    }

    func testSamplesInBothLayoutsPassQPDFCheck() throws {
        for sample in Repository.samples {
            for layout in ["jianbao", "gongwen"] {
                let pdf = try HandMadeLists.write(try PDFRenderer.render(try list(sample, layout: layout)))
                let check = try QPDF.check(pdf)
                XCTAssertTrue(check.clean, "\(sample) \(layout): \(check.output)")
            }
        }
    }

    func testOutlineNestsEntriesByLevelAndGoesToTheirPlace() throws {
        var nested = false
        for sample in Repository.samples {
            let list = try list(sample)
            let pdf = try HandMadeLists.write(try PDFRenderer.render(list))
            let items = try XCTUnwrap(try QPDF.json(pdf, keys: ["outlines"])["outlines"] as? [[String: Any]])
            // Flattened depth-first with depth, as qpdf reads them.
            var read: [(title: String, level: Int, page: Int, top: Double, open: Bool)] = []
            func walk(_ items: [[String: Any]], level: Int) {
                for item in items {
                    let dest = item["dest"] as? [Any] ?? []
                    read.append((item["title"] as? String ?? "", level, item["destpageposfrom1"] as? Int ?? 0,
                                 (dest.count > 3 ? dest[3] as? Double : nil) ?? -1, item["open"] as? Bool ?? false))
                    walk(item["kids"] as? [[String: Any]] ?? [], level: level + 1)
                }
            }
            walk(items, level: 1)
            XCTAssertEqual(read.count, list.outline.count, sample)
            for (entry, item) in zip(list.outline, read) {
                XCTAssertEqual(item.title, entry.title, sample)
                XCTAssertEqual(item.level, entry.level, "\(sample): \(entry.title)")
                XCTAssertEqual(item.page, entry.page + 1, "\(sample): \(entry.title)")
                XCTAssertEqual(item.top, list.pages[entry.page].height - entry.y, accuracy: 0.01, entry.title)
                XCTAssertTrue(item.open, entry.title)
            }
            nested = nested || list.outline.contains { $0.level == 2 }
        }
        XCTAssertTrue(nested, "some sample has a column with articles under it")
    }

    func testPageLabelsGiveEveryPageTheLabelOfItsRange() throws {
        var list = try list(Repository.samples[0])
        XCTAssertEqual(list.pages.count, 5)
        list.pageLabels = [
            PageLabelRange(firstPage: 1, prefix: "第33期-"),
            PageLabelRange(firstPage: 3, prefix: "附录", numbered: false),
            PageLabelRange(firstPage: 4, prefix: "A-", start: 7),
        ]
        let pdf = try HandMadeLists.write(try PDFRenderer.render(list))
        XCTAssertTrue(try QPDF.check(pdf).clean)
        let ranges = try XCTUnwrap(try QPDF.json(pdf, keys: ["pagelabels"])["pagelabels"] as? [[String: Any]])
        // Expand the number tree (§12.4.2) into one label per page, as a viewer does.
        var labels: [String] = []
        for page in 0..<list.pages.count {
            let range = try XCTUnwrap(ranges.last { ($0["index"] as? Int ?? .max) <= page })
            let first = range["index"] as? Int ?? 0
            let label = range["label"] as? [String: Any] ?? [:]
            let prefix = (label["/P"] as? String).map { $0.hasPrefix("u:") ? String($0.dropFirst(2)) : $0 } ?? ""
            let number = label["/S"] as? String == "/D" ? String((label["/St"] as? Int ?? 1) + page - first) : ""
            labels.append(prefix + number)
        }
        XCTAssertEqual(labels, ["1", "第33期-1", "第33期-2", "附录", "A-7"])
        XCTAssertEqual(labels, (0..<5).map { PageLabelRange.label(of: $0, in: list.pageLabels) ?? String($0 + 1) })
    }

    func testInfoDictionaryCarriesTheMetadata() throws {
        var list = try list(Repository.samples[0])
        list.metadata = DocumentMetadata(title: "标题 (第1期)", author: "首都精神文明办", subject: "主题",
                                         keywords: "文明创建；志愿服务", creator: "bulletin-pdf",
                                         creationDate: "2021-03-04T05:06:07+08:00")
        let pdf = try HandMadeLists.write(try PDFRenderer.render(list))
        let info = try Poppler.run("pdfinfo", ["-isodates", pdf]).stdout
        func field(_ key: String) -> String? {
            info.split(separator: "\n").first { $0.hasPrefix(key + ":") }
                .map { $0.dropFirst(key.count + 1).trimmingCharacters(in: .whitespaces) }
        }
        XCTAssertEqual(field("Title"), "标题 (第1期)")
        XCTAssertEqual(field("Author"), "首都精神文明办")
        XCTAssertEqual(field("Subject"), "主题")
        XCTAssertEqual(field("Keywords"), "文明创建；志愿服务")
        XCTAssertEqual(field("Creator"), "bulletin-pdf")
        XCTAssertEqual(field("Producer"), "bulletin-pdf")
        // pdfinfo prints a whole-hour zone as `+08`.
        XCTAssertEqual(field("CreationDate"), "2021-03-04T05:06:07+08")
        XCTAssertEqual(field("ModDate"), "2021-03-04T05:06:07+08")
        // A date that is not ISO 8601 is left out rather than written wrong.
        list.metadata.creationDate = "yesterday"
        let undated = try HandMadeLists.write(try PDFRenderer.render(list))
        XCTAssertFalse(try Poppler.run("pdfinfo", [undated]).stdout.contains("CreationDate"))
    }

    func testEveryPageDrawsInPopplerAsInThePNGRenderer() throws {
        // Poppler reading our PDF and Cairo drawing the same display list. The two rasterizers
        // differ at glyph edges (Cairo puts glyph origins on whole pixels, poppler does not) and
        // on thin rules, so pages are compared by the mean grey of 10×10-pixel blocks at
        // 150 dpi: that noise stays under 35 levels on the samples, while one missing or
        // misplaced 16 pt character changes a block by 56 or more. Every sample's first page in
        // jianbao (masthead, body); in gongwen its first page with synthetic bold and its last
        // page (版记 and its rules).
        for sample in Repository.samples {
            for layout in ["jianbao", "gongwen"] {
                let list = try list(sample, layout: layout)
                let pdf = try HandMadeLists.write(try PDFRenderer.render(list))
                let bold = list.pages.firstIndex { page in
                    page.items.contains { if case .glyphs(let run) = $0 { return run.syntheticBold } else { return false } }
                }
                let pages = layout == "jianbao" ? [0] : Set([bold, list.pages.count - 1].compactMap { $0 }).sorted()
                for page in pages {
                    let poppler = try RasterImage(png: try HandMadeLists.poppler(pdf, page: page + 1, dpi: 150).bytes)
                    let cairo = try RasterImage(png: try PNGRenderer.render(list, page: page, dpi: 150))
                    let difference = Self.largestBlockDifference(cairo, poppler, block: 10)
                    XCTAssertLessThanOrEqual(difference, 45, "\(sample) \(layout) page \(page + 1)")
                }
            }
        }
    }

    /// The largest difference in mean grey (0–255) between corresponding `block`×`block` blocks
    /// of the area the two images share.
    static func largestBlockDifference(_ a: RasterImage, _ b: RasterImage, block: Int) -> Double {
        let width = min(a.width, b.width) / block, height = min(a.height, b.height) / block
        // Sums of a − b per block, in one pass over the shared rows.
        var sums = [Int](repeating: 0, count: width * height)
        a.pixels.withUnsafeBufferPointer { pa in
            b.pixels.withUnsafeBufferPointer { pb in
                for y in 0..<(height * block) {
                    let rowA = y * a.width * 3, rowB = y * b.width * 3, blockRow = (y / block) * width
                    for x in 0..<(width * block * 3) {
                        sums[blockRow + x / (block * 3)] += Int(pa[rowA + x]) - Int(pb[rowB + x])
                    }
                }
            }
        }
        return Double(sums.map { abs($0) }.max() ?? 0) / Double(3 * block * block)
    }

    func testVolumeOfAHundredIssuesKeepsOneFontObjectPerFontAndItsLabels() throws {
        let issues = try Repository.samples.map { try list($0) }
        let volume = VolumeBinding.bind(Array(repeating: issues, count: 25).flatMap { $0 })
        XCTAssertGreaterThan(volume.pages.count, 400)
        let started = Date()
        let bytes = try PDFRenderer.render(volume)
        print("volume of 100 issues, \(volume.pages.count) pages: rendered in "
              + String(format: "%.2f s, %d bytes", Date().timeIntervalSince(started), bytes.count))
        let pdf = try HandMadeLists.write(bytes)
        XCTAssertTrue(try QPDF.check(pdf).clean)
        XCTAssertEqual(try Poppler.info(pdf)["Pages"], String(volume.pages.count))
        let fonts = try Poppler.fonts(pdf)
        XCTAssertEqual(fonts.count, Set(volume.fonts.map(\.postScriptName)).count, "\(fonts.map(\.name))")
        let json = try QPDF.json(pdf, keys: ["pagelabels", "outlines"])
        XCTAssertEqual((json["pagelabels"] as? [Any])?.count, 100)
        XCTAssertEqual((json["outlines"] as? [Any])?.count, 100)
        // The last issue's first page reads as the same issue alone.
        let last = issues[issues.count - 1]
        let firstPageOfLast = volume.pages.count - last.pages.count + 1
        let alone = try HandMadeLists.write(try PDFRenderer.render(last))
        let inVolume = try Poppler.run("pdftotext", ["-enc", "UTF-8", "-f", String(firstPageOfLast), "-l",
                                                      String(firstPageOfLast), pdf, "-"]).stdout
        let standalone = try Poppler.run("pdftotext", ["-enc", "UTF-8", "-f", "1", "-l", "1", alone, "-"]).stdout
        XCTAssertEqual(inVolume, standalone)
    }
}

/// Binds issues into one display list the way a volume is made: one font table, pages one after
/// the other, each issue an outline entry above its own entries and a page-label range.
enum VolumeBinding {
    static func bind(_ issues: [DisplayList]) -> DisplayList {
        var fonts: [FontFaceIdentity] = []
        var pages: [DisplayPage] = []
        var outline: [OutlineEntry] = []
        var labels: [PageLabelRange] = []
        for issue in issues {
            let mapping = issue.fonts.map { face -> Int in
                if let index = fonts.firstIndex(where: { $0.face === face }) { return index }
                fonts.append(FontFaceIdentity(face: face))
                return fonts.count - 1
            }
            let first = pages.count
            outline.append(OutlineEntry(title: issue.metadata.title, page: first, y: 0, level: 1))
            outline += issue.outline.map { OutlineEntry(title: $0.title, page: $0.page + first, y: $0.y, level: $0.level + 1) }
            labels.append(PageLabelRange(firstPage: first, prefix: issue.metadata.title + "-"))
            for var page in issue.pages {
                page.items = page.items.map { item in
                    guard case .glyphs(var run) = item else { return item }
                    run.font = mapping[run.font]
                    return .glyphs(run)
                }
                pages.append(page)
            }
        }
        var metadata = issues[0].metadata
        metadata.title = "合订本"
        return DisplayList(pages: pages, fonts: fonts.map(\.face), metadata: metadata, outline: outline, pageLabels: labels)
    }

    private struct FontFaceIdentity {
        let face: BulletinFonts.FontFace
    }
}
