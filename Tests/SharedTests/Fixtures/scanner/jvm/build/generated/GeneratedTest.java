class GeneratedTest { Object o = mock(Object.class); }
