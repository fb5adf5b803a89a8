/// Where a site's files go and which files it has: one rule for `generate`, `--check` and `plan`.
public enum OutputPaths {
    /// `<outputDir>/<site>`, kept relative when `outputDir` is, and just `<site>` for `.`.
    public static func siteDirectory(outputDir: String, site: String) -> String {
        join(outputDir, site)
    }

    /// `dir/name`, with no `./` in front and no doubled `/`.
    public static func join(_ dir: String, _ name: String) -> String {
        var dir = dir
        while dir.count > 1, dir.hasSuffix("/") { dir.removeLast() }
        switch dir {
        case "", ".": return name
        case "/": return "/" + name
        default: return dir + "/" + name
        }
    }

    /// The files `generate` writes for a site, in `allFileNames` order: the three core files, then
    /// `clusterrolebinding.yaml` when some access entry is cluster-wide and `rolebindings.yaml` when some lists
    /// namespaces.
    public static func fileNames(for site: Site) -> [String] {
        var names = ["dex-values.yaml", "jwt-authenticator.yaml", "kubeapps-values.yaml"]
        if site.access.contains(where: \.isClusterWide) { names.append("clusterrolebinding.yaml") }
        if site.access.contains(where: { !($0.namespaces ?? []).isEmpty }) { names.append("rolebindings.yaml") }
        return names
    }

    /// Every file name tkgauth may write into a site's folder; a regenerate removes the ones it no longer writes.
    public static let allFileNames = [
        "dex-values.yaml", "jwt-authenticator.yaml", "kubeapps-values.yaml",
        "clusterrolebinding.yaml", "rolebindings.yaml",
    ]
}
