/// The annotations each ingress gets: cert-manager's, the class's known needs, then the user's, which win.
public enum IngressAnnotations {
    public enum Target: Sendable {
        case dex
        case kubeapps
    }

    /// nginx's default 4k buffer is too small for oauth2-proxy's session cookies
    /// ("upstream sent too big header").
    public static let nginxProxyBufferSize = "16k"

    public static func annotations(for site: Site, target: Target) -> [KeyValue] {
        var result: [KeyValue] = []
        // Kubeapps chart 7.1.2 has no ingressClassName: the class goes in the annotation.
        if target == .kubeapps, site.profile == .tkg13 {
            result.append(KeyValue("kubernetes.io/ingress.class", site.ingress.className))
        }
        result.append(KeyValue("cert-manager.io/cluster-issuer", site.ingress.clusterIssuer))
        switch site.ingress.className {
        case "contour":
            result.append(KeyValue("ingress.kubernetes.io/force-ssl-redirect", "true"))
            result.append(KeyValue("kubernetes.io/tls-acme", "true"))
            if target == .kubeapps {
                result.append(KeyValue("ingress.kubernetes.io/proxy-body-size", "0"))
            }
        case "nginx":
            result.append(KeyValue("nginx.ingress.kubernetes.io/force-ssl-redirect", "true"))
            if target == .kubeapps {
                result.append(KeyValue("nginx.ingress.kubernetes.io/proxy-body-size", "0"))
                result.append(KeyValue("nginx.ingress.kubernetes.io/proxy-buffer-size", nginxProxyBufferSize))
            }
        default:
            break
        }
        for annotation in site.ingress.annotations {
            if let index = result.firstIndex(where: { $0.key == annotation.key }) {
                result[index].value = annotation.value
            } else {
                result.append(annotation)
            }
        }
        return result
    }
}
