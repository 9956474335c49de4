@testable import BulletinExtract
import BulletinPDFReader
import XCTest

/// A paragraph that a figure and its caption cut in two is read on past them (`ParagraphResumption`),
/// and a caption is never read into the text above it.
final class ParagraphResumptionTests: XCTestCase {
    // 10 pt, 5 pt a letter from x = 72: a line of 46 letters ends on the edge at 302; the first
    // line, indented 20 pt, takes 42.
    private let runs = "A long sentence runs down the page to the "
    private let cut = "and it is cut there by a figure set in its way"
    private let goesOn = "goes on below the figure and its caption here."
    private let caption = "Figure 1. A tracing run, drawn as a graph."

    private func paragraphs(_ page: SyntheticPage) -> [String] {
        Extractor.extract([page.content]).paragraphs.map(\.text)
    }

    /// The text above the figure, the figure's labels and its bold-labelled caption; `after` is set
    /// below them.
    private func pageWithFigure(after: String) -> SyntheticPage {
        XCTAssertEqual(runs.count, 42)
        for line in [cut, goesOn] { XCTAssertEqual(line.count, 46, line) }
        var page = SyntheticPage(0)
        page.text(runs, x: 92, baseline: 100, size: 10, font: "Times-Roman")
        page.text(cut, x: 72, baseline: 113, size: 10, font: "Times-Roman")
        page.text("(a) loop", x: 100, baseline: 170, size: 10, font: "Times-Roman")   // a label in the figure
        let labelEnd = page.text("Figure 1.", x: 72, baseline: 200, size: 10, font: "Times-Bold")
        page.text(String(caption.dropFirst("Figure 1.".count)), x: labelEnd, baseline: 200, size: 10, font: "Times-Roman")
        page.text(after, x: 72, baseline: 230, size: 10, font: "Times-Roman")
        page.text("Then a new paragraph starts, indented.", x: 92, baseline: 243, size: 10, font: "Times-Roman")
        return page
    }

    func testAParagraphCutByAFigureGoesOnAfterItsCaption() {
        XCTAssertEqual(paragraphs(pageWithFigure(after: goesOn)), [
            runs + cut + " " + goesOn,
            "(a) loop",
            caption,
            "Then a new paragraph starts, indented.",
        ])
    }

    /// Cut twice (a figure, then a note at the foot): the sentence is read on past both, the
    /// material of both cuts after it in its order.
    func testAParagraphCutTwiceGoesOnPastBothCuts() {
        let again = "goes on past the figure and it is cut again by"
        XCTAssertEqual(again.count, 46)
        var page = SyntheticPage(0)
        page.text(runs, x: 92, baseline: 100, size: 10, font: "Times-Roman")
        page.text(cut, x: 72, baseline: 113, size: 10, font: "Times-Roman")
        let labelEnd = page.text("Figure 1.", x: 72, baseline: 200, size: 10, font: "Times-Bold")
        page.text(String(caption.dropFirst("Figure 1.".count)), x: labelEnd, baseline: 200, size: 10, font: "Times-Roman")
        page.text(again, x: 72, baseline: 230, size: 10, font: "Times-Roman")
        page.text("1 A note set small at the foot.", x: 72, baseline: 260, size: 7, font: "Times-Roman")
        page.text("a note, and then it ends.", x: 72, baseline: 290, size: 10, font: "Times-Roman")
        XCTAssertEqual(paragraphs(page), [runs + cut + " " + again + " a note, and then it ends.", caption,
                                          "1 A note set small at the foot."])
    }

    /// After the figure the text starts a sentence of its own (a capital): nothing is moved.
    func testTextThatDoesNotGoOnInLowerCaseStaysInItsPlace() {
        let another = "Another paragraph starts as a line of the text"
        XCTAssertEqual(paragraphs(pageWithFigure(after: another)), [
            runs + cut,
            "(a) loop",
            caption,
            another,
            "Then a new paragraph starts, indented.",
        ])
    }

    /// A caption straight under a full line of text, in the text's size: its bold label keeps it apart.
    func testACaptionIsNotReadIntoTheLineAboveIt() {
        var page = SyntheticPage(0)
        page.text(runs, x: 92, baseline: 100, size: 10, font: "Times-Roman")
        page.text(cut, x: 72, baseline: 113, size: 10, font: "Times-Roman")
        let labelEnd = page.text("Figure 1.", x: 72, baseline: 126, size: 10, font: "Times-Bold")
        page.text(" We handle loops in traces.", x: labelEnd, baseline: 126, size: 10, font: "Times-Roman")
        XCTAssertEqual(paragraphs(page), [runs + cut, "Figure 1. We handle loops in traces."])
    }

    func testCaptionLabels() {
        for caption in ["Figure 6. We handle", "Fig. 2: Results", "Table 3-1 Results", "FIGURE 12", "Table 4.2. Sizes", "表2：各区情况", "图 3．示意"] {
            XCTAssertTrue(ParagraphBuilder.startsCaption(caption), caption)
        }
        // `如图 1 所示` broken before `图`, words that only begin like a label, a label without its number.
        for text in ["图 1 所示，", "Figures show", "Tablet 3", "Table of contents", "Figure shows", "表明了"] {
            XCTAssertFalse(ParagraphBuilder.startsCaption(text), text)
        }
    }
}
