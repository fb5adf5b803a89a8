/// The Okta authorization server that Dex federates, and the app registered there for Dex.
public struct OktaSettings: Sendable, Hashable {
    /// `https://ORG` or `https://ORG/oauth2/ID`, with no trailing slash.
    public var issuer: String
    public var clientID: String
    public var clientSecret: SecretSetting

    public init(
        issuer: String,
        clientID: String,
        clientSecret: SecretSetting
    ) {
        self.issuer = issuer
        self.clientID = clientID
        self.clientSecret = clientSecret
    }

    /// Which kind of authorization server the issuer names.
    public var serverKind: OktaServerKind { OktaServerKind(issuer: issuer) }
}

/// Okta's org server issues thin ID tokens; a custom server can be told to put groups in; anything else is some OIDC
/// provider. An org server on a custom URL domain cannot be told apart from another provider and counts as `.other`.
public enum OktaServerKind: Sendable, Hashable {
    case org
    case custom(id: String)
    case other

    public init(issuer: String) {
        let rest = issuer.hasPrefix("https://") ? String(issuer.dropFirst("https://".count)) : issuer
        let parts = rest.split(separator: "/", omittingEmptySubsequences: false)
        let host = parts.first.map(String.init) ?? ""
        let oktaDomains = [".okta.com", ".oktapreview.com", ".okta-emea.com", ".okta-gov.com", ".okta.mil"]
        if parts.count == 1, oktaDomains.contains(where: { host.hasSuffix($0) }) {
            self = .org
        } else if parts.count == 3, parts[1] == "oauth2", !parts[2].isEmpty {
            self = .custom(id: String(parts[2]))
        } else {
            self = .other
        }
    }
}
