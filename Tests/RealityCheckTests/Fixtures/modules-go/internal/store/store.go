package store

import "context"

// Store persists users.
type Store interface {
	Get(ctx context.Context, id int) (User, error)
	Save(ctx context.Context, u User) error
	// Delete removes a user.
	Delete(ctx context.Context, id int) error
}

type User struct{ ID int }
