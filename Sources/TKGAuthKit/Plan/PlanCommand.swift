/// A command of a plan step: one program run, or a pipeline whose stages feed each other.
public enum PlanCommand: Sendable, Hashable {
    case run([PlanArgument])
    /// `stage1 | stage2 | ...`; the pipeline fails when any stage fails (the script sets `pipefail`).
    case pipeline([[PlanArgument]])

    /// Every argv, in order: one for `.run`, one per stage for `.pipeline`.
    public var stages: [[PlanArgument]] {
        switch self {
        case .run(let argv): return [argv]
        case .pipeline(let stages): return stages
        }
    }

    /// The programs this command starts (`helm`, `kubectl`, ...), in order.
    public var programs: [String] {
        stages.compactMap { $0.first?.literalText }
    }

    /// The variables its arguments refer to, in order of first use.
    public var variableNames: [String] {
        var seen: [String] = []
        for name in stages.joined().compactMap(\.variableName) where !seen.contains(name) {
            seen.append(name)
        }
        return seen
    }
}
