/// The standard stream filters (PDF 32000-1 §7.4) that carry text-bearing data. Image-only filters
/// (DCTDecode, JPXDecode, JBIG2Decode, CCITTFaxDecode) are never needed for text and are reported as
/// unsupported if a content stream uses them.
enum StreamFilter {
    /// A filter that failed part-way: what it decoded so far and why it stopped. Text decoded before
    /// the damage is still worth reading, so callers keep `partial` and record a warning.
    struct Failure: Error {
        var message: String
        var partial: [UInt8]
    }

    /// Decodes `data` through the filters in order. `limit` caps every intermediate output (a zip bomb
    /// stops there with a failure, never exhausting memory).
    static func decode(_ data: [UInt8], filters: [(name: String, parameters: PDFDictionary?)],
                       limit: Int) -> (data: [UInt8], problem: String?) {
        var current = data
        for (name, parameters) in filters {
            let result: Result<[UInt8], Failure>
            switch name {
            case "FlateDecode", "Fl":
                result = Flate.inflate(current, limit: limit)
                    .flatMap { Predictor.apply($0, parameters: parameters, limit: limit) }
            case "LZWDecode", "LZW":
                let early = parameters?["EarlyChange"]?.integer ?? 1
                result = LZW.decode(current, earlyChange: early != 0, limit: limit)
                    .flatMap { Predictor.apply($0, parameters: parameters, limit: limit) }
            case "ASCII85Decode", "A85": result = ASCII85.decode(current, limit: limit)
            case "ASCIIHexDecode", "AHx": result = ASCIIHex.decode(current)
            case "RunLengthDecode", "RL": result = RunLength.decode(current, limit: limit)
            case "Crypt":
                // Identity crypt filter (§7.4.10); a named non-identity filter is applied by the
                // security handler before filters run.
                result = .success(current)
            default:
                return (current, "the \(name) filter is not supported")
            }
            switch result {
            case .success(let decoded): current = decoded
            case .failure(let failure): return (failure.partial, "\(name): \(failure.message)")
            }
        }
        return (current, nil)
    }
}
