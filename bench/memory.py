"""Peak memory of `brief build` on many articles (issue 12): made on the fly, never kept.

Makes N articles in a temporary folder by mixing DUC 2004 and 2006 articles (each a DUC article
with its paragraphs rotated and one dropped, so no two files are equal), runs
`/usr/bin/time -v brief build` on the folder, prints the peak resident set size and the wall
time, and removes the folder. The DUC text is read from ../shared/bench and never written
anywhere but the temporary folder.

    .venv/bin/python bench/memory.py 2000          # about a minute
    .venv/bin/python bench/memory.py 20000 --timeout 1200
"""

from __future__ import annotations

import argparse
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared" / "bench"
for candidate in (SHARED, Path("/work/shared/bench")):
    if candidate.is_dir():
        SHARED = candidate
        break


def sources() -> list[str]:
    files = sorted(SHARED.glob("duc2004/clusters/*/docs/*")) + sorted(
        SHARED.glob("duc2006/clusters/*/docs/*")
    )
    return [f.read_text("utf-8", errors="replace") for f in files if f.is_file()]


def mixed(texts: list[str], n: int, folder: Path, seed: int = 12) -> None:
    chance = random.Random(seed)
    for i in range(n):
        paragraphs = [p for p in re.split(r"\n\s*\n", texts[i % len(texts)]) if p.strip()]
        if len(paragraphs) > 2:
            paragraphs.pop(chance.randrange(len(paragraphs)))
            turn = chance.randrange(len(paragraphs))
            paragraphs = paragraphs[turn:] + paragraphs[:turn]
        (folder / f"{i:05d}.txt").write_text("\n\n".join(paragraphs) + "\n", "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, nargs="?", default=2000)
    parser.add_argument("--timeout", type=int, default=900)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="brief-memory-"))
    try:
        (work / "articles").mkdir()
        mixed(sources(), args.n, work / "articles")
        brief = Path(sys.executable).with_name("brief")
        command = ["/usr/bin/time", "-v", str(brief), "build", "articles", "--date", "2026-11-21"]
        done = subprocess.run(
            command, cwd=work, capture_output=True, text=True, timeout=args.timeout
        )
        report = {
            key.strip(): value.strip()
            for key, _, value in (line.partition(": ") for line in done.stderr.splitlines())
        }
        errors = [line for line in done.stderr.splitlines() if line.startswith("Error")]
        print(f"articles: {args.n}  exit: {done.returncode}  {' '.join(errors)}")
        print(f"peak RSS: {int(report['Maximum resident set size (kbytes)']) / 1024:.0f} MiB")
        print(f"wall: {report['Elapsed (wall clock) time (h:mm:ss or m:ss)']}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
