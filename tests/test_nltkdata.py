import socket
import subprocess
import sys

import nltk

from narrative.infra.nltkdata import VADER_ZIP, build, ensure_nltk_data


def test_build_from_pip_installed_wheel(tmp_path):
    import zipfile

    path = build(tmp_path)
    assert path == tmp_path / VADER_ZIP
    lines = zipfile.ZipFile(path).read("vader_lexicon/vader_lexicon.txt").decode("utf-8").splitlines()
    assert len(lines) > 7000 and any(line.startswith("victory\t") or line.startswith("win\t") for line in lines)


def test_vader_works_with_network_off(tmp_path):
    """A fresh interpreter with sockets disabled loads NLTK's VADER from the built data."""
    code = f"""
import socket
def refuse(*a, **k): raise OSError("network disabled in this test")
socket.socket.connect = refuse
socket.create_connection = refuse
from narrative.infra.nltkdata import ensure_nltk_data
ensure_nltk_data(__import__('pathlib').Path({str(tmp_path)!r}))
import nltk
from nltk.sentiment import SentimentIntensityAnalyzer
s = SentimentIntensityAnalyzer().polarity_scores("a great and successful victory")
print(round(s["compound"], 4))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert float(out.stdout) > 0.8


def test_registered_on_nltk_path(tmp_path):
    ensure_nltk_data(tmp_path)
    assert str(tmp_path) in nltk.data.path


def test_processes_building_at_once_all_succeed(tmp_path):
    """A fresh install whose workers all build the data at the same moment (real processes)."""
    import time

    go = tmp_path / "go"
    target = tmp_path / "nltk_data"
    code = f"""
import pathlib, sys, time
from narrative.infra import nltkdata
pathlib.Path({str(tmp_path)!r}, "ready-" + sys.argv[1]).touch()
go = pathlib.Path({str(go)!r})
while not go.exists():
    time.sleep(0.002)
nltkdata.ensure_nltk_data(pathlib.Path({str(target)!r}))
from nltk.sentiment import SentimentIntensityAnalyzer
print(SentimentIntensityAnalyzer().polarity_scores("a great success")["compound"] > 0)
"""
    n = 6  # six at once: the old shared temporary name failed in 3 of 3 trials
    procs = [subprocess.Popen([sys.executable, "-c", code, str(i)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for i in range(n)]
    deadline = time.time() + 60
    while len(list(tmp_path.glob("ready-*"))) < n and time.time() < deadline:
        time.sleep(0.01)
    go.touch()  # all interpreters are waiting at the line: they build at once
    results = [p.communicate(timeout=120) for p in procs]
    assert [p.returncode for p in procs] == [0] * n, [err for _out, err in results]
    assert all(out.strip() == "True" for out, _err in results)
    assert sorted(p.name for p in (target / "sentiment").iterdir()) == [".vader_lexicon.lock", "vader_lexicon.zip"]


import pytest


@pytest.mark.parametrize("content", [b"", b"PK\x03\x04 cut short", b"not a zip at all"])
def test_an_empty_or_corrupt_cached_zip_is_rebuilt(tmp_path, content):
    """The bug: a cached zip that was empty or cut short raised BadZipFile in every command."""
    import zipfile

    (tmp_path / VADER_ZIP).parent.mkdir(parents=True)
    (tmp_path / VADER_ZIP).write_bytes(content)
    assert ensure_nltk_data(tmp_path) == tmp_path
    lines = zipfile.ZipFile(tmp_path / VADER_ZIP).read("vader_lexicon/vader_lexicon.txt").decode("utf-8").splitlines()
    assert len(lines) > 7000
