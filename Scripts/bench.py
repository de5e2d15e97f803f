#!/usr/bin/env python3
"""Times every hook call of compatibility.md#invocations as whole processes (spawn to exit), next to /bin/true in the same run.

Called by Scripts/bench.sh, which builds the release binaries first. Each call runs in a sandbox HOME with a project
(`.oss/`, a git HEAD on a feature branch), a loopback OSS API (`oss-fixture-server`) and real credentials from
`oss-decrypt --setup`. Prints a markdown table (median and p95 in ms) and writes it to --out.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import hashlib

DEVNULL_FLAGS = os.O_WRONLY


def spawn_time(argv, env, stdin_bytes=None, cwd=None):
    """Wall time in ms of one process run: posix_spawn to waitpid, stdout/stderr to /dev/null."""
    actions = [
        (os.POSIX_SPAWN_OPEN, 1, "/dev/null", os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, "/dev/null", os.O_WRONLY, 0),
    ]
    read_fd = write_fd = None
    if stdin_bytes is not None:
        read_fd, write_fd = os.pipe()
        actions.append((os.POSIX_SPAWN_DUP2, read_fd, 0))
        actions.append((os.POSIX_SPAWN_CLOSE, write_fd))
    else:
        actions.append((os.POSIX_SPAWN_OPEN, 0, "/dev/null", os.O_RDONLY, 0))
    env_list = env
    old_cwd = None
    if cwd:
        old_cwd = os.getcwd()
        os.chdir(cwd)
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, env_list, file_actions=actions)
    if stdin_bytes is not None:
        os.close(read_fd)
        os.write(write_fd, stdin_bytes)
        os.close(write_fd)
    _, status = os.waitpid(pid, 0)
    elapsed = (time.perf_counter() - start) * 1000
    if old_cwd:
        os.chdir(old_cwd)
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        raise SystemExit(f"bench: {' '.join(argv)} exited {code}")
    return elapsed


def measure(argv, env, runs, warmup, stdin_bytes=None, pause=0.0, prepare=None):
    for _ in range(warmup):
        if prepare:
            prepare()
        spawn_time(argv, env, stdin_bytes)
    times = []
    for _ in range(runs):
        if prepare:
            prepare()
        times.append(spawn_time(argv, env, stdin_bytes))
        if pause:
            time.sleep(pause)
    times.sort()
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    return statistics.median(times), p95


def start_server(path, latency):
    proc = subprocess.Popen([path, "--latency", str(latency)], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    info = json.loads(proc.stdout.readline())
    return proc, info


def generate_repo(root, count):
    """A repository of `count` files: a fifth are tests with mocks in five languages, the rest production code."""
    filler = "export function f(a: number): number {\n  return a * 2;\n}\n" * 30
    for i in range(count):
        pkg = os.path.join(root, f"pkg{i // 100}")
        os.makedirs(pkg, exist_ok=True)
        kind = i % 25
        if kind == 0:
            name, text = f"m{i}.test.ts", "import axios from 'axios';\njest.mock('axios');\n" + filler
        elif kind == 5:
            name, text = f"test_m{i}.py", "from unittest.mock import patch\n@patch('app.db.psycopg2.connect')\ndef test_a(c):\n    pass\n"
        elif kind == 10:
            name, text = f"m{i}_test.go", "package p\nfunc TestA(t *testing.T) {\n\ts := httptest.NewServer(nil)\n\t_ = s\n}\n"
        elif kind == 15:
            name, text = f"M{i}Test.java", "class M%dTest {\n    @Mock private UserRepository repo;\n}\n" % i
        elif kind == 20:
            name, text = f"m{i}_spec.rb", "RSpec.describe A do\n  before { allow(File).to receive(:read) }\nend\n"
        else:
            name, text = f"m{i}.ts", filler
        with open(os.path.join(pkg, name), "w") as handle:
            handle.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True, help="directory with the release binaries")
    parser.add_argument("--server", required=True, help="path of oss-fixture-server")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--out", required=True)
    parser.add_argument("--scan-sizes", default="100,1000,5000")
    args = parser.parse_args()
    binaries = {name: os.path.join(os.path.abspath(args.bin), name)
                for name in ("oss-log", "oss-notify", "oss-decrypt", "oss-integration", "oss-hooks")}

    work = tempfile.mkdtemp(prefix="oss-bench-")
    home = os.path.join(work, "home")
    project = os.path.join(home, "project")
    os.makedirs(os.path.join(project, ".oss"))
    os.makedirs(os.path.join(project, ".git"))
    with open(os.path.join(project, ".git", "HEAD"), "w") as handle:
        handle.write("ref: refs/heads/feat/bench\n")

    server, info = start_server(args.server, 0)
    slow_server, slow_info = start_server(args.server, 0.05)
    env = {
        "HOME": home, "USER": "bench", "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "TZ": "UTC",
        "TMPDIR": work, "CLAUDE_PROJECT_DIR": project, "OSS_MANIFEST_PUBLIC_KEY": info["publicKey"],
        "OSS_DECRYPT_BIN": binaries["oss-decrypt"],
    }
    env_list = env
    os.makedirs(os.path.join(home, ".oss"), mode=0o700)

    def write_config(base_url):
        with open(os.path.join(home, ".oss", "config.json"), "w") as handle:
            json.dump({"apiKey": info["apiKey"], "apiUrl": base_url}, handle)

    write_config(info["baseURL"])
    subprocess.run([binaries["oss-decrypt"], "--setup"], env=env, check=True, stdout=subprocess.DEVNULL)
    subprocess.run([binaries["oss-log"], "init", "build"], env=env, check=True, stdout=subprocess.DEVNULL)

    rows = []

    def row(label, argv, **kwargs):
        median, p95 = measure(argv, env_list, args.runs, args.warmup, **kwargs)
        rows.append((label, median, p95))
        print(f"  {label}: median {median:.2f} ms, p95 {p95:.2f} ms", file=sys.stderr, flush=True)

    log, notify, decrypt, integration = (binaries[n] for n in ("oss-log", "oss-notify", "oss-decrypt", "oss-integration"))
    row("/bin/true", ["/bin/true"])
    row("oss-log init build", [log, "init", "build"])
    row("oss-log write build \"…\"", [log, "write", "build", "[CHAIN] executing /oss:ship"])
    row("oss-log phase build RED start", [log, "phase", "build", "RED", "start"])
    row("oss-log agent build tdd \"starting: …\"", [log, "agent", "build", "tdd", "starting: write tests"])
    # Analytics is sent by a detached sender; the pause lets each one finish so runs do not compete for the cores.
    row("oss-notify --workflow build start '{}'", [notify, "--workflow", "build", "start", "{}"], pause=0.05)
    row("oss-notify --workflow integration start '{}'", [notify, "--workflow", "integration", "start", "{}"], pause=0.05)
    config_path = os.path.join(home, ".oss", "config.json")
    os.rename(config_path, config_path + ".off")
    row("oss-notify --workflow integration start '{}' (no analytics)", [notify, "--workflow", "integration", "start", "{}"])
    os.rename(config_path + ".off", config_path)
    row("oss-notify --workflow build task_complete", [notify, "--workflow", "build", "task_complete",
                                                       '{"current":3,"total":10,"taskName":"auth"}'])
    row("oss-notify --workflow build complete (chain trigger, loopback)", [notify, "--workflow", "build", "complete",
                                                                          '{"testsPass":42,"duration":"3m"}'])
    row("oss-notify --workflow build failed", [notify, "--workflow", "build", "failed", '{"blocker":"tests red"}'])
    statusline_input = json.dumps({"model": {"display_name": "Opus"},
                                   "workspace": {"current_dir": project}}).encode()
    row("status line render", [notify, "--statusline"], stdin_bytes=statusline_input)
    session_input = json.dumps({"session_id": "bench", "source": "startup", "cwd": project,
                                "hook_event_name": "SessionStart"}).encode()
    row("oss-notify --hook SessionStart", [notify, "--hook", "SessionStart"], stdin_bytes=session_input)

    # The session-start re-apply step, with the OSS plugin installed as Claude Code lays it out.
    plugin_root = os.path.join(home, ".claude", "plugins", "cache", "one-shot-ship-plugin", "oss", "2.0.80")
    os.makedirs(os.path.join(plugin_root, ".claude-plugin"))
    os.makedirs(os.path.join(plugin_root, "hooks"))
    with open(os.path.join(plugin_root, ".claude-plugin", "plugin.json"), "w") as handle:
        json.dump({"name": "oss", "version": "2.0.80"}, handle)
    with open(os.path.join(home, ".claude", "plugins", "installed_plugins.json"), "w") as handle:
        json.dump({"version": 2, "plugins": {"oss@one-shot-ship-plugin": [
            {"scope": "user", "installPath": plugin_root, "version": "2.0.80"}]}}, handle)
    repository = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    subprocess.run([binaries["oss-hooks"], "install", "--from", os.path.abspath(args.bin), "--source", repository],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    hooks = os.path.join(home, ".oss", "bin", "oss-hooks")
    row("oss-hooks reapply (all native: nothing to do)", [hooks, "reapply"], stdin_bytes=session_input)

    def plugin_copied_bash():
        for name in ("oss-log.sh", "oss-notify.sh", "oss-statusline.sh"):
            with open(os.path.join(home, ".oss", "hooks", name), "w") as handle:
                handle.write("#!/bin/bash\necho bash\n")
    row("oss-hooks reapply (3 shims to put back)", [hooks, "reapply"], stdin_bytes=session_input,
        prepare=plugin_copied_bash)
    row("oss-decrypt --type commands --name integration", [decrypt, "--type", "commands", "--name", "integration"])
    write_config(slow_info["baseURL"])
    env["OSS_MANIFEST_PUBLIC_KEY"] = slow_info["publicKey"]
    row("oss-decrypt, 50 ms server latency per request", [decrypt, "--type", "commands", "--name", "integration"])
    write_config(info["baseURL"])
    env["OSS_MANIFEST_PUBLIC_KEY"] = info["publicKey"]

    for size in [int(n) for n in args.scan_sizes.split(",") if n]:
        repo = os.path.join(work, f"repo-{size}")
        generate_repo(repo, size)
        row(f"oss-integration scan ({size} files)", [integration, "scan", "--format", "json", repo])

    # Growth: a 10 MB session log and a large state file must not slow the hot paths.
    session_log = os.path.join(project, ".oss", "logs", "current-session", "session.log")
    line = b"[12:00:00] [build] [PHASE] RED start " + b"x" * 60 + b"\n"
    with open(session_log, "ab") as handle:
        handle.write(line * ((10 * 1024 * 1024 - 200_000) // len(line)))
    row("oss-log write, session.log at 10 MB", [log, "write", "build", "growth check"])
    state_path = os.path.join(project, ".oss", "workflow-state.json")
    for extra in (200, 5000):
        with open(state_path) as handle:
            state = json.load(handle)
        state["history"] = [{"command": f"cmd{i}", "at": "2026-11-25T00:00:00.000Z"} for i in range(extra)]
        with open(state_path, "w") as handle:
            json.dump(state, handle, indent=2)
        row(f"oss-notify start, state file at {os.path.getsize(state_path) // 1024} KB",
            [notify, "--workflow", "build", "start", "{}"], pause=0.05)

    salt, password = b"salt-test-1", b"x" * 64
    started = time.perf_counter()
    for _ in range(10):
        hashlib.pbkdf2_hmac("sha256", password, salt, 100_000, 32)
    pbkdf2_ms = (time.perf_counter() - started) * 100

    server.stdin.close()
    slow_server.stdin.close()
    server.wait()
    slow_server.wait()

    true_median = rows[0][1]
    stamp = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    lines = [
        f"Measured {stamp} on {platform.machine()} Linux, {os.cpu_count()} cores; {args.runs} runs per call after "
        f"{args.warmup} warm-up runs; whole processes (spawn to exit); PBKDF2-HMAC-SHA256 100k alone: "
        f"{pbkdf2_ms:.1f} ms (OpenSSL).",
        "",
        "| call | median ms | p95 ms | median − /bin/true |",
        "|---|---:|---:|---:|",
    ]
    for label, median, p95 in rows:
        lines.append(f"| `{label}` | {median:.2f} | {p95:.2f} | {median - true_median:+.2f} |")
    table = "\n".join(lines) + "\n"
    with open(args.out, "w") as handle:
        handle.write(table)
    print(table)
    subprocess.run(["rm", "-rf", work])


if __name__ == "__main__":
    main()
