class StaleTest { Object o = mock(Object.class); }
