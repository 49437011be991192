"""Development key rings: workers starting at once on an empty keys folder agree on one key."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from app.keys import KeyRing, private_key_files


def _open_ring(directory: str, start: multiprocessing.synchronize.Event, kids: multiprocessing.Queue) -> None:
    start.wait()
    kids.put(KeyRing(Path(directory), "tokens", create_missing=True).signing.kid)


def test_workers_starting_together_create_one_key_and_all_sign_with_it(tmp_path):
    context = multiprocessing.get_context("spawn")
    start, kids = context.Event(), context.Queue()
    workers = [context.Process(target=_open_ring, args=(str(tmp_path), start, kids)) for _ in range(12)]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(timeout=60)
        assert worker.exitcode == 0, "a worker failed to load the ring (half-written key?)"
    signing = {kids.get(timeout=5) for _ in workers}
    assert len(private_key_files(tmp_path / "tokens")) == 1
    assert len(signing) == 1
    assert not list((tmp_path / "tokens").glob(".*.partial"))
