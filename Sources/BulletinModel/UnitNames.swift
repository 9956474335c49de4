/// How the name of a contributing unit ends, for telling an attribution `（门头沟区文明办）` from other
/// text in brackets. Shared by the importer (plain text) and the extractor (a PDF whose attributions
/// are not set apart by position).
public enum UnitNames {
    /// Whether `s` (a bracket's text) ends like a unit name: 办, 处, 委, 局, 部, 中心, 街道, 供稿 ….
    public static func endsLikeUnit(_ s: [Unicode.Scalar]) -> Bool {
        guard let last = s.last else { return false }
        let multi = ["中心", "街道", "公司", "集团", "银行", "协会", "基地", "工委", "研究院", "供稿", "报道", "记者"]
        for word in multi where s.count >= word.unicodeScalars.count && s.suffix(word.unicodeScalars.count).elementsEqual(word.unicodeScalars) {
            return true
        }
        return "办处委局部厅室院会组站所队馆社台团校司科股镇乡村区县府园联宫署".unicodeScalars.contains(last)
    }

    /// Bracketed words that are never attributions: `（试行）`, `（草案）` ….
    public static func isDocumentQualifier(_ s: [Unicode.Scalar]) -> Bool {
        ["试行", "草案", "修订", "修订稿", "征求意见稿", "暂行", "节选", "摘编", "待续", "完", "续"].contains(String(String.UnicodeScalarView(s)))
    }

    /// Whether `s` is a unit name: ends like one, is no document qualifier, and has no sentence or
    /// label punctuation (`（责任单位：区民政局）` on a line of its own is part of a task list).
    public static func isLikelyUnit(_ s: [Unicode.Scalar]) -> Bool {
        endsLikeUnit(s) && !isDocumentQualifier(s) && !s.contains { "。，；：“”《》！？,;:".unicodeScalars.contains($0) }
    }
}
