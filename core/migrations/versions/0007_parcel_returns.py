"""A refused parcel's return to its sender (S3) recorded on the parcel, and the index of the shelf

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("parcel_intake") as batch:
        batch.add_column(sa.Column("returned_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("returned_by", sa.String(64), nullable=True))
        batch.add_column(sa.Column("return_carrier", sa.String(64), nullable=True))
        batch.add_column(sa.Column("return_tracking", sa.String(64), nullable=True))
        batch.add_column(sa.Column("return_address", sa.String(500), nullable=True))
    op.create_index("ix_parcel_intake_awaiting_return", "parcel_intake",
                    ["verdict", "returned_at", "opened_at"])


def downgrade() -> None:
    op.drop_index("ix_parcel_intake_awaiting_return", table_name="parcel_intake")
    with op.batch_alter_table("parcel_intake") as batch:
        for name in ("return_address", "return_tracking", "return_carrier", "returned_by",
                     "returned_at"):
            batch.drop_column(name)
