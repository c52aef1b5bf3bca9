#!/usr/bin/env python3
"""Own-words measure: how much of each Korean sentence is the documents' own wording.

    python3 scripts/own_words.py --documents DIR [--cases cases]
                                 [--threshold 60] [--list] [--files PATTERN]

For every `ko:` value in every YAML file under --cases (flow `{ko: …, en: …}`, block
`ko: …`, folded `ko: >-`, and list items), the text is split into sentences. Each
sentence, with all whitespace removed, is aligned with its best window in the documents
(every *.txt in --documents, whitespace removed): candidate windows are found through
shared 3-grams (the six start offsets most 3-grams agree on; each window reaches half the
sentence's length before that start and one and a half after it), and in each one difflib.SequenceMatcher finds the blocks kept in the same order.
The share is the number of the sentence's characters in matching blocks of 3 or more
characters, divided by its length. A sentence at 70 % or more is the document's sentence
with an ending or a synonym swapped; at 60 % or more it is close to that.

Exempt (counted, printed, not measured) — items that may stay as printed:
  * a text with no predicate (it does not end in 다/요 or a nominal ending 음/함/됨/임
    before closing punctuation) and shorter than 25 characters without whitespace and
    without parenthesised glosses: names, titles, labels, units, table cells;
  * the value of a title field (name, title, short_title, heading, label, short, unit)
    that does not end in 다, whatever its length: names and headings as printed
    (a heading may end in a noun such as 필요 or 미흡);
  * a list of names with no predicate: split at , ㆍ · / → (after dropping a closing 등),
    it has three or more items and none is longer than 12 characters without
    whitespace and parenthesised glosses.
  A sentence with a predicate is always measured, however short.

Standard library only; the documents are read from the directory you name, never from
a fixed path, and nothing in the product depends on this script.
"""

import argparse
import difflib
import os
import re
import sys
import unicodedata
from collections import defaultdict

MIN_BLOCK = 3
SHORT_EXEMPT = 25
LIST_ITEM_MAX = 12
HANGUL = re.compile(r"[\uac00-\ud7a3]")
WS = re.compile(r"\s+")
PREDICATE_END = re.compile(r"(다|요|음|함|됨|임)[\s\"'”’」』)\].!?…]*$")
SEPARATORS = re.compile(r"[,ㆍ·/→]")
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+")
PAREN = re.compile(r"\([^()]*\)")
COPULA_END = re.compile(r"\s*등[.]?$")


def norm(text):
    text = unicodedata.normalize("NFC", text)
    text = text.replace("·", "ㆍ").replace("・", "ㆍ").replace("‧", "ㆍ")
    return WS.sub("", text)


# ---------------------------------------------------------------- YAML reading
def parse_flow_scalar(s, i):
    """Read a scalar in a flow mapping starting at s[i]; return (value, end index)."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i < len(s) and s[i] == '"':
        out, i = [], i + 1
        while i < len(s) and s[i] != '"':
            if s[i] == "\\" and i + 1 < len(s):
                out.append({"n": "\n", "t": "\t", '"': '"', "\\": "\\"}.get(s[i + 1], s[i + 1]))
                i += 2
                continue
            out.append(s[i])
            i += 1
        return "".join(out), i + 1
    if i < len(s) and s[i] == "'":
        out, i = [], i + 1
        while i < len(s):
            if s[i] == "'":
                if i + 1 < len(s) and s[i + 1] == "'":
                    out.append("'")
                    i += 2
                    continue
                break
            out.append(s[i])
            i += 1
        return "".join(out), i + 1
    j = i
    depth = 0
    while j < len(s):
        c = s[j]
        if c in "[{":
            depth += 1
        elif c in "]}":
            if depth == 0:
                break
            depth -= 1
        elif c == "," and depth == 0:
            break
        j += 1
    return s[i:j].strip(), j


def parse_block_scalar(s):
    s = s.strip()
    if s.startswith('"'):
        return parse_flow_scalar(s, 0)[0]
    if s.startswith("'"):
        return parse_flow_scalar(s, 0)[0]
    s = re.sub(r"\s+#.*$", "", s)
    return s


FLOW_KO = re.compile(r"(?:([A-Za-z_][\w-]*):\s*)?\{\s*ko:")
BLOCK_KO = re.compile(r"^(\s*)(- )?ko:(.*)$")
KEY_LINE = re.compile(r"^(\s*)(?:- )?([A-Za-z_][\w-]*):")


def ko_values(path):
    """Yield (line number, parent key, text) for every ko: value in a YAML file."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    stack = []  # (indent, key)
    n = 0
    while n < len(lines):
        line = lines[n]
        if not line.strip() or line.lstrip().startswith("#"):
            n += 1
            continue
        m = BLOCK_KO.match(line)
        if m:
            indent = len(m.group(1)) + (2 if m.group(2) else 0)
            while stack and stack[-1][0] >= (len(m.group(1)) if m.group(2) else indent):
                stack.pop()
            parent = stack[-1][1] if stack else ""
            rest = m.group(3).strip()
            start = n + 1
            if rest[:1] in (">", "|"):
                body = []
                n += 1
                while n < len(lines) and (not lines[n].strip() or
                                          len(lines[n]) - len(lines[n].lstrip()) > indent):
                    body.append(lines[n].strip())
                    n += 1
                sep = " " if rest[0] == ">" else "\n"
                yield start, parent, sep.join(b for b in body if b)
                continue
            if not rest.startswith("{"):
                yield start, parent, parse_block_scalar(rest)
                n += 1
                continue
        km = KEY_LINE.match(line)
        if km:
            indent = len(km.group(1))
            while stack and stack[-1][0] >= indent:
                stack.pop()
            if line.rstrip().endswith(":"):
                stack.append((indent, km.group(2)))
        for fm in FLOW_KO.finditer(line):
            value, _ = parse_flow_scalar(line, fm.end())
            parent = fm.group(1) or (km.group(2) if km else "") or (stack[-1][1] if stack else "")
            yield n + 1, parent, value
        n += 1


