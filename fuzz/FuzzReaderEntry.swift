// libFuzzer entry point for the PDF reader (built by scripts/fuzz-reader.sh, never by `swift build`):
// opens the input as a PDF and reads every page, so every parser, filter, font and content path the
// input reaches is exercised. Any crash, hang, leak or over-allocation is a bug.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzReaderTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // A small stream limit keeps inflate bombs cheap under the fuzzer's memory cap.
    guard let document = try? PDFDocument(bytes: bytes, options: PDFDocument.Options(maximumStreamBytes: 8 << 20)) else { return 0 }
    _ = document.info
    for index in 0..<min(document.pageCount, 50) {
        _ = document.page(index)
    }
    return 0
}
