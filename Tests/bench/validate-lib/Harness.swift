/// The validator as library calls, for profiling `veta validate` without the command line (see
/// BENCHMARKS.md, "One large file"): validates the file given N times (default 1); FREE=0 leaves
/// the tree allocated, as `veta validate` of one file does. Built with swiftc into module VetaCurricula.
import Foundation

@main struct Harness {
    static func main() throws {
        let args = CommandLine.arguments
        let validator = try CurriculumValidator()
        let rounds = args.count > 2 ? (Int(args[2]) ?? 1) : 1
        let freeing = ProcessInfo.processInfo.environment["FREE"] != "0"
        for _ in 0..<rounds {
            let report = try validator.validate(fileAt: args[1], keepingModel: false, freeingDocument: freeing)
            print(report.diagnostics.count)
            for diagnostic in report.diagnostics.prefix(3) { print(diagnostic) }
        }
    }
}
