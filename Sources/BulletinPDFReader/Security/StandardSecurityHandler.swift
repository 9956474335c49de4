/// The standard security handler (ISO 32000-2 §7.6.4): opens a document with the empty user
/// password — the common "protected" government PDF that anyone can read but not edit — or with a
/// password given by the caller, as the user or the owner password. Supports RC4 40–128 bit
/// (V1/V2, R2–R4), AES-128 (V4 crypt filters AESV2) and AES-256 (V5, R5 and R6 with the
/// SHA-256/384/512 hash of Algorithm 2.B). A document that needs a password not given is refused
/// with `.passwordRequired`; one the given password does not open, with `.wrongPassword`.
final class StandardSecurityHandler: Decryptor {
    enum Method {
        case none
        case rc4
        case aes
    }

    private let fileKey: [UInt8]
    private let revision: Int
    private let streamMethod: Method
    private let stringMethod: Method
    private let encryptMetadata: Bool

    /// Standard padding string (Algorithm 2 step a).
    static let padding: [UInt8] = [0x28, 0xBF, 0x4E, 0x5E, 0x4E, 0x75, 0x8A, 0x41, 0x64, 0x00, 0x4E, 0x56, 0xFF, 0xFA, 0x01, 0x08,
                                   0x2E, 0x2E, 0x00, 0xB6, 0xD0, 0x68, 0x3E, 0x80, 0x2F, 0x0C, 0xA9, 0xFE, 0x64, 0x53, 0x69, 0x7A]

    private init(fileKey: [UInt8], revision: Int, streamMethod: Method, stringMethod: Method, encryptMetadata: Bool) {
        self.fileKey = fileKey
        self.revision = revision
        self.streamMethod = streamMethod
        self.stringMethod = stringMethod
        self.encryptMetadata = encryptMetadata
    }

