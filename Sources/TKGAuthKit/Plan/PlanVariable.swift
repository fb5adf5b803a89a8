/// A shell variable that holds a secret while the plan runs. The plan names it; its value is never known to it.
public struct PlanVariable: Sendable, Hashable {
    /// Where the value comes from when the plan runs.
    public enum Source: Sendable, Hashable {
        /// The environment of whoever runs the plan (`{env: NAME}`): the variable is NAME itself.
        case environment
        /// A file read at run time (`{file: PATH}`), one trailing newline trimmed; the path as resolved
        /// against the site file's folder.
        case file(path: String)
    }

    /// A POSIX shell variable name.
    public var name: String
    public var source: Source
    /// The site keys whose secret it holds (`okta.clientSecret`); usually one.
    public var keyPaths: [String]
    /// Passed through `helm --set-string`, which splits on `,`, unescapes `\` and reads a leading `{` as a
    /// list: the script refuses such a value before anything changes.
    public var passedToHelmSetString: Bool

    public init(name: String, source: Source, keyPaths: [String], passedToHelmSetString: Bool = false) {
        self.name = name
        self.source = source
        self.keyPaths = keyPaths
        self.passedToHelmSetString = passedToHelmSetString
    }

    /// Words for messages: `okta.clientSecret of site whiteharbor`.
    public func purpose(site: String) -> String {
        "\(keyPaths.joined(separator: " and ")) of site \(site)"
    }
}
