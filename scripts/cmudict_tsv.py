#!/usr/bin/python3
"""Writes datasets/cmudict.tsv from the npm package cmu-pronouncing-dictionary 3.0.0.

That package's index.js is cmudict.dict of cmusphinx/cmudict at commit 4c6a365 (2021-05-26) as a
JavaScript object. Get it with `npm pack cmu-pronouncing-dictionary@3.0.0` and unpack the tarball.

What this script changes, and nothing else (datasets/README.md says why):
  - inline comments ("# place, danish") are dropped;
  - the alternative markers "(2)", "(3)", "(4)" are dropped: each pronunciation is a line of its own;
  - stress digits are stripped (AH0 -> AH), as in the standard G2P setup; --keep-stress keeps them;
  - words with characters other than a-z and the apostrophe (abbreviations such as "a.m.", hyphenated
    compounds, "a42128") are left out;
  - pronunciations that become identical once stress is stripped are kept once.
Lines are sorted by word, then by the dictionary's order of the alternatives.

Usage: /usr/bin/python3 scripts/cmudict_tsv.py PACKAGE/index.js datasets/cmudict.tsv [--keep-stress]
"""
import argparse
import re
import sys

ENTRY = re.compile(r'^\s+"((?:[^"\\]|\\.)*)": "([^"]*)",?$', re.M)
ALTERNATIVE = re.compile(r"^(.*)\((\d+)\)$")
WORD = re.compile(r"[a-z']+")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("index_js")
    parser.add_argument("out")
    parser.add_argument("--keep-stress", action="store_true")
    args = parser.parse_args()

    entries = ENTRY.findall(open(args.index_js, encoding="utf-8").read())
    if len(entries) != 135155:
        print(f"expected the 135,155 entries of cmudict 4c6a365, found {len(entries):,}", file=sys.stderr)
        return 1
    pronunciations = {}  # word -> list of pronunciations in dictionary order
    dropped = set()
    for key, value in entries:
        match = ALTERNATIVE.match(key)
        word, order = (match.group(1), int(match.group(2))) if match else (key, 1)
        if not WORD.fullmatch(word):
            dropped.add(word)
            continue
        phonemes = value.split("#")[0].split()
        if not args.keep_stress:
            phonemes = [p.rstrip("012") for p in phonemes]
        pronunciations.setdefault(word, []).append((order, " ".join(phonemes)))
    lines = []
    for word in sorted(pronunciations):
        seen = []
        for _, phonemes in sorted(pronunciations[word]):
            if phonemes not in seen:
                seen.append(phonemes)
        lines.extend(f"{word}\t{p}\n" for p in seen)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.writelines(lines)
    print(f"{len(pronunciations):,} words, {len(lines):,} pronunciations written to {args.out}; "
          f"{len(dropped):,} words with other characters left out")
    return 0


if __name__ == "__main__":
    sys.exit(main())
