"""Fixed vocabularies of Vietnamese administrative documents.

Canonical spellings of document types, issuing bodies, provinces and the
codes used in document symbols. Extractors match text against their folded
forms so that damaged text still yields the canonical spelling.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

from .folding import fold, fold_key, ocr_pattern

# Document types, longest first so that "Thông tư liên tịch" wins over "Thông tư".
DOC_TYPES = [
    "Thông tư liên tịch", "Nghị quyết liên tịch", "Nghị định", "Nghị quyết", "Quyết định", "Thông tư",
    "Chỉ thị", "Kế hoạch", "Tờ trình", "Thông báo", "Công văn", "Văn bản", "Công điện", "Báo cáo",
    "Hướng dẫn", "Kết luận", "Chương trình", "Đề án", "Pháp lệnh", "Hiến pháp", "Bộ luật", "Luật", "Lệnh",
]
# Each type with its OCR-tolerant pattern over the folded text.
DOC_TYPE_PATTERNS: list[tuple[str, str]] = [(name, ocr_pattern(name)) for name in DOC_TYPES]

# The words that open a legal basis ("Căn cứ", read as "Can cir", "Can cit")
# and the first article ("Điều 1", read as "Piéu 1").
CAN_CU = ocr_pattern("Căn cứ")
ARTICLE_ONE = ocr_pattern("Điều 1")

# Legal normative documents: they lay down rules, and a percentage in them is a rate, a
# threshold or a share unless a goal heading says otherwise.
NORMATIVE_TYPES = {
    "Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị định", "Thông tư", "Thông tư liên tịch", "Văn bản hợp nhất",
}

# Short forms used in running text ("QĐ số 1309/QĐ-UBND").
DOC_TYPE_ABBREVIATIONS = {
    "qd": "Quyết định",
    "nd": "Nghị định",
    "nq": "Nghị quyết",
    "tt": "Thông tư",
    "kh": "Kế hoạch",
    "cv": "Công văn",
    "ttr": "Tờ trình",
}

# The first code of a symbol names the document type (1042/QĐ-UBND).
TYPE_BY_CODE = {
    "QĐ": "Quyết định",
    "NĐ": "Nghị định",
    "NQ": "Nghị quyết",
    "NQLT": "Nghị quyết liên tịch",
    "TT": "Thông tư",
    "TTLT": "Thông tư liên tịch",
    "VBHN": "Văn bản hợp nhất",
    "CT": "Chỉ thị",
    "KH": "Kế hoạch",
    "TTr": "Tờ trình",
    "TB": "Thông báo",
    "BC": "Báo cáo",
    "HD": "Hướng dẫn",
    "CĐ": "Công điện",
    "KL": "Kết luận",
    "CTr": "Chương trình",
    "ĐA": "Đề án",
    "PL": "Pháp lệnh",
    "QH": "Luật",
    "L": "Lệnh",
}

# Bodies that a symbol names ("TT-BYT" is a circular of the Ministry of Health).
ISSUER_BY_CODE = {
    "CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ", "QH": "Quốc hội", "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "VPCP": "Văn phòng Chính phủ", "TTCP": "Thanh tra Chính phủ", "NHNN": "Ngân hàng Nhà nước Việt Nam",
    "BQP": "Bộ Quốc phòng", "BCA": "Bộ Công an", "BNG": "Bộ Ngoại giao", "BNV": "Bộ Nội vụ",
    "BTP": "Bộ Tư pháp", "BKHĐT": "Bộ Kế hoạch và Đầu tư", "BTC": "Bộ Tài chính", "BCT": "Bộ Công Thương",
    "BNNPTNT": "Bộ Nông nghiệp và Phát triển nông thôn", "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BGTVT": "Bộ Giao thông vận tải", "BXD": "Bộ Xây dựng", "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BTTTT": "Bộ Thông tin và Truyền thông", "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BVHTTDL": "Bộ Văn hóa, Thể thao và Du lịch", "BKHCN": "Bộ Khoa học và Công nghệ",
    "BGDĐT": "Bộ Giáo dục và Đào tạo", "BYT": "Bộ Y tế", "BHXH": "Bảo hiểm xã hội Việt Nam",
}


# Codes seen in symbols; an OCR-damaged code ("0D", "NO", "QD") is mapped to
# the known code that it is confusable with.
KNOWN_CODES = set(TYPE_BY_CODE) | {
    "UBND", "HĐND", "CP", "TTg", "VPCP", "TU", "HU", "TW", "ĐU", "BCH", "BTV",
    "BCĐ", "BTC", "BNV", "BYT", "BCT", "BTP", "BXD", "BGTVT", "BTNMT",
    "BLĐTBXH", "BNNPTNT", "BNNMT", "BKHĐT", "BGDĐT", "BVHTTDL", "BTTTT",
    "BKHCN", "BQP", "BCA", "BNG", "NHNN", "TTCP", "UBTVQH", "CTN", "VP",
    "STTTT", "SKHCN", "SNV", "STC", "STP", "SYT", "SXD", "SKHĐT", "SGDĐT",
    "SNNPTNT", "STNMT", "SLĐTBXH", "SVHTTDL", "SCT", "SGTVT", "BHXH", "UBDT",
} | set(ISSUER_BY_CODE)

_CONFUSABLE = str.maketrans({"Đ": "D", "0": "O", "Q": "O", "1": "I", "l": "I"})


@cache
def _codes_by_shape() -> dict[str, str]:
    shapes: dict[str, list[str]] = {}
    for code in KNOWN_CODES:
        shapes.setdefault(code.upper().translate(_CONFUSABLE), []).append(code)
    return {shape: codes[0] for shape, codes in shapes.items() if len(codes) == 1}


def _known(code: str) -> str | None:
    if code in KNOWN_CODES:
        return code
    return _codes_by_shape().get(code.upper().translate(_CONFUSABLE))


def repair_code(code: str) -> str:
    """Map an OCR-damaged symbol code to the known code it stands for; a type
    code run into the next one ("TTBYT", OCR lost the hyphen) is split."""
    known = _known(code)
    if known:
        return known
    for cut in range(len(code) - 1, 0, -1):
        head, tail = _known(code[:cut]), _known(code[cut:])
        if head in TYPE_BY_CODE and tail:
            return f"{head}-{tail}"
    return code


# The 63 provinces and centrally-run cities (and Huế, a city since 2025), one per line.
PROVINCES = resources.files("extractors").joinpath("data/provinces.txt").read_text("utf-8").splitlines()
# Provinces that are cities under central authority ("thành phố Hà Nội").
CENTRAL_CITIES = {"Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}

PROVINCE_KEYS = {fold_key(p): p for p in PROVINCES}
PROVINCE_KEYS["ba ria vung tau"] = "Bà Rịa - Vũng Tàu"
PROVINCE_KEYS["tp ho chi minh"] = "Hồ Chí Minh"
PROVINCE_KEYS["thanh pho ho chi minh"] = "Hồ Chí Minh"

_MINISTRY_DOMAINS = [
    "Quốc phòng", "Công an", "Ngoại giao", "Nội vụ", "Tư pháp",
    "Kế hoạch và Đầu tư", "Tài chính", "Công Thương",
    "Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường",
    "Giao thông vận tải", "Xây dựng", "Tài nguyên và Môi trường",
    "Thông tin và Truyền thông", "Lao động - Thương binh và Xã hội",
    "Văn hóa, Thể thao và Du lịch", "Khoa học và Công nghệ",
    "Giáo dục và Đào tạo", "Y tế", "Dân tộc và Tôn giáo",
]

MINISTRY_LEVEL_BODIES = [f"Bộ {d}" for d in _MINISTRY_DOMAINS] + [
    "Văn phòng Chính phủ", "Thanh tra Chính phủ",
    "Ngân hàng Nhà nước Việt Nam", "Ủy ban Dân tộc",
    "Bảo hiểm xã hội Việt Nam", "Ủy ban Quốc gia về Chuyển đổi số",
]

# Bodies named in full; "Ủy ban nhân dân tỉnh X" and the like are parsed by
# `bodies.parse_body` because they carry a place.
NAMED_BODIES = MINISTRY_LEVEL_BODIES + [
    "Chính phủ", "Thủ tướng Chính phủ", "Quốc hội",
    "Ủy ban Thường vụ Quốc hội", "Chủ tịch nước", "Kiểm toán Nhà nước",
    "Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao",
    "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư",
] + [f"Sở {d}" for d in _MINISTRY_DOMAINS[3:]] + [
    "Sở Văn hóa và Thể thao", "Sở Du lịch", "Sở Ngoại vụ",
    "Sở Văn hóa, Thể thao và Du lịch",
]
NAMED_BODY_KEYS = {fold_key(b): b for b in NAMED_BODIES}
# Common short forms of bodies.
NAMED_BODY_KEYS.update({
    "vpcp": "Văn phòng Chính phủ",
    "ttcp": "Thủ tướng Chính phủ",
    "bo tt tt": "Bộ Thông tin và Truyền thông",
    "bo tttt": "Bộ Thông tin và Truyền thông",
})

# Titles that precede a body and are not part of it ("Bộ trưởng Bộ Y tế").
PERSON_TITLES = [
    "bo truong chu nhiem", "bo truong", "chu nhiem", "giam doc", "thu truong",
    "chanh van phong", "truong ban", "cuc truong", "vu truong", "tong giam doc",
    "pho giam doc", "pho chu tich",
]

SURNAMES = {
    fold(s) for s in (
        "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý "
        "Đào Đoàn Vương Trịnh Trương Lâm Phùng Mai Tô Hà Tạ Cao Lương Lưu Đinh "
        "Quách Thái Chu Kiều Hứa Lại La Châu Đàm Mạc Nông Triệu Lò Lục Âu Khúc "
        "Tăng Từ Giang Hầu Doãn Kim Tống Quan Thân Bạch Ông Vi Phí Diệp Văn "
        "Nghiêm Lã Khổng Thạch Sầm Hàn Tôn Ninh Trà Yên Đồng Cù Lữ Viên Âu"
    ).split()
}


@cache
def law_names() -> dict[str, str]:
    """Names of Vietnamese laws (folded key -> name), built from the legal corpus."""
    text = resources.files("extractors").joinpath("data/law_names.txt").read_text("utf-8")
    names = [line.strip() for line in text.splitlines() if line.strip()]
    return {fold_key(n): n for n in names}
