package org.example;

import static org.mockito.Mockito.mock;

import org.example.mapper.UserMapper;

class UserServiceTest {
  UserMapper mapper = mock(UserMapper.class);
  PriceCalculator calculator = mock(PriceCalculator.class);
}
