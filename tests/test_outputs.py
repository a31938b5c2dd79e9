"""Outputs never destroy anything: devices and FIFOs written through, symlinks followed, inputs and
directories refused (issue: nothing a user gives is ever destroyed). Real files, real devices."""
from __future__ import annotations

import os
import stat
import threading

import pandas as pd
import pytest

from narrative.cli import main
from narrative.errors import OutputError
from narrative.infra.files import AtomicFile, check_outputs, write_text

from support import DEMO, NEWS, ROOT


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "in.csv"
    pd.DataFrame({"text": [NEWS], "side": ["other"]}).to_csv(path, index=False)
    return path


def _snapshot(folder):
    return {p.name: (p.read_bytes() if p.is_file() and not p.is_symlink() else os.readlink(p) if p.is_symlink() else None)
            for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("argv, message", [
    (["claims", "{in}", "-o", "{in}"], "-o would overwrite a file this command reads"),
    (["frames", "{in}", "-o", "{in}"], "-o would overwrite a file this command reads"),
    (["frames", "{in}", "-o", "{dir}/f.csv", "--evidence", "{in}"], "--evidence would overwrite a file this command reads"),
    (["frames", "{in}", "-o", "{dir}/f.csv", "--evidence", "{dir}/f.csv"], "--evidence and -o name the same file"),
    (["compare", "{in}", "--a", "kremlin", "--b", "ukraine", "-o", "{in}"], "-o would overwrite a file this command reads"),
    (["compare", "{in}", "--a", "kremlin", "--b", "ukraine", "-o", "{dir}/x.csv"],
     None),
    (["claims", "{in}", "-o", "{dir}"], "-o is a directory; give a file name"),
    (["claims", "{in}", "--actors", "{dir}/actors.yaml", "-o", "{dir}/actors.yaml"], "-o would overwrite"),
])
def test_outputs_that_would_destroy_are_refused(tmp_path, corpus, capsys, argv, message):
    (tmp_path / "actors.yaml").write_text("actors: []\n")
    before = _snapshot(tmp_path)
    args = [a.replace("{in}", str(corpus)).replace("{dir}", str(tmp_path)) for a in argv]
    code = main(args)
    err = capsys.readouterr().err
    if message is None:  # a control: a fresh output name works
        assert code == 0, err
        return
    assert code == 2
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert _snapshot(tmp_path) == before


def test_compare_refuses_an_input_as_its_frame_table(tmp_path, capsys):
    """compare -o out.csv also writes out.frames.csv: that must not be an input either."""
    src = tmp_path / "out.frames.csv"
    pd.DataFrame({"text": [NEWS], "side": ["other"]}).to_csv(src, index=False)
    before = src.read_bytes()
    assert main(["compare", str(src), "--a", "kremlin", "--b", "ukraine", "-o", str(tmp_path / "out.csv")]) == 2
    assert "its frame table would overwrite a file this command reads" in capsys.readouterr().err
    assert src.read_bytes() == before and not (tmp_path / "out.csv").exists()


def test_device_node_is_written_through_not_replaced(tmp_path, corpus):
    node = tmp_path / "null"
    try:
        os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a copy of /dev/null
    except PermissionError:
        pytest.skip("creating a device node needs root")
    assert main(["claims", str(corpus), "-o", str(node)]) == 0
    assert stat.S_ISCHR(node.stat().st_mode)
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_full_device_gives_one_line_and_exit_2(tmp_path, corpus, capsys):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    assert main(["claims", str(corpus), "-o", "/dev/full"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("narrative: /dev/full: cannot write: No space left on device") and err.count("\n") == 1
    assert stat.S_ISCHR(os.stat("/dev/full").st_mode)


def test_fifo_is_written_through(tmp_path, corpus):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    assert main(["claims", str(corpus), "--format", "csv", "-o", str(fifo), "--jobs", "1"]) == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert got and got[0].startswith(b"doc_id,claim_id")


def test_symlink_keeps_the_link_and_replaces_its_target(tmp_path, corpus):
    target = tmp_path / "real.csv"
    target.write_text("old\n")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    assert main(["claims", str(corpus), "--format", "csv", "-o", str(link), "--jobs", "1"]) == 0
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text().startswith("doc_id,claim_id")


def test_dev_stdout_is_written_through(tmp_path, corpus, capfd):
    assert main(["claims", str(corpus), "--format", "csv", "-o", "/dev/stdout", "--jobs", "1"]) == 0
    assert capfd.readouterr().out.startswith("doc_id,claim_id")
    assert os.path.islink("/dev/stdout") or not os.path.isfile("/dev/stdout")


def test_atomic_file_keeps_the_old_file_when_aborted(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("good\n")
    f = AtomicFile(path)
    f.write("half")
    f.abort()
    assert path.read_text() == "good\n" and [p.name for p in tmp_path.iterdir()] == ["t.csv"]
    write_text(path, "new\n")
    assert path.read_text() == "new\n"


def test_check_outputs_allows_the_same_device_twice():
    check_outputs({"-o": "/dev/null", "--evidence": "/dev/null"})
    with pytest.raises(OutputError, match="is a directory"):
        check_outputs({"-o": "/tmp"})


# --- issue 22 items 5, 6, 8, 17: devices for several tables, mode kept, temporaries, closed pipes

DEMO_DIR = str(DEMO)


def _narrative(*argv, **kwargs):
    """``narrative ARGV`` in a real child process (this checkout's package first on the path)."""
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.Popen([sys.executable, "-m", "narrative.cli", *argv], env=env, **kwargs)


def test_compare_refuses_a_device_for_its_several_tables_and_creates_nothing_in_dev(corpus, capsys):
    for device in ("/dev/stdout", "/dev/null"):
        assert main(["compare", str(corpus), "--a", "kremlin", "--b", "ukraine", "-o", device]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "writes several tables" in err and device in err
        assert not [p for p in os.listdir("/dev") if p.startswith(os.path.basename(device) + ".")]


def test_compare_refuses_a_fifo_for_its_several_tables(tmp_path, corpus, capsys):
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    assert main(["compare", str(corpus), "--a", "kremlin", "--b", "ukraine", "-o", str(fifo)]) == 2
    assert "writes several tables" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv", "pipe.csv"]


def test_an_overwritten_output_keeps_its_mode_and_owner(tmp_path, corpus):
    out = tmp_path / "claims.csv"
    out.write_text("old\n")
    os.chmod(out, 0o640)
    gid = os.stat(out).st_gid
    assert main(["claims", str(corpus), "--format", "csv", "-o", str(out), "--jobs", "1"]) == 0
    assert out.read_text().startswith("doc_id,claim_id")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o640 and os.stat(out).st_gid == gid
    if os.geteuid() == 0:  # root can give a file to someone else: the owner must survive the replace too
        os.chown(out, 65534, 65534)
        write_text(out, "new\n")
        assert (os.stat(out).st_uid, os.stat(out).st_gid) == (65534, 65534)
        assert stat.S_IMODE(os.stat(out).st_mode) == 0o640


def _wait_for_temporary(folder, proc, seconds=120):
    import time

    deadline = time.time() + seconds
    while time.time() < deadline and proc.poll() is None:
        found = [p for p in folder.iterdir() if p.name.endswith(".tmp")]
        if found:
            return found
        time.sleep(0.05)
    pytest.fail("narrative claims wrote no temporary file")


def test_sigterm_of_claims_removes_its_temporary_file_and_keeps_the_old_output(tmp_path):
    import signal
    import subprocess

    out = tmp_path / "claims.csv"
    out.write_text("old\n")
    proc = _narrative("claims", DEMO_DIR, "--format", "csv", "-o", str(out), "--jobs", "1", "--chunk-docs", "10",
                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    _wait_for_temporary(tmp_path, proc)
    proc.send_signal(signal.SIGTERM)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 143 and "interrupted by SIGTERM" in err and "Traceback" not in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["claims.csv"] and out.read_text() == "old\n"


def test_the_next_write_removes_the_temporary_file_a_kill_9_left(tmp_path, corpus):
    import signal
    import subprocess

    folder = tmp_path / "out"
    folder.mkdir()
    proc = _narrative("claims", DEMO_DIR, "--format", "csv", "-o", str(folder / "claims.csv"), "--jobs", "1",
                      "--chunk-docs", "10", stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    left = _wait_for_temporary(folder, proc)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert all(p.exists() for p in left)  # what the issue saw: nothing removes it ...
    (folder / ".notes.tmp").write_text("a user's own hidden file")
    assert main(["claims", str(corpus), "--format", "csv", "-o", str(folder / "other.csv"), "--jobs", "1"]) == 0
    assert sorted(p.name for p in folder.iterdir()) == [".notes.tmp", "other.csv"]  # ... until the next write


@pytest.mark.parametrize("to_stdout", [["-o", "/dev/stdout"], []])
def test_a_closed_pipe_ends_claims_quietly_like_a_unix_tool(to_stdout):
    """``narrative claims ... | head -2``: no message, exit 141 (128 + SIGPIPE, what ``yes | head`` gives)."""
    import subprocess

    proc = _narrative("claims", DEMO_DIR, "--format", "csv", "--jobs", "1", *to_stdout,
                      stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = [proc.stdout.readline() for _ in range(2)]
    proc.stdout.close()  # what head does after two lines
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert first[0].startswith(b"doc_id,claim_id")
    assert proc.returncode == 141, err
    assert "pipe" not in err.lower() and "Traceback" not in err, err  # warnings about the input may remain


def test_train_attribution_writes_outside_the_package_and_reproduces_its_bytes(tmp_path):
    """Issue 22 item 10: the default output is build/ (relative to where it runs), not src/; two
    trainings in processes with different hash seeds write the same model bytes."""
    import shutil
    import subprocess
    import sys

    from support import POLNEAR

    train = POLNEAR / "train"
    if not (train / "text").is_dir():
        pytest.skip("../shared/eval/polnear is absent (shared material is only beside the project checkout)")
    gold = tmp_path / "gold"
    (gold / "text").mkdir(parents=True)
    (gold / "attributions").mkdir()
    for text in sorted((train / "text").glob("*.txt"))[:6]:
        shutil.copy(text, gold / "text")
        for ann in (train / "attributions").glob(text.stem + "*.ann"):
            shutil.copy(ann, gold / "attributions")
    shipped = (ROOT / "src" / "narrative" / "models" / "attribution.crfsuite").read_bytes()
    models = []
    for seed in ("1", "2"):
        work = tmp_path / f"w{seed}"
        work.mkdir()
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-m", "narrative.cli", "train-attribution", "--gold", str(gold),
                               "--max-iterations", "20", "--no-tune"], cwd=work, env=env, capture_output=True,
                              text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        models.append((work / "build" / "attribution.crfsuite").read_bytes())
        assert (work / "build" / "attribution.json").is_file()
    assert models[0] == models[1] and len(models[0]) > 1000
    assert (ROOT / "src" / "narrative" / "models" / "attribution.crfsuite").read_bytes() == shipped
