import TKGYAML

/// A validated site description with every default applied.
public struct Site: Sendable, Hashable {
    /// The site file as the user named it.
    public var file: String
    public var name: String
    public var profile: Profile
    public var ingress: IngressSettings
    public var okta: OktaSettings
    public var dex: DexSettings
    public var kubeapps: KubeappsSettings
    public var pinniped: PinnipedSettings
    public var access: [AccessGrant]
    /// Where each key's value was written (`dex.host`, `access[1].group`), for messages about it later.
    public var marks: [String: Mark]

    public func mark(_ keyPath: String) -> Mark { marks[keyPath] ?? .none }

    /// The secret-valued keys, in the order of the site format.
    public var secrets: [(keyPath: String, setting: SecretSetting)] {
        [
            ("okta.clientSecret", okta.clientSecret),
            ("kubeapps.clientSecret", kubeapps.clientSecret),
            ("kubeapps.cookieSecret", kubeapps.cookieSecret),
        ]
    }
}
