/// One file that `generate` writes for a site.
public struct GeneratedFile: Sendable, Hashable {
    /// The site's name, which is also its output folder.
    public var site: String
    /// The file name inside the site's folder.
    public var name: String
    /// Comment lines that open the file.
    public var header: String
    /// The YAML documents of the file, each emitted on its own, in order.
    public var documents: [String]
    /// True when the contents hold a secret value (`--inline-secrets`): written owner-only, never printed.
    public var holdsSecret: Bool

    public init(site: String, name: String, header: String, documents: [String], holdsSecret: Bool) {
        self.site = site
        self.name = name
        self.header = header
        self.documents = documents
        self.holdsSecret = holdsSecret
    }

    /// `<site>/<name>`.
    public var relativePath: String { "\(site)/\(name)" }

    /// The file's bytes as text: the header, then the documents as a YAML stream.
    public var contents: String {
        header + documents.joined(separator: "---\n")
    }

}
