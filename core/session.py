"""Session files (``.collatio``): the two inputs, options, corrections and view state, as JSON.

A session names its inputs twice: relative to the session file (so a folder moved or
copied as a whole still opens) and absolutely (so a session saved elsewhere still finds
them). Pasted text has no file and is stored inline. Reading never guesses: an input
found under neither name is a ``SessionError`` naming the file that is missing.
The format is documented in docs/session-format.md.

May import: the standard library and collatio.core.{options,overrides}.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from .options import CompareOptions
from .overrides import Overrides, overrides_from_json, overrides_to_json

FORMAT = "collatio-session"
VERSION = 1
SUFFIX = ".collatio"
ROLES = ("original", "revision")


class SessionError(Exception):
    """A session that cannot be opened; ``str()`` is one line for the user."""


@dataclass(frozen=True)
class Input:
    """One side: a file path, or pasted text (``path`` None)."""

    path: Path | None
    text: str | None = None


@dataclass(frozen=True)
class ViewState:
    top_a: str | None = None  # id of the first sentence visible in each pane
    top_b: str | None = None
    panels: dict[str, bool] = field(default_factory=dict)  # panel name → shown


@dataclass(frozen=True)
class Session:
    a: Input
    b: Input
    options: CompareOptions = field(default_factory=CompareOptions)
    overrides: Overrides = field(default_factory=Overrides)
    view: ViewState = field(default_factory=ViewState)


def _input_json(item: Input, folder: Path) -> dict[str, Any]:
    if item.path is None:
        return {"text": item.text or ""}
    absolute = Path(os.path.abspath(item.path))
    try:
        relative: str | None = Path(os.path.relpath(absolute, folder)).as_posix()
    except ValueError:  # another drive on Windows: only the absolute path makes sense
        relative = None
    return {"path": relative, "absolute": str(absolute)}


def options_from_json(data: Any) -> CompareOptions:
    """Known option fields with the right type; unknown or mistyped fields keep defaults."""
    if not isinstance(data, dict):
        return CompareOptions()
    defaults = CompareOptions()
    kwargs: dict[str, Any] = {}
    for f in fields(CompareOptions):
        if f.name not in data:
            continue
        value, default = data[f.name], getattr(defaults, f.name)
        if default is None or isinstance(value, type(default)) or (
            isinstance(default, float) and isinstance(value, int)
        ):
            kwargs[f.name] = float(value) if isinstance(default, float) else value
    return CompareOptions(**kwargs)


def session_to_json(session: Session, session_file: Path) -> dict[str, Any]:
    folder = Path(os.path.abspath(session_file)).parent
    view = session.view
    return {
        "format": FORMAT,
        "version": VERSION,
        "inputs": {ROLES[0]: _input_json(session.a, folder),
                   ROLES[1]: _input_json(session.b, folder)},
        "options": session.options.to_json(),
        "overrides": overrides_to_json(session.overrides),
        "view": {"top": {"a": view.top_a, "b": view.top_b}, "panels": dict(view.panels)},
    }


def _find_input(data: Any, role: str, folder: Path) -> Input:
    if not isinstance(data, dict):
        raise SessionError(f"The session names no {role}.")
    if "text" in data and data.get("path") is None and data.get("absolute") is None:
        return Input(None, str(data["text"]))
    tried: list[Path] = []
    relative, absolute = data.get("path"), data.get("absolute")
    if isinstance(relative, str) and relative:
        tried.append(Path(os.path.normpath(folder / relative)))
    if isinstance(absolute, str) and absolute:
        tried.append(Path(absolute))
    for path in tried:
        if path.is_file():
            return Input(path)
    if not tried:
        raise SessionError(f"The session names no file for the {role}.")
    looked = " or ".join(str(p) for p in dict.fromkeys(tried))
    name = (relative or absolute or "").rsplit("/", 1)[-1]
    raise SessionError(f"The {role} “{name}” is missing: looked for {looked}.")


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def session_from_json(data: Any, session_file: Path) -> Session:
    """Raises SessionError for anything a user must be told about."""
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise SessionError(f"{session_file}: not a Collatio session.")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise SessionError(f"{session_file}: the session has no valid format version.")
    if version > VERSION:
        raise SessionError(f"{session_file}: made by a newer Collatio (format {version}); "
                           f"this version reads format {VERSION}.")
    folder = Path(os.path.abspath(session_file)).parent
    inputs = data.get("inputs") or {}
    a = _find_input(inputs.get(ROLES[0]), ROLES[0], folder)
    b = _find_input(inputs.get(ROLES[1]), ROLES[1], folder)
    try:
        overrides = overrides_from_json(data.get("overrides") or {})
    except (KeyError, TypeError, ValueError) as exc:
        raise SessionError(f"{session_file}: the corrections are malformed ({exc}).") from exc
    view_data = _mapping(data.get("view"))
    top, panels = _mapping(view_data.get("top")), _mapping(view_data.get("panels"))
    view = ViewState(
        top.get("a") if isinstance(top.get("a"), str) else None,
        top.get("b") if isinstance(top.get("b"), str) else None,
        {str(k): bool(v) for k, v in panels.items()},
    )
    return Session(a, b, options_from_json(data.get("options")), overrides, view)


def save_session(session: Session, path: Path) -> None:
    """Write atomically: a crash mid-save never leaves half a session behind."""
    path = Path(path)
    text = json.dumps(session_to_json(session, path), ensure_ascii=False, indent=2) + "\n"
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def load_session(path: Path) -> Session:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SessionError(f"{path}: no such session file.") from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SessionError(f"{path}: cannot read the session ({exc}).") from exc
    return session_from_json(data, path)
