"""How ``serve``'s main process stops on SIGTERM or SIGINT: a replacement for the signal handler of
Sanic's worker manager (sanic 25.12), fenced here because it reaches into that manager.

Sanic's own handler stops the workers from inside the signal handler, through the
multiprocessing manager's proxy that holds every worker's state. Two ways that fails, both seen
here (docs/operations.md, "Stopping"):

- The monitor loop reads every worker's state through that proxy ten times a second. A signal that
  lands while it is inside such a call interleaves the handler's write with the loop's read on the
  one proxy connection; the loop gets the write's answer (``None``) and the main process dies with
  an ``AttributeError`` instead of stopping its workers.
- A signal while a worker is still starting: the start-up wait re-posts the handler's message to
  itself and never counts it, and the main process spins at full CPU until killed.

The replacement touches nothing shared from inside the handler: it sends each worker the SIGINT
Sanic's own stop sends (a plain ``kill``; the process handles are local objects), marks the manager
as stopping, and posts the manager's own "stop" message (``None``) to its monitor loop, which leaves
the loop and joins the workers between its own proxy calls. While the workers are starting, the
marked manager counts the start as over, so the start-up wait ends and the same message is read.
A second signal keeps Sanic's meaning: kill everything now.

A worker still importing when the SIGINT comes may swallow it: the ``KeyboardInterrupt`` can be
raised inside a callback whose exceptions Python only reports ("Exception ignored in: ...
_get_module_lock ... KeyboardInterrupt", seen in CI), and the worker then goes on to serve while
the main process waits for it to end. So a thread watches the workers that were not serving yet
and sends SIGINT again to any that starts serving: from then on the worker handles it (a graceful
stop). A worker serving at the signal is not signalled twice: a second SIGINT would interrupt its
graceful stop.
"""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from typing import Any

from sanic.log import logger
from sanic.worker.manager import WorkerManager

_sanic_shutdown_signal = WorkerManager.shutdown_signal
_sanic_all_workers_ack = WorkerManager._all_workers_ack
# How long a worker that was starting at the signal is watched (its start-up bound, app/cli/serving.py).
STARTING_WATCH_SECONDS = 150.0
WATCH_INTERVAL_SECONDS = 0.2


def stop_on_signal(manager: WorkerManager, signum: int, frame: Any) -> None:
    """SIGINT every worker and wake the monitor loop; the loop does the rest."""
    if manager._shutting_down:  # the second signal: Sanic kills everything
        _sanic_shutdown_signal(manager, signum, frame)  # type: ignore[no-untyped-call]
        return
    logger.info("Received signal %s. Shutting down.", signal.Signals(signum).name)
    manager._shutting_down = True
    workers = {process.name: process.pid for process in manager.processes}
    for pid in workers.values():
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGINT)
    manager.monitor_publisher.send(None)
    threading.Thread(target=signal_again_once_serving, args=(manager, workers), daemon=True,
                     name="stop-signal-again").start()


def signal_again_once_serving(manager: WorkerManager, workers: dict[str, int]) -> None:
    """SIGINT again each worker that was not serving at the stop signal and starts serving later
    (it swallowed the first); stop watching one once it has ended.

    Runs in a thread of its own: the proxy of the workers' states gives each thread a connection
    of its own, so these reads cannot interleave with the main thread's."""
    try:
        watched = {name: pid for name, pid in workers.items()
                   if not manager.worker_state.get(name, {}).get("serving")}
        deadline = time.monotonic() + STARTING_WATCH_SECONDS
        while watched and time.monotonic() < deadline:
            time.sleep(WATCH_INTERVAL_SECONDS)
            for name, pid in list(watched.items()):
                try:
                    if manager.worker_state.get(name, {}).get("serving"):
                        os.kill(pid, signal.SIGINT)
                        del watched[name]
                    else:
                        os.kill(pid, 0)  # raises ProcessLookupError once it has ended and been joined
                except ProcessLookupError:
                    del watched[name]
    except (EOFError, OSError):
        return  # the state manager stopped with the main process: nothing left to watch


def all_workers_ack_or_stopping(manager: WorkerManager) -> bool:
    """Sanic's start-up wait loops until this is true: a stop ends the wait as well."""
    return manager._shutting_down or _sanic_all_workers_ack(manager)  # type: ignore[no-untyped-call]


def install() -> None:
    """Replace the manager's signal handler (bound when a manager is made, so call before)."""
    WorkerManager.shutdown_signal = stop_on_signal  # type: ignore[method-assign]
    WorkerManager._all_workers_ack = all_workers_ack_or_stopping  # type: ignore[method-assign]
