import Notify
import Shared
import Testing

/// The `k=v` summary of a workflow log line.
struct ContextSummaryTests {
    @Test(arguments: [
        ("{}", ""),
        ("{ }", ""),
        ("{\"a\":{\"b\":1},\"c\":[1,2],\"d\":\"x y\"}", " a={\"b\":1}, c=[1,2], d=x y"),
        ("{\"testsPass\": 12, \"ok\": true, \"n\": null, \"f\": 1.5}", " testsPass=12, ok=true, n=null, f=1.5"),
        ("{\"z\":1,\"a\":2}", " z=1, a=2"),
        ("{\"q\":\"say \\\"hi\\\"\\nbye\"}", " q=say \"hi\"\nbye"),
        ("not json", " not json"),
        ("[1,2]", " [1,2]"),
        ("'{}'", " '{}'"),
    ])
    func summarizes(_ raw: String, _ expected: String) {
        #expect(ContextSummary.summarize(NotifyContext(raw)) == expected)
    }

    @Test func contextTextSkipsNullFalseAndEmpty() {
        let context = NotifyContext("{\"a\":null,\"b\":false,\"c\":\"\",\"d\":0,\"e\":\"x\",\"f\":[1]}")
        #expect(context.text("a") == nil)
        #expect(context.text("b") == nil)
        #expect(context.text("c") == nil)
        #expect(context.text("d") == "0")
        #expect(context.text("e") == "x")
        #expect(context.text("f") == "[1]")
        #expect(context.text("missing") == nil)
        #expect(NotifyContext("oops").text("a") == nil)
    }
}
