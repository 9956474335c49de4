/// An article's title lines: kicker (引题), headline, subtitle (副题), including a kicker and
/// headline merged on one line (bulletin-format.md §1).
enum Headers {
    static func resolve(_ lines: [SourceString], log: inout ImportLog)
        -> (kicker: SourceString?, headline: SourceString, subtitle: SourceString?) {
        var kicker: SourceString?, headline: SourceString, subtitle: SourceString?
        switch lines.count {
        case 1:
            headline = lines[0]
        case 2 where isSubtitle(lines[1]):
            headline = lines[0]
            subtitle = lines[1]
        case 2:
            kicker = lines[0]
            headline = lines[1]
        default:
            kicker = lines[0]
            headline = lines[1]
            subtitle = lines[2]
        }
        if kicker == nil, let (k, h) = splitMerged(headline, log: &log) {
            kicker = k
            headline = h
        }
        let comma = headline.scalars.contains { $0 == "，" || $0 == "," }
        log.guess(at: headline.origins[0], headline.string, takenAs: "headline", rule: .headline,
                  "a short line without sentence punctuation" + (comma ? "; it has a comma, so it could be a paragraph cut by a page break" : ""),
                  uncertain: comma && kicker == nil)
        if let kicker, lines.count > 1 {
            log.guess(at: kicker.origins[0], kicker.string, takenAs: "kicker (引题)", rule: .headline,
                      "the line above the headline", uncertain: kicker.count > headline.count)
        }
        if let subtitle {
            log.guess(at: subtitle.origins[0], subtitle.string, takenAs: "subtitle (副题)", rule: .headline,
                      isSubtitle(subtitle) ? "the line below the headline, starting with ——" : "a third title line",
                      uncertain: !isSubtitle(subtitle))
        }
        return (kicker, headline, subtitle)
    }

    static func isSubtitle(_ s: SourceString) -> Bool {
        s.hasPrefix(["—"]) || s.hasPrefix(["-", "-"]) || s.hasPrefix(["－"])
    }

    /// `常态化推进 项目化落实 《首都文明委重点工作项目台账》凝聚…`: kicker and headline on one line,
    /// separated by spaces. Split at the widest gap when it is the only widest one, else at the
    /// last; with one gap only when the part after it is clearly the longer (a headline), since
    /// `文明驾车 礼让行人` is one headline with a space in it.
    static func splitMerged(_ line: SourceString, log: inout ImportLog) -> (SourceString, SourceString)? {
        var gaps: [Range<Int>] = []
        var i = 0
        while i < line.count {
            if Scalars.isSpace(line[i]) {
                var j = i
                while j < line.count && Scalars.isSpace(line[j]) { j += 1 }
                gaps.append(i..<j)
                i = j
            } else {
                i += 1
            }
        }
        guard !gaps.isEmpty else { return nil }
        let widest = gaps.map(\.count).max()!
        let uniqueWidest = gaps.filter { $0.count == widest }.count == 1
        let gap = uniqueWidest && gaps.count > 1 ? gaps.first { $0.count == widest }! : gaps.last!
        let kicker = line.slice(0..<gap.lowerBound), headline = line.slice(gap.upperBound..<line.count)
        let headlineLength = headline.scalars.filter { !Scalars.isSpace($0) }.count
        let kickerLength = kicker.scalars.filter { !Scalars.isSpace($0) }.count
        if gaps.count == 1 && gap.count == 1 && !(headlineLength >= 8 && headlineLength >= kickerLength + 4) { return nil }
        let certain = gaps.count > 1 ? uniqueWidest : gap.count > 1
        log.separator(line.slice(gap), printed: "", insertion: nil, "the gap between kicker and headline on one line")
        log.guess(at: line.origins[0], line.string, takenAs: "kicker and headline on one line", rule: .headline,
                  "split at the \(uniqueWidest && gaps.count > 1 ? "widest" : "last") space; the part after it is the headline",
                  uncertain: !certain)
        return (kicker, headline)
    }
}
