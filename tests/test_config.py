"""Settings are checked: types, ranges, TOML places, unknown keys, templates, formats."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from namconvert.cli import main
from namconvert.config import make_options, settings_warnings
from namconvert.errors import ConfigError
from support import SOURCE


@pytest.fixture
def source(tmp_path: Path) -> Path:
    shutil.copy(SOURCE, tmp_path / "README.md")
    return tmp_path / "README.md"


def _settings(source: Path, text: str) -> Path:
    path = source.parent / "namconvert.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _check(source: Path, capsys: pytest.CaptureFixture[str], *flags: str) -> tuple[int, list[str]]:
    code = main(["check", str(source), *flags])
    return code, capsys.readouterr().err.splitlines()


def test_an_unknown_key_is_a_warning_naming_the_nearest(source: Path,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    path = _settings(source, '# venue\nlanguage = "en"\n  timezon = "Europe/London"\n')
    code, lines = _check(source, capsys)
    assert code == 0
    assert lines == [f"{path}:3:3: warning: unknown setting `timezon` is ignored (did you mean "
                     "`timezone`?) [config.unknown]",
                     f"{source}: warning: no time zone is set, so every time is taken as UTC "
                     "(set timezone in namconvert.toml, or pass --timezone, e.g. Europe/London) "
                     "[config.timezone]"]
    assert _check(source, capsys, "--strict")[0] == 1  # a warning fails --strict
    # parse and build say it too, and go on (times in UTC, as the setting was ignored).
    assert main(["parse", str(source)]) == 0
    captured = capsys.readouterr()
    assert "did you mean `timezone`?" in captured.err
    assert json.loads(captured.out)["timezone"] == "UTC"


def test_an_unknown_key_far_from_any_lists_the_known_ones(source: Path) -> None:
    _settings(source, 'hue = "blue"\n')
    (finding,) = settings_warnings(source)
    assert finding.message.startswith("unknown setting `hue` is ignored (known: base_url, ")
    assert "timezone" in finding.message and (finding.line, finding.col) == (1, 1)


@pytest.mark.parametrize(("text", "line", "message"), [
    ("templates = 5\n", 1, "templates must be text (in quotes), not 5"),
    ('language = "en"\ntimezone = true\n', 2, "timezone must be text (in quotes), not true"),
    ('year = "2022"\n', 1, "year must be a whole number, not '2022'"),
    ("year = 9999\n", 1, "year must be a year from 1900 to 2200, not 9999"),
    ("year = 1\n", 1, "year must be a year from 1900 to 2200, not 1"),
    ("\nstart_date = 0001-07-13\n", 2, "start_date's year must be a year from 1900 to 2200, not 1"),
    ("start_date = 2022-07-13T09:00:00\n", 1,
     "start_date must be a date YYYY-MM-DD, not 2022-07-13T09:00:00"),
    ("max_bytes = 0\n", 1, "max_bytes must be at least 1, not 0"),
    ('max_memory = "lots"\n', 1,
     "max_memory must be a size such as 1G or 512M (a number, then K, M, G or T), not 'lots'"),
    ("max_memory = true\n", 1,
     "max_memory must be a size such as 1G or 512M (neither text nor a number), not true"),
    ('paper = "a3"\n', 1, "paper must be one of a5, a4, letter, not 'a3'"),
    ('timezone = "Mars/Olympus_Mons"\n', 1,
     "unknown time zone 'Mars/Olympus_Mons' (use an IANA name such as Europe/London)"),
    ('columns = "Time"\n', 1,
     'columns must be a table of texts ([columns] with lines such as title = "Talk Title")'),
    ('language = "en"\n[columns]\ntitle = 3\n', 2,
     'columns must be a table of texts ([columns] with lines such as title = "Talk Title")'),
])
def test_a_wrong_value_is_an_error_at_its_line(source: Path, capsys: pytest.CaptureFixture[str],
                                               text: str, line: int, message: str) -> None:
    path = _settings(source, text)
    code, lines = _check(source, capsys)
    assert code == 1
    assert lines == [f"{path}:{line}:1: error: {message} [config]"]
    assert main(["build", str(source), "-o", str(source.parent / "out")]) == 1
    assert capsys.readouterr().err.splitlines() == lines
    assert not (source.parent / "out").exists()


@pytest.mark.parametrize(("text", "place", "message"), [
    ('timezone = "Europe/London"\nyear = 20 22\n', "2:11",
     "Expected newline or end of document after a statement"),
    ('timezone = "Europe/London\n', "1:26", "Illegal character '\\n'"),
    ("language = [1,\n", "2:1", "Invalid value"),
])
def test_a_toml_error_carries_its_line_and_column(source: Path, capsys: pytest.CaptureFixture[str],
                                                  text: str, place: str, message: str) -> None:
    path = _settings(source, text)
    code, lines = _check(source, capsys)
    assert code == 1
    assert lines == [f"{path}:{place}: error: not valid TOML: {message} [config]"]


def test_a_memory_budget_is_read_from_the_settings_and_a_flag_overrides_it(source: Path) -> None:
    _settings(source, 'max_memory = "1.5G"\n')
    assert make_options(source).max_memory == 3 << 29
    assert make_options(source, {"max_memory": "512M"}).max_memory == 512 << 20
    _settings(source, "max_memory = 2048\n")  # a bare number is megabytes
    assert make_options(source).max_memory == 2 << 30


def test_settings_not_in_utf8_are_an_error(source: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    path = source.parent / "namconvert.toml"
    path.write_bytes(b'location = "Universit\xe9"\n')
    assert _check(source, capsys) == (1, [f"{path}: error: not UTF-8 text (byte 0xe9) [config]"])


def test_a_columns_table_is_accepted_and_kept(source: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    _settings(source, 'timezone = "Europe/London"\nyear = 2022\nstart_date = 2022-07-13\n'
              '[columns]\ntime = "When"\nspeaker = "Who"\ntitle = "Talk Title / Abstract"\n')
    assert _check(source, capsys) == (0, [])
    options = make_options(source)
    assert options.columns == {"time": "When", "speaker": "Who",
                               "title": "Talk Title / Abstract"}
    assert (options.timezone, options.year) == ("Europe/London", 2022)


def test_templates_are_taken_from_the_settings_folder(source: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mine").mkdir()
    _settings(source, 'templates = "mine"\n')
    monkeypatch.chdir("/")
    assert make_options(source).templates == tmp_path / "mine"


def test_a_relative_templates_flag_is_taken_from_the_current_folder(
        source: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "mine").mkdir()
    monkeypatch.chdir(tmp_path)
    options = make_options(source, {"templates": Path("mine")})
    assert options.templates == tmp_path / "mine" and options.templates.is_absolute()


@pytest.mark.parametrize("where", ["flag", "settings"])
def test_a_missing_templates_folder_is_an_error(source: Path, tmp_path: Path, where: str,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    if where == "flag":
        flags = ["--templates", str(tmp_path / "nowhere")]
        prefix = "--templates"
    else:
        flags = []
        path = _settings(source, 'templates = "nowhere"\n')
        prefix = f"{path}:1:1"
    assert main(["build", str(source), "-o", str(tmp_path / "out"), *flags]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"{prefix}: error: templates folder {tmp_path}/nowhere does not exist [config]"]
    with pytest.raises(ConfigError):
        make_options(source, {"templates": tmp_path / "README.md"})  # a file, not a folder


@pytest.mark.parametrize("spec", [",", "", " , ,"])
def test_format_with_no_name_is_an_error(source: Path, tmp_path: Path, spec: str,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(source), "-o", str(tmp_path / "out"), "--format", spec]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "namconvert: error: --format names no format (choose from json, readme, ics, frab_xml, "
        "frab_json, epub, pdf, html) [config]"]
    assert not (tmp_path / "out").exists()


def test_a_year_flag_out_of_range_is_an_error(source: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert _check(source, capsys, "--year", "9999") == (
        1, ["--year: error: year must be a year from 1900 to 2200, not 9999 [config]"])
