/// VETA-R003: the criteria of element N are numbered N.1, N.2 ... without gaps or repeats.
struct CriterionNumberingRule: CurriculumRule {
    let descriptor = RuleDescriptor(
        id: "VETA-R003", name: "criterion-numbering", severity: .error,
        summary: "The criteria of element N are numbered N.1, N.2, N.3 ... in order, with no gap or repeat.",
        fix: "number each criterion ELEMENT.N, counting from 1 within its element.")

    func check(_ curriculum: Curriculum) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for unit in curriculum.units {
            for element in unit.elements {
                for (index, criterion) in element.criteria.enumerated() {
                    guard !Self.isNumbered(criterion.number, element: element.number, position: index + 1) else { continue }
                    let expected = "\(element.number).\(index + 1)"
                    let parts = criterion.number.split(separator: ".")
                    let reason =
                        parts.first.map(String.init) == String(element.number)
                        ? "criteria are numbered without gaps or repeats"
                        : "its first number must be its element's number, \(element.number)"
                    findings.append(
                        finding(
                            criterion.location,
                            "criterion \(criterion.number) in element \(element.number) of unit \(unit.code) should be \(expected): \(reason)"
                        ))
                }
            }
        }
        return findings
    }

    /// Whether `number` is exactly `"\(element).\(position)"`, checked without building that string
    /// (this runs for every criterion of every unit).
    static func isNumbered(_ number: String, element: Int, position: Int) -> Bool {
        var number = number
        return number.withUTF8 { bytes in
            guard let dot = bytes.firstIndex(of: UInt8(ascii: ".")) else { return false }
            return isDecimal(bytes[..<dot], element) && isDecimal(bytes[(dot + 1)...], position)
        }
    }

    /// Whether `digits` is `value` written in decimal the way Swift writes an `Int` (no sign, no
    /// leading zero, no other character).
    private static func isDecimal(_ digits: Slice<UnsafeBufferPointer<UInt8>>, _ value: Int) -> Bool {
        guard value >= 0, !digits.isEmpty else { return false }
        if digits.count > 1, digits.first == UInt8(ascii: "0") { return false }
        var parsed = 0
        for byte in digits {
            guard byte >= 0x30 && byte <= 0x39 else { return false }
            let (times10, overflow) = parsed.multipliedReportingOverflow(by: 10)
            let (sum, carry) = times10.addingReportingOverflow(Int(byte - 0x30))
            guard !overflow, !carry else { return false }
            parsed = sum
        }
        return parsed == value
    }
}
