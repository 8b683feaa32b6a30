import Crypto
import Foundation

/// The canonical bytes of a ledger entry: what its hash covers and what a sign-off signature signs.
///
/// A JSON object, UTF-8, no white space, keys in ascending byte order, absent values left out,
/// strings escaped as RFC 8785 (JCS) does (`\"`, `\\`, `\b \f \n \r \t`, other control
/// characters as `\u00XX`, everything else as is), integers in decimal. The keys:
///
/// `assessor`, `attachmentSHA256`, `corrects`, `curriculum` (`CODE@x.y.z`), `date`, `derivedFrom`, `kind`,
/// `method`, `minutes`, `note`, `outcome`, `previousHash`, `recordedAt`, `sequence`, `site`,
/// `target` (`criterion:1.2`, `element:1`, `knowledge:K1`, `performance:P1` or `unit`), `trainee`, `unit`, `v` (1).
///
/// Version 2 adds the record kinds (`issue`, `revocation`, `supersession`) and, for them only,
/// these keys (from ``RecordDetails``): `checkpointHash`, `checkpointSize` (integer), `format`,
/// `issuedAt`, `issuer`, `serial`, `supersededBy`, `supersedes`, `validFrom`, `validUntil`; an
/// issue's artifact sha256 is `attachmentSHA256` and a revocation's reason `note`. Entries of the
/// version 1 kinds never carry these keys and are still written with `v` 1, byte for byte as
/// before, so every hash in an existing store still verifies; record entries are written with `v` 2.
///
/// Version 3 adds the registry kinds (`organisation`, `trainee`, `assessor`, `issuer`,
/// `authorisation`, `deauthorisation`, `publication`, `amendment`: who and what the store knows).
/// They are about no trainee's progress, so they have no `trainee` and no `curriculum` key (in
/// Swift those fields hold ``LedgerEntry/noTrainee`` and ``LedgerEntry/noCurriculum``, never
/// written; the row's columns are NULL). They add `subject` (an RFC, an id, or `CODE@x.y.z` for a
/// publication) and each field of ``RegistryDetails`` under its own name (`name`, `curp`,
/// `publicKey`…, see ``RegistryDetails/fieldNames``); a publication's sha256 is
/// `attachmentSHA256`, an authorisation's unit `unit`, an amendment's reason `note`. Entries of the
/// version 1 and 2 kinds never carry these keys and encode as before.
///
/// Version 4 is a registry entry carrying one of ``RegistryDetails/extendedFieldNames`` (the DC-3
/// signatories of an organisation, a trainee's occupation key): encoded as version 3 with those
/// fields and `v` 4; a registry entry without them keeps its version 3 bytes.
///
/// Version 5 adds the `lifecycle` kind (``CurriculumLifecycle``): encoded as the registry kinds
/// are, with `subject` the curriculum's `CODE@x.y.z`, `status`, `successor` when superseded, the
/// reason as `note`, and `v` 5. Entries of the earlier kinds encode as before.
///
/// Version 6 adds the `setting` kind: a registry-shaped entry (no `trainee`, no `curriculum`) whose
/// `subject` is the setting's name (`timeZone`) and whose `value` is its new value, the reason in
/// `note`. It is encoded by the registry rules with `v` 6; every earlier kind encodes as before.
///
/// Version 7 adds the `import` kind (``LedgerEntry/Kind/importBatch``): a registry-shaped entry whose
/// `subject` is the import id `FIRST-LAST`, with `first` and `last` (the sequences, in decimal) and
/// the imported file's sha256 as `attachmentSHA256`. It is encoded by the registry rules with `v` 7;
/// every earlier kind encodes as before.
///
/// Version 8 adds the `receipt` kind (``SyncReceipt``): a registry-shaped entry whose `subject` is
/// `SITE:FIRST-LAST`, with the fields of ``SyncReceipt/fieldNames`` (the received entries' canonical
/// bytes among them). It is encoded by the registry rules with `v` 8; every earlier kind encodes as before.
///
/// `hash` = lowercase hex sha256 of these bytes. `previousHash` of entry 1 is 64 zeros, so the
/// chain of hashes covers every entry and its order. A sign-off's `signature` is the assessor's
/// Ed25519 signature over the same bytes, base64url without padding; an issue's is the issuer's.
public enum LedgerCanonicalEncoding {
    /// The format version written in `v` for the kinds of version 1.
    public static let version = 1
    /// The format version written in `v` for the record kinds.
    public static let recordVersion = 2
    /// The format version written in `v` for the registry kinds.
    public static let registryVersion = 3
    /// The format version written in `v` for a registry entry carrying a field of
    /// ``RegistryDetails/extendedFieldNames`` (the DC-3 signatories of an organisation).
    public static let extendedRegistryVersion = 4
    /// The format version written in `v` for curriculum lifecycle entries.
    public static let lifecycleVersion = 5
    /// The format version written in `v` for the `setting` kind.
    public static let settingVersion = 6
    /// The format version written in `v` for the `import` kind.
    public static let importVersion = 7
    /// The format version written in `v` for the `receipt` kind.
    public static let receiptVersion = 8

