package com.example;

// Tests call Mockito.mock(UserRepository.class); this comment is not a mock.
public class UserService {
    static final String HINT = "@Mock private UserRepository repository;";

    private final UserRepository repository;

    public UserService(UserRepository repository) {
        this.repository = repository;
    }
}
