"""The batch's output file, a journal of JSON lines: read what it holds, append to it.

Each record is one line, flushed and fsync'd as soon as its pair is done, so only the
last line can be torn by a crash; reading drops it. One journal holds the results of
one set of comparison options: records made otherwise are refused, not mixed.

May import: the standard library and collatio.core.options.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, NamedTuple

from .options import CompareOptions


class BatchError(Exception):
    """The batch cannot start; ``str()`` is one line for the terminal."""


class Recorded(NamedTuple):
    ids: set[str]  # pairs already in the output
    error_ids: set[str]  # of them, those recorded as errors
    # The options of the records, each as canonical JSON (records written before
    # records carried them have none and are not counted).
    options: set[str]
    # Whether the records hold the whole alignment (``--full``), as far as they tell.
    full: set[bool]


def recorded(output: Path, *, retry_errors: bool = False,
             options: dict[str, Any] | None = None, full: bool | None = None) -> Recorded:
    """What the output holds already; repairs a torn last line first.

    Only the last line can be torn, because lines are appended and fsync'd one at a
    time. With ``retry_errors`` the error lines are dropped (atomically) so those
    pairs run again. With ``options`` (this run's CompareOptions fields), records made
    with other options raise BatchError, before any line is dropped; so do records
    with (or without) the whole alignment when ``full`` says otherwise.
    """
    if not output.exists():
        return Recorded(set(), set(), set(), set())
    data = output.read_bytes()
    if data and not data.endswith(b"\n"):
        keep = data.rfind(b"\n") + 1
        with open(output, "r+b") as handle:
            handle.truncate(keep)
            handle.flush()
            os.fsync(handle.fileno())
        data = data[:keep]
    ids: set[str] = set()
    errors: set[str] = set()
    made_with: set[str] = set()
    made_full: set[bool] = set()
    kept: list[bytes] = []
    for raw in data.splitlines(keepends=True):
        try:
            record = json.loads(raw)
        except json.JSONDecodeError:
            continue  # not ours or damaged: ignored, and its pair is done again
        if not isinstance(record, dict) or "id" not in record:
            continue
        if isinstance(record.get("options"), dict):
            made_with.add(_canonical(record["options"]))
        shape = _holds_alignment(record)
        if shape is not None:
            made_full.add(shape)
        if record.get("status") == "error":
            if retry_errors:
                continue
            errors.add(str(record["id"]))
        ids.add(str(record["id"]))
        kept.append(raw)
    clash = None if options is None else options_clash(made_with, options)
    if clash is None and full is not None and made_full - {full}:
        clash = "--full now, not there" if full else "--full there, not now"
    if clash is not None:
        raise BatchError(f"{output} holds results made with other options ({clash}): "
                         "write to another file, or run with the same options")
    if retry_errors:
        from .atomic import write_bytes_atomic

        write_bytes_atomic(output, b"".join(kept))
    return Recorded(ids, errors, made_with, made_full)


def _holds_alignment(record: dict[str, Any]) -> bool | None:
    """Whether a record was made with ``--full``; None when it cannot tell (an error
    line written before records said so)."""
    if isinstance(record.get("full"), bool):
        return bool(record["full"])
    if record.get("status") == "ok":
        return "alignment" in record
    return None


def _canonical(options: dict[str, Any]) -> str:
    return json.dumps(options, sort_keys=True)


def options_clash(recorded_options: set[str], options: dict[str, Any]) -> str | None:
    """Why the output's records and this run's options (CompareOptions fields) cannot
    share a file, or None. Options are compared in full, defaults filled in."""
    mine = CompareOptions(**options).to_json()
    for theirs in sorted(recorded_options - {_canonical(mine)}):
        other = json.loads(theirs)
        differ = [f"{k}={mine.get(k)!r} now, {other.get(k)!r} there"
                  for k in sorted(set(other) | set(mine)) if mine.get(k) != other.get(k)]
        return "; ".join(differ)
    return None


class Journal:
    """Appends one record per line; each line is on disk before the next pair is counted."""

    def __init__(self, output: Path) -> None:
        self._handle = open(output, "ab")  # noqa: SIM115 - closed by close()

    def write(self, record: dict[str, Any]) -> None:
        line = json.dumps(record, ensure_ascii=False, separators=(",", ":")) + "\n"
        self._handle.write(line.encode("utf-8"))
        self._handle.flush()
        os.fsync(self._handle.fileno())

    def close(self) -> None:
        self._handle.close()
