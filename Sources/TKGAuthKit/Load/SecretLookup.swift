/// How secret references resolve: the environment and the file system, injected so the core stays pure.
public struct SecretLookup: Sendable {
    public var environment: [String: String]
    /// Reads a file's content, or nil when it cannot be read.
    public var readFile: @Sendable (String) -> String?

    public init(environment: [String: String], readFile: @escaping @Sendable (String) -> String?) {
        self.environment = environment
        self.readFile = readFile
    }

    /// Resolves nothing: every reference stays unknown.
    public static let none = SecretLookup(environment: [:], readFile: { _ in nil })

    /// The value of a reference, when it is known now.
    public func value(of reference: SecretReference, resolvedPath: String?) -> String? {
        switch reference {
        case .plain(let value):
            return value
        case .env(let name):
            return environment[name]
        case .file:
            guard let path = resolvedPath, var content = readFile(path) else { return nil }
            if content.hasSuffix("\r\n") {
                content.removeLast(1)  // "\r\n" is one Character in Swift
            } else if content.hasSuffix("\n") {
                content.removeLast()
            }
            return content
        }
    }
}
