/// Kubeapps and its oauth2-proxy, a static client of Dex.
public struct KubeappsSettings: Sendable, Hashable {
    public var host: String
    public var namespace: String
    public var release: String
    /// Dex's static client id, oauth2-proxy's client id and the JWTAuthenticator's audience.
    public var clientID: String
    public var clientSecret: SecretSetting
    public var cookieSecret: SecretSetting

    public init(
        host: String,
        namespace: String,
        release: String,
        clientID: String,
        clientSecret: SecretSetting,
        cookieSecret: SecretSetting
    ) {
        self.host = host
        self.namespace = namespace
        self.release = release
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.cookieSecret = cookieSecret
    }

    public var url: String { "https://\(host)" }
    /// oauth2-proxy's redirect URL, which Dex's static client must list.
    public var callbackURL: String { url + "/oauth2/callback" }
}
