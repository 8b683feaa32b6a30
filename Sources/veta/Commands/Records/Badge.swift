import ArgumentParser
import Foundation
import VetaRecords

struct Badge: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "badge",
        abstract: "Write a credential baked into an SVG or PNG badge image (Open Badges 3.0 §5.3).",
        discussion: """
            The image shows the code, title and level of the unit or curriculum; the signed \
            credential travels inside it (SVG: <openbadges:credential verify="JWT"> in the \
            namespace https://purl.imsglobal.org/ob/v3p0; PNG: an uncompressed iTXt chunk \
            'openbadgecredential'), so backpacks and wallets that take images accept it, and \
            `veta verify` reads it back. The format follows the extension of --out (.svg or .png). \
            The credential is the one registered in the log; a DC-3 serial is refused (exit 1). \
            An existing --out file is refused (exit 1, left as it was) unless --force is given.

            Examples:
              veta badge --record VETA-2026-000001 --out badges/VETA-2026-000001.svg
              veta badge --record VETA-2026-000001 --out badges/VETA-2026-000001.png
              veta badge --record VETA-2026-000001 --out badges/VETA-2026-000001.png --force   # replace it
            """)

    @Option(help: "The credential's serial.") var record: String
    @Option(help: ArgumentHelp("The image file to write, .svg or .png.", valueName: "file")) var out: String
    @Flag(help: "Replace --out when it exists (otherwise an existing file is refused and left as it was).") var force = false
    @Option(help: "Output format: text or json.") var format: ListingFormat = .text
    @OptionGroup var store: StoreOptions

    struct Baked: Encodable {
        let record: String
        let out: String
        let format: String
        let bytes: Int
    }

    func validate() throws {
        guard imageFormat != nil else { throw ValidationError("--out must end in .svg or .png (got \(out))") }
    }

    private var imageFormat: RecordService.BadgeFormat? {
        RecordService.BadgeFormat(rawValue: (out as NSString).pathExtension.lowercased())
    }

    func run() async throws {
        try await runReporting(json: format == .json) {
            guard let imageFormat else { throw ValidationError("--out must end in .svg or .png") }
            if !force { try BadgeFile.refuseExisting(out) }
            let image = try await store.openRecords(create: false).badge(record, format: imageFormat)
            let folder = (out as NSString).deletingLastPathComponent
            if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
            if force {
                try image.write(to: URL(fileURLWithPath: out), options: .atomic)
            } else {
                try BadgeFile.create(out, bytes: image)
            }
            if format == .json { return try printJSON(Baked(record: record, out: out, format: imageFormat.rawValue, bytes: image.count)) }
            Terminal.out("baked \(record) into \(out) (\(imageFormat.rawValue), \(image.count) bytes)\n")
        }
    }
}
