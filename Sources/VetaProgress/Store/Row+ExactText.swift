package import Foundation
package import GRDB

extension Row {
    /// The text stored in `column`, or nil when it is NULL or not TEXT: a value of another storage
    /// class (a BLOB written with sqlite3, say) is never converted, since GRDB's conversion stops the
    /// process on a value it cannot convert. Readers treat nil as a damaged row, which
    /// `veta ledger verify` names.
    package func exactText(_ column: String) -> String? {
        guard case .string(let text) = (self[column] as DatabaseValue).storage else { return nil }
        return text
    }

    /// The bytes stored in `column` when it is a BLOB, or nil.
    package func exactBlob(_ column: String) -> Data? {
        guard case .blob(let data) = (self[column] as DatabaseValue).storage else { return nil }
        return data
    }
}
