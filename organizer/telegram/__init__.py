"""The Telegram adapter: the domain's outbound interface implemented over aiogram.

`messenger.TelegramMessenger` implements `organizer.messenger.Messenger`; `ratelimit` keeps sends
within Telegram's limits (pure asyncio); `keyboards` converts domain keyboards to aiogram markup.
"""
