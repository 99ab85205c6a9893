"""Build vietnamese/data/law_names.txt from the legal corpus in data/lm.

Each law in the corpus says "Quốc hội ban hành Luật X."; those names, plus a
few laws that preambles cite often but the corpus lacks, make the list that
lets the extractors spell a law's name correctly in OCR-damaged text.
Run: python -m training.build_law_names (make law-names).
"""

import gzip
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data/lm/vlc_laws.txt.gz"
OUT = ROOT / "vietnamese/data/law_names.txt"

EXTRA = [
    "Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam",
    "Luật Tổ chức chính quyền địa phương",
    "Luật Tổ chức Chính phủ",
    "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
    "Luật Giao dịch điện tử",
    "Luật Công nghệ thông tin",
    "Luật Cán bộ, công chức",
    "Luật Viên chức",
    "Luật Dữ liệu",
    "Luật Tiếp cận thông tin",
    "Luật Thi đua, khen thưởng",
    "Luật Phòng, chống tham nhũng",
    "Luật Khám bệnh, chữa bệnh",
    "Luật Đấu thầu",
    "Luật Quy hoạch",
]


def _capitalise_after_type(name: str) -> str:
    # Official style capitalises the first word of a law's own name.
    match = re.match(r"(Bộ luật|Luật) (\S)", name)
    if not match:
        return name
    return name[: match.start(2)] + match.group(2).upper() + name[match.end(2):]


def main() -> None:
    text = gzip.open(CORPUS, "rt", encoding="utf-8").read()
    names = {
        _capitalise_after_type(m.group(1).strip())
        for m in re.finditer(r"Quốc hội ban hành ((?:Bộ luật|Luật) [^.,;:\n]+)", text)
    }
    names.update(EXTRA)
    OUT.write_text("\n".join(sorted(names)) + "\n", encoding="utf-8")
    print(f"{len(names)} law names -> {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
