package store

import (
	"testing"

	"github.com/DATA-DOG/go-sqlmock"
	"github.com/golang/mock/gomock"
	"github.com/stretchr/testify/mock"

	"example.com/fixture/internal/store/mocks"
)

// MockCache is a testify mock; mock.Mock in this comment does not count.
type MockCache struct {
	mock.Mock
}

func (m *MockCache) Get(key string) (string, error) {
	args := m.Called(key)
	return args.String(0), args.Error(1)
}

func TestLoad(t *testing.T) {
	db, expectations, err := sqlmock.New()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	expectations.ExpectQuery("select").WillReturnRows(sqlmock.NewRows([]string{"name"}))

	ctrl := gomock.NewController(t)
	repo := mocks.NewMockUserRepository(ctrl)
	repo.EXPECT().Find(1).Return("ada", nil)
	cache := &MockCache{}
	cache.On("Get", "user:1").Return("ada", nil)
}
