package lib

type MockThing struct{ mock.Mock }
