import RealityCheck
import Testing

struct ModuleCheckTests {
    @Test func jestFactoriesAgainstExports() throws {
        let test = "src/__tests__/users.test.ts"
        var claims = CheckClaims()
        claims.modules = [
            ModuleItem(file: test, line: 1, target: "../db", members: ["query", "getUser"]),
            ModuleItem(file: test, line: 2, target: "../db", members: ["query", "findUser"]),
            ModuleItem(file: test, line: 3, target: "@lib/mailer", members: ["send", "renderTemplate"]),
            ModuleItem(file: test, line: 4, target: "@lib/mailer", members: ["sendMail"]),
            ModuleItem(file: test, line: 5, target: "../api", members: ["fetchUser"]),
            ModuleItem(file: test, line: 6, target: "../reexport", members: ["__esModule", "default", "pool"]),
            ModuleItem(file: test, line: 7, target: "axios", members: ["get"]),
        ]
        let report = try RealityFixtures.check("modules-js", claims: claims)
        #expect(report.signatures == ["\(test):2 module-export findUser", "\(test):4 module-export sendMail"])
        #expect(report.mismatches.map(\.reality) == ["src/db.ts", "src/lib/mailer/index.ts"])
        #expect(report.checkedClaims == 6)
    }

    @Test func pythonPatchTargets() throws {
        let test = "tests/test_mailer.py"
        var claims = CheckClaims()
        claims.modules = [
            ModuleItem(file: test, line: 4, target: "app.services.mailer.send_email"),
            ModuleItem(file: test, line: 5, target: "app.repo.send_email"),
            ModuleItem(file: test, line: 6, target: "app.services.mailer.Mailer.deliver"),
            ModuleItem(file: test, line: 7, target: "app.services.mailer.DEFAULT_SENDER"),
            ModuleItem(file: test, line: 8, target: "app.repo.mailer"),
            ModuleItem(file: test, line: 9, target: "app.services.mailer.nothing", createAllowed: true),
            ModuleItem(file: test, line: 10, target: "requests.get"),
            ModuleItem(file: test, line: 11, target: "app.services.mailer.send_mail"),
            ModuleItem(file: test, line: 12, target: "app.services.notifier.send"),
            ModuleItem(file: test, line: 13, target: "app.services.mailer.Mailer.send"),
        ]
        let report = try RealityFixtures.check("modules-python", claims: claims)
        #expect(
            report.signatures == [
                "\(test):11 patch-target app.services.mailer.send_mail",
                "\(test):12 patch-target app.services.notifier.send",
                "\(test):13 patch-target app.services.mailer.Mailer.send",
            ])
    }

    @Test func staleMockgenMockButNotTheCurrentMockeryOne() throws {
        let report = try RealityFixtures.check("modules-go", claims: CheckClaims())
        let stale = try #require(report.mismatches.first)
        #expect(report.mismatches.count == 1)
        #expect(stale.kind == .staleMock)
        #expect(stale.file == "internal/store/mocks/mock_store.go")
        #expect(stale.reality == "internal/store/store.go:6")
        #expect(stale.reason.contains("the interface has Delete which the mock lacks"))
        #expect(stale.reason.contains("the mock has List which the interface no longer declares"))
        #expect(report.checkedClaims == 2)
    }
}
