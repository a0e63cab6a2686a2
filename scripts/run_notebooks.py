#!/usr/bin/python3
"""Executes the tutorial notebooks headless, in order, with the Java kernel.

Any error output or cell time-out fails the run. Executed copies (.ipynb and .html) go to --out,
and each notebook's status and time are printed. The profile (quick or full) reaches the kernel
through the environment variable SEQ2SEQ_PROFILE, which the notebooks read via the library.

Usage: /usr/bin/python3 scripts/run_notebooks.py [--profile quick|full] [--update] [NOTEBOOK ...]
"""
import argparse
import atexit
import glob
import os
import re
import sys
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
from nbconvert import HTMLExporter


def coalesce_streams(nb):
    """Merges consecutive stream outputs of the same name, as Jupyter front-ends display them.

    Java kernels flush System.out on every write, so one printf can arrive as many stream messages.
    """
    for cell in nb.cells:
        merged = []
        for output in cell.get("outputs", []):
            previous = merged[-1] if merged else None
            if (output.get("output_type") == "stream" and previous is not None
                    and previous.get("output_type") == "stream" and previous.get("name") == output.get("name")):
                previous["text"] += output["text"]
            else:
                merged.append(output)
        if "outputs" in cell:
            cell["outputs"] = merged


ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")


def sanitize_streams(nb, notebook_dir):
    """Removes what only one machine's terminal shows from stream outputs: colour codes (rapaio
    colours its messages) and the absolute path of the notebooks' folder (its %jars message names the
    jar by absolute path), which becomes relative like the notebook's own %jars line."""
    prefix = os.path.abspath(notebook_dir) + os.sep
    for cell in nb.cells:
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream":
                output["text"] = ANSI_ESCAPE.sub("", output["text"]).replace(prefix, "")


def first_error(nb):
    """Returns a one-line description of the first error output in an executed notebook, or None."""
    for index, cell in enumerate(nb.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                trace = "\n".join(output.get("traceback", []))
                message = output.get("evalue") or trace.strip().splitlines()[-1:] or ["(no message)"]
                return f"cell {index}: {output.get('ename')}: {message if isinstance(message, str) else message[0]}"
    return None


# rapaio-jupyter-kernel 3.0.1 (also 3.0.4, whose start-up code is the same) can start a loop thread
# that ends at once (LoopThread.start() starts the thread before it sets its running flag); when it is
# the shell loop, kernel_info is never answered. bin/setup's kernelspec starts the kernel through our
# launcher (kernel/, dev.seq2seq.kernel.KernelLauncher), which restarts such a thread, and
# scripts/kernel_starts.py counts 300 of 300 starts ready with it. What follows is only a guard for a
# kernel registered some other way: wait STARTUP_TIMEOUT s, then start a new kernel, and report how
# many starts needed it (0 is expected).
STARTUP_TIMEOUT = 60
STARTUP_ATTEMPTS = 10


def execute(path, out_dir, timeout, kernel):
    """Executes a notebook once; returns (notebook, error message or None).

    Raises KernelStartupError if the kernel never answered, so that the caller can start another.
    """
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        startup_timeout=STARTUP_TIMEOUT,
        kernel_name=kernel,
        resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
    )
    log_path = os.path.join(out_dir, os.path.basename(path).replace(".ipynb", ".kernel.log"))
    try:
        with open(log_path, "w", encoding="utf-8") as log:
            # The kernel's own log lines go to a file, not into the run's output.
            client.execute(stdout=log, stderr=log)
    except CellTimeoutError as e:
        return nb, f"cell time-out after {timeout} s: {str(e).strip().splitlines()[0]}"
    except DeadKernelError as e:
        return nb, f"kernel died: {e}"
    except CellExecutionError as e:
        lines = [line for line in str(e).strip().splitlines() if line.strip()]
        return nb, "cell error: " + (lines[-1] if lines else "unknown")
    except RuntimeError as e:
        if "didn't respond" in str(e):  # raised only while starting the kernel, before any cell
            atexit.unregister(client._cleanup_kernel)  # the kernel is gone; nothing to clean at exit
            raise KernelStartupError(str(e)) from e
        if "died before replying" in str(e):
            atexit.unregister(client._cleanup_kernel)
            with open(log_path, encoding="utf-8") as log:
                text = log.read()
            if "Binding" in text:
                # it started and bound its channels, then exited before answering (seen once in
                # about 60 starts on 2026-11-28): the same start-up race, so start another kernel
                raise KernelStartupError(str(e)) from e
            # it never started, e.g. a kernelspec pointing at a missing jar
            first = next((line.strip() for line in text.splitlines() if line.strip()), "no output")
            return nb, f"kernel died at start-up ({first}); run bin/setup to register the kernel"
        raise
    return nb, first_error(nb)


