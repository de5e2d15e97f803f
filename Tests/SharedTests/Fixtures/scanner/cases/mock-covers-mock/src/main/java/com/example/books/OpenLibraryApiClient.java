package com.example.books;

import org.springframework.web.reactive.function.client.WebClient;

public class OpenLibraryApiClient {
  private final WebClient webClient;

  public OpenLibraryApiClient(WebClient webClient) {
    this.webClient = webClient;
  }
}