    /// The canonical bytes of `entry` (its `hash` and `signature` are not part of them).
    public static func bytes(of entry: LedgerEntry) -> [UInt8] {
        if entry.kind.isRegistry { return registryBytes(of: entry) }
        // Record details only on record kinds: an entry of a version 1 kind encodes as it always did.
        let record = entry.kind.isRecord ? entry.record : nil
        var writer = CanonicalJSONWriter()
        writer.string("assessor", entry.assessor?.rawValue)
        writer.string("attachmentSHA256", entry.attachmentSHA256)
        writer.string("checkpointHash", record?.checkpointHash)
        writer.integer("checkpointSize", record?.checkpointSize.map(Int.init))
        writer.integer("corrects", entry.corrects.map(Int.init))
        writer.string("curriculum", entry.curriculum.description)
        writer.string("date", entry.date.description)
        writer.integer("derivedFrom", entry.derivedFrom.map(Int.init))
        writer.string("format", record?.format)
        writer.string("issuedAt", record?.issuedAt)
        writer.string("issuer", record?.issuer)
        writer.string("kind", entry.kind.rawValue)
        writer.string("method", entry.method?.rawValue)
        writer.integer("minutes", entry.minutes)
        writer.string("note", entry.note)
        writer.string("outcome", entry.outcome?.rawValue)
        writer.string("previousHash", entry.previousHash)
        writer.string("recordedAt", entry.recordedAt)
        writer.integer("sequence", Int(entry.sequence))
        writer.string("serial", record?.serial)
        writer.string("site", entry.site)
        writer.string("supersededBy", record?.supersededBy)
        writer.string("supersedes", record?.supersedes)
        writer.string("target", entry.target?.description)
        writer.string("trainee", entry.trainee.rawValue)
        writer.string("unit", entry.unit?.rawValue)
        writer.integer("v", entry.kind.isRecord ? recordVersion : version)
        writer.string("validFrom", record?.validFrom?.description)
        writer.string("validUntil", record?.validUntil?.description)
        return writer.finish()
    }

