"""Client scan ids (exactly-once retries), files attached to a unit, a customer's document language

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("scan") as batch:
        batch.add_column(sa.Column("client_scan_id", sa.String(36), nullable=True))
        batch.create_unique_constraint("uq_scan_client_scan_id", ["client_scan_id"])
    with op.batch_alter_table("attachment") as batch:
        batch.add_column(sa.Column("unit_id", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_attachment_unit_id_unit", "unit", ["unit_id"], ["id"])
    op.create_index("ix_attachment_unit_id", "attachment", ["unit_id"])
    with op.batch_alter_table("customer") as batch:
        batch.add_column(sa.Column("language", sa.String(8), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("customer") as batch:
        batch.drop_column("language")
    op.drop_index("ix_attachment_unit_id", table_name="attachment")
    with op.batch_alter_table("attachment") as batch:
        batch.drop_constraint("fk_attachment_unit_id_unit", type_="foreignkey")
        batch.drop_column("unit_id")
    with op.batch_alter_table("scan") as batch:
        batch.drop_constraint("uq_scan_client_scan_id", type_="unique")
        batch.drop_column("client_scan_id")
