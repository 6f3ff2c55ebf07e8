"""Errors a user can cause: caught once at the CLI edge and shown as one line."""


class UserError(Exception):
    """Bad arguments, an unreadable file, a missing state file: the message says what to do."""
