package testdata

var _ = httptest.NewServer(nil)
