package org.example.owner;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.orm.jpa.DataJpaTest;
import org.springframework.test.context.aot.DisabledInAotMode;

@DataJpaTest
@DisabledInAotMode
class ClinicServiceTests {
  @Test
  void findsOwners() {}
}
