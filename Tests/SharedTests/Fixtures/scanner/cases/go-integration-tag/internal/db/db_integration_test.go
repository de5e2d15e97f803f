//go:build integration

package db

import (
	"database/sql"
	"testing"

	_ "github.com/lib/pq"
)

func TestInsert(t *testing.T) {
	db, err := sql.Open("postgres", "host=localhost user=app dbname=app sslmode=disable")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
}
