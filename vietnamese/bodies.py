"""Who issues documents and what they issue: document types, the named bodies of
the state, the kinds of bodies a proper name follows, and officials' titles."""

from __future__ import annotations

# Document types, longest first so that "Thông tư liên tịch" wins over "Thông tư".
DOC_TYPES = [
    "Thông tư liên tịch", "Nghị quyết liên tịch", "Nghị định", "Nghị quyết", "Quyết định", "Thông tư",
    "Chỉ thị", "Kế hoạch", "Tờ trình", "Thông báo", "Công văn", "Văn bản", "Công điện", "Báo cáo",
    "Hướng dẫn", "Kết luận", "Chương trình", "Đề án", "Pháp lệnh", "Hiến pháp", "Bộ luật", "Luật", "Lệnh",
]
# Legal normative documents: they lay down rules.
NORMATIVE_TYPES = {
    "Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Nghị định", "Thông tư", "Thông tư liên tịch", "Văn bản hợp nhất",
}

# What each ministry is in charge of; a province's department (Sở) carries the same name.
MINISTRY_DOMAINS = [
    "Quốc phòng", "Công an", "Ngoại giao", "Nội vụ", "Tư pháp",
    "Kế hoạch và Đầu tư", "Tài chính", "Công Thương",
    "Nông nghiệp và Phát triển nông thôn", "Nông nghiệp và Môi trường",
    "Giao thông vận tải", "Xây dựng", "Tài nguyên và Môi trường",
    "Thông tin và Truyền thông", "Lao động - Thương binh và Xã hội",
    "Văn hóa, Thể thao và Du lịch", "Khoa học và Công nghệ",
    "Giáo dục và Đào tạo", "Y tế", "Dân tộc và Tôn giáo",
]

MINISTRY_LEVEL_BODIES = [f"Bộ {d}" for d in MINISTRY_DOMAINS] + [
    "Văn phòng Chính phủ", "Thanh tra Chính phủ",
    "Ngân hàng Nhà nước Việt Nam", "Ủy ban Dân tộc",
    "Bảo hiểm xã hội Việt Nam", "Ủy ban Quốc gia về Chuyển đổi số",
]

# Bodies named in full (a people's committee or council carries a place instead:
# "Ủy ban nhân dân tỉnh X").
NAMED_BODIES = MINISTRY_LEVEL_BODIES + [
    "Chính phủ", "Thủ tướng Chính phủ", "Quốc hội",
    "Ủy ban Thường vụ Quốc hội", "Chủ tịch nước", "Kiểm toán Nhà nước",
    "Tòa án nhân dân tối cao", "Viện kiểm sát nhân dân tối cao",
    "Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư",
] + [f"Sở {d}" for d in MINISTRY_DOMAINS[3:]] + [
    "Sở Văn hóa và Thể thao", "Sở Du lịch", "Sở Ngoại vụ",
    "Sở Văn hóa, Thể thao và Du lịch",
]

# Kinds of bodies that a proper name follows; by the Vietnamese convention the first word of
# that name keeps its capital ("TỔNG CỤC HẢI QUAN" is "Tổng cục Hải quan").
BODY_KINDS = [
    "Tổng cục", "Chi cục", "Cục", "Vụ", "Ban", "Sở", "Văn phòng", "Viện", "Học viện", "Trung tâm",
    "Thanh tra", "Phòng", "Kho bạc Nhà nước",
]

# Titles of the officials who head a body, written before its name ("Bộ trưởng Bộ Y tế", "Giám đốc
# Sở Y tế") and over their signature: the one list of officials' titles, which every other is made from.
HEAD_TITLES = [
    "Thủ tướng", "Chủ tịch nước", "Chủ tịch", "Bộ trưởng", "Thống đốc", "Tổng Kiểm toán", "Tổng Thanh tra",
    "Chánh án", "Viện trưởng", "Tổng Thư ký", "Chủ nhiệm", "Chánh Văn phòng", "Chánh Thanh tra",
    "Tổng cục trưởng", "Cục trưởng", "Vụ trưởng", "Tổng Giám đốc", "Giám đốc", "Trưởng ban", "Trưởng phòng",
    "Hiệu trưởng", "Bí thư",
]
# A deputy's title is the head's after "Phó", but for a minister's.
_DEPUTY_TITLES = {"Bộ trưởng": "Thứ trưởng"}


def deputy_title(head: str) -> str:
    """The title of the head's deputy: "Chủ tịch" -> "Phó Chủ tịch", "Bộ trưởng" -> "Thứ trưởng"."""
    return _DEPUTY_TITLES.get(head, f"Phó {head}")


# Every title: the heads', their deputies', and the first deputy's ("Phó Chủ tịch Thường trực").
OFFICIAL_TITLES = HEAD_TITLES + [deputy_title(t) for t in HEAD_TITLES] + [
    f"{deputy_title(t)} Thường trực" for t in HEAD_TITLES]

# Printed before a signer's title, how the signer signs: ký thay (for the head: "KT. CHỦ TỊCH"),
# thay mặt (for the body: "TM. ỦY BAN NHÂN DÂN"), thừa lệnh, thừa ủy quyền, quyền (acting).
SIGNING_MODES = ["KT", "TM", "TL", "TUQ", "Q"]
