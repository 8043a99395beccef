"""The only exceptions a user of brief ever sees.

Every message is a sentence a person can act on. The library raises these and never prints or
exits; the CLI turns them into one ``Error: <message>`` line and a non-zero exit, in one place.
Any other exception is a bug and keeps its traceback.
"""


class BriefError(Exception):
    """Base class: something the user can fix (input, settings, delivery)."""

    exit_code = 1


class InputError(BriefError):
    """Articles could not be read or hold no usable text."""

    exit_code = 2


class ConfigError(BriefError):
    """A setting, option or config file is invalid."""

    exit_code = 2


class OutputError(BriefError):
    """A brief could not be written, or writing it would lose an existing one."""

    exit_code = 3


class DeliveryError(BriefError):
    """A message could not be delivered (the server's reply is in the message)."""

    exit_code = 4


class FetchError(BriefError):
    """A page or feed could not be fetched or held no article."""

    exit_code = 5