    static func open(store: ObjectStore, encrypt: PDFObject, path: String?, password: String? = nil) throws(PDFReadError) -> Decryptor {
        func refuse(_ kind: PDFReadError.Kind, _ message: String) -> PDFReadError {
            PDFReadError(kind, file: path, message: message)
        }
        guard let dictionary = store.dictionary(encrypt) else {
            throw refuse(.damaged, "the trailer's /Encrypt is not a dictionary")
        }
        let filter = store.name(dictionary["Filter"]) ?? ""
        guard filter == "Standard" else {
            throw refuse(.unsupportedEncryption, "encrypted with the /\(filter) security handler (only /Standard, password-based, is supported)")
        }
        let version = store.integer(dictionary["V"]) ?? 0
        let revision = store.integer(dictionary["R"]) ?? 0
        guard let owner = store.resolve(dictionary["O"]).string, let user = store.resolve(dictionary["U"]).string else {
            throw refuse(.damaged, "the /Encrypt dictionary lacks /O or /U")
        }
        let permissions = Int32(truncatingIfNeeded: store.integer(dictionary["P"]) ?? 0)
        let encryptMetadata = store.resolve(dictionary["EncryptMetadata"]).boolean ?? true
        let documentID = store.array(store.crossReference.trailer["ID"])?.first.flatMap { store.resolve($0).string } ?? []

        // Which method strings and streams use.
        var streamMethod = Method.rc4, stringMethod = Method.rc4
        var keyLength = 5
        switch version {
        case 1: keyLength = 5
        case 2: keyLength = max(5, min(16, (store.integer(dictionary["Length"]) ?? 40) / 8))
        case 4, 5:
            let filters = store.dictionary(dictionary["CF"])
            func method(_ name: String?) throws(PDFReadError) -> Method {
                guard let name, name != "Identity" else { return .none }
                let cfm = store.name(store.dictionary(filters?[name])?["CFM"]) ?? "None"
                switch cfm {
                case "V2": return .rc4
                case "AESV2", "AESV3": return .aes
                case "None": return .none
                default: throw refuse(.unsupportedEncryption, "crypt filter method /\(cfm) is not supported")
                }
            }
            streamMethod = try method(store.name(dictionary["StmF"]))
            stringMethod = try method(store.name(dictionary["StrF"]))
            keyLength = version == 5 ? 32 : max(5, min(16, (store.integer(dictionary["Length"]) ?? 128) / 8))
        default:
            throw refuse(.unsupportedEncryption, "standard security handler version V \(version) is not supported")
        }

        guard revision >= 2 else {
            throw refuse(.unsupportedEncryption, "standard security handler revision R \(revision) is not supported")
        }
        // The empty password first (a file that anyone may read opens whatever was given), then
        // the given one's byte forms, each as the user and as the owner password.
        var fileKey: [UInt8]?
        for candidate in [[]] + passwordForms(password, revision: revision) where fileKey == nil {
            if revision >= 5 {
                fileKey = aes256Key(password: candidate, owner: owner, user: user, dictionary: dictionary, revision: revision, store: store)
            } else {
                let key = legacyKey(password: candidate, owner: owner, permissions: permissions, documentID: documentID,
                                    revision: revision, keyLength: keyLength, encryptMetadata: encryptMetadata)
                fileKey = checkUserPassword(key: key, user: user, documentID: documentID, revision: revision) ? key
                    : keyFromOwnerPassword(candidate, owner: owner, user: user, permissions: permissions, documentID: documentID,
                                           revision: revision, keyLength: keyLength, encryptMetadata: encryptMetadata)
            }
        }
        let method = version == 5 || streamMethod == .aes ? "AES-\(keyLength * 8)" : "RC4 \((revision == 2 ? 5 : keyLength) * 8)-bit"
        let encryption = "\(method), R\(revision)"
        guard let fileKey else {
            if streamMethod == .none, stringMethod == .none {
                // /StmF and /StrF /Identity: only embedded files (/EFF) are encrypted (§7.6.5) and
                // the password guards opening those; the pages read as they are, as in pdftotext.
                store.warn("encryption", "only embedded files are encrypted (\(encryption)); the pages are read without the password, the attachments are not read")
                return StandardSecurityHandler(fileKey: [], revision: revision, streamMethod: .none, stringMethod: .none,
                                               encryptMetadata: encryptMetadata)
            }
            if password?.isEmpty ?? true {
                throw refuse(.passwordRequired, "the file is encrypted (\(encryption)) and needs a password to open")
            }
            throw refuse(.wrongPassword, "the password given is neither the user nor the owner password of this encrypted file (\(encryption))")
        }
        return StandardSecurityHandler(fileKey: fileKey, revision: revision, streamMethod: streamMethod,
                                       stringMethod: stringMethod, encryptMetadata: encryptMetadata)
    }

    /// The bytes `password` may have been encrypted from. R5/R6 take UTF-8, at most 127 bytes
    /// (§7.6.4.3.3; its SASLprep step, which changes only passwords with unusual characters, is
    /// left out). R2–R4 take PDFDocEncoding (§7.6.4.3.2); a password with characters outside it is
    /// tried in UTF-8, which is what writers that accept such passwords store.
    static func passwordForms(_ password: String?, revision: Int) -> [[UInt8]] {
        guard let password, !password.isEmpty else { return [] }
        let utf8 = Array(password.utf8)
        if revision >= 5 { return [Array(utf8.prefix(127))] }
        guard let pdfDoc = TextString.pdfDocEncoded(password) else { return [utf8] }
        return pdfDoc == utf8 ? [pdfDoc] : [pdfDoc, utf8]
    }

    // MARK: R2–R4 (Algorithms 2, 6, 7)

    static func padded(_ password: [UInt8]) -> [UInt8] {
        Array((password.prefix(32) + padding).prefix(32))
    }

