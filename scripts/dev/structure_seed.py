#!/usr/bin/env python3
"""Draft the structured text of one seed (app/content/standards/<id>.toml) from its PDF text.

A helper for the person who edits the content, not part of the build: it joins words hyphenated
across lines, drops page numbers and link debris, splits the text at the headings listed in the
config below, and turns bullet lines into lists. Its output is reviewed and committed; the
portal reads only the committed TOML. `cargo test` then checks the committed text against the
seed (every piece found in order, most of the seed covered).

usage: scripts/dev/structure_seed.py ID > app/content/standards/ID.toml
"""
import json, re, sys, tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = json.loads((ROOT / "scripts/dev/standards-config.json").read_text())
BULLET = re.compile(r"^\s*(?:[•\-–▪]|o(?=\s)|\uf0b7|\uf0a7)\s+")

def toml_str(s):
    return json.dumps(s, ensure_ascii=False)

def join_lines(lines):
    out = ""
    for l in lines:
        l = l.strip()
        if not l:
            continue
        if not out:
            out = l
        elif re.search(r"[A-Za-zæøåÆØÅ]-$", out) and re.match(r"[a-zæøå]", l) and not re.match(r"(og|eller|samt)\b", l):
            out = out[:-1] + l
        else:
            out += " " + l
    out = re.sub(r"\*\*|(?<!\w)\*(?!\s)|(?<=\w)\*", "", out)
    return re.sub(r"\s+", " ", out).strip()

def main(doc_id):
    cfg = CONFIG[doc_id]
    docs = {d["id"]: d for d in tomllib.loads((ROOT / "app/content/documents.toml").read_text())["document"]}
    raw = (ROOT / "app/content/seeds" / docs[doc_id]["seed"]).read_text().splitlines()
    start, end = cfg.get("from", 0), cfg.get("to", len(raw))
    raw = raw[start:end]
    drop = [re.compile(p) for p in cfg.get("drop", [])] + [re.compile(r"^\s*\d{1,2}\s*$"), re.compile(r"^\s*(https?://|mailto:)\S*\s*$")]
    heads = cfg["headings"]  # [text, level]
    # A line much shorter than the text width ends its paragraph (the PDF's own line break), when
    # the next line starts a new sentence.
    lengths = sorted(len(l.rstrip()) for l in raw if l.strip())
    short = CONFIG[doc_id].get("short", 0.6) * lengths[int(len(lengths) * 0.9)] if lengths else 0
    sections = []  # [heading, level, blocks]
    if heads and heads[0][0] == "":
        sections.append(["", 2, []])
        heads.pop(0)
    para, items, in_list = [], [], False

    def flush():
        nonlocal para, items, in_list
        if para:
            t = join_lines(para)
            if t and sections:
                sections[-1][2].append(("p", t))
            para = []
        if items:
            sections[-1][2].append(("list", [join_lines(i) for i in items if join_lines(i)]))
            items = []
        in_list = False

    i = 0
    while i < len(raw):
        line = raw[i].rstrip()
        s = line.strip()
        if any(p.search(line) for p in drop):
            i += 1
            continue
        # headings, possibly broken over several lines or glued to the text beside them
        hit = None
        for n_h, (h, lvl) in enumerate(heads[:1]):
            hparts = h.split("\n")
            if len(hparts) > 1:
                window, j = [], i
                while j < len(raw) and len(window) < len(hparts):
                    if raw[j].strip():
                        window.append(raw[j].strip())
                    j += 1
                if window == hparts:
                    hit = (n_h, h.replace("\n", " "), lvl, j, "")
                    break
            elif s == h or (h in cfg.get("glued", []) and s.startswith(h + " ")):
                hit = (n_h, h, lvl, i + 1, s[len(h):].strip())
                break
        if hit:
            flush()
            n_h, h, lvl, nxt, rest = hit
            del heads[n_h]
            sections.append([h, lvl, []])
            if rest:
                raw[i] = rest
            else:
                i = nxt
            continue
        if not s:
            # a blank line ends a paragraph only after a full stop, colon etc.
            if para and re.search(r"[.:!?]\s*$", para[-1].strip()):
                flush()
            i += 1
            continue
        if BULLET.match(line) or (cfg.get("space_bullets") and i > 0 and re.match(r"^ [A-ZÆØÅ]", line)):
            if para:
                flush()
            in_list = True
            items.append([BULLET.sub("", line).strip()])
        elif in_list and items and not re.search(r"[.:!?]\s*$", items[-1][-1].strip()) and re.match(r"^\s*[a-zæøå(0-9]", s):
            items[-1].append(s)
        else:
            if items:
                flush()
            if para and len(para[-1].rstrip()) < short and re.match(r"[A-ZÆØÅ0-9]", s):
                flush()
            para.append(s)
        i += 1
    flush()
    missing = [h for h, _ in heads]
    if missing:
        print("# headings not found: " + "; ".join(missing), file=sys.stderr)
    print(f'# Structured text of {docs[doc_id]["short"]} ({docs[doc_id]["seed"]}).')
    print("# Drafted by scripts/dev/structure_seed.py, then reviewed by hand. Text is the seed's own words:")
    print("# only line breaks, hyphenation, page numbers and link debris are gone (checked by cargo test).")
    print(f'id = "{doc_id}"')
    for k in ["kommuner", "valid_from", "valid_until", "open_ended", "superseded"]:
        if k in cfg["meta"]:
            v = cfg["meta"][k]
            if k == "superseded":
                print("superseded = [" + ", ".join('{ kommune = %s, by = %s }' % (toml_str(x["kommune"]), toml_str(x["by"])) for x in v) + "]")
            elif isinstance(v, bool):
                print(f"{k} = {'true' if v else 'false'}")
            else:
                print(f"{k} = {json.dumps(v, ensure_ascii=False)}")
    for h, lvl, blocks in sections:
        print()
        print("[[section]]")
        print(f"heading = {toml_str(h)}")
        if lvl != 2:
            print(f"level = {lvl}")
        for kind, b in blocks:
            print("[[section.block]]")
            if kind == "p":
                print(f"p = {toml_str(b)}")
            else:
                print("list = [")
                for it in b:
                    print(f"  {toml_str(it)},")
                print("]")

if __name__ == "__main__":
    main(sys.argv[1])
