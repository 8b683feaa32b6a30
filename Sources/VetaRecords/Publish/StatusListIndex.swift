/// Where a credential's revocation bit sits in the issuer's status list, and the URLs of a published site.
///
/// The index follows from the credential's serial alone, so it needs no counter of its own and a
/// rebuild of the store (or of the site) finds the same bits: serial `VETA-YYYY-NNNNNN` takes
/// index `(YYYY − 2000) × 200,000 + NNNNNN`. The serial is in the record's issue entry of the
/// log, and the index in the signed credential stored with it.
public enum StatusListIndex {
    /// Serials a year may number before two years' indexes would meet.
    public static let serialsPerYear = 200_000

    /// The index of `serial`, or ``RecordError`` when it is not `VETA-YYYY-NNNNNN` with a year
    /// 2000–2999 and a number below 200,000 (a list of 2026 then holds 5.2 million bits, 650 KB before
    /// compression; verifiers such as openbadgeslib accept lists up to 5 MiB, which lasts to 2209).
    public static func of(serial: String) throws -> Int {
        let parts = serial.split(separator: "-")
        guard parts.count == 3, parts[0] == "VETA", let year = Int(parts[1]), (2000...2999).contains(year), let number = Int(parts[2]),
            (0..<serialsPerYear).contains(number)
        else {
            throw RecordError(
                "serial \(serial) has no status list index: credentials with a status entry take serials VETA-YYYY-NNNNNN, years 2000–2999, "
                    + "at most 199,999 serials a year")
        }
        return (year - 2000) * serialsPerYear + number
    }

    /// The status list credential's URL on the issuer's site: `<issuerURL>/status/revocation-1.jwt`.
    public static func listURL(issuerURL: String) -> String { SiteURL.base(issuerURL) + "/status/revocation-1.jwt" }
}

/// URLs of the pages and documents of an issuer's published site (`veta site build`).
public enum SiteURL {
    /// The issuer URL without a trailing slash.
    static func base(_ issuerURL: String) -> String {
        var url = issuerURL
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// The JSON-LD of an achievement: `<issuerURL>/achievements/<CODE>-<VERSION>[-<UNIT>].json`.
    public static func achievement(issuerURL: String, code: String, version: String, unit: String?) -> String {
        base(issuerURL) + "/achievements/" + achievementFile(code: code, version: version, unit: unit)
    }

    /// The achievement's file name under `achievements/`.
    public static func achievementFile(code: String, version: String, unit: String?) -> String {
        "\(code)-\(version)" + (unit.map { "-\($0)" } ?? "") + ".json"
    }
}

/// The verification page of a record on the issuer's site, where the DC-3's QR code leads.
public enum RecordPage {
    /// `<issuerURL>/records/<RECORD-ID>/` (the record id is its serial, e.g. `VETA-2026-000001`).
    public static func url(issuer issuerURL: String, recordID: String) -> String {
        SiteURL.base(issuerURL) + "/records/\(recordID)/"
    }
}
