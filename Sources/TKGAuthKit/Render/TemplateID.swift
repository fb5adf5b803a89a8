/// The templates compiled into the binary, one per output file and profile.
public enum TemplateID: String, CaseIterable, Sendable {
    case dexValuesTKG13 = "dex-values.tkg-1.3.yaml"
    case dexValuesCurrent = "dex-values.current.yaml"
    case jwtAuthenticatorTKG13 = "jwt-authenticator.tkg-1.3.yaml"
    case jwtAuthenticatorCurrent = "jwt-authenticator.current.yaml"
    case kubeappsValuesTKG13 = "kubeapps-values.tkg-1.3.yaml"
    case kubeappsValuesCurrent = "kubeapps-values.current.yaml"
    case clusterRoleBinding = "clusterrolebinding.yaml"
    case roleBinding = "rolebinding.yaml"

    /// The file name, which is also how `--templates DIR` finds an edited copy.
    public var fileName: String { rawValue }

    /// The embedded text.
    public var embeddedText: String {
        String(decoding: bytes, as: UTF8.self)
    }

    private var bytes: [UInt8] {
        switch self {
        case .dexValuesTKG13: return PackageResources.dex_values_tkg_1_3_yaml
        case .dexValuesCurrent: return PackageResources.dex_values_current_yaml
        case .jwtAuthenticatorTKG13: return PackageResources.jwt_authenticator_tkg_1_3_yaml
        case .jwtAuthenticatorCurrent: return PackageResources.jwt_authenticator_current_yaml
        case .kubeappsValuesTKG13: return PackageResources.kubeapps_values_tkg_1_3_yaml
        case .kubeappsValuesCurrent: return PackageResources.kubeapps_values_current_yaml
        case .clusterRoleBinding: return PackageResources.clusterrolebinding_yaml
        case .roleBinding: return PackageResources.rolebinding_yaml
        }
    }

    public static func dexValues(_ profile: Profile) -> TemplateID {
        profile == .tkg13 ? .dexValuesTKG13 : .dexValuesCurrent
    }

    public static func jwtAuthenticator(_ profile: Profile) -> TemplateID {
        profile == .tkg13 ? .jwtAuthenticatorTKG13 : .jwtAuthenticatorCurrent
    }

    public static func kubeappsValues(_ profile: Profile) -> TemplateID {
        profile == .tkg13 ? .kubeappsValuesTKG13 : .kubeappsValuesCurrent
    }
}
