package org.example.owner;

import static org.mockito.BDDMockito.given;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

@WebMvcTest(OwnerController.class)
class OwnerControllerTests {
  @MockitoBean
  private OwnerRepository owners;

  @Test
  void showsOwner() {
    given(this.owners.findById(1)).willReturn(null);
  }
}
