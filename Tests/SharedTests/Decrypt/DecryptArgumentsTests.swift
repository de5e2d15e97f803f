import PromptDecrypt
import Shared
import Testing

struct DecryptArgumentsTests {
    @Test func parsesEveryFlagAndAlias() {
        let parsed = DecryptArguments(["-d", "--no-cache", "-t", "commands", "-n", "plan", "--category", "c", "--x=y"])
        #expect(parsed.debug && parsed.noCache)
        #expect(parsed.type == "commands" && parsed.name == "plan" && parsed.category == "c")
        #expect(parsed.action == .decrypt(type: "commands", name: "plan"))
        #expect(
            DecryptArguments(["--type", "custom", "--name", "team-check"]).action
                == .decrypt(type: "custom", name: "team-check"))
    }

    @Test func valueFlagsTakeTheNextArgumentAndNothingAtTheEnd() {
        #expect(DecryptArguments(["--type", "--name", "x"]).type == "--name")
        #expect(DecryptArguments(["--type", "--name", "x"]).name == nil)
        #expect(DecryptArguments(["--name"]).name == nil)
        #expect(DecryptArguments(["--type", "commands", "--name"]).action == .help(requested: false))
        #expect(DecryptArguments(["--type", "", "--name", "x"]).action == .help(requested: false))
    }

    @Test func precedenceIsUpstreams() {
        #expect(DecryptArguments(["--setup", "-h"]).action == .help(requested: true))
        #expect(DecryptArguments(["--setup", "-v"]).action == .version)
        #expect(DecryptArguments(["--clear-cache", "--setup"]).action == .setup)
        #expect(DecryptArguments(["--verify-manifest", "--clear-cache"]).action == .clearCache)
        #expect(DecryptArguments(["--list-prompts", "--verify-manifest"]).action == .verifyManifest)
        #expect(DecryptArguments(["-t", "a", "-n", "b", "--list-prompts"]).action == .listPrompts(category: nil))
        #expect(DecryptArguments([]).action == .help(requested: false))
        #expect(DecryptArguments(["--deliver", "/tmp/x.json", "--setup"]).action == .deliver(path: "/tmp/x.json"))
        #expect(DecryptArguments(["--workflow-config", "build"]).action == .workflowConfig(name: "build"))
    }
}
