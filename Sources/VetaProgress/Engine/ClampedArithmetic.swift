extension Int {
    /// `self + other`, or the nearest representable value when the sum would overflow.
    ///
    /// Counts and minutes come from curricula and the store, which may hold any `Int`; a sum of
    /// them must give the largest number there is, not trap.
    func clampedAdding(_ other: Int) -> Int {
        let (sum, overflow) = addingReportingOverflow(other)
        guard overflow else { return sum }
        return other > 0 ? .max : .min
    }

    /// `self - other`, or the nearest representable value when the difference would overflow.
    func clampedSubtracting(_ other: Int) -> Int {
        let (difference, overflow) = subtractingReportingOverflow(other)
        guard overflow else { return difference }
        return other > 0 ? .min : .max
    }
}
