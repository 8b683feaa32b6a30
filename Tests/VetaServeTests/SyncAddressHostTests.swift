import Testing

@testable import VetaServe

/// The hosts sync accepts: plain http to this machine only (client and server alike), and no IP
/// address as an https:// host yet, refused with that reason rather than a TLS failure.
@Suite struct SyncAddressHostTests {
    @Test(arguments: ["localhost", "LOCALHOST", "127.0.0.1", "::1", "[::1]"])
    func loopbackHosts(_ host: String) {
        #expect(SyncAddress.isLoopback(host))
    }

    @Test(arguments: ["0.0.0.0", "::", "10.0.0.5", "127.0.0.2", "localhost.evil.example", "centro.example.mx", ""])
    func otherHostsAreNotLoopback(_ host: String) {
        #expect(!SyncAddress.isLoopback(host))
    }

    @Test(arguments: ["https://127.0.0.1:8443", "https://[::1]:8443", "https://10.0.0.5", "https://192.168.1.20:8443/veta"])
    func anIPAddressOverHTTPSIsRefusedWithTheReason(_ text: String) {
        do {
            _ = try SyncAddress(text)
            Issue.record("accepted \(text)")
        } catch {
            #expect(error.description.contains("IP address"), "\(error.description)")
            #expect(error.description.contains("host name"), "\(error.description)")
        }
    }

    @Test func plainHTTPToLoopbackAddressesStillWorks() throws {
        #expect(try SyncAddress("http://127.0.0.1:8080").host == "127.0.0.1")
        #expect(try SyncAddress("http://[::1]:8080").host == "::1")
        #expect(try SyncAddress("https://centro.example.mx").tls)
    }
}
