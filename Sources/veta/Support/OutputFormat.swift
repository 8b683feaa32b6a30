import ArgumentParser

/// How validation results are printed.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
}

/// How a listing or outline is printed.
enum ListingFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
