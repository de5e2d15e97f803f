import Installer
import Shared
import Testing

struct SettingsEditorTests {
    private let command = "'/home/u/.oss/bin/oss-hooks' reapply"

    private func add(_ text: String?) throws -> String {
        String(
            decoding: try SettingsEditor.adding(command: command, to: text.map { Array($0.utf8) }, path: "s.json"),
            as: UTF8.self)
    }

    private func remove(_ text: String) throws -> String {
        String(decoding: try SettingsEditor.removing(from: Array(text.utf8), path: "s.json"), as: UTF8.self)
    }

    @Test func createsAFileWhenThereIsNone() throws {
        let text = try add(nil)
        let value = try JSONValue.parse(text)
        #expect(value["hooks"]?["SessionStart"]?.arrayValue?.first == SettingsEditor.entry(command: command))
        #expect(text.hasSuffix("}\n"))
        #expect(try remove(text) == "{}\n")
    }

    @Test func addThenRemoveGivesBackTheSameBytesForEveryShape() throws {
        let documents = [
            "{\n  \"model\": \"opus\"\n}\n",
            "{\n\t\"hooks\": {\n\t\t\"Stop\": []\n\t}\n}",
            "{\n    \"hooks\": {\n        \"SessionStart\": [\n            {\"hooks\": []}\n        ]\n    }\n}\n",
            #"{"a":1.50,"hooks":{"SessionStart":[{"matcher":"x","hooks":[]}]},"b":"\u00e9"}"#,
            #"{"a":1}"#,
        ]
        for document in documents {
            let added = try add(document)
            #expect(added != document)
            #expect(try SettingsEditor.contains(Array(added.utf8), path: "s.json"))
            #expect(try remove(added) == document, "\(added)")
            #expect(try add(added) == added)
        }
    }

    @Test func keepsTheIndentationOfTheDocument() throws {
        let added = try add("{\n\t\"model\": \"opus\"\n}\n")
        #expect(added.contains("\n\t\"hooks\": {\n\t\t\"SessionStart\": [\n\t\t\t{\n\t\t\t\t\"hooks\": ["))
        #expect(try JSONValue.parse(added)["model"] == "opus")
    }

    @Test func updatesAnEntryForAnotherInstallLocationInPlace() throws {
        let old = try String(
            decoding: SettingsEditor.adding(command: "'/old/oss-hooks' reapply", to: nil, path: "s.json"),
            as: UTF8.self)
        let updated = try add(old)
        let groups = try JSONValue.parse(updated)["hooks"]?["SessionStart"]?.arrayValue
        #expect(groups == [SettingsEditor.entry(command: command)])
    }

    @Test func refusesWhatItCannotEditSafely() throws {
        #expect(throws: InstallerError.self) { try add("{ \"a\": 1, }") }
        #expect(throws: InstallerError.self) { try add("[]") }
        #expect(throws: InstallerError.self) { try add(#"{"hooks": []}"#) }
        #expect(throws: InstallerError.self) { try add(#"{"hooks": {"SessionStart": {}}}"#) }
    }
}
