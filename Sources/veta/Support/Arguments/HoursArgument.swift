import ArgumentParser

/// An `--hours` value: decimal hours spent on one entry, more than zero and at most ``maximum``.
///
/// The domain allows at most 24 hours for one evidence entry (one day); the value is stored in whole
/// minutes, so it must also round to at least one minute. `inf`, `nan`, `1e300`, `-0`, `0`, negative
/// numbers and hex floats are usage errors: exit 64.
struct HoursArgument: ExpressibleByArgument, Sendable {
    /// The most hours one entry may record.
    static let maximum = 24.0

    /// The hours, in whole minutes.
    let minutes: Int

    init?(argument: String) {
        // Plain decimal notation only: digits with at most one point (no sign, exponent, hex or words).
        let bytes = Array(argument.utf8)
        let points = bytes.filter { $0 == UInt8(ascii: ".") }.count
        guard (1...32).contains(bytes.count), points <= 1, bytes.contains(where: { (48...57).contains($0) }),
            bytes.allSatisfy({ $0 == UInt8(ascii: ".") || (48...57).contains($0) }),
            let hours = Double(argument), hours.isFinite, hours > 0, hours <= Self.maximum
        else { return nil }
        let minutes = Int((hours * 60).rounded())
        guard minutes >= 1 else { return nil }
        self.minutes = minutes
    }

    var defaultValueDescription: String { String(Double(minutes) / 60) }
}
