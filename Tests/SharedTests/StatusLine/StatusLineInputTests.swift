import Shared
import StatusLine
import Testing

struct StatusLineInputTests {
    @Test func readsModelAndDirectory() {
        let input = StatusLineInput(
            bytes: Array(#"{"model":{"id":"x","display_name":"Opus"},"workspace":{"current_dir":"/p/app"},"x":1}"#.utf8)
        )
        #expect(input == StatusLineInput(modelName: "Opus", currentDirectory: "/p/app"))
    }

    @Test(arguments: [
        "", "garbage", "[1,2]", "null", #"{"model":"Opus"}"#, #"{"model":{"display_name":""}}"#,
        #"{"model":{"display_name":7},"workspace":{"current_dir":false}}"#, #"{"workspace":[]}"#, "{\"model\":",
    ])
    func anythingUnusableGivesDefaults(text: String) {
        #expect(StatusLineInput(bytes: Array(text.utf8)) == StatusLineInput())
        #expect(StatusLineInput().modelName == "Claude")
    }

    @Test func invalidUTF8DoesNotCrash() {
        let bytes: [UInt8] = [0x7B, 0xFF, 0xFE, 0x7D]
        #expect(StatusLineInput(bytes: bytes) == StatusLineInput())
    }

    @Test func completeDocumentDetection() {
        #expect(StatusLineInput.isCompleteDocument(Array(#"{"a":{"b":1}}"#.utf8)))
        #expect(StatusLineInput.isCompleteDocument(Array("{}\n".utf8)))
        #expect(!StatusLineInput.isCompleteDocument(Array(#"{"a":{"b":1}"#.utf8)))
        #expect(!StatusLineInput.isCompleteDocument(Array(#"{"a":"}"#.utf8)))
        #expect(!StatusLineInput.isCompleteDocument([]))
    }
}
