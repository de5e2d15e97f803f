package com.example;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import com.github.tomakehurst.wiremock.junit5.WireMockTest;
import org.junit.jupiter.api.Test;

@WireMockTest
class GitHubClientTest {
    @Test
    void fetchesRepositories() {
        stubFor(get(urlEqualTo("/repos/octo/hello")).willReturn(okJson("[]")));
    }
}
