"""Run the emulator standalone: python -m emulator --port 8081

Creates a demo bot and two demo users so a bot can be pointed at it right away; more users and
groups can be made through the /_emu/ test API.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib

from .emulator import TelegramEmulator
from .faults import FaultConfig, install
from .limits import EmulatorLimits

DEMO_TOKEN = "123456789:EMULATOR_demo_token_abcdefghijklmnop"


async def serve(
    host: str, port: int, token: str, username: str, limits: bool, faults: FaultConfig
) -> None:
    emu = TelegramEmulator(limits=EmulatorLimits(enabled=limits))
    install(emu, faults)
    bot = emu.create_bot(token=token, username=username, first_name="Organizer")
    alice = emu.create_user("Alice", username="alice")
    bob = emu.create_user("Bob", username="bob")
    base_url = await emu.start(host=host, port=port)
    print(f"Telegram Bot API emulator at {base_url}", flush=True)
    print(f"bot @{bot.username} token: {bot.token}", flush=True)
    print(f"demo users: Alice id={alice.id}, Bob id={bob.id}; test API at {base_url}/_emu/state")
    try:
        await asyncio.Event().wait()  # until interrupted
    finally:
        await emu.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description="Telegram Bot API emulator")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--token", default=DEMO_TOKEN)
    parser.add_argument("--username", default="organizer_bot")
    parser.add_argument("--no-limits", action="store_true", help="disable flood limits")
    parser.add_argument("--fail-rate", type=float, default=0.0, help="share of calls to fail")
    parser.add_argument("--fail-seed", type=int, default=0, help="seed of the fault choices")
    args = parser.parse_args()
    faults = FaultConfig(rate=args.fail_rate, seed=args.fail_seed)
    serving = serve(args.host, args.port, args.token, args.username, not args.no_limits, faults)
    with contextlib.suppress(KeyboardInterrupt):
        asyncio.run(serving)


if __name__ == "__main__":
    main()
