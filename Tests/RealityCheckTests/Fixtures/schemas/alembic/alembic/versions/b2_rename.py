"""rename"""
from alembic import op
import sqlalchemy as sa

revision = "b2"
down_revision = "a1"


def upgrade():
    op.alter_column("invoices", "amount", new_column_name="amount_cents")
    op.drop_column("invoices", "memo")


def downgrade():
    op.alter_column("invoices", "amount_cents", new_column_name="amount")
