import Foundation

/// The rule an issuer URL must meet: the one its `did:web` derivation needs, checked when the
/// issuer is registered (`veta issuer add`) and wherever a did:web is derived from it.
///
/// `https://host[:port][/segment…][/]`: https only (did:web resolves over https); the host in
/// ASCII letters, digits, `-` and `.` (an internationalised name is given in its punycode
/// `xn--` form); a port from 1 to 65535; no user information, query or fragment; path segments
/// non-empty, neither `.` nor `..`, of unreserved characters only (letters, digits, `-._~`, so no
/// `:` and no percent-encoding); at most ``maximumLength`` characters. Whether its record page URL
/// fits the DC-3's printed verification code is measured with the form's font metrics
/// (``VerificationCodeFit``) when the issuer is registered.
public enum IssuerURL {
    /// The longest issuer URL, in characters: a bound on what is measured, beyond which no URL fits
    /// the DC-3's code box even in its narrowest letters (``VerificationCodeFit`` decides below it).
    public static let maximumLength = 400

    /// The URL's parts: the lower-case host, the port when given, the path segments.
    public struct Parts: Hashable, Sendable {
        /// The host, in lower case.
        public let host: String
        /// The port, when the URL names one.
        public let port: Int?
        /// The path segments, without the trailing slash.
        public let segments: [String]
    }

    /// The parts of `url`, or ``RecordError`` naming the first rule it breaks and the fix.
    public static func parts(_ url: String) throws -> Parts {
        func refuse(_ why: String) -> RecordError {
            RecordError("\(url.count > 80 ? String(url.prefix(80)) + "…" : url) cannot be an issuer URL: \(why)")
        }
        guard url.count <= maximumLength else {
            throw refuse(
                "it has \(url.count) characters, more than \(maximumLength): the record page URL would not fit the DC-3's verification code; use a shorter URL"
            )
        }
        guard url.lowercased().hasPrefix("https://") else {
            throw refuse("it must start with https:// (a did:web is resolved over https)")
        }
        let rest = url.dropFirst("https://".count)
        for (character, name) in [("@", "user information"), ("?", "a query"), ("#", "a fragment")] where rest.contains(character) {
            throw refuse("it carries \(name) (\"\(character)\"), which a did:web cannot")
        }
        let authority = rest.prefix { $0 != "/" }
        let path = rest.dropFirst(authority.count)
        var host = Substring(authority)
        var port: Int?
        if let colon = authority.lastIndex(of: ":") {
            host = authority[..<colon]
            let digits = authority[authority.index(after: colon)...]
            guard !digits.isEmpty, digits.count <= 5, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits),
                (1...65535).contains(number)
            else { throw refuse("the port \"\(digits)\" is not a number from 1 to 65535") }
            port = number
        }
        guard !host.isEmpty else { throw refuse("it has no host") }
        guard host.allSatisfy(\.isASCII) else {
            throw refuse("the host \"\(host)\" is not ASCII: give its punycode form (xn--…)")
        }
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        for label in labels {
            guard !label.isEmpty, label.count <= 63, label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }),
                label.first != "-", label.last != "-"
            else {
                throw refuse(
                    "the host \"\(host)\" is not a DNS name (labels of letters, digits and inner hyphens, joined by dots; no IP literal in brackets)"
                )
            }
        }
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).dropFirst().map(String.init)
        if segments.last == "" { segments.removeLast() }
        let unreserved = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")
        for segment in segments {
            guard !segment.isEmpty, segment != ".", segment != "..", segment.allSatisfy(unreserved.contains) else {
                throw refuse(
                    "the path segment \"\(segment)\" is empty, a dot segment or has characters other than letters, digits and -._~")
            }
        }
        return Parts(host: host.lowercased(), port: port, segments: segments)
    }
}
