/// Diagnostics carried as one error, internal to the reading pipeline.
struct DiagnosticList: Error, ExpressibleByArrayLiteral {
    var diagnostics: [Diagnostic]

    init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }

    init(arrayLiteral elements: Diagnostic...) { diagnostics = elements }
}
