/// Dex, the federating OIDC provider between Kubeapps and Okta.
public struct DexSettings: Sendable, Hashable {
    public var host: String
    public var namespace: String
    public var release: String

    public init(
        host: String,
        namespace: String,
        release: String
    ) {
        self.host = host
        self.namespace = namespace
        self.release = release
    }

    /// Dex's issuer: byte for byte the same in Dex, the JWTAuthenticator and oauth2-proxy.
    public var issuer: String { "https://\(host)" }
    /// Where Okta sends users back to Dex.
    public var callbackURL: String { issuer + "/callback" }
}
