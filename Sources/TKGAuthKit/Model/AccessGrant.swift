import TKGYAML

/// One `access` entry: an Okta group bound to a ClusterRole, cluster-wide or in some namespaces.
public struct AccessGrant: Sendable, Hashable {
    public var group: String
    public var clusterRole: String
    /// The binding name: the one written in the site, or derived (see `BindingName`).
    public var name: String
    public var nameIsExplicit: Bool
    /// nil for a ClusterRoleBinding; otherwise one RoleBinding per namespace.
    public var namespaces: [String]?
    /// Where the entry starts in the site file.
    public var mark: Mark

    public init(
        group: String,
        clusterRole: String,
        name: String,
        nameIsExplicit: Bool,
        namespaces: [String]?,
        mark: Mark
    ) {
        self.group = group
        self.clusterRole = clusterRole
        self.name = name
        self.nameIsExplicit = nameIsExplicit
        self.namespaces = namespaces
        self.mark = mark
    }

    public var isClusterWide: Bool { namespaces == nil }
}
