/// How both ingresses (Dex's and Kubeapps') are exposed.
public struct IngressSettings: Sendable, Hashable {
    public var className: String
    public var clusterIssuer: String
    /// Extra annotations for both ingresses, in the order written; they win over tkgauth's defaults.
    public var annotations: [KeyValue]

    public init(
        className: String,
        clusterIssuer: String,
        annotations: [KeyValue]
    ) {
        self.className = className
        self.clusterIssuer = clusterIssuer
        self.annotations = annotations
    }
}

/// An ordered string pair (annotation, label).
public struct KeyValue: Sendable, Hashable {
    public var key: String
    public var value: String

    public init(_ key: String, _ value: String) {
        self.key = key
        self.value = value
    }
}
