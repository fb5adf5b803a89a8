/// What a site targets: the chart and API versions its files are written for.
public enum Profile: String, CaseIterable, Sendable, Hashable {
    /// Tanzu Kubernetes Grid 1.3 (May 2021): Dex chart 0.3.2, Pinniped 0.4, Kubeapps chart 7.1.2.
    case tkg13 = "tkg-1.3"
    /// The last releases: Dex chart 0.24.0, Pinniped 0.6+, Kubeapps chart 17.1.1.
    case current

    public static let `default` = Profile.current

    /// Exact chart versions and API shapes this profile writes for.
    public var pins: ProfilePins {
        switch self {
        case .tkg13:
            return ProfilePins(
                dexChartVersion: "0.3.2",
                dexAppVersion: "2.28.1",
                kubeappsChart: "bitnami/kubeapps",
                kubeappsChartVersion: "7.1.2",
                kubeappsRepository: ChartRepository(name: "bitnami", url: "https://charts.bitnami.com/bitnami"),
                jwtAuthenticatorIsNamespaced: true,
                kubeappsHasExistingOauth2Secret: false,
                pinnipedProxyImage: "bitnami/kubeapps-pinniped-proxy:2.2.1-debian-10-r22",
                dexExpandsEnvOverRawJSON: true
            )
        case .current:
            return ProfilePins(
                dexChartVersion: "0.24.0",
                dexAppVersion: "2.44.0",
                kubeappsChart: "oci://registry-1.docker.io/bitnamicharts/kubeapps",
                kubeappsChartVersion: "17.1.1",
                kubeappsRepository: nil,
                jwtAuthenticatorIsNamespaced: false,
                kubeappsHasExistingOauth2Secret: true,
                pinnipedProxyImage: nil,
                dexExpandsEnvOverRawJSON: false
            )
        }
    }
}

/// A Helm chart repository that `helm repo add` must know.
public struct ChartRepository: Sendable, Hashable {
    public var name: String
    public var url: String
}

/// The facts a profile pins (see docs/site-format.md, "Profiles").
public struct ProfilePins: Sendable, Hashable {
    public var dexChartVersion: String
    public var dexAppVersion: String
    /// The chart reference `helm upgrade --install` takes.
    public var kubeappsChart: String
    public var kubeappsChartVersion: String
    /// nil for an OCI chart, which needs no `helm repo add`.
    public var kubeappsRepository: ChartRepository?
    /// Pinniped before 0.6 has namespaced authenticators.
    public var jwtAuthenticatorIsNamespaced: Bool
    /// `authProxy.existingOauth2Secret` exists from Kubeapps chart 12.2.0.
    public var kubeappsHasExistingOauth2Secret: Bool
    /// The pinniped-proxy image that speaks this profile's Pinniped API, when the chart's default does not.
    public var pinnipedProxyImage: String?
    /// Dex up to 2.41 expands `$VARS` over the raw JSON of the connector config.
    public var dexExpandsEnvOverRawJSON: Bool

    public static let dexRepository = ChartRepository(name: "dex", url: "https://charts.dexidp.io")
    public static let dexChart = "dex/dex"
}
