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
        .executable(name: "veta", targets: ["veta"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
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
        // Layer top: the thin command-line interface.
        .executableTarget(
            name: "veta",
            dependencies: [
                "VetaCurricula",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
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
    ],
    swiftLanguageModes: [.v6]
)
