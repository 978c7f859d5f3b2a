"""Browser search and sort: a case-folded, indexed customer name; submitted-at index

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("customer") as batch:
        batch.add_column(sa.Column("name_folded", sa.String(200), nullable=False, server_default=""))
        batch.drop_index("ix_customer_name")
    customer = sa.table("customer", sa.column("id", sa.Integer), sa.column("name", sa.String),
                        sa.column("name_folded", sa.String))
    conn = op.get_bind()
    # Python's casefold, not SQL lower(): the same folding the program uses for new rows.
    rows = conn.execute(sa.select(customer.c.id, customer.c.name)).all()
    for start in range(0, len(rows), 5000):
        conn.execute(
            customer.update().where(customer.c.id == sa.bindparam("cid"))
            .values(name_folded=sa.bindparam("folded")),
            [{"cid": r.id, "folded": (r.name or "").strip().casefold()} for r in rows[start:start + 5000]])
    op.create_index("ix_customer_name_folded", "customer", ["name_folded"])
    op.create_index("ix_work_order_submitted_at", "work_order", ["submitted_at"])


def downgrade() -> None:
    op.drop_index("ix_work_order_submitted_at", table_name="work_order")
    op.drop_index("ix_customer_name_folded", table_name="customer")
    with op.batch_alter_table("customer") as batch:
        batch.drop_column("name_folded")
    op.create_index("ix_customer_name", "customer", ["name"])
