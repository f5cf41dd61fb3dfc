"""The HTTP side of production mode: the aiohttp app (health, webhook, extra routes).

Framework-neutral on purpose: the Telegram part (the webhook handler) is passed in by the
composition root, so nothing here imports aiogram.
"""
