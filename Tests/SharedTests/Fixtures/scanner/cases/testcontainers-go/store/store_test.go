package store

import (
	"testing"

	"go.uber.org/mock/gomock"
)

func TestService(t *testing.T) {
	ctrl := gomock.NewController(t)
	users := NewMockUserStore(ctrl)
	users.EXPECT().Get(gomock.Any(), "42").Return(nil, nil)
	users.EXPECT().Save(gomock.Any()).Return(nil)
}
