"""Product GTIN: lets intake tell a wrong model from a GS1 scan (rule I7)

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("product") as batch:
        batch.add_column(sa.Column("gtin", sa.String(14), nullable=True))
    op.create_index("ix_product_gtin", "product", ["gtin"])


def downgrade() -> None:
    op.drop_index("ix_product_gtin", table_name="product")
    with op.batch_alter_table("product") as batch:
        batch.drop_column("gtin")
