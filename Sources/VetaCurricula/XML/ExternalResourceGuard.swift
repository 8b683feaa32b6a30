internal import CLibXML2

/// Installs, once per process, a libxml2 external-entity loader that refuses every request.
///
/// Veta never needs libxml2 to open a file or a URL on its own: documents and schemas are read
/// into memory first. With this loader in place no DTD, entity, XInclude or schema location can
/// make libxml2 touch the file system or the network, whatever a document says.
enum ExternalResourceGuard {
    private static let installed: Bool = {
        xmlInitParser()
        xmlSetExternalEntityLoader { _, _, context in
            if let context {
                // Record a refusal on the parser so the caller can say what was attempted.
                context.pointee.errNo = Int32(XML_IO_NETWORK_ATTEMPT.rawValue)
            }
            return nil
        }
        return true
    }()

    /// Makes sure the refusing loader is installed.
    static func install() {
        _ = installed
    }
}