    /// The canonical bytes of a registry entry: the same rules, its keys merged in ascending byte order.
    private static func registryBytes(of entry: LedgerEntry) -> [UInt8] {
        var pairs: [(key: String, text: String?, number: Int?)] = [
            ("assessor", entry.assessor?.rawValue, nil), ("attachmentSHA256", entry.attachmentSHA256, nil),
            ("corrects", nil, entry.corrects.map(Int.init)), ("date", entry.date.description, nil),
            ("derivedFrom", nil, entry.derivedFrom.map(Int.init)), ("kind", entry.kind.rawValue, nil),
            ("method", entry.method?.rawValue, nil), ("minutes", nil, entry.minutes), ("note", entry.note, nil),
            ("outcome", entry.outcome?.rawValue, nil), ("previousHash", entry.previousHash, nil), ("recordedAt", entry.recordedAt, nil),
            ("sequence", nil, Int(entry.sequence)), ("site", entry.site, nil), ("subject", entry.registry?.subject ?? "", nil),
            ("target", entry.target?.description, nil), ("unit", entry.unit?.rawValue, nil),
        ]
        let extended = entry.registry?.fields.keys.contains { RegistryDetails.extendedFieldNames.contains($0) } ?? false
        let version =
            switch entry.kind {
            case .lifecycle: lifecycleVersion
            case .setting: settingVersion
            case .importBatch: importVersion
            case .receipt: receiptVersion
            default: extended ? extendedRegistryVersion : registryVersion
            }
        pairs.append(("v", nil, version))
        for (name, value) in entry.registry?.fields ?? [:] where RegistryDetails.fieldNames.contains(name) {
            pairs.append((name, value, nil))
        }
        pairs.sort { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
        var writer = CanonicalJSONWriter()
        for pair in pairs {
            if let number = pair.number { writer.integer(pair.key, number) } else { writer.string(pair.key, pair.text) }
        }
        return writer.finish()
    }

    /// The canonical JSON text of registry details as a row stores them: `subject` and the fields,
    /// keys in ascending byte order.
    package static func registryColumn(_ details: RegistryDetails) -> String {
        var writer = CanonicalJSONWriter()
        var pairs = details.fields.map { ($0.key, $0.value) }
        pairs.append(("subject", details.subject))
        pairs.sort { Array($0.0.utf8).lexicographicallyPrecedes(Array($1.0.utf8)) }
        for (key, value) in pairs { writer.string(key, value) }
        return String(decoding: writer.finish(), as: UTF8.self)
    }

    /// The entry's hash: lowercase hex sha256 of its canonical bytes.
    public static func hash(of entry: LedgerEntry) -> String {
        let digest = SHA256.hash(data: bytes(of: entry))
        // Written straight into the string's storage: this runs for every entry verified or appended.
        return digest.withUnsafeBytes { raw in
            String(unsafeUninitializedCapacity: raw.count * 2) { buffer in
                for (index, byte) in raw.enumerated() {
                    buffer[2 * index] = CanonicalJSONWriter.hexDigits[Int(byte >> 4)]
                    buffer[2 * index + 1] = CanonicalJSONWriter.hexDigits[Int(byte & 0x0F)]
                }
                return raw.count * 2
            }
        }
    }
}

/// Writes one flat JSON object with keys given in ascending order.
struct CanonicalJSONWriter {
    private var output: [UInt8] = {
        var bytes: [UInt8] = [UInt8(ascii: "{")]
        bytes.reserveCapacity(512)
        return bytes
    }()
    private var first = true

    mutating func string(_ key: String, _ value: String?) {
        guard let value else { return }
        self.key(key)
        quoted(value)
    }

    mutating func integer(_ key: String, _ value: Int?) {
        guard let value else { return }
        self.key(key)
        output.append(contentsOf: String(value).utf8)
    }

    mutating func finish() -> [UInt8] {
        output.append(UInt8(ascii: "}"))
        return output
    }

    private mutating func key(_ key: String) {
        if !first { output.append(UInt8(ascii: ",")) }
        first = false
        quoted(key)
        output.append(UInt8(ascii: ":"))
    }

    private mutating func quoted(_ text: String) {
        output.append(UInt8(ascii: "\""))
        // Most values need no escaping: copy them whole (scanned as contiguous bytes where the string has them).
        let plain =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                for byte in bytes where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return false }
                return true
            } ?? !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") })
        if plain {
            output.append(contentsOf: text.utf8)
            output.append(UInt8(ascii: "\""))
            return
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
            case 0x08: output.append(contentsOf: [0x5C, UInt8(ascii: "b")])
            case 0x0C: output.append(contentsOf: [0x5C, UInt8(ascii: "f")])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                output.append(contentsOf: Array("\\u00".utf8))
                output.append(Self.hexDigits[Int(byte >> 4)])
                output.append(Self.hexDigits[Int(byte & 0x0F)])
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
}

extension Sequence where Element == UInt8 {
    /// Lowercase hexadecimal.
    var hexString: String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for byte in self {
            bytes.append(CanonicalJSONWriter.hexDigits[Int(byte >> 4)])
            bytes.append(CanonicalJSONWriter.hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
