/// Where a secret's value comes from.
public enum SecretReference: Sendable, Hashable {
    /// The value of an environment variable.
    case env(String)
    /// The content of a file, one trailing newline trimmed; the path as written, relative to the site file.
    case file(String)
    /// The value itself, written in the site file.
    case plain(String)
}

/// A secret-valued key of the site, with what it resolved to in this run.
public struct SecretSetting: Sendable, Hashable {
    public var reference: SecretReference
    /// The value, when it is known (a plain string, or a reference that resolves now).
    public var knownValue: String?
    /// For `.file`: the path resolved against the site file's folder.
    public var resolvedPath: String?

    public init(reference: SecretReference, knownValue: String?, resolvedPath: String? = nil) {
        self.reference = reference
        self.knownValue = knownValue
        self.resolvedPath = resolvedPath
    }

    /// Words for messages, never the value: `$OKTA_CLIENT_SECRET`, `file secrets/okta`, `the plain string`.
    public var sourceDescription: String {
        switch reference {
        case .env(let name): return "environment variable \(name)"
        case .file(let path): return "file \(path)"
        case .plain: return "the plain string in the site file"
        }
    }
}
