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

    public init(
        file: String,
        name: String,
        profile: Profile,
        ingress: IngressSettings,
        okta: OktaSettings,
        dex: DexSettings,
        kubeapps: KubeappsSettings,
        pinniped: PinnipedSettings,
        access: [AccessGrant],
        marks: [String: Mark]
    ) {
        self.file = file
        self.name = name
        self.profile = profile
        self.ingress = ingress
        self.okta = okta
        self.dex = dex
        self.kubeapps = kubeapps
        self.pinniped = pinniped
        self.access = access
        self.marks = marks
    }

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
