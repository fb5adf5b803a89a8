/// The pure core of `tkgauth plan`: a valid site in, its install plan out. No I/O and no environment reads:
/// secrets are named, never looked at, so a plan can be printed or saved safely.
public enum PlanBuilder {
    public static func build(site: Site, options: PlanOptions) -> InstallPlan {
        let directory = OutputPaths.siteDirectory(outputDir: options.outputDir, site: site.name)
        let secrets = PlanSecretVariables(site: site, inlineSecrets: options.inlineSecrets)
        let context = options.kubeContext.flatMap { $0.isEmpty ? nil : $0 }
        let steps = PlanStepFactory(site: site, directory: directory, inline: options.inlineSecrets,
                                    secrets: secrets, cli: PlanClusterCLI(kubeContext: context)).steps()
        let files = OutputPaths.fileNames(for: site).map { "\(directory)/\($0)" }
        return InstallPlan(site: site.name, profile: site.profile, directory: directory, kubeContext: context,
                           files: files, variables: secrets.variables, steps: steps)
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
