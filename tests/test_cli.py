"""The command line: parse prints the model, flags override the config, errors never trace back."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from namconvert.cli import main
from support import ROOT, SOURCE

SCHEMA = json.loads((ROOT / "schema" / "programme.schema.json").read_text(encoding="utf-8"))


def test_parse_prints_the_model_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(SOURCE)]) == 0
    data = json.loads(capsys.readouterr().out)
    jsonschema.validate(data, SCHEMA)
    assert data["timezone"] == "Europe/London"  # from source/namconvert.toml
    assert sum(len(s["slots"]) for d in data["days"] for s in d["sessions"]) == 14


def test_flags_override_the_config(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(SOURCE, tmp_path / "README.md")
    (tmp_path / "namconvert.toml").write_text('timezone = "Europe/London"\nyear = 2021\n')
    assert main(["parse", str(tmp_path / "README.md")]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["days"][0]["date"] == "2021-07-13"
    assert main(["parse", str(tmp_path / "README.md"), "--year", "2022", "--timezone",
                 "America/New_York"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["days"][0]["date"], data["timezone"]) == ("2022-07-13", "America/New_York")


def test_bad_config_is_reported_with_its_file(tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(SOURCE, tmp_path / "README.md")
    (tmp_path / "namconvert.toml").write_text('timezone = "Mars/Olympus_Mons"\n')
    assert main(["parse", str(tmp_path / "README.md")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"{tmp_path}/namconvert.toml:1:1: error: unknown time zone "
                          "'Mars/Olympus_Mons'")


def test_build_writes_into_the_output_folder(tmp_path: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "site"
    assert main(["build", str(SOURCE), "-o", str(out), "--format", "json,html"]) == 0
    printed = capsys.readouterr().out.split()
    assert str(out / "index.html") in printed and str(out / "programme.json") in printed
    assert json.loads((out / "programme.json").read_text())["title"].startswith("NAM 2022")
    assert not list(out.glob(".namconvert-staging-*"))


def test_unknown_format_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", str(SOURCE), "-o", str(tmp_path), "--format", "docx"]) == 1
    assert "unknown format docx" in capsys.readouterr().err


def test_console_script_runs_without_traceback(tmp_path: Path) -> None:
    broken = tmp_path / "README.md"
    broken.write_bytes(b"\xff\xfe not text")
    result = subprocess.run([sys.executable, "-m", "namconvert", "parse", str(broken)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stderr == f"{broken}:1:1: error: not UTF-8 text (byte 0xff) [input]\n"


def test_build_strict_fails_on_a_warning_and_writes_nothing(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "README.md"
    source.write_text(SOURCE.read_text(encoding="utf-8"),  # without the seed's settings: no zone
                      encoding="utf-8")
    out = tmp_path / "out"
    assert main(["build", str(source), "-o", str(out), "--format", "json", "--strict"]) == 1
    err = capsys.readouterr().err
    assert "warning: no time zone is set" in err and "[config.timezone]" in err
    assert not (out / "programme.json").exists()
    assert main(["build", str(source), "-o", str(out), "--format", "json"]) == 0  # not strict
    assert (out / "programme.json").is_file()
