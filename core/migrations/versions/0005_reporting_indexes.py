"""Indexes for period figures: parcels by day, shipments by day, units by state per work order

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_parcel_intake_opened_at", "parcel_intake", ["opened_at"])
    op.create_index("ix_shipment_shipped_at", "shipment", ["shipped_at"])
    op.create_index("ix_unit_status_work_order_id", "unit", ["status", "work_order_id"])


def downgrade() -> None:
    op.drop_index("ix_unit_status_work_order_id", table_name="unit")
    op.drop_index("ix_shipment_shipped_at", table_name="shipment")
    op.drop_index("ix_parcel_intake_opened_at", table_name="parcel_intake")
