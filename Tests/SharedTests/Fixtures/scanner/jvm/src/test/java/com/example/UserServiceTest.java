package com.example;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import org.springframework.web.client.RestTemplate;

@ExtendWith(MockitoExtension.class)
class UserServiceTest {
    @Mock
    private UserRepository userRepository;

    @Mock private RestTemplate restTemplate;

    @Test
    void loadsUser() {
        JdbcTemplate jdbc = mock(JdbcTemplate.class);
        // mock(FileStore.class) is commented out
        when(userRepository.findById(1L)).thenReturn(null);
    }
}
