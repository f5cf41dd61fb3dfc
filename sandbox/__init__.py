"""The sandbox: the bot, unchanged, with an in-process Telegram emulator and a browser chat client.

`organizer sandbox` starts everything in one process (see `sandbox.run`): try the whole bot as a
handful of demo personas, with time travel, without a Telegram account.
"""
