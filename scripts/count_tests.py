"""Prints the closing line of bin/test: tests passed and failed over unit tests, runner tests and notebooks.

Usage: count_tests.py REPORTS_DIR... RUNNER_TEST_LOG NOTEBOOK_LOG
(REPORTS_DIR: Maven surefire/failsafe report folders; one that does not exist counts nothing)
"""
import glob
import re
import sys
import xml.etree.ElementTree as ElementTree

*report_dirs, runner_log, notebook_log = sys.argv[1:]
passed = failed = 0
for path in [p for d in report_dirs for p in glob.glob(f"{d}/TEST-*.xml")]:
    suite = ElementTree.parse(path).getroot()
    broken = int(suite.get("failures", 0)) + int(suite.get("errors", 0))
    passed += int(suite.get("tests", 0)) - broken - int(suite.get("skipped", 0))
    failed += broken
ran = re.findall(r"^Ran (\d+) tests?", open(runner_log, encoding="utf-8").read(), re.M)
passed += int(ran[-1]) if ran else 0
counts = re.findall(r"^notebooks: (\d+) passed, (\d+) failed$", open(notebook_log, encoding="utf-8").read(), re.M)
if counts:
    passed += int(counts[-1][0])
    failed += int(counts[-1][1])
print(f"all: {passed} passed, {failed} failed")
