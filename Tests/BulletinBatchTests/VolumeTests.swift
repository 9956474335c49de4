@testable import BulletinBatch
import BulletinFonts
import BulletinLayout
import BulletinModel
import BulletinRender
import Foundation
import TestSupport
import XCTest

/// Binding issues into one volume: contents, order, outline, page labels, one font table.
final class VolumeTests: BatchTestCase {
    private func bind(_ inputs: [String]) throws -> Warned<DisplayList> {
        let items = ArchiveDiscovery.discover(inputs).items
        return try VolumeBinder.bind(items, typesetter: BatchFixtures.typesetter)
    }

    func testVolumeHasContentsThenEveryIssueInDateOrder() throws {
        let samples = Repository.samples
        for sample in samples {
            write("archive/" + (sample as NSString).lastPathComponent, try Data(contentsOf: URL(fileURLWithPath: sample)))
        }
        // Named so that path order and date order differ.
        write("archive/0-late.json", BatchFixtures.issueJSON(40, year: 2023))
        let volume = try bind([archive]).value
        let separate = try ([archive + "/0-late.json"] + samples).map { input -> DisplayList in
            let item = ArchiveDiscovery.discover([input]).items[0]
            return try VolumeBinder.bind([item], typesetter: BatchFixtures.typesetter).value
        }
        let contentsPages = volume.pageLabels[1].firstPage
        XCTAssertGreaterThanOrEqual(contentsPages, 1)
        // Every issue's pages follow the contents, in date order (samples 2020 → 2022, then 2023).
        let issuePages = separate.map { $0.pages.count - $0.pageLabels[1].firstPage }
        XCTAssertEqual(volume.pages.count, contentsPages + issuePages.reduce(0, +))
        XCTAssertEqual(volume.pageLabels.map(\.prefix), ["目录", "第33期-", "第38期-", "第12期-", "第17期-", "第40期-"])
        var first = contentsPages
        let order = [1, 2, 3, 4, 0]
        for (label, issue) in zip(volume.pageLabels.dropFirst(), order) {
            XCTAssertEqual(label.firstPage, first)
            XCTAssertTrue(label.numbered)
            XCTAssertEqual(label.start, 1)
            first += issuePages[issue]
        }
        XCTAssertEqual(PageLabelRange.label(of: contentsPages + 1, in: volume.pageLabels), "第33期-2")
        // One font table: each face once.
        XCTAssertEqual(Set(volume.fonts.map { ObjectIdentifier($0) }).count, volume.fonts.count)
        XCTAssertEqual(volume.metadata.title, "首都精神文明建设情况简报 合订本（第33期—第40期）")
    }

    func testOutlineHasTheContentsThenIssuesWithTheirArticles() throws {
        let sample = Repository.path("Samples/2020-033.json")
        let volume = try bind([sample]).value
        let levels = volume.outline.map { "\($0.level) \($0.title) p\($0.page)" }
        XCTAssertEqual(levels.prefix(2), ["1 目　录 p0", "1 第33期　2020年7月7日 p1"])
        // The column head 【文明创建】 is not an entry; its three articles are, at level 2.
        XCTAssertEqual(levels.dropFirst(2).map { String($0.prefix(3)) }, ["2 海", "2 门", "2 通"])
        XCTAssertFalse(volume.outline.contains { $0.title.hasPrefix("【") })
        XCTAssertTrue(volume.outline.allSatisfy { $0.page < volume.pages.count })
    }

    func testContentsListsArticlesWithThePagesTheyStartOn() throws {
        let sample = Repository.path("Samples/2020-033.json")
        let volume = try bind([sample]).value
        let contents = volume.pages[0]
        let lines = DisplayListText.lines(of: contents, fonts: volume.fonts)
        XCTAssertEqual(lines.first, "目　录")
        XCTAssertEqual(lines[1], "第33期（总第2142期）　2020年7月7日")
        // Each article: title, leader dots, then its page in the issue, flush right.
        let articles = volume.outline.filter { $0.level == 2 }
        let contentsPages = volume.pageLabels[1].firstPage
        XCTAssertEqual(lines.count, 2 + articles.count)
        for (line, article) in zip(lines.dropFirst(2), articles) {
            let page = article.page - contentsPages + 1
            XCTAssertTrue(line.hasPrefix(String(article.title.dropLast())), line)
            XCTAssertTrue(line.contains("……"), line)
            XCTAssertTrue(line.hasSuffix(String(page)), "\(line) should end with page \(page)")
        }
        // The page numbers end at the type area's right edge (28 mm + 156 mm).
        let right = (28.0 + 156) * 72 / 25.4
        for run in DisplayListText.runs(of: contents) where run.text.allSatisfy(\.isNumber) && run.y > 60 * 72 / 25.4 {
            let end = run.x + run.glyphs.last!.x + volume.fonts[run.font].advance(of: run.glyphs.last!.id) * run.size
            XCTAssertEqual(end, right, accuracy: 0.5, run.text)
        }
    }

