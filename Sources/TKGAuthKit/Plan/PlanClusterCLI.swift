/// Builds helm and kubectl argvs, each aimed at the plan's kube context when one was given.
struct PlanClusterCLI {
    let kubeContext: String?

    func helm(_ arguments: [PlanArgument]) -> [PlanArgument] {
        ["helm"] + (kubeContext.map { ["--kube-context", .literal($0)] } ?? []) + arguments
    }

    func kubectl(_ arguments: [PlanArgument]) -> [PlanArgument] {
        ["kubectl"] + (kubeContext.map { ["--context", .literal($0)] } ?? []) + arguments
    }

    /// Creates a namespace unless it exists, without failing when it does.
    func ensureNamespace(_ namespace: String) -> PlanCommand {
        .pipeline([
            kubectl(["create", "namespace", .literal(namespace), "--dry-run=client", "-o", "yaml"]),
            kubectl(["apply", "-f", "-"]),
        ])
    }

    /// Creates or updates a generic Secret: rendered client-side, then applied, so running twice is safe.
    func applySecret(name: String, namespace: String, entries: [PlanArgument]) -> PlanCommand {
        .pipeline([
            kubectl(["create", "secret", "generic", .literal(name), "-n", .literal(namespace)] + entries
                    + ["--dry-run=client", "-o", "yaml"]),
            kubectl(["apply", "-f", "-"]),
        ])
    }
}
