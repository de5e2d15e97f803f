package store

import (
	"context"
	"testing"

	"github.com/testcontainers/testcontainers-go/modules/postgres"
)

func TestStoreAgainstPostgres(t *testing.T) {
	container, err := postgres.Run(context.Background(), "postgres:16-alpine")
	if err != nil {
		t.Fatal(err)
	}
	_ = container
}
