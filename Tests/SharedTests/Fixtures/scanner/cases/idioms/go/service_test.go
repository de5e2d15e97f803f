package service

import (
	"testing"

	"example.com/app/mocks"
)

func TestNotify(t *testing.T) {
	sender := new(mocks.EmailSender)
	sender.On("Send", "a@b.c").Return(nil)
	cache := mocks.NewCache(t)
	_ = cache
}
