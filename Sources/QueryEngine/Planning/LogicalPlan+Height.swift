extension LogicalPlan {
    /// The plan's inputs, in order.
    var inputs: [LogicalPlan] {
        switch self {
        case .scan, .values: []
        case .filter(let input, _), .project(let input, _), .aggregate(let input, _, _), .window(let input, _),
            .sort(let input, _, _), .limit(let input, _, _), .distinct(let input):
            [input]
        case .join(let spec): [spec.left, spec.right]
        case .setOperation(_, _, let left, let right): [left, right]
        }
    }

    /// Operators on the longest path from this node to a leaf, counted without recursion (an explicit
    /// stack), so that a plan too deep for the recursive passes can be measured and refused.
    var height: Int {
        var deepest = 0
        var pending: [(LogicalPlan, Int)] = [(self, 1)]
        while let (plan, depth) = pending.popLast() {
            deepest = max(deepest, depth)
            for input in plan.inputs { pending.append((input, depth + 1)) }
        }
        return deepest
    }
}
