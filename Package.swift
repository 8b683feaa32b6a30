// swift-tools-version: 6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("InternalImportsByDefault"),
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "veta",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "VetaCurricula", targets: ["VetaCurricula"]),
        .library(name: "VetaProgress", targets: ["VetaProgress"]),
        .library(name: "VetaRecords", targets: ["VetaRecords"]),
        .library(name: "VetaAudit", targets: ["VetaAudit"]),
        .executable(name: "veta", targets: ["veta"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        // Layer 0: the C library, wrapped only by VetaCurricula.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // Layer 1: curriculum model, secure XML reading, XSD and semantic validation.
        .target(
            name: "VetaCurricula",
            dependencies: ["CLibXML2"],
            swiftSettings: swiftSettings
        ),
        // Layer 2: trainee progress: the store, the evidence ledger, the competency engine.
        .target(
            name: "VetaProgress",
            dependencies: [
                "VetaCurricula",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Layer 2, beside VetaProgress: the same store on a PostgreSQL server (the libraries stay free of the driver).
        .target(
            name: "VetaPostgres",
            dependencies: [
                "VetaProgress",
                "VetaCurricula",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PostgresNIO", package: "postgres-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        // C libraries for the DC-3 PDF: libharu (PDF) and libqrencode (QR code).
        .systemLibrary(
            name: "CLibHaru",
            providers: [.apt(["libhpdf-dev"]), .brew(["libharu"])]
        ),
        .systemLibrary(
            name: "CQREncode",
            pkgConfig: "libqrencode",
            providers: [.apt(["libqrencode-dev"]), .brew(["qrencode"])]
        ),
        // zlib, for the GZIP-compressed bitstring of a status list.
        .systemLibrary(
            name: "CZlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        // The coded-error shape (code, message, fix) that VetaRecords' badges and VetaServe share.
        .target(name: "VetaErrors", swiftSettings: swiftSettings),
        // Layer 3: completion records: Open Badges 3.0 credentials, DC-3 constancias, verification.
        .target(
            name: "VetaRecords",
            dependencies: [
                "VetaErrors",
                "VetaCurricula",
                "VetaProgress",
                "CLibHaru",
                "CQREncode",
                "CZlib",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        // Layer 4: audits of catalogues and of the record store.
        .target(
            name: "VetaAudit",
            dependencies: ["VetaCurricula", "VetaProgress", "VetaRecords"],
            swiftSettings: swiftSettings
        ),
        // `veta serve`: a built site over HTTP(S) with Hummingbird, kept out of the library targets.
        .target(
            name: "VetaServe",
            dependencies: [
                "VetaErrors",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                // Its bare HTTP/1.1 client (TestClient) is what veta sync push and pull speak to a centre.
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            swiftSettings: swiftSettings
        ),
        // glibc heap settings for the command-line process (see HeapSettings).
        .systemLibrary(name: "CHeap"),
        // Layer top: the thin command-line interface.
        .executableTarget(
            name: "veta",
            dependencies: [
                "CHeap",
                "VetaCurricula",
                "VetaProgress",
                "VetaRecords",
                "VetaAudit",
                "VetaServe",
                "VetaPostgres",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        // Library-call timings for `make bench`; not shipped, not a test.
        .executableTarget(
            name: "veta-bench",
            dependencies: ["VetaCurricula", "VetaProgress", "VetaRecords"],
            path: "Tests/bench/veta-bench",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VetaCurriculaTests",
            dependencies: [
                "VetaCurricula",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VetaServeTests",
            dependencies: [
                "VetaServe",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VetaAuditTests",
            dependencies: ["VetaAudit", "VetaCurricula", "VetaProgress"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VetaRecordsTests",
            dependencies: [
                "VetaRecords", "VetaProgress", "VetaCurricula", "VetaPostgres", .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "vetaTests",
            dependencies: [
                "veta",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "VetaProgressTests",
            dependencies: [
                "VetaProgress",
                "VetaPostgres",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)
