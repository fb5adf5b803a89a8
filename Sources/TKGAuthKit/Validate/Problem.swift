/// What is wrong with one value, before it is given a location.
public struct Problem: Sendable, Hashable, Error {
    public var message: String
    public var hint: String?

    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}