# ---------------------------------------------------------------- measuring
class Documents:
    def __init__(self, directory):
        self.names, self.texts = [], []
        for name in sorted(os.listdir(directory)):
            if name.endswith(".txt"):
                with open(os.path.join(directory, name), encoding="utf-8") as f:
                    self.names.append(name)
                    self.texts.append(norm(f.read()))
        if not self.texts:
            sys.exit(f"no *.txt documents in {directory}")
        self.index = defaultdict(list)
        for d, t in enumerate(self.texts):
            for i in range(len(t) - 2):
                self.index[t[i:i + 3]].append((d, i))

    def best(self, s):
        """Return (share, doc, start, end) of the best window for sentence s."""
        L = len(s)
        votes = defaultdict(int)
        for i in range(L - 2):
            for d, p in self.index.get(s[i:i + 3], ()):
                votes[(d, (p - i) // 8)] += 1
        if not votes:
            return 0.0, None, 0, 0
        top = sorted(votes.items(), key=lambda kv: -kv[1])[:6]
        best = (0.0, None, 0, 0)
        seen = set()
        for (d, b), _ in top:
            t = self.texts[d]
            lo = max(0, b * 8 - L // 2 - 8)
            hi = min(len(t), b * 8 + L + L // 2 + 8)
            if (d, lo) in seen:
                continue
            seen.add((d, lo))
            w = t[lo:hi]
            sm = difflib.SequenceMatcher(None, s, w, autojunk=False)
            blocks = [bl for bl in sm.get_matching_blocks() if bl.size >= MIN_BLOCK]
            kept = sum(bl.size for bl in blocks)
            share = kept / L
            if share > best[0]:
                a = lo + blocks[0].b if blocks else lo
                z = lo + blocks[-1].b + blocks[-1].size if blocks else lo
                best = (share, d, a, z)
        return best


TITLE_KEYS = {"name", "title", "short_title", "heading", "label", "short", "unit"}


def exempt_reason(text, key=""):
    t = text.strip()
    if key in TITLE_KEYS and not re.search(r"다[.!?\"'”’)]*$", t):
        return "title field, no predicate"
    if PREDICATE_END.search(t):
        return None
    items = [x.strip() for x in SEPARATORS.split(COPULA_END.sub("", t))]
    if len(items) >= 3 and all(len(norm(PAREN.sub("", x))) <= LIST_ITEM_MAX for x in items):
        return "name list"
    if len(norm(PAREN.sub("", t))) < SHORT_EXEMPT:
        return "short, no predicate"
    return None


def sentences(text):
    for s in SENTENCE_SPLIT.split(text.strip()):
        if HANGUL.search(s):
            yield s.strip()


def yaml_files(root):
    for d, _, files in os.walk(root):
        for f in sorted(files):
            if f.endswith((".yaml", ".yml")):
                yield os.path.join(d, f)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--documents", required=True, help="directory holding the documents (*.txt)")
    ap.add_argument("--cases", default="cases", help="collection directory (default: cases)")
    ap.add_argument("--threshold", type=float, default=60, help="percent for --list (default 60)")
    ap.add_argument("--list", action="store_true", help="list every sentence at or over the threshold")
    ap.add_argument("--files", default="", help="only files whose path contains this text")
    ap.add_argument("--per-file", action="store_true", help="print counts per file")
    args = ap.parse_args()

    docs = Documents(args.documents)
    total = 0
    exempt = defaultdict(int)
    c70 = c60 = 0
    per_file = defaultdict(lambda: [0, 0, 0])
    hits = []
    for path in sorted(yaml_files(args.cases)):
        if args.files and args.files not in path:
            continue
        for line, parent, value in ko_values(path):
            for s in sentences(value):
                reason = exempt_reason(s, parent)
                if reason:
                    exempt[reason] += 1
                    continue
                compact = norm(s)
                if len(compact) < MIN_BLOCK:
                    continue
                total += 1
                per_file[path][0] += 1
                share, d, a, z = docs.best(compact)
                pct = 100 * share
                if pct >= 70:
                    c70 += 1
                    per_file[path][1] += 1
                if pct >= 60:
                    c60 += 1
                    per_file[path][2] += 1
                if pct >= args.threshold:
                    hits.append((path, line, pct, s, docs.names[d] if d is not None else "",
                                 docs.texts[d][a:z] if d is not None else ""))
    if args.list:
        for path, line, pct, s, dname, passage in hits:
            print(f"{path}:{line}: {pct:.0f}%  {s}")
            print(f"    {dname}: {passage}")
        print()
    if args.per_file:
        for path, (n, a, b) in sorted(per_file.items()):
            print(f"{path}: {n} sentences, {a} >=70%, {b} >=60%")
        print()
    print(f"sentences measured: {total}")
    print(f"exempt: {sum(exempt.values())} ("
          + ", ".join(f"{k}: {v}" for k, v in sorted(exempt.items())) + ")")
    print(f">=70%: {c70}")
    print(f">=60%: {c60}")
    if args.threshold not in (60, 70):
        print(f">={args.threshold:g}%: {len(hits)}")


if __name__ == "__main__":
    main()
