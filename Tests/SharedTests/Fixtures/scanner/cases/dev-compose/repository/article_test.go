package repository_test

import (
	"testing"

	"github.com/DATA-DOG/go-sqlmock"
)

func TestFetchArticles(t *testing.T) {
	db, mock, err := sqlmock.New()
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows := sqlmock.NewRows([]string{"id", "title", "content"}).AddRow(1, "a", "b")
	mock.ExpectQuery("SELECT id, title, content FROM article WHERE created_at > \\? ORDER BY created_at").WillReturnRows(rows)
	mock.ExpectExec("UPDATE article SET title=\\?").WillReturnResult(sqlmock.NewResult(1, 1))
}
