"""Stored due dates, return/replacement event dates (R1-R3) and label printed state

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_EVENT_DATES = ("return_requested_on", "return_confirmed_on", "spec_mismatch_confirmed_on",
                "replacement_approved_on", "replacement_delivered_on")


def upgrade() -> None:
    with op.batch_alter_table("work_order") as batch:
        batch.add_column(sa.Column("return_reason", sa.String(40), nullable=True))
        for name in _EVENT_DATES:
            batch.add_column(sa.Column(name, sa.Date(), nullable=True))
    with op.batch_alter_table("unit") as batch:
        batch.add_column(sa.Column("due_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("due_rule", sa.String(16), nullable=True))
    op.create_index("ix_unit_due_at", "unit", ["due_at"])
    with op.batch_alter_table("shipment") as batch:
        batch.add_column(sa.Column("label_printed_at", sa.DateTime(), nullable=True))
        batch.add_column(sa.Column("label_printed_by", sa.Integer(), nullable=True))
        batch.create_foreign_key("fk_shipment_label_printed_by_app_user", "app_user",
                                 ["label_printed_by"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("shipment") as batch:
        batch.drop_constraint("fk_shipment_label_printed_by_app_user", type_="foreignkey")
        batch.drop_column("label_printed_by")
        batch.drop_column("label_printed_at")
    op.drop_index("ix_unit_due_at", table_name="unit")
    with op.batch_alter_table("unit") as batch:
        batch.drop_column("due_rule")
        batch.drop_column("due_at")
    with op.batch_alter_table("work_order") as batch:
        for name in reversed(_EVENT_DATES):
            batch.drop_column(name)
        batch.drop_column("return_reason")
