#!/usr/bin/env python3
"""Gives every cell of the given notebooks a unique nbformat 4.5 `id`, changing nothing else.

The run-all tool (tools/RunNotebooks) adds ids itself when it writes a notebook; this script is for notebooks edited
by hand or by a script, so they validate before their next run:

    python3 tools/RunNotebooks/add_cell_ids.py notebooks/*.ipynb

Existing valid, unique ids are kept. New ids are 8 hexadecimal characters, as Jupyter makes them. The file keeps the
formatting Jupyter writes (one-space indents, UTF-8 unescaped, trailing newline); the script refuses a file that this
formatting would change in other ways, so its diff is only the added ids.
"""
import json
import os
import re
import sys
import uuid

VALID_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")


def dump(notebook):
    return json.dumps(notebook, indent=1, ensure_ascii=False) + "\n"


def add_ids(path):
    with open(path, encoding="utf-8") as file:
        text = file.read()
    notebook = json.loads(text)
    if dump(notebook) != text:
        sys.exit(f"{path}: not in Jupyter's formatting (indent 1, UTF-8, trailing newline); not touching it")
    seen, added = set(), 0
    for index, cell in enumerate(notebook["cells"]):
        cell_id = cell.get("id")
        if isinstance(cell_id, str) and VALID_ID.match(cell_id) and cell_id not in seen:
            seen.add(cell_id)
            continue
        cell_id = uuid.uuid4().hex[:8]
        while cell_id in seen:
            cell_id = uuid.uuid4().hex[:8]
        seen.add(cell_id)
        cell["id"] = cell_id
        # Jupyter writes a cell's keys in alphabetical order (cell_type, execution_count, id, metadata, ...).
        notebook["cells"][index] = dict(sorted(cell.items()))
        added += 1
    if notebook.get("nbformat_minor", 0) < 5:
        notebook["nbformat_minor"] = 5
    if added:
        with open(path + ".tmp", "w", encoding="utf-8") as file:
            file.write(dump(notebook))
        os.replace(path + ".tmp", path)
    print(f"{path}: {added} ids added")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    for argument in sys.argv[1:]:
        add_ids(argument)
