package com.example.books;

import static com.github.tomakehurst.wiremock.client.WireMock.*;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.mock.mockito.MockBean;

class OpenLibraryApiClientIT {
  @MockBean private OpenLibraryApiClient openLibraryApiClient;

  @Test
  void returnsBook() {
    stubFor(get(urlEqualTo("/api/books?bibkeys=ISBN:42")).willReturn(aResponse().withStatus(200).withBodyFile("book.json")));
  }
}
