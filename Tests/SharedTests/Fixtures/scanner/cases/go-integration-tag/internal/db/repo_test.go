package db

import (
	"regexp"
	"testing"

	"github.com/DATA-DOG/go-sqlmock"
)

func TestFind(t *testing.T) {
	db, mock, _ := sqlmock.New()
	defer db.Close()
	mock.ExpectQuery(regexp.QuoteMeta("SELECT id, name FROM users WHERE id = $1")).
		WillReturnRows(sqlmock.NewRows([]string{"id", "name"}))
}
