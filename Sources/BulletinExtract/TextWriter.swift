/// Plain text: paragraphs in reading order, one blank line between paragraphs, no line breaks
/// inside a paragraph, a final newline (nothing at all for a document without text).
public enum TextWriter {
    public static func write(_ extraction: Extraction) -> String {
        var output = ""
        var pieces = Pieces()
        for paragraph in extraction.paragraphs { output += pieces.next(paragraph) }
        return output + pieces.end()
    }

    /// The same text a paragraph at a time, for output written as `Extractor.stream` goes.
    public struct Pieces {
        private var started = false

        public init() {}

        /// What to write for the next paragraph.
        public mutating func next(_ paragraph: TextParagraph) -> String {
            if started { return "\n\n" + paragraph.text }
            started = !paragraph.text.isEmpty
            return paragraph.text
        }

        /// What to write after the last paragraph.
        public func end() -> String { started ? "\n" : "" }
    }
}
