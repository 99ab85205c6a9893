"""A synthetic archive of Vietnamese provincial decisions, for tests and benchmarks.

    python -m training.synth OUT_DIR --count 1000 [--pdf] [--scans N] [--seed 0] [--citing]

Each decision varies its province, number, dates, legal bases, targets and
signer the way real ones do; `.truth.jsonl` beside them (hidden, so not an input) records what each one
says, so a run over the archive can be checked.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from vietnamese.gazetteer import PROVINCES
from vietnamese.names import person_names

BASES = [
    ("Luật", None, "Luật Tổ chức chính quyền địa phương", "2015-06-19"),
    ("Luật", None, "Luật Giao dịch điện tử", "2023-06-22"),
    ("Luật", None, "Luật Công nghệ thông tin", "2006-06-29"),
    ("Nghị định", "61/2018/NĐ-CP", "của Chính phủ về thực hiện cơ chế một cửa, một cửa liên thông", "2018-04-23"),
    ("Nghị định", "107/2021/NĐ-CP", "của Chính phủ sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP", "2021-12-06"),
    ("Nghị định", "45/2020/NĐ-CP", "của Chính phủ về thực hiện thủ tục hành chính trên môi trường điện tử", "2020-04-08"),
    ("Nghị định", "42/2022/NĐ-CP", "của Chính phủ quy định về việc cung cấp thông tin và dịch vụ công trực tuyến", "2022-06-24"),
    ("Quyết định", "942/QĐ-TTg", "của Thủ tướng Chính phủ phê duyệt Chiến lược phát triển Chính phủ điện tử", "2021-06-15"),
    ("Quyết định", "06/QĐ-TTg", "của Thủ tướng Chính phủ phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư", "2022-01-06"),
    ("Thông tư", "01/2018/TT-VPCP", "của Văn phòng Chính phủ hướng dẫn thi hành một số quy định", "2018-11-23"),
    ("Thông tư", "01/2023/TT-VPCP", "của Văn phòng Chính phủ quy định một số nội dung và biện pháp thi hành", "2023-04-05"),
]
# Signers are named from the most common names (`vietnamese.names`).
SURNAMES = person_names()["surnames"][:10]
MIDDLE = person_names()["middle names"][:8]
GIVEN = person_names()["given names"][:10]
SUBJECTS = ["các sở, ban, ngành", "UBND các huyện, thị xã, thành phố", "UBND các xã, phường, thị trấn"]


def _date(rng: random.Random, year: int) -> tuple[str, str]:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return f"ngày {day:02d} tháng {month} năm {year}", f"{year}-{month:02d}-{day:02d}"


def _damaged(number: str, rng: random.Random) -> str:
    """A number as OCR may misread it: QĐ read QD, and one digit for a look-alike."""
    lookalike = {"3": "8", "8": "3", "1": "7", "7": "1", "0": "6", "6": "0", "5": "6", "2": "7", "4": "9", "9": "4"}
    i = rng.randrange(len(number.split("/")[0]))
    return (number[:i] + lookalike[number[i]] + number[i + 1:]).replace("QĐ", "QD")


def _citation(cited: dict, damaged: bool, rng: random.Random) -> str:
    """How a decision names an earlier one of the archive: number, date and issuer."""
    year, month, day = cited["issue_date"].split("-")
    number = _damaged(cited["number"], rng) if damaged else cited["number"]
    return f"Quyết định số {number} ngày {int(day)}/{int(month)}/{year} của {cited['issuer']}"


def decision(rng: random.Random, index: int, earlier: list[dict] | None = None) -> tuple[str, dict]:
    """The text of one decision and what it says. With `earlier` (what earlier decisions of the
    archive say), it may cite one of them as a legal basis and replace another; now and then by
    a damaged number."""
    province = rng.choice(PROVINCES)
    year = rng.randint(2019, 2025)
    number = f"{rng.randint(1, 3999)}/QĐ-UBND"
    written_date, iso_date = _date(rng, year)
    bases = rng.sample(BASES, rng.randint(2, 5))
    deputy = rng.random() < 0.6
    signer = f"{rng.choice(SURNAMES)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
    targets = [(rng.choice(SUBJECTS), rng.choice([30, 40, 50, 55, 60, 70, 80, 90, 100])) for _ in range(rng.randint(1, 3))]
    lines = [
        "ỦY BAN NHÂN DÂN", f"TỈNH {province.upper()}", "", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc", "", f"Số: {number}", f"{province}, {written_date}", "", "QUYẾT ĐỊNH",
        f"Về việc giao chỉ tiêu hồ sơ giải quyết trực tuyến năm {year}", "",
        f"CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH {province.upper()}", "",
    ]
    for doc_type, doc_number, what, date in bases:
        d = date.split("-")
        when = f"ngày {int(d[2])}/{int(d[1])}/{d[0]}"
        if doc_number:
            lines.append(f"Căn cứ {doc_type} số {doc_number} {when} {what};")
        else:
            lines.append(f"Căn cứ {what} {when};")
        lines.append("")
    cites = []
    if earlier and len(earlier) >= 2:
        for role, line in (("basis", "Căn cứ {} về việc giao chỉ tiêu hồ sơ trực tuyến;"),
                           ("replaces", "Điều 3. Quyết định này thay thế {}.")):
            if rng.random() < 0.5:
                cited = rng.choice([e for e in earlier if e["index"] not in {c["index"] for c in cites}])
                damaged = rng.random() < 0.1
                cites.append({"index": cited["index"], "role": role, "damaged": damaged,
                              "line": line.format(_citation(cited, damaged, rng))})
        if cites and cites[0]["role"] == "basis":
            lines += [cites[0]["line"], ""]
    proposal = f"{rng.randint(1, 999)}/TTr-STTTT"
    lines += [f"Theo đề nghị của Giám đốc Sở Thông tin và Truyền thông tại Tờ trình số {proposal} {_date(rng, year)[0]}.",
              "", "QUYẾT ĐỊNH:", "", f"Điều 1. Giao chỉ tiêu hồ sơ giải quyết trực tuyến năm {year} như sau:"]
    for i, (subject, value) in enumerate(targets, 1):
        lines.append(f"{i}. Đối với {subject}: đạt tỷ lệ tối thiểu {value}% hồ sơ được giải quyết trực tuyến.")
    lines += ["", "Điều 2. Quyết định này có hiệu lực kể từ ngày ký."]
    lines += [c["line"] for c in cites if c["role"] == "replaces"]
    lines += ["", "Nơi nhận:", "- Như Điều 2;", "- Lưu: VT.", ""]
    lines += (["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] if deputy else ["CHỦ TỊCH"]) + ["", signer]
    truth = {
        "index": index, "number": number, "issue_date": iso_date, "place": province,
        "issuer": f"Ủy ban nhân dân tỉnh {province}", "signer": signer,
        "signer_title": "Phó Chủ tịch" if deputy else "Chủ tịch",
        "legal_bases": [b[1] or b[2] for b in bases], "proposal": proposal,
        "targets": [{"subject": s, "value": v, "year": year} for s, v in targets],
        "cites": [{k: c[k] for k in ("index", "role", "damaged")} for c in cites],
    }
    return "\n".join(lines) + "\n", truth


def write_archive(out: Path, count: int, *, pdf: bool = False, scans: int = 0, seed: int = 0, start: int = 0,
                  citing: bool = False) -> list[Path]:
    """Write `count` decisions into `out` (text, or PDF), the first `scans` of them as scanned PDFs;
    `citing`: decisions cite earlier ones (`cites` in the truth)."""
    from .render import degrade, image_to_pdf, render_page, text_to_pdf

    rng = random.Random(seed + start)
    out.mkdir(parents=True, exist_ok=True)
    paths, truths = [], []
    with (out / ".truth.jsonl").open("a", encoding="utf-8") as truth_file:
        for index in range(start, start + count):
            text, truth = decision(rng, index, truths if citing else None)
            truths.append(truth)
            stem = out / f"decision_{index:05d}"
            if index - start < scans:
                page, _ = render_page(text.split("\n"), dpi=200)
                path = image_to_pdf([degrade(page, noise=0.01, skew=1.0, seed=index)], stem.with_suffix(".pdf"), dpi=200)
            elif pdf:
                path = text_to_pdf(text, stem.with_suffix(".pdf"))
            else:
                path = stem.with_suffix(".txt")
                path.write_text(text, encoding="utf-8")
            truth["file"] = path.name
            truth_file.write(json.dumps(truth, ensure_ascii=False) + "\n")
            paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--count", type=int, default=100)
    parser.add_argument("--pdf", action="store_true", help="text PDFs instead of text files")
    parser.add_argument("--scans", type=int, default=0, help="how many of them as scanned (image-only) PDFs")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--citing", action="store_true", help="decisions cite earlier ones of the archive")
    args = parser.parse_args()
    paths = write_archive(args.out, args.count, pdf=args.pdf, scans=args.scans, seed=args.seed, citing=args.citing)
    print(f"{len(paths)} decisions in {args.out}")


if __name__ == "__main__":
    main()
