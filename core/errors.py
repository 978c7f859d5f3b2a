"""Errors that carry a message for the person at the station."""


class UserError(Exception):
    """Something the user can fix; the message says what is wrong and what to do."""


class NotAllowed(UserError):
    """The action needs a role the signed-in user does not hold."""


class IllegalTransition(UserError):
    """A unit or work order cannot move to the requested state yet."""