class KernelStartupError(Exception):
    """The kernel started but never answered kernel_info_request."""


def run_one(path, out_dir, timeout, kernel, update):
    """Executes one notebook, starting a new kernel if one never answers.

    Returns (ok, seconds, message, retries): retries counts the kernels that never answered."""
    os.makedirs(out_dir, exist_ok=True)
    start = time.time()
    for attempt in range(1, STARTUP_ATTEMPTS + 1):
        try:
            nb, message = execute(path, out_dir, timeout, kernel)
            retries = attempt - 1
            break
        except KernelStartupError as e:
            print(f"  {os.path.basename(path)}: kernel did not answer ({e}); attempt {attempt} of {STARTUP_ATTEMPTS}", flush=True)
            if attempt == STARTUP_ATTEMPTS:
                return False, time.time() - start, f"kernel '{kernel}' did not start: {e}", attempt
    seconds = time.time() - start
    coalesce_streams(nb)
    sanitize_streams(nb, os.path.dirname(path))
    name = os.path.basename(path)
    nbformat.write(nb, os.path.join(out_dir, name))
    html, _ = HTMLExporter().from_notebook_node(nb)
    with open(os.path.join(out_dir, name.replace(".ipynb", ".html")), "w", encoding="utf-8") as f:
        f.write(html)
    if update and message is None:
        nbformat.write(nb, path)
    return message is None, seconds, message, retries


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("notebooks", nargs="*", help="notebooks to run (default: notebooks/*.ipynb in order)")
    parser.add_argument("--profile", choices=["quick", "full"], default=os.environ.get("SEQ2SEQ_PROFILE", "full"))
    parser.add_argument("--out", default="build/notebooks", help="folder for executed copies and HTML")
    parser.add_argument("--timeout", type=int, default=None, help="seconds per cell (default: 900 quick, 7200 full)")
    parser.add_argument("--kernel", default="java", help="kernelspec name")
    parser.add_argument("--update", action="store_true", help="write executed notebooks back in place when they pass")
    args = parser.parse_args()

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    paths = args.notebooks or sorted(glob.glob(os.path.join(root, "notebooks", "*.ipynb")))
    if not paths:
        print("no notebooks found", file=sys.stderr)
        return 2
    timeout = args.timeout or (900 if args.profile == "quick" else 7200)
    os.environ["SEQ2SEQ_PROFILE"] = args.profile
    print(f"Running {len(paths)} notebook(s), profile {args.profile}, cell time-out {timeout} s, kernel {args.kernel}")

    failures = 0
    retries = 0
    total = 0.0
    for path in paths:
        ok, seconds, message, retried = run_one(path, args.out, timeout, args.kernel, args.update)
        retries += retried
        total += seconds
        failures += 0 if ok else 1
        status = "ok" if ok else "FAILED"
        print(f"  {os.path.basename(path):32s} {status:7s} {seconds:8.1f} s" + ("" if ok else f"  {message}"), flush=True)
    print(f"Executed copies and HTML in {os.path.abspath(args.out)}; {total:.1f} s in all")
    print(f"kernel starts that needed a retry: {retries}")
    print(f"notebooks: {len(paths) - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
