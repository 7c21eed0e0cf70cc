import Foundation

/// Renders a ``Plan`` as the JSON of `followup list --json`, keys sorted so the bytes never vary.
public enum PlanJSON {
    public static func render(_ plan: Plan) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and nulls cannot fail.
        let data = try! encoder.encode(Document(plan))
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        let plan: Plan
        init(_ plan: Plan) { self.plan = plan }

        enum Keys: String, CodingKey { case today, actions, problems }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(plan.today.iso, forKey: .today)
            try container.encode(plan.actions.map(ActionJSON.init), forKey: .actions)
            try container.encode(plan.problems.map(ProblemJSON.init), forKey: .problems)
        }
    }

    private struct ActionJSON: Encodable {
        let action: Action
        init(_ action: Action) { self.action = action }

        enum Keys: String, CodingKey { case kind, company, role, to, due, attempt, title, note, line }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(action.kind.rawValue, forKey: .kind)
            try container.encode(action.company, forKey: .company)
            try container.encode(action.role, forKey: .role)
            try container.encode(action.to, forKey: .to)
            try container.encode(action.due.iso, forKey: .due)
            try container.encode(action.attempt, forKey: .attempt)
            try container.encode(action.title, forKey: .title)
            try container.encode(action.note, forKey: .note)
            try container.encode(action.line, forKey: .line)
        }
    }

    private struct ProblemJSON: Encodable {
        let problem: Problem
        init(_ problem: Problem) { self.problem = problem }

        enum Keys: String, CodingKey { case note, line, column, severity, message }

        func encode(to encoder: Encoder) throws {
            var container = encoder.container(keyedBy: Keys.self)
            try container.encode(problem.note, forKey: .note)
            try container.encode(problem.line, forKey: .line)
            try container.encode(problem.column, forKey: .column)
            try container.encode(problem.severity.rawValue, forKey: .severity)
            try container.encode(problem.message, forKey: .message)
        }
    }
}
