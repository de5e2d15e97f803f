import Integration
import MockInventory
import PromptDecrypt
import Shared
import SharedCrypto
import Testing

/// How prompt failures become the seed's messages and sysexits codes, and how each error is printed.
struct IntegrationErrorTests {
    @Test(arguments: [
        (APIError.unauthorized, IntegrationError.authenticationFailed, Shared.ExitStatus.noPermission),
        (.server(status: 401, message: "bad key"), .authenticationFailed, .noPermission),
        (.server(status: 403, message: "Subscription expired"), .subscriptionExpired, .noPermission),
        (.requestFailed(status: 403), .subscriptionExpired, .noPermission),
        (.server(status: 500, message: "Internal error"), .apiUnavailable, .unavailable),
        (.requestFailed(status: 503), .apiUnavailable, .unavailable),
        (.timedOut(url: "http://127.0.0.1/x", seconds: 45), .timedOut(seconds: 45), .tempFailure),
        (.promptNotFound, .promptFailed(message: "Prompt not found", status: .unavailable), .unavailable),
        (.requestFailed(status: 429), .promptFailed(message: "Request failed", status: .tempFailure), .tempFailure),
        (
            .unreachable(url: "http://127.0.0.1:9/x", reason: "refused"),
            .promptFailed(message: "Cannot reach http://127.0.0.1:9/x: refused", status: .unavailable), .unavailable
        ),
    ])
    func apiErrorsAreClassified(error: APIError, expected: IntegrationError, status: Shared.ExitStatus) {
        let classified = IntegrationError(promptFailure: error)
        #expect(classified == expected)
        #expect(classified.exitStatus == status)
    }

    @Test func otherFailuresKeepTheirMessageAndStatus() {
        #expect(IntegrationError(promptFailure: DecryptError.noAPIKey) == .noAPIKey)
        let credentials = IntegrationError(promptFailure: DecryptError.credentialsNotFound)
        #expect(credentials == .promptFailed(message: "Credentials not found. Run setup first.", status: .noPermission))
        #expect(credentials.exitStatus == .noPermission)
        let tampered = IntegrationError(promptFailure: DecryptError.promptIntegrityFailed)
        #expect(tampered.exitStatus == .dataError)
        #expect(IntegrationError(promptFailure: CryptoError.authenticationFailed).exitStatus == .dataError)
        struct Unclassified: Error {}
        #expect(IntegrationError(promptFailure: Unclassified()).exitStatus == .failure)
    }

    @Test func noExitStatusIsTwoOrUsage() {
        let errors: [IntegrationError] = [
            .projectNotFound(path: "/x"), .noAPIKey, .authenticationFailed, .subscriptionExpired, .apiUnavailable,
            .timedOut(seconds: 1), .promptFailed(message: "m", status: .usage), .scanFailed(.notADirectory(path: "/x")),
        ]
        #expect(errors.map(\.exitStatus.rawValue) == [66, 77, 77, 77, 69, 75, 1, 66])
    }

    @Test func seedMessagesArePrintedVerbatimOthersAsErrorLines() {
        #expect(
            IntegrationError.noAPIKey.standardErrorText(tool: "oss-integration")
                == "No API key found. Run: /oss:login\nRegister at https://www.oneshotship.com\n")
        #expect(
            IntegrationError.subscriptionExpired.standardErrorText(tool: "oss-integration")
                == "Subscription expired. Upgrade at: https://www.oneshotship.com/pricing\n")
        #expect(
            IntegrationError.apiUnavailable.standardErrorText(tool: "t")
                == "API temporarily unavailable. Contact support@oneshotship.com\n")
        #expect(
            IntegrationError.authenticationFailed.standardErrorText(tool: "t")
                == "Authentication failed. Run: /oss:login\n")
        #expect(
            IntegrationError.projectNotFound(path: "/no/such").standardErrorText(tool: "oss-integration")
                == "oss-integration: error: no such project directory: /no/such\n")
        #expect(
            IntegrationError.timedOut(seconds: 2.5).standardErrorText(tool: "t")
                == "t: error: the OSS API did not answer within 2.5 s; try again later\n")
    }

    @Test func theFailedReasonIsTheFirstLine() {
        #expect(IntegrationError.noAPIKey.reason == "No API key found. Run: /oss:login")
        #expect(
            IntegrationError.apiUnavailable.reason == "API temporarily unavailable. Contact support@oneshotship.com")
    }
}
