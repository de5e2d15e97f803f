package com.example

import io.mockk.every
import io.mockk.impl.annotations.MockK
import io.mockk.mockk
import io.mockk.mockkStatic
import java.nio.file.Files

class ReportServiceTest {
    @MockK
    lateinit var storage: ReportStorage

    private val http = mockk<HttpClient>(relaxed = true)

    @Test
    fun writesReport() {
        mockkStatic(Files::class)
        every { storage.save(any()) } returns Unit
        val note = "mockk<Database>()"
    }
}
