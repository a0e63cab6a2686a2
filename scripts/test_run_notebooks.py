"""Tests of run_notebooks.py with the real Java kernel: a failing cell or a time-out must fail the run."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

import nbformat

RUNNER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "run_notebooks.py")


def notebook(folder, name, *cells):
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "java", "display_name": "Java", "language": "java"}
    nb.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    path = os.path.join(folder, name)
    nbformat.write(nb, path)
    return path


def run(*args, env=None):
    return subprocess.run([sys.executable, RUNNER, *args], capture_output=True, text=True, timeout=300, env=env)


class RunNotebooksTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.out = os.path.join(self.dir.name, "out")

    def tearDown(self):
        self.dir.cleanup()

    def test_passing_notebook_is_executed_and_saved_with_outputs(self):
        path = notebook(self.dir.name, "ok.ipynb", 'System.out.println("profile=" + System.getenv("SEQ2SEQ_PROFILE"));')
        result = run("--profile", "quick", "--out", self.out, path)
        self.assertEqual(0, result.returncode, result.stdout + result.stderr)
        self.assertIn("1 passed, 0 failed", result.stdout)
        self.assertIn("kernel starts that needed a retry: 0", result.stdout)
        executed = nbformat.read(os.path.join(self.out, "ok.ipynb"), as_version=4)
        self.assertIn("profile=quick", executed.cells[0].outputs[0]["text"])
        self.assertTrue(os.path.exists(os.path.join(self.out, "ok.html")))

    def test_throwing_cell_fails_the_run_and_later_notebooks_still_run(self):
        bad = notebook(self.dir.name, "bad.ipynb", "int x = 1;", 'throw new IllegalStateException("broken cell");')
        good = notebook(self.dir.name, "good.ipynb", "int y = 2;")
        result = run("--profile", "quick", "--out", self.out, bad, good)
        self.assertEqual(1, result.returncode, result.stdout + result.stderr)
        self.assertIn("bad.ipynb", result.stdout)
        self.assertIn("FAILED", result.stdout)
        self.assertIn("broken cell", result.stdout)
        self.assertIn("1 passed, 1 failed", result.stdout)

    def run_with_kernel(self, name, argv):
        """Runs a one-cell notebook with a kernelspec of the given command line, registered only here."""
        kernels = os.path.join(self.dir.name, "jupyter", "kernels", name)
        os.makedirs(kernels)
        with open(os.path.join(kernels, "kernel.json"), "w", encoding="utf-8") as spec:
            json.dump({"argv": argv, "display_name": name, "language": "java"}, spec)
        path = notebook(self.dir.name, "any.ipynb", "int x = 1;")
        env = dict(os.environ, JUPYTER_PATH=os.path.join(self.dir.name, "jupyter"))
        return run("--profile", "quick", "--kernel", name, "--out", self.out, path, env=env)

    def test_kernel_that_dies_at_start_up_fails_its_notebook_with_the_kernels_message(self):
        result = self.run_with_kernel("broken", ["java", "-jar", "/nonexistent/kernel.jar", "{connection_file}"])
        self.assertEqual(1, result.returncode, result.stdout + result.stderr)
        self.assertIn("kernel died at start-up", result.stdout)
        self.assertIn("/nonexistent/kernel.jar", result.stdout)
        self.assertNotIn("Traceback", result.stdout + result.stderr)

    def test_kernel_that_starts_then_dies_before_answering_is_started_again(self):
        result = self.run_with_kernel("flaky", ["sh", "-c", "echo '[INFO] [ShellChannel]: Binding to tcp://127.0.0.1'; exit 1",
                                                "{connection_file}"])
        self.assertEqual(1, result.returncode, result.stdout + result.stderr)
        self.assertIn("attempt 2 of", result.stdout)
        self.assertIn("did not start", result.stdout)
        self.assertIn("kernel starts that needed a retry: 10", result.stdout)
        self.assertNotIn("Traceback", result.stdout + result.stderr)

    def test_cell_time_out_fails_the_run(self):
        slow = notebook(self.dir.name, "slow.ipynb", "Thread.sleep(20_000);")
        result = run("--profile", "quick", "--timeout", "3", "--out", self.out, slow)
        self.assertEqual(1, result.returncode, result.stdout + result.stderr)
        self.assertIn("time-out", result.stdout)

    def test_update_writes_outputs_back_only_when_the_notebook_passes(self):
        good = notebook(self.dir.name, "good.ipynb", "1 + 1")
        bad = notebook(self.dir.name, "bad.ipynb", 'throw new RuntimeException("no");')
        run("--update", "--out", self.out, good, bad)
        self.assertTrue(nbformat.read(good, as_version=4).cells[0].outputs)
        self.assertFalse(nbformat.read(bad, as_version=4).cells[0].outputs)


if __name__ == "__main__":
    unittest.main()


class SanitizeStreamsTest(unittest.TestCase):
    def test_colour_codes_and_the_notebooks_absolute_path_leave_stream_outputs(self):
        sys.path.insert(0, os.path.dirname(RUNNER))
        import run_notebooks

        folder = os.path.join(tempfile.gettempdir(), "somewhere", "notebooks")
        nb = nbformat.v4.new_notebook()
        cell = nbformat.v4.new_code_cell("%jars ../lib/target/seq2seq-all.jar")
        cell.outputs = [
            nbformat.v4.new_output("stream", name="stdout",
                                   text=f"\x1b[0m\x1b[32mAdd {folder}/../lib/target/seq2seq-all.jar to classpath\x1b[0m"),
            nbformat.v4.new_output("stream", name="stdout", text="loss 1.5 at /data/x\n"),
        ]
        nb.cells = [cell]
        run_notebooks.sanitize_streams(nb, folder)
        self.assertEqual("Add ../lib/target/seq2seq-all.jar to classpath", cell.outputs[0]["text"])
        self.assertEqual("loss 1.5 at /data/x\n", cell.outputs[1]["text"])
