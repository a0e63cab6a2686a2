#!/usr/bin/python3
"""Starts the Java kernel many times, the way Jupyter Notebook and JupyterLab start it, and counts the starts.

Each start: jupyter_client's KernelManager(kernel_name=...).start_kernel() from the notebooks' folder,
client().wait_for_ready(timeout=...), then the notebooks' setup cell (the first code cell of
notebooks/01-data.ipynb), which must finish without an error, and a cell that asks DJL for its engine, which
must answer PyTorch (found through the cells' context class loader); then the kernel is shut down. Prints each
failure with the kernel's log, then the count, the median and the slowest start (ready and setup cell
together, in seconds), and how many starts the launcher (kernel/) had to repair. A benchmark, not a test:
bin/test does not run it.

Usage: /usr/bin/python3 scripts/kernel_starts.py [--starts 300] [--kernel java] [--timeout 30]
"""
import argparse
import json
import os
import statistics
import sys
import tempfile
import time

from jupyter_client import KernelManager

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
NOTEBOOKS = os.path.join(ROOT, "notebooks")
REPAIR = "started it again"  # what dev.seq2seq.kernel.KernelLauncher logs when it repairs a loop thread
# After the setup cell, the cells must see the library's engine: a kernel whose cells run with the wrong context
# class loader starts and runs %jars, but DJL then finds no engine (ServiceLoader goes through that loader).
ENGINE_CHECK = "System.out.print(ai.djl.engine.Engine.getInstance().getEngineName());"
ENGINE = "PyTorch"


def setup_cell():
    """The first code cell of the first notebook: every notebook opens with the same one."""
    with open(os.path.join(NOTEBOOKS, "01-data.ipynb"), encoding="utf-8") as f:
        cells = json.load(f)["cells"]
    return "".join(next(c for c in cells if c["cell_type"] == "code")["source"])


def start_once(kernel, timeout, code, log_path):
    """Starts one kernel, waits for it and runs the setup cell; returns (seconds, None) or (seconds, why)."""
    manager = KernelManager(kernel_name=kernel)
    start = time.monotonic()
    with open(log_path, "w", encoding="utf-8") as log:
        manager.start_kernel(cwd=NOTEBOOKS, stdout=log, stderr=log)
        client = manager.client()
        client.start_channels()
        try:
            client.wait_for_ready(timeout=timeout)
            errors = []

            def on_output(message):
                if message["msg_type"] == "error":
                    errors.append(message["content"].get("evalue") or message["content"].get("ename"))

            reply = client.execute_interactive(code, timeout=timeout, output_hook=on_output)
            if reply["content"]["status"] != "ok" or errors:
                return time.monotonic() - start, f"setup cell failed: {errors or reply['content']}"
            ready = time.monotonic() - start
            printed = []

            def on_engine(message):
                on_output(message)
                if message["msg_type"] == "stream":
                    printed.append(message["content"]["text"])

            reply = client.execute_interactive(ENGINE_CHECK, timeout=timeout, output_hook=on_engine)
            if reply["content"]["status"] != "ok" or errors or "".join(printed).strip() != ENGINE:
                return ready, f"the cells do not see DJL's {ENGINE} engine: {errors or printed or reply['content']}"
            return ready, None
        except (RuntimeError, TimeoutError) as e:
            return time.monotonic() - start, f"{type(e).__name__}: {e}"
        finally:
            client.stop_channels()
            manager.shutdown_kernel(now=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--starts", type=int, default=300)
    parser.add_argument("--kernel", default="java", help="kernelspec name")
    parser.add_argument("--timeout", type=int, default=30, help="seconds for wait_for_ready and for the setup cell")
    args = parser.parse_args()

    code = setup_cell()
    print(f"{args.starts} starts of kernel '{args.kernel}', wait_for_ready(timeout={args.timeout}), then: {code.strip()}"
          f" and {ENGINE_CHECK}", flush=True)
    times, failures, repairs = [], 0, 0
    with tempfile.TemporaryDirectory() as logs:
        for i in range(1, args.starts + 1):
            log_path = os.path.join(logs, f"start-{i}.log")
            seconds, why = start_once(args.kernel, args.timeout, code, log_path)
            times.append(seconds)
            with open(log_path, encoding="utf-8") as f:
                log = f.read()
            repairs += REPAIR in log
            if why:
                failures += 1
                print(f"start {i}: FAILED after {seconds:.1f} s: {why}\n--- kernel log\n{log}---", flush=True)
            if i % 25 == 0 or i == args.starts:
                print(f"  {i} starts, {i - failures} ready, {repairs} repaired by the launcher", flush=True)
    ok = args.starts - failures
    print(f"kernel '{args.kernel}': {ok} of {args.starts} starts ready, ran the setup cell and found DJL's engine; "
          f"median {statistics.median(times):.2f} s, slowest {max(times):.2f} s; "
          f"{repairs} needed the launcher's repair of a loop thread")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
