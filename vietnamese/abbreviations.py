"""Abbreviations of Vietnamese administrative writing: the words they stand for,
and the codes of document symbols ("1042/QĐ-UBND": a decision of a people's committee)."""

from __future__ import annotations

# Abbreviations that administrative documents use where laws write the words, with
# those words; the codes written without words only have an Đ that may be lost ("QD").
ABBREVIATIONS = {
    "UBND": "ủy ban nhân dân", "HĐND": "hội đồng nhân dân", "VPUBND": "văn phòng ủy ban nhân dân",
    "TTHC": "thủ tục hành chính", "DVCTT": "dịch vụ công trực tuyến", "CCHC": "cải cách hành chính",
    "PVHCC": "phục vụ hành chính công", "VPCP": "văn phòng chính phủ", "TW": "trung ương",
    "CNTT": "công nghệ thông tin", "TTĐT": "thông tin điện tử", "CĐS": "chuyển đổi số", "CSDL": "cơ sở dữ liệu",
    "ATTT": "an toàn thông tin", "TTTT": "thông tin và truyền thông", "BTTTT": "bộ thông tin và truyền thông",
    "STTTT": "sở thông tin và truyền thông", "PCT": "phó chủ tịch", "LĐ": "lãnh đạo", "BCĐ": "ban chỉ đạo",
    "VT": "văn thư", "MTTQ": "mặt trận tổ quốc", "ĐBQH": "đại biểu quốc hội", "NSNN": "ngân sách nhà nước",
    "QLNN": "quản lý nhà nước", "GTVT": "giao thông vận tải", "TNMT": "tài nguyên và môi trường",
    "KHĐT": "kế hoạch và đầu tư", "GDĐT": "giáo dục và đào tạo", "BHXH": "bảo hiểm xã hội",
    "HTX": "hợp tác xã", "KCN": "khu công nghiệp", "DN": "doanh nghiệp", "TP": "thành phố",
    "TƯ": "trung ương", "QĐ": "", "NĐ": "", "ĐU": "", "QĐLT": "",
}

# Short forms of document types in running text ("QĐ số 1309/QĐ-UBND"), folded.
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

# Every code seen in symbols: of types, of the bodies above, of party committees and
# provincial departments.
SYMBOL_CODES = set(TYPE_BY_CODE) | {
    "UBND", "HĐND", "CP", "TTg", "VPCP", "TU", "HU", "TW", "ĐU", "BCH", "BTV",
    "BCĐ", "BTC", "BNV", "BYT", "BCT", "BTP", "BXD", "BGTVT", "BTNMT",
    "BLĐTBXH", "BNNPTNT", "BNNMT", "BKHĐT", "BGDĐT", "BVHTTDL", "BTTTT",
    "BKHCN", "BQP", "BCA", "BNG", "NHNN", "TTCP", "UBTVQH", "CTN", "VP",
    "STTTT", "SKHCN", "SNV", "STC", "STP", "SYT", "SXD", "SKHĐT", "SGDĐT",
    "SNNPTNT", "STNMT", "SLĐTBXH", "SVHTTDL", "SCT", "SGTVT", "BHXH", "UBDT",
} | set(ISSUER_BY_CODE)
