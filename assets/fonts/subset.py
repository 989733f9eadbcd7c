#!/usr/bin/python3
"""Rebuilds NotoSansSC-Shapan.otf after new scenarios or messages bring new characters.

Keeps every character the current subset has and adds every character used in scenarios/,
src/ and assets/locales/. Needs Debian's fonts-noto-cjk and python3-fonttools:

    assets/fonts/subset.py
"""
import pathlib
import subprocess
import sys

from fontTools.ttLib import TTFont

ROOT = pathlib.Path(__file__).resolve().parents[2]
FONT = ROOT / "assets/fonts/NotoSansSC-Shapan.otf"
SOURCE = pathlib.Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")

chars = set(chr(c) for c in TTFont(FONT).getBestCmap())
for folder, pattern in [("scenarios", "*.ron"), ("src", "*.rs"), ("assets/locales", "*.ftl")]:
    for path in (ROOT / folder).rglob(pattern):
        chars.update(c for c in path.read_text(encoding="utf-8") if ord(c) >= 0x20)
source = TTFont(SOURCE, fontNumber=2)
have = source.getBestCmap()
missing = sorted(c for c in chars if ord(c) not in have and ord(c) > 0x7F)
if missing:
    print("not in Noto Sans CJK SC (left out):", "".join(missing), file=sys.stderr)
text = ROOT / "target/font-chars.txt"
text.parent.mkdir(exist_ok=True)
text.write_text("".join(sorted(c for c in chars if ord(c) in have)), encoding="utf-8")
subprocess.run(
    [sys.executable, "-m", "fontTools.subset", str(SOURCE), "--font-number=2", f"--text-file={text}", f"--output-file={FONT}",
     "--layout-features=*", "--no-hinting", "--desubroutinize"],
    check=True,
)
print(f"{FONT.name}: {len(TTFont(FONT).getBestCmap())} characters, {FONT.stat().st_size / 1e6:.1f} MB")