    static func legacyKey(password: [UInt8], owner: [UInt8], permissions: Int32, documentID: [UInt8], revision: Int,
                          keyLength: Int, encryptMetadata: Bool) -> [UInt8] {
        var input = padded(password)
        input += owner.prefix(32)
        let p = UInt32(bitPattern: permissions)
        input += [UInt8(p & 0xFF), UInt8(p >> 8 & 0xFF), UInt8(p >> 16 & 0xFF), UInt8(p >> 24 & 0xFF)]
        input += documentID
        if revision >= 4, !encryptMetadata { input += [0xFF, 0xFF, 0xFF, 0xFF] }
        var key = Crypto.hash(.md5, input)
        let length = revision == 2 ? 5 : keyLength
        if revision >= 3 {
            for _ in 0..<50 { key = Crypto.hash(.md5, Array(key.prefix(length))) }
        }
        return Array(key.prefix(length))
    }

    static func checkUserPassword(key: [UInt8], user: [UInt8], documentID: [UInt8], revision: Int) -> Bool {
        if revision == 2 {
            return Crypto.rc4(key: key, padding) == Array(user.prefix(32))
        }
        var value = Crypto.rc4(key: key, Crypto.hash(.md5, padding + documentID))
        for i in 1...19 {
            value = Crypto.rc4(key: key.map { $0 ^ UInt8(i) }, value)
        }
        return user.count >= 16 && value.prefix(16).elementsEqual(user.prefix(16))
    }

    /// Algorithm 7: the owner password recovers the user password from /O, and that the file key.
    static func keyFromOwnerPassword(_ ownerPassword: [UInt8], owner: [UInt8], user: [UInt8], permissions: Int32, documentID: [UInt8],
                                     revision: Int, keyLength: Int, encryptMetadata: Bool) -> [UInt8]? {
        var hash = Crypto.hash(.md5, padded(ownerPassword))
        let length = revision == 2 ? 5 : keyLength
        if revision >= 3 { for _ in 0..<50 { hash = Crypto.hash(.md5, hash) } }
        let ownerKey = Array(hash.prefix(length))
        var userPassword = Array(owner.prefix(32))
        if revision == 2 {
            userPassword = Crypto.rc4(key: ownerKey, userPassword)
        } else {
            for i in stride(from: 19, through: 0, by: -1) {
                userPassword = Crypto.rc4(key: ownerKey.map { $0 ^ UInt8(i) }, userPassword)
            }
        }
        let key = legacyKey(password: userPassword, owner: owner, permissions: permissions, documentID: documentID,
                            revision: revision, keyLength: keyLength, encryptMetadata: encryptMetadata)
        return checkUserPassword(key: key, user: user, documentID: documentID, revision: revision) ? key : nil
    }

    // MARK: R5/R6 (Algorithms 2.A, 2.B)

    /// The file key that `password` unlocks as the user password (from /UE) or as the owner
    /// password (from /OE), or nil.
    static func aes256Key(password: [UInt8], owner: [UInt8], user: [UInt8], dictionary: PDFDictionary, revision: Int,
                          store: ObjectStore) -> [UInt8]? {
        guard user.count >= 48, let userKey = store.resolve(dictionary["UE"]).string, userKey.count >= 32 else { return nil }
        let validationSalt = Array(user[32..<40]), keySalt = Array(user[40..<48])
        guard hash2B(password, salt: validationSalt, userData: [], revision: revision).elementsEqual(user[0..<32]) else {
            // Else as the owner password (it unlocks /OE).
            guard owner.count >= 48, let ownerKey = store.resolve(dictionary["OE"]).string, ownerKey.count >= 32 else { return nil }
            let userData = Array(user.prefix(48))
            guard hash2B(password, salt: Array(owner[32..<40]), userData: userData, revision: revision).elementsEqual(owner[0..<32]) else { return nil }
            let intermediate = hash2B(password, salt: Array(owner[40..<48]), userData: userData, revision: revision)
            return Crypto.aesCBC(encrypt: false, key: intermediate, iv: [UInt8](repeating: 0, count: 16), Array(ownerKey.prefix(32)))
        }
        let intermediate = hash2B(password, salt: keySalt, userData: [], revision: revision)
        let key = Crypto.aesCBC(encrypt: false, key: intermediate, iv: [UInt8](repeating: 0, count: 16), Array(userKey.prefix(32)))
        return key.count == 32 ? key : nil
    }

