/// Plain text: paragraphs in reading order, one blank line between paragraphs, no line breaks
/// inside a paragraph, a final newline (nothing at all for a document without text).
public enum TextWriter {
    public static func write(_ extraction: Extraction) -> String {
        var output = ""
        for paragraph in extraction.paragraphs {
            if !output.isEmpty { output += "\n\n" }
            output += paragraph.text
        }
        return output.isEmpty ? "" : output + "\n"
    }
}
