import Shared

/// The workflow-state document (compatibility.md#workflow-state-schema): an ordered JSON object whose key order is part of the contract.
///
/// Fields the model does not know are kept untouched and in place; the file is rendered with `JSONValue.pretty`
/// (2-space indent, no trailing newline), exactly as `JSON.stringify(state, null, 2)`.
package struct WorkflowState: Equatable, Sendable {
    /// The 14 chain steps, in chain order (also the key order of a fresh `chainState`).
    package static let chainSteps = [
        "ideate", "requirements", "apiDesign", "dataModel", "adr", "plan", "acceptance", "red", "mock", "green",
        "refactor", "integration", "contract", "ship",
    ]

    /// The build phases `setTddPhase` walks, in order.
    package static let buildPhases = ["acceptance", "red", "mock", "green", "refactor", "integration", "contract"]

    /// The phases that also set the `tddPhase` field.
    package static let tddPhases: Set<String> = ["red", "green", "refactor"]

    /// The document.
    package var object: JSONObject

    /// A state over an existing document.
    package init(object: JSONObject) {
        self.object = object
    }

    /// The default state: `version` 0, supervisor `idle`, no active step, every chain step pending, TDD cycle 1.
    package static func initial(now: Timestamp) -> WorkflowState {
        WorkflowState(
            object: JSONObject([
                ("version", 0),
                ("supervisor", "idle"),
                ("activeStep", .null),
                ("chainState", .object(initialChainState)),
                ("tddCycle", 1),
                ("lastUpdate", .string(TimeFormatter.isoUTC(now))),
            ]))
    }

    /// Every chain step pending, in chain order.
    package static var initialChainState: JSONObject {
        JSONObject(chainSteps.map { ($0, JSONValue.string("pending")) })
    }

    /// `version` as an integer (0 when missing or not a number).
    package var version: Int {
        object["version"]?.intValue ?? 0
    }

    /// The `chainState` object (empty when missing or not an object).
    package var chainState: JSONObject {
        get { object["chainState"]?.objectValue ?? JSONObject() }
        set { object["chainState"] = .object(newValue) }
    }

    /// Adds a default `chainState` when the document has none, or replaces one that is not an object (contract D31:
    /// such a file is repaired instead of making every chain verb fail); returns whether anything changed.
    @discardableResult
    package mutating func repairChainState() -> Bool {
        guard object["chainState"]?.objectValue == nil else { return false }
        object["chainState"] = .object(Self.initialChainState)
        return true
    }

    /// Records one committed write: `lastUpdate` = now, then `version` + 1 (in that order, as upstream).
    package mutating func stamp(now: Timestamp) {
        object["lastUpdate"] = .string(TimeFormatter.isoUTC(now))
        object["version"] = .number(Double(version + 1))
    }

    /// The JSON value of the document.
    package var json: JSONValue {
        .object(object)
    }
}
