/// The ordered steps that install one site's generated files, as data: formatters turn it into text, a
/// script or JSON, so those cannot disagree.
public struct InstallPlan: Sendable, Hashable {
    public var site: String
    public var profile: Profile
    /// The folder holding the site's generated files, as the commands refer to it.
    public var directory: String
    /// The kube context the commands target, nil for the current one.
    public var kubeContext: String?
    /// The generated files the commands read, which must exist before anything runs.
    public var files: [String]
    /// The secret variables the commands refer to; empty with inline secrets.
    public var variables: [PlanVariable]
    public var steps: [PlanStep]

    public init(site: String, profile: Profile, directory: String, kubeContext: String?, files: [String],
                variables: [PlanVariable], steps: [PlanStep]) {
        self.site = site
        self.profile = profile
        self.directory = directory
        self.kubeContext = kubeContext
        self.files = files
        self.variables = variables
        self.steps = steps
    }

    public func step(_ id: String) -> PlanStep? { steps.first { $0.id == id } }

    /// Every program the commands start, in order of first use.
    public var programs: [String] {
        var seen: [String] = []
        for program in steps.flatMap(\.commands).flatMap(\.programs) where !seen.contains(program) {
            seen.append(program)
        }
        return seen
    }
}
