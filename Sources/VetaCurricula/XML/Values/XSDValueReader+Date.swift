extension XSDValueReader {
    /// `xs:date` (XSD 1.0): after collapsing white space, `-?YYYY-MM-DD` with a year of at least
    /// four digits (no leading zero when longer, never `0000`, no `+`), a day that exists in that
    /// month and year, and an optional timezone `Z` or `±hh:mm` (at most 14:00).
    static func date(_ text: String) -> Result<XSDDate, XSDValueError> {
        let bytes = Array(collapse(text).utf8)
        var index = 0
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { index += 1 }
        let yearStart = index
        while index < bytes.count, isDigit(bytes[index]) { index += 1 }
        let yearDigits = bytes[yearStart..<index]
        guard yearDigits.count >= 4, yearDigits.count == 4 || yearDigits.first != 0x30 else { return .failure(.notInLexicalSpace) }
        guard let month = twoDigits(bytes, after: &index), let day = twoDigits(bytes, after: &index) else {
            return .failure(.notInLexicalSpace)
        }
        var offset: Int?
        if index < bytes.count {
            guard let parsed = timezone(bytes[index...]) else { return .failure(.notInLexicalSpace) }
            offset = parsed
        }
        var year = 0
        for digit in yearDigits {
            let (times10, o1) = year.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(digit - 0x30))
            guard !o1 && !o2 else { return .failure(.tooLarge) }
            year = sum
        }
        guard let date = XSDDate(year: negative ? -year : year, month: month, day: day, timezoneOffsetMinutes: offset) else {
            return .failure(.notInLexicalSpace)
        }
        return .success(date)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

    /// `-NN` at `index`, advancing past it.
    private static func twoDigits(_ bytes: [UInt8], after index: inout Int) -> Int? {
        guard index + 2 < bytes.count, bytes[index] == UInt8(ascii: "-"), isDigit(bytes[index + 1]), isDigit(bytes[index + 2]) else {
            return nil
        }
        defer { index += 3 }
        return Int(bytes[index + 1] - 0x30) * 10 + Int(bytes[index + 2] - 0x30)
    }

    /// `Z` or `±hh:mm` with hh 00–14, mm 00–59 and nothing past 14:00, as minutes east of UTC.
    private static func timezone(_ rest: ArraySlice<UInt8>) -> Int? {
        let tz = Array(rest)
        if tz == [UInt8(ascii: "Z")] { return 0 }
        guard tz.count == 6, tz[0] == UInt8(ascii: "+") || tz[0] == UInt8(ascii: "-"), tz[3] == UInt8(ascii: ":"),
            [1, 2, 4, 5].allSatisfy({ isDigit(tz[$0]) })
        else { return nil }
        let hours = Int(tz[1] - 0x30) * 10 + Int(tz[2] - 0x30)
        let minutes = Int(tz[4] - 0x30) * 10 + Int(tz[5] - 0x30)
        guard hours < 14 && minutes < 60 || hours == 14 && minutes == 0 else { return nil }
        return (tz[0] == UInt8(ascii: "-") ? -1 : 1) * (hours * 60 + minutes)
    }
}
