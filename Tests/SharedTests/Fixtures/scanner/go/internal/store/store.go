package store

import "database/sql"

// Tests embed mock.Mock and call httptest.NewServer( — this comment is not a mock.
const hint = "sqlmock.New()"

// UserRepository loads users.
type UserRepository interface {
	Find(id int) (string, error)
}

// NewUserRepository returns a repository backed by db.
func NewUserRepository(db *sql.DB) UserRepository { return nil }
