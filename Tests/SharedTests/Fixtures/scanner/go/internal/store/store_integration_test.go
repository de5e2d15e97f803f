//go:build integration

package store

import (
	"context"
	"testing"

	"github.com/testcontainers/testcontainers-go/modules/postgres"
)

func TestUserRepositoryAgainstPostgres(t *testing.T) {
	ctx := context.Background()
	container, err := postgres.Run(ctx, "postgres:16-alpine")
	if err != nil {
		t.Fatal(err)
	}
	defer container.Terminate(ctx)
	var repo UserRepository = NewUserRepository(nil)
	_ = repo
}
