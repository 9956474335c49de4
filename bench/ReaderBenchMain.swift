// Whole-process benchmark driver for the PDF reader (built by scripts/bench-reader.sh, not by
// SwiftPM): opens each file given, reads every page, and prints pages, glyphs and characters so the
// work cannot be optimized away. With --text it also joins each page's glyph text, roughly what a
// plain-text extractor must at least do.

@main
struct ReaderBench {
    static func main() {
        var paths: [String] = []
        var joinText = false
        for argument in CommandLine.arguments.dropFirst() {
            if argument == "--text" { joinText = true } else { paths.append(argument) }
        }
        var pages = 0, glyphs = 0, characters = 0
        for path in paths {
            do {
                let document = try PDFDocument(path: path)
                for index in 0..<document.pageCount {
                    let page = document.page(index)
                    pages += 1
                    glyphs += page.glyphs.count
                    if joinText {
                        var text = ""
                        for glyph in page.glyphs { text += glyph.text }
                        characters += text.unicodeScalars.count
                    }
                }
            } catch {
                print("\(error)")
            }
        }
        print("pages \(pages) glyphs \(glyphs) characters \(characters)")
    }
}
