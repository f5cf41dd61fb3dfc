"""Organizer: a Telegram bot that runs a training company's chat groups by its group charter.

The domain core (this package, except ``organizer.telegram`` and ``organizer.app``) never imports
aiogram: services take a database session and plain values and return plain results.
"""

__version__ = "0.1.0"
