"""Session files: round trip, moved folders, missing inputs, versions, malformed data."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from collatio.core.options import CompareOptions
from collatio.core.overrides import ForbiddenPair, ForcedLink, Overrides, SentenceRef
from collatio.core.session import (
    VERSION,
    Input,
    Session,
    SessionError,
    ViewState,
    load_session,
    options_from_json,
    save_session,
    session_from_json,
)

OVERRIDES = Overrides(
    (ForcedLink((SentenceRef("a.s1", "f1"),), (SentenceRef("b.s4", "f4"),), True),),
    (ForbiddenPair(SentenceRef("a.s0", "f0"), SentenceRef("b.s0", "g0")),),
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    folder = tmp_path / "project"
    (folder / "texts").mkdir(parents=True)
    (folder / "texts" / "a.txt").write_text("Eins. Zwei.", encoding="utf-8")
    (folder / "texts" / "b.txt").write_text("Eins. Drei.", encoding="utf-8")
    return folder


def _session(folder: Path) -> Session:
    return Session(
        Input(folder / "texts" / "a.txt"), Input(folder / "texts" / "b.txt"),
        CompareOptions(link_threshold=0.4, include_boilerplate=True), OVERRIDES,
        ViewState("a.s3", "b.s2", {"statistics": True, "legend": False}),
    )


def test_round_trip_keeps_everything(project: Path) -> None:
    path = project / "review.collatio"
    save_session(_session(project), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["version"] == VERSION
    assert data["inputs"]["original"]["path"] == "texts/a.txt"
    assert data["inputs"]["original"]["absolute"] == str(project / "texts" / "a.txt")
    assert load_session(path) == _session(project)


def test_a_moved_folder_opens_through_the_relative_path(project: Path, tmp_path: Path) -> None:
    save_session(_session(project), project / "review.collatio")
    moved = tmp_path / "elsewhere" / "renamed"
    shutil.move(project, moved)
    session = load_session(moved / "review.collatio")
    assert session.a.path == moved / "texts" / "a.txt"
    assert session.overrides == OVERRIDES


def test_a_session_moved_alone_opens_through_the_absolute_path(project: Path,
                                                               tmp_path: Path) -> None:
    save_session(_session(project), project / "review.collatio")
    (tmp_path / "mail").mkdir()
    shutil.move(project / "review.collatio", tmp_path / "mail" / "copy.collatio")
    session = load_session(tmp_path / "mail" / "copy.collatio")
    assert session.b.path == project / "texts" / "b.txt"


def test_a_missing_input_is_named(project: Path) -> None:
    save_session(_session(project), project / "review.collatio")
    (project / "texts" / "b.txt").unlink()
    with pytest.raises(SessionError) as caught:
        load_session(project / "review.collatio")
    message = str(caught.value)
    assert "revision" in message and "b.txt" in message and "missing" in message
    assert "a.txt" not in message


def test_pasted_text_is_stored_inline(tmp_path: Path) -> None:
    session = Session(Input(None, "Eingefügt."), Input(None, "Auch eingefügt."))
    save_session(session, tmp_path / "s.collatio")
    assert load_session(tmp_path / "s.collatio").a == Input(None, "Eingefügt.")


def test_a_newer_version_is_refused_clearly(tmp_path: Path) -> None:
    data = {"format": "collatio-session", "version": VERSION + 1}
    with pytest.raises(SessionError, match="newer Collatio"):
        session_from_json(data, tmp_path / "x.collatio")


@pytest.mark.parametrize("content", ["not json", '{"format": "other"}', "[]"])
def test_not_a_session(tmp_path: Path, content: str) -> None:
    path = tmp_path / "x.collatio"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(SessionError, match=r"x\.collatio"):
        load_session(path)


def test_malformed_overrides_are_reported(project: Path) -> None:
    path = project / "review.collatio"
    save_session(_session(project), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["overrides"]["links"][0]["a"] = [{"id": "a.s1"}]  # fingerprint missing
    with pytest.raises(SessionError, match="corrections"):
        session_from_json(data, path)


def test_options_ignore_unknown_and_mistyped_fields() -> None:
    options = options_from_json({"link_threshold": 1, "include_boilerplate": "yes",
                                 "from_the_future": 3})
    assert options.link_threshold == 1.0
    assert options.include_boilerplate is False


def test_no_session_file_is_a_session_error(tmp_path: Path) -> None:
    with pytest.raises(SessionError, match="no such session"):
        load_session(tmp_path / "nope.collatio")
