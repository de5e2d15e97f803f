package store

import (
	"context"
	"database/sql"
)

type UserStore struct{ db *sql.DB }

func (s *UserStore) Find(ctx context.Context, id int) error {
	row := s.db.QueryRowContext(ctx, "SELECT id, email, full_name FROM users WHERE id = $1", id)
	return row.Err()
}

func (s *UserStore) Ship(ctx context.Context, id int) error {
	_, err := s.db.ExecContext(ctx, `UPDATE orders
		SET state = 'shipped', shipped_at = now()
		WHERE id = $1`, id)
	return err
}

func (s *UserStore) Totals(ctx context.Context) error {
	_, err := s.db.QueryContext(ctx, "SELECT user_id, sum(total) AS spent "+
		"FROM orders GROUP BY user_id")
	return err
}
