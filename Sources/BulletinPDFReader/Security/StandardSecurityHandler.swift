/// The standard security handler (§7.6.4). Milestone 1: encrypted files are refused with a clear
/// error; decryption follows.
enum StandardSecurityHandler {
    static func open(store: ObjectStore, encrypt: PDFObject, path: String?) throws(PDFReadError) -> Decryptor {
        throw PDFReadError(.unsupportedEncryption, file: path, message: "the file is encrypted; decryption is not implemented yet")
    }
}
