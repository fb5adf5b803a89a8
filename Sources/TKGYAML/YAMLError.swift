/// A YAML text that could not be read: bad syntax, a limit exceeded, a duplicate key, an unsupported feature.
public struct YAMLError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var mark: Mark
    public var hint: String?

    public init(_ message: String, at mark: Mark, hint: String? = nil) {
        self.message = message
        self.mark = mark
        self.hint = hint
    }

    public var description: String { "\(mark): \(message)" }
}
