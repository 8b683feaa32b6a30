/// Why a curriculum cannot be exported as a CASE package. A finding about the input (exit 1), not an I/O error.
public enum CASEExportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The publication date's year is outside 0001–9999, which a CASE (RFC 3339) date-time cannot hold.
    case yearOutsideDateTime(XSDDate)

    /// The stable code of the refusal.
    public var code: String {
        switch self {
        case .yearOutsideDateTime: "VETA-E001"
        }
    }

    public var description: String {
        switch self {
        case .yearOutsideDateTime(let date):
            "[\(code)] the publication date \(date) has a year outside 0001–9999, which a CASE date-time (RFC 3339) cannot hold; "
                + "fix: correct <published> if the year is a typo"
        }
    }
}
