/// The pure core of `tkgauth plan`: a valid site in, its install plan out. No I/O and no environment reads:
/// secrets are named, never looked at, so a plan can be printed or saved safely.
public enum PlanBuilder {
    public static func build(site: Site, options: PlanOptions) -> InstallPlan {
        let directory = siteDirectory(outputDir: options.outputDir, site: site.name)
        let secrets = PlanSecretVariables(site: site, inlineSecrets: options.inlineSecrets)
        let context = options.kubeContext.flatMap { $0.isEmpty ? nil : $0 }
        let steps = PlanStepFactory(site: site, directory: directory, inline: options.inlineSecrets,
                                    secrets: secrets, cli: PlanClusterCLI(kubeContext: context)).steps()
        let files = fileNames(for: site).map { "\(directory)/\($0)" }
        return InstallPlan(site: site.name, profile: site.profile, directory: directory, kubeContext: context,
                           files: files, variables: secrets.variables, steps: steps)
    }

    /// `<outputDir>/<site>`, kept relative when `outputDir` is, and just `<site>` for `.`.
    public static func siteDirectory(outputDir: String, site: String) -> String {
        var dir = outputDir
        while dir.count > 1, dir.hasSuffix("/") { dir.removeLast() }
        switch dir {
        case "", ".": return site
        case "/": return "/" + site
        default: return dir + "/" + site
        }
    }

    /// The files `generate` writes for the site, in `GeneratedFile.allNames` order.
    public static func fileNames(for site: Site) -> [String] {
        var names = ["dex-values.yaml", "jwt-authenticator.yaml", "kubeapps-values.yaml"]
        if site.access.contains(where: \.isClusterWide) { names.append("clusterrolebinding.yaml") }
        if site.access.contains(where: { !($0.namespaces ?? []).isEmpty }) { names.append("rolebindings.yaml") }
        return names
    }

    /// The name Helm gives a chart's main objects (`<chart>.fullname` with no overrides): the release name when
    /// it already contains the chart name, else `<release>-<chart>`, cut to 63 characters.
    public static func helmFullname(release: String, chart: String) -> String {
        var name = release.contains(chart) ? release : "\(release)-\(chart)"
        if name.utf8.count > 63 { name = String(decoding: name.utf8.prefix(63), as: UTF8.self) }
        while name.hasSuffix("-") { name.removeLast() }
        return name
    }
}