    /// Algorithm 2.B (R6): SHA-256 then rounds of AES-128-CBC and SHA-256/384/512 chosen by the data;
    /// R5 is the plain SHA-256 of password + salt + user data.
    static func hash2B(_ password: [UInt8], salt: [UInt8], userData: [UInt8], revision: Int) -> [UInt8] {
        var k = Crypto.hash(.sha256, password + salt + userData)
        guard revision >= 6 else { return k }
        var round = 0
        while true {
            let block = password + k + userData
            var k1: [UInt8] = []
            k1.reserveCapacity(block.count * 64)
            for _ in 0..<64 { k1 += block }
            let e = Crypto.aesCBC(encrypt: true, key: Array(k[0..<16]), iv: Array(k[16..<32]), k1)
            guard e.count >= 16 else { return k }
            let remainder = e.prefix(16).reduce(0) { ($0 + Int($1)) } % 3
            k = Crypto.hash(remainder == 0 ? .sha256 : remainder == 1 ? .sha384 : .sha512, e)
            round += 1
            if round >= 64, Int(e.last!) <= round - 32 { break }
        }
        return Array(k.prefix(32))
    }

    // MARK: Decrypting

    /// Algorithm 1: the per-object key (R2–R4); the file key itself for AES-256.
    private func objectKey(_ id: ObjectID, method: Method) -> [UInt8] {
        if revision >= 5 { return fileKey }
        var input = fileKey
        input += [UInt8(id.number & 0xFF), UInt8(id.number >> 8 & 0xFF), UInt8(id.number >> 16 & 0xFF),
                  UInt8(id.generation & 0xFF), UInt8(id.generation >> 8 & 0xFF)]
        if method == .aes { input += [0x73, 0x41, 0x6C, 0x54] }  // "sAlT"
        return Array(Crypto.hash(.md5, input).prefix(min(fileKey.count + 5, 16)))
    }

    private func decrypt(_ data: [UInt8], id: ObjectID, method: Method) -> [UInt8] {
        switch method {
        case .none: return data
        case .rc4: return Crypto.rc4(key: objectKey(id, method: .rc4), data)
        case .aes:
            guard data.count >= 32 else { return [] }  // IV + at least one block
            var plain = Crypto.aesCBC(encrypt: false, key: objectKey(id, method: .aes), iv: Array(data[0..<16]), Array(data[16...]))
            // PKCS#7 padding, removed only when well-formed.
            if let last = plain.last, last >= 1, last <= 16, plain.count >= Int(last),
               plain.suffix(Int(last)).allSatisfy({ $0 == last }) {
                plain.removeLast(Int(last))
            }
            return plain
        }
    }

    func decryptStrings(in object: PDFObject, id: ObjectID) -> PDFObject {
        switch object {
        case .string(let bytes): return .string(decrypt(bytes, id: id, method: stringMethod))
        case .array(let items): return .array(items.map { decryptStrings(in: $0, id: id) })
        case .dictionary(let dictionary):
            return .dictionary(PDFDictionary(pairs: dictionary.pairs.map { pair in
                switch pair.value {
                case .string, .array, .dictionary: return (pair.key, decryptStrings(in: pair.value, id: id))
                default: return pair
                }
            }))
        default: return object
        }
    }

    func decryptStream(_ data: [UInt8], id: ObjectID, dictionary: PDFDictionary) -> [UInt8] {
        if !encryptMetadata, dictionary.name("Type") == "Metadata" { return data }
        // A stream with its own /Crypt filter naming /Identity is not encrypted (§7.4.10).
        if case .array(let filters)? = dictionary["Filter"], filters.first?.name == "Crypt" { return data }
        if dictionary["Filter"]?.name == "Crypt" { return data }
        return decrypt(data, id: id, method: streamMethod)
    }
}
