"""Fault injection for the fault scripts (faults/run.py): a seeded-random share of Bot API calls
go wrong in one of three ways.

- "error": answered 500 or 502 WITHOUT performing the call (a gateway in front of Telegram
  failed). A sender that retries loses nothing and sends nothing twice.
- "timeout": held for `timeout_delay` seconds, then answered 504 WITHOUT performing the call
  (the gateway gave up waiting for Telegram). Same contract as "error", only slow.
- "lost": the call IS performed (the message is in the chat), then the response is lost: the
  connection is dropped, or held past the client's timeout when `lost_delay` is set. The bot
  sees a network error for a send that happened, so only deduplication could keep a retry
  from sending it twice; this is the case the scripts measure.

The /_emu/ test API is never affected (it is routed elsewhere) and neither are the methods in
`exempt` (getUpdates by default, so long polling does not just back off). Configure with
`python -m emulator --fail-rate 0.1 --fail-seed 7`, with `install(emulator, FaultConfig(...))`
in process, or at run time with POST /_emu/faults {"rate": 0.1, "seed": 7}; GET /_emu/faults
reports what was injected.
"""

from __future__ import annotations

import asyncio
import random
import weakref
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from aiohttp import web

from .errors import ApiError

FaultKind = Literal["error", "timeout", "lost"]
DEFAULT_EXEMPT = frozenset({"getupdates"})


@dataclass(frozen=True)
class FaultConfig:
    rate: float = 0.0
    seed: int = 0
    lost_share: float = 0.5  # of the injected faults, how many lose the response
    lost_delay: float | None = None  # None: drop the connection; else hold it this long
    timeout_share: float = 0.0  # of the injected faults, how many time out unperformed
    timeout_delay: float = 2.0
    exempt: frozenset[str] = DEFAULT_EXEMPT  # lower-case method names

    def __post_init__(self) -> None:
        shares = (self.rate, self.lost_share, self.timeout_share)
        if not all(0.0 <= share <= 1.0 for share in shares):
            raise ValueError("rate, lost_share and timeout_share must be within 0..1")
        if self.lost_share + self.timeout_share > 1.0:
            raise ValueError("lost_share + timeout_share must not exceed 1")


@dataclass(frozen=True)
class Fault:
    kind: FaultKind
    status: int = 0  # for "error": 500 or 502

    def error(self) -> ApiError:
        text = {500: "Internal Server Error", 502: "Bad Gateway", 504: "Gateway Timeout"}
        return ApiError(self.status, text[self.status])


@dataclass
class Faults:
    config: FaultConfig = field(default_factory=FaultConfig)
    injected: Counter[str] = field(default_factory=Counter)  # "error:sendmessage", ...

    def __post_init__(self) -> None:
        self._random = random.Random(self.config.seed)

    def decide(self, method: str) -> Fault | None:
        """The fault for one call of `method` (lower-case), or None to serve it normally."""
        if self.config.rate <= 0 or method in self.config.exempt:
            return None
        if self._random.random() >= self.config.rate:
            return None
        draw = self._random.random()
        if draw < self.config.lost_share:
            fault = Fault("lost")
        elif draw < self.config.lost_share + self.config.timeout_share:
            fault = Fault("timeout", 504)
        else:
            fault = Fault("error", 500 if self._random.random() < 0.5 else 502)
        self.injected[f"{fault.kind}:{method}"] += 1
        return fault

    async def time_out(self, fault: Fault) -> ApiError:
        """Before the call: wait as a gateway would for a backend that never answers."""
        await asyncio.sleep(self.config.timeout_delay)
        return fault.error()

    async def lose_response(self, request: web.Request) -> None:
        """After the call was performed: make sure the client never reads its answer."""
        if self.config.lost_delay is not None:
            await asyncio.sleep(self.config.lost_delay)
        if request.transport is not None:
            request.transport.close()

    def report(self) -> dict[str, Any]:
        config = asdict(self.config) | {"exempt": sorted(self.config.exempt)}
        return {"config": config, "injected": dict(self.injected)}


# Keyed by emulator so the emulator's own classes need no new attribute.
_installed: weakref.WeakKeyDictionary[Any, Faults] = weakref.WeakKeyDictionary()
_NONE = Faults()


def install(emulator: Any, config: FaultConfig) -> Faults:
    """Inject faults into `emulator`'s Bot API from now on (replaces earlier settings)."""
    faults = _installed[emulator] = Faults(config)
    return faults


def faults_for(emulator: Any) -> Faults:
    return _installed.get(emulator, _NONE)


def add_fault_routes(app: web.Application, emulator: Any) -> None:
    async def show(request: web.Request) -> web.Response:
        return web.json_response(faults_for(emulator).report())

    async def configure(request: web.Request) -> web.Response:
        body = await request.json() if request.can_read_body else {}
        try:
            exempt = body.get("exempt")
            config = FaultConfig(
                rate=float(body.get("rate", 0.0)),
                seed=int(body.get("seed", 0)),
                lost_share=float(body.get("lost_share", 0.5)),
                lost_delay=None if body.get("lost_delay") is None else float(body["lost_delay"]),
                timeout_share=float(body.get("timeout_share", 0.0)),
                timeout_delay=float(body.get("timeout_delay", 2.0)),
                exempt=frozenset(m.lower() for m in exempt) if exempt else DEFAULT_EXEMPT,
            )
        except (TypeError, ValueError) as error:
            return web.json_response({"error": str(error)}, status=400)
        return web.json_response(install(emulator, config).report())

    app.router.add_get("/_emu/faults", show)
    app.router.add_post("/_emu/faults", configure)
