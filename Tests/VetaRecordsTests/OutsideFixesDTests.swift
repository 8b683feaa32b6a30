import Foundation
import PropertyBased
import Testing
import VetaCurricula

@testable import VetaRecords

/// Rules from the breakit5 findings 10, 13 and 16: a badge carries exactly one credential, an SVG
/// that does not parse is described in plain words, a one-language text never leaves a dangling
/// separator, and only Veta's own working folders are taken for stale builds.
@Suite struct OutsideFixesDTests {
    static let face = BadgeFace(
        code: "RIIWHS201E", titleES: "Trabajar de forma segura", titleEN: "Work safely", levelES: "operador", levelEN: "operator",
        curriculum: "VTOPHT 1.0.0")

    /// The PNG with a second `openbadgecredential` chunk before IEND.
    static func withSecondChunk(_ png: Data, token: String) -> Data {
        var bytes = Array(png)
        let iend = bytes.count - 12
        let text = Array(BadgeBaker.pngKeyword.utf8) + [0, 0, 0, 0, 0] + Array(token.utf8)
        bytes.insert(contentsOf: PNGChunks.chunk("iTXt", text), at: iend)
        return Data(bytes)
    }

    @Test func aPNGWithTwoCredentialsIsAmbiguousWhicheverTheyAre() async {
        let part = Gen.int(in: 0...25).map { Character(UnicodeScalar(UInt8(97 + $0))) }.array(of: 1...20).map { String($0) }
        await propertyCheck(count: 100, input: part, part) { first, second in
            let png = try BadgeBaker.png(credentialJWT: "\(first).\(first).\(first)", face: Self.face)
            #expect(try BadgeBaker.credential(fromPNG: png) == "\(first).\(first).\(first)")
            do {
                let token = try BadgeBaker.credential(fromPNG: Self.withSecondChunk(png, token: "\(second).\(second).\(second)"))
                Issue.record("a PNG with two credentials read as \(token)")
            } catch let error as BadgeError {
                #expect(error.code == "VETA-BADGE-005")
            }
        }
    }

    @Test func anSVGWithTwoCredentialElementsIsAmbiguous() throws {
        let svg = String(decoding: try BadgeBaker.svg(credentialJWT: "a.b.c", face: Self.face), as: UTF8.self)
        let element = #"<openbadges:credential verify="a.b.c"/>"#
        #expect(svg.contains(element))
        let twice = svg.replacingOccurrences(of: element, with: element + #"<openbadges:credential verify="x.y.z"/>"#)
        do {
            let token = try BadgeBaker.credential(fromSVG: Data(twice.utf8))
            Issue.record("an SVG with two credentials read as \(token)")
        } catch let error as BadgeError {
            #expect(error.code == "VETA-BADGE-005")
        }
    }

    @Test func anSVGThatDoesNotParseIsDescribedInPlainWords() {
        let bomb =
            #"<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>"#
            + #"<svg xmlns="http://www.w3.org/2000/svg"><text>&b;</text></svg>"#
        for text in [bomb, "<svg xmlns='http://www.w3.org/2000/svg'><g></svg>"] {
            do {
                _ = try BadgeBaker.credential(fromSVG: Data(text.utf8))
                Issue.record("read a credential from \(text)")
            } catch let error as BadgeError {
                #expect(!error.message.contains("Domain") && !error.message.contains("(null)"), "\(error)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test func oneLanguageNeverLeavesADanglingSeparator() async {
        let word = Gen.int(in: 0...3).map { ["", " ", "Título", "Title of plan"][$0] }
        await propertyCheck(count: 200, input: word, word) { es, en in
            let both = LocalizedText.both(es, en)
            #expect(!both.hasSuffix("/") && !both.hasPrefix("/") && !both.hasSuffix("/ ") && !both.hasPrefix(" /"), "\(both)")
            if !es.trimmingCharacters(in: .whitespaces).isEmpty && !en.trimmingCharacters(in: .whitespaces).isEmpty {
                #expect(both == "\(es) / \(en)")
            }
        }
    }

    @Test func onlyVetaWorkingFolderNamesAreStaleBuilds() {
        #expect(StaleBuilds.pid(of: ".site.veta-build-123", name: "site") == 123)
        #expect(StaleBuilds.pid(of: ".site.veta-old-9", name: "site") == 9)
        for other in [".site.veta-build-", ".site.veta-build-12x", ".other.veta-old-1", "site.veta-old-1", ".site.veta-old-١٢", ".site"] {
            #expect(StaleBuilds.pid(of: other, name: "site") == nil, "\(other)")
        }
    }
}
