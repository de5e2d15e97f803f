"""init"""
from alembic import op
import sqlalchemy as sa

revision = "a1"
down_revision = None


def upgrade():
    op.create_table(
        "invoices",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("amount", sa.Numeric(10, 2)),
        sa.Column("memo", sa.Text()),
    )


def downgrade():
    op.drop_table("invoices")
