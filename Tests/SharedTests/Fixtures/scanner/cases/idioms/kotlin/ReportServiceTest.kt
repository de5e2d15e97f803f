package example

import io.ktor.client.engine.mock.MockEngine
import io.mockk.every
import io.mockk.mockk
import okhttp3.mockwebserver.MockWebServer

class ReportServiceTest {
    private val reports: ReportRepository = mockk()
    private val server = MockWebServer()

    fun setUp() {
        every { reports.findAll() } returns emptyList()
        val engine = MockEngine { request -> respond("{}") }
    }
}
