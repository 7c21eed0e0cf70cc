/// Renders a ``Plan`` as a plain-text table for `followup list`.
public enum PlanTable {
    public static func render(_ plan: Plan) -> String {
        guard !plan.actions.isEmpty else { return "Nothing to send as of \(plan.today.longLabel).\n" }
        let header = ["DUE", "KIND", "TO", "FOR", "WHAT"]
        let rows = plan.actions.map { action in
            [
                action.due.shortLabel(relativeTo: plan.today.year), action.kind.rawValue, action.to ?? "-",
                action.company + (action.role.map { ", \($0)" } ?? ""), action.title,
            ].map { $0.replacingLineBreaks() }
        }
        let widths = header.indices.dropLast().map { column in
            ([header] + rows).map { $0[column].count }.max() ?? 0
        }
        return ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                column < widths.count ? cell.padding(to: widths[column]) : cell
            }.joined(separator: "  ")
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func padding(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }

    fileprivate func replacingLineBreaks() -> String {
        String(map { $0.isNewline ? " " : $0 })
    }
}
