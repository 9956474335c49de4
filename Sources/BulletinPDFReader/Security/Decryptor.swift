/// Decrypts strings and streams of an encrypted document (§7.6). Implemented by the standard
/// security handler; the object store calls it for every object read from the file.
protocol Decryptor: AnyObject {
    /// Decrypts every string inside `object` (an object of indirect object `id`).
    func decryptStrings(in object: PDFObject, id: ObjectID) -> PDFObject
    /// Decrypts a stream's raw data (before its filters run).
    func decryptStream(_ data: [UInt8], id: ObjectID, dictionary: PDFDictionary) -> [UInt8]
}
