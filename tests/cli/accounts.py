"""Accounts for command-line tests: the demo users, made with cheap hashes so sign-in is fast."""

from __future__ import annotations

from argon2 import PasswordHasher

from core import db
from core.services import users
from core.unit_of_work import Database

#: user name -> password, one account per role (the README's demo accounts).
PASSWORDS = {name: password for name, (_display, password, _role) in users.DEMO_PASSWORDS.items()}


def add_demo_accounts(url: str) -> None:
    """ivy (intake), ray (repair), sam (shipping), sue (supervisor), ada (administrator)."""
    # A stored hash carries its own parameters, so the program verifies these just as cheaply.
    users.set_hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))
    store = Database(db.make_engine(url))
    try:
        with store.uow() as uow:
            users.create_demo_users(uow)
    finally:
        store.engine.dispose()
        users.set_hasher(PasswordHasher())


def load_samples(url: str) -> None:
    """The sample catalogue and work orders, imported in this process (faster than the CLI)."""
    from core.services import work_orders
    from tests.conftest import SAMPLES

    store = Database(db.make_engine(url))
    try:
        with store.uow() as uow:
            work_orders.import_products(uow, (SAMPLES / "products.csv").read_bytes(), "p.csv")
        with store.uow() as uow:
            work_orders.import_work_orders(uow, (SAMPLES / "work_orders.csv").read_bytes(),
                                           "wo.csv")
    finally:
        store.engine.dispose()
