"""Keep the course notebooks clean for git and nbval.

    python scripts/notebooks.py refresh [NB ...]   run each notebook, then keep only the outputs of
                                                   cells marked `# NBVAL_CHECK_OUTPUT` (real outputs)
    python scripts/notebooks.py check [NB ...]     fail if a notebook is not clean

Clean means: every unmarked code cell has no outputs and a null execution count (nbval treats
it as unrun and fails it only on an exception); every marked cell stores the output it really
produced and its execution count, so `pytest --nbval-lax` compares it.
"""

from __future__ import annotations

import sys
from pathlib import Path

import nbformat

MARK = "# NBVAL_CHECK_OUTPUT"
NOTEBOOKS = Path(__file__).resolve().parents[1] / "notebooks"


def is_marked(cell) -> bool:
    return cell.cell_type == "code" and cell.source.lstrip().startswith(MARK)


def clean(nb) -> None:
    nb.metadata.pop("widgets", None)
    for cell in nb.cells:
        cell.metadata.pop("execution", None)
        if cell.cell_type != "code":
            continue
        if not is_marked(cell):
            cell.execution_count = None
            cell.outputs = []
        else:
            for out in cell.outputs:
                out.get("data", {}).pop("application/vnd.jupyter.widget-view+json", None)


def problems(nb) -> list[str]:
    found = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        if is_marked(cell) and (not cell.outputs or cell.execution_count is None):
            found.append(f"cell {i}: marked {MARK} but has no stored output or execution count")
        if not is_marked(cell) and (cell.outputs or cell.execution_count is not None):
            found.append(f"cell {i}: unmarked cell has outputs or an execution count")
    return found


def refresh(path: Path) -> None:
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}).execute()
    clean(nb)
    nbformat.write(nb, path)


def main(argv: list[str]) -> int:
    if not argv or argv[0] not in {"refresh", "check"}:
        print(__doc__)
        return 2
    paths = [Path(p) for p in argv[1:]] or sorted(NOTEBOOKS.glob("*.ipynb"))
    status = 0
    for path in paths:
        if argv[0] == "refresh":
            refresh(path)
            print(f"refreshed {path}")
        for problem in problems(nbformat.read(path, as_version=4)):
            print(f"{path}: {problem}")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
