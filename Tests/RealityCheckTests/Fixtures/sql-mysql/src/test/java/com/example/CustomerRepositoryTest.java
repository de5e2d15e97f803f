package com.example;

import static org.mockito.Mockito.*;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class CustomerRepositoryTest {
    @Test
    void blocks() {
        JdbcTemplate jdbc = mock(JdbcTemplate.class);
        when(jdbc.update(anyString(), anyLong())).thenReturn(1);
        new CustomerRepository(jdbc).block(1);
    }
}
