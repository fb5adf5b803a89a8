/// Where secrets live in the cluster when they are not written inline: the Kubernetes Secrets the plan creates
/// and the generated values refer to. One definition, so the values and the plan cannot disagree.
public struct SecretLayout: Sendable, Hashable {
    /// The Secret in Dex's namespace that the chart's `envFrom` turns into Dex's environment.
    public var dexSecretName: String
    /// The Secret in Kubeapps' namespace that oauth2-proxy reads (`authProxy.existingOauth2Secret`);
    /// the `tkg-1.3` chart has no such key, so there the plan passes the values at install time.
    public var kubeappsSecretName: String

    /// The environment variable, inside Dex's pod, holding the Okta client secret (`$VAR` in the connector).
    public static let dexOktaSecretKey = "OKTA_CLIENT_SECRET"
    /// The environment variable, inside Dex's pod, holding the static client's secret (`secretEnv`).
    public static let dexClientSecretKey = "KUBEAPPS_CLIENT_SECRET"
    /// Keys that the Kubeapps chart reads from `existingOauth2Secret`.
    public static let kubeappsClientIDKey = "clientID"
    public static let kubeappsClientSecretKey = "clientSecret"
    public static let kubeappsCookieSecretKey = "cookieSecret"

    public init(site: Site) {
        dexSecretName = "\(site.dex.release)-tkgauth"
        kubeappsSecretName = "\(site.kubeapps.release)-tkgauth-oauth2"
    }
}