    func testContentsGroupsAreNeverSplitWhenTheyFitOnAPage() throws {
        let groups = (1...40).map { n in
            ContentsGroup(heading: "第\(n)期　2020年1月1日",
                          entries: (1...(n % 4 + 1)).map { ContentsEntry(title: "第\(n)期的第\($0)篇文章的标题", page: String($0)) })
        }
        let metadata = DocumentMetadata(title: "t", author: "a", subject: "", keywords: "", creator: "c",
                                        creationDate: "2020-01-01T00:00:00Z")
        let list = BatchFixtures.typesetter.layoutContents(ContentsTable(title: "目　录", groups: groups), metadata: metadata).value
        XCTAssertGreaterThan(list.pages.count, 2)
        var seen: [String] = []
        for (index, page) in list.pages.enumerated() {
            let lines = DisplayListText.lines(of: page, fonts: list.fonts)
            let body = index == 0 ? Array(lines.dropFirst()) : lines
            XCTAssertTrue(body.first?.hasSuffix("2020年1月1日") ?? false, "page \(index + 1) starts inside a group: \(body.first ?? "")")
            seen += body
        }
        // Nothing lost: every heading and entry is there once, in order.
        XCTAssertEqual(seen.count, groups.count + groups.reduce(0) { $0 + $1.entries.count })
        XCTAssertTrue(seen.last?.hasPrefix("第40期的第1篇文章的标题") ?? false, seen.last ?? "")
    }

    func testABadIssueFailsTheVolumeWithEveryErrorListed() throws {
        write("archive/001.json", BatchFixtures.issueJSON(1))
        write("archive/002.json", "{\n  \"masthead\": 42\n}\n")
        write("archive/003.txt", "不是简报\n")
        XCTAssertThrowsError(try bind([archive])) { error in
            let files = Set(((error as? DiagnosticsError)?.diagnostics ?? []).compactMap(\.file))
            XCTAssertEqual(files, [archive + "/002.json", archive + "/003.txt"])
        }
    }

    func testRepeatedNumbersGetTheYearInTheirLabels() throws {
        write("archive/2020/001.json", BatchFixtures.issueJSON(1, year: 2020))
        write("archive/2021/001.json", BatchFixtures.issueJSON(1, year: 2021))
        write("archive/2021/002.json", BatchFixtures.issueJSON(2, year: 2021))
        let volume = try bind([archive]).value
        XCTAssertEqual(volume.pageLabels.map(\.prefix), ["目录", "2020年第1期-", "2021年第1期-", "第2期-"])
    }

    func testRenderedVolumeIsAValidPDF() throws {
        let volume = try bind([Repository.path("Samples/2020-033.json"), Repository.path("Samples/2021-012.json")]).value
        let pdf = write("volume.pdf", Data(try PDFRenderer.render(volume)))
        XCTAssertEqual(Int(try Poppler.info(pdf)["Pages"] ?? ""), volume.pages.count)
        let text = try Poppler.run("pdftotext", ["-enc", "UTF-8", "-f", "1", "-l", "1", pdf, "-"]).stdout
        XCTAssertTrue(text.contains("目") && text.contains("第 33 期") && text.contains("第 12 期"), text)
    }
}

/// The text of a display page, line by line (runs grouped by baseline, left to right).
enum DisplayListText {
    static func runs(of page: DisplayPage) -> [GlyphRun] {
        page.items.compactMap { item in
            if case .glyphs(let run) = item { return run }
            return nil
        }
    }

    static func lines(of page: DisplayPage, fonts: [FontFace]) -> [String] {
        let grouped = Dictionary(grouping: runs(of: page)) { ($0.y * 10).rounded() }
        return grouped.keys.sorted().map { key in
            grouped[key]!.sorted { $0.x < $1.x }.map(\.text).joined()
        }
    }
}
