package store

import (
	"testing"

	"github.com/DATA-DOG/go-sqlmock"
)

func TestFind(t *testing.T) {
	db, mock, _ := sqlmock.New()
	defer db.Close()
	rows := sqlmock.NewRows([]string{"id", "email", "name"}).AddRow(1, "a@example.com", "Ann")
	mock.ExpectQuery("SELECT id, email, name FROM users WHERE id = \\$1").WillReturnRows(rows)
	mock.ExpectExec("INSERT INTO audit_log \\(user_id, action\\) VALUES \\(\\$1, \\$2\\)").WillReturnResult(sqlmock.NewResult(1, 1))
	mock.ExpectQuery("SELECT (.+) FROM orders WHERE user_id = \\$1").WillReturnRows(sqlmock.NewRows([]string{"id", "total"}))
	_ = (&UserStore{db: db}).Find(nil, 1)
}
