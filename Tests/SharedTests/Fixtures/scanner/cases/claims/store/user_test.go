package store

import (
	"testing"

	"github.com/DATA-DOG/go-sqlmock"
)

func TestGet(t *testing.T) {
	db, mock, _ := sqlmock.New()
	defer db.Close()
	mock.ExpectQuery("SELECT id, email FROM users WHERE id = \\$1").
		WithArgs(1).
		WillReturnRows(sqlmock.NewRows([]string{"id", "email"}).AddRow(1, "a@b.c"))
}
