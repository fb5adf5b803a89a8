/// The Pinniped Concierge JWTAuthenticator that makes the cluster trust Dex's tokens.
public struct PinnipedSettings: Sendable, Hashable {
    public var authenticator: String
    /// Used by Pinniped before 0.6 (namespaced authenticators) and by pinniped-proxy.
    public var namespace: String
    public var usernameClaim: String
    public var groupsClaim: String

    public init(
        authenticator: String,
        namespace: String,
        usernameClaim: String,
        groupsClaim: String
    ) {
        self.authenticator = authenticator
        self.namespace = namespace
        self.usernameClaim = usernameClaim
        self.groupsClaim = groupsClaim
    }
}
