package com.example.books;

import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.mockito.Mock;

class BookServiceTest {
  @Mock private OpenLibraryApiClient openLibraryApiClient;

  @Test
  void fetchesMetadata() {
    when(openLibraryApiClient.fetchMetadataForBook("42")).thenReturn(null);
  }
}
