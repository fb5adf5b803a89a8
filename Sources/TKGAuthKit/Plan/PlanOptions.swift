/// How `tkgauth plan` was asked to install a site; mirrors the `generate` options the files were written with.
public struct PlanOptions: Sendable, Hashable {
    /// The folder `generate` wrote into; each site's files are in `<outputDir>/<site name>/`.
    public var outputDir: String
    /// The kube context every helm and kubectl command targets; nil for the current context.
    public var kubeContext: String?
    /// The files were generated with `--inline-secrets`: they hold the secrets, so the plan needs none.
    public var inlineSecrets: Bool

    public init(outputDir: String = ".", kubeContext: String? = nil, inlineSecrets: Bool = false) {
        self.outputDir = outputDir
        self.kubeContext = kubeContext
        self.inlineSecrets = inlineSecrets
    }
}
