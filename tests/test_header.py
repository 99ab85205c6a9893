"""Header and signature fields, one case per layout that documents use."""

import pytest

from extractors import extract
from extractors.bodies import unknown_body_name
from tests.conftest import DOCS

FIELDS = ("doc_type", "number", "symbol", "issue_date", "place", "issuer", "issuer_level", "province",
          "title", "signer", "signer_title")


def header(text: str) -> dict:
    h = extract(text).header
    return {f: getattr(h, f) for f in FIELDS}


PROVINCE_DECISION = """ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 215/QĐ-UBND
Bắc Ninh, ngày 12 tháng 3 năm 2024
QUYẾT ĐỊNH
Về việc phê duyệt Kế hoạch chuyển đổi số
năm 2024
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC NINH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
QUYẾT ĐỊNH:
Điều 1. Phê duyệt.
Nơi nhận:
- Lưu: VT.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Vương Quốc Tuấn
"""

FLATTENED_COLUMNS = """UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM
TINH HUNG YEN Déc 1ap - Tw do - Hanh phic
S6: 1042 /QD-UBND Humg Yén, ngay 07 thang 5 nam 2025
QUYET PINH
Giao chi tiéu cho cac sé, ban, nganh nam 2025
CHU TICH UY BAN NHAN DAN TINH
Can cir Ludt Té chitc chinh quyén dia phirong ngay 19/02/2025;
QUYET PINH:
Piéu 1. Giao.
Noi nhén: i KT CHU TICH
- Nhu Diéu 3;
- Luu: VT. Nguyen Duy Hung
"""

DISTRICT_LETTER = """ỦY BAN NHÂN DÂN
HUYỆN GIA LÂM
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 320/UBND-VP
V/v đẩy mạnh dịch vụ công
trực tuyến năm 2023
Gia Lâm, ngày 05 tháng 4 năm 2023
Kính gửi: UBND các xã, thị trấn.
Thực hiện chỉ đạo của UBND thành phố Hà Nội, UBND huyện yêu cầu các xã thực hiện.
Nơi nhận:
- Như trên;
- Lưu: VT.
CHỦ TỊCH
Lê Anh Quân
"""

HEADERLESS_CHAIR = """Số: /QĐ-UBND Hòa Bình, ngày tháng 02 năm 2022
QUYẾT ĐỊNH
Về việc giao chỉ tiêu năm 2022
CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;
QUYẾT ĐỊNH:
Điều 1. Giao.
CHỦ TỊCH
Bùi Văn Khánh
"""

CASES = [
    (PROVINCE_DECISION, {
        "doc_type": "Quyết định", "number": "215/QĐ-UBND", "symbol": "QĐ-UBND", "issue_date": "2024-03-12",
        "place": "Bắc Ninh", "issuer": "Ủy ban nhân dân tỉnh Bắc Ninh", "issuer_level": "province",
        "province": "Bắc Ninh", "title": "Về việc phê duyệt Kế hoạch chuyển đổi số năm 2024",
        "signer": "Vương Quốc Tuấn", "signer_title": "Phó Chủ tịch"}),
    (FLATTENED_COLUMNS, {
        "doc_type": "Quyết định", "number": "1042/QĐ-UBND", "symbol": "QĐ-UBND", "issue_date": "2025-05-07",
        "place": "Hưng Yên", "issuer": "Ủy ban nhân dân tỉnh Hưng Yên", "issuer_level": "province",
        "province": "Hưng Yên", "title": "Giao chi tiéu cho cac sé, ban, nganh nam 2025",
        "signer": "Nguyen Duy Hung", "signer_title": "Phó Chủ tịch"}),
    (DISTRICT_LETTER, {
        "doc_type": "Công văn", "number": "320/UBND-VP", "symbol": "UBND-VP", "issue_date": "2023-04-05",
        "place": "Gia Lâm", "issuer": "Ủy ban nhân dân huyện Gia Lâm", "issuer_level": "district",
        "province": "Hà Nội", "title": "V/v đẩy mạnh dịch vụ công trực tuyến năm 2023",
        "signer": "Lê Anh Quân", "signer_title": "Chủ tịch"}),
    (HEADERLESS_CHAIR, {
        "doc_type": "Quyết định", "number": None, "symbol": "QĐ-UBND", "issue_date": "2022-02",
        "place": "Hòa Bình", "issuer": "Ủy ban nhân dân tỉnh Hòa Bình", "issuer_level": "province",
        "province": "Hòa Bình", "title": "Về việc giao chỉ tiêu năm 2022",
        "signer": "Bùi Văn Khánh", "signer_title": "Chủ tịch"}),
]


@pytest.mark.parametrize("text, expected", CASES)
def test_header(text, expected):
    assert header(text) == expected


DOC_CASES = {
    "nghi_dinh.txt": {
        "doc_type": "Nghị định", "number": "42/2022/NĐ-CP", "issuer": "Chính phủ", "issuer_level": "government",
        "province": None, "issue_date": "2022-06-24", "signer": "Vũ Đức Đam", "signer_title": "Phó Thủ tướng"},
    "thong_tu.txt": {
        "doc_type": "Thông tư", "number": "12/2023/TT-BYT", "issuer": "Bộ Y tế", "issuer_level": "ministry",
        "title": "Hướng dẫn thực hiện dịch vụ công trực tuyến trong lĩnh vực y tế",
        "signer": "Trần Văn Thuấn", "signer_title": "Thứ trưởng"},
    "cong_van_bo.txt": {
        "doc_type": "Công văn", "number": "1552/BTTTT-CĐSQG", "issuer": "Bộ Thông tin và Truyền thông",
        "title": "V/v hướng dẫn chỉ tiêu chuyển đổi số năm 2023", "issue_date": "2023-04-28",
        "signer": "Nguyễn Huy Dũng", "signer_title": "Thứ trưởng"},
    "nghi_quyet_hdnd.txt": {
        "doc_type": "Nghị quyết", "number": "15/2022/NQ-HĐND", "issuer": "Hội đồng nhân dân tỉnh Quảng Ninh",
        "issuer_level": "province", "province": "Quảng Ninh", "signer": "Nguyễn Xuân Ký", "signer_title": "Chủ tịch"},
}


@pytest.mark.parametrize("name", sorted(DOC_CASES))
def test_national_and_other_documents(name):
    got = header((DOCS / name).read_text(encoding="utf-8"))
    assert {k: got[k] for k in DOC_CASES[name]} == DOC_CASES[name]


# Layouts of real headers, written for these tests: each case gives the whole
# header and, for each span, the text it covers.
MERGED_WEB_LINES = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG -------
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc ---------------
Số: 15/2025/TT-BNNMT
Hà Nội, ngày 3 tháng 6 năm 2025 THÔNG TƯ QUY ĐỊNH VỀ QUẢN LÝ GIỐNG CÂY TRỒNG BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Căn cứ Luật Trồng trọt ngày 19 tháng 11 năm 2018;
Điều 1. Phạm vi điều chỉnh.
KT. BỘ TRƯỞNG THỨ TRƯỞNG Lê Văn An
"""

TABLE_CELLS = """|
ỦY BAN NHÂN
DÂN **
TỈNH LÂM ĐỒNG
--------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 45/KH-UBND
|
Lâm Đồng, ngày
05 tháng 3 năm 2025
|


KẾ HOẠCH

PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG
TRÊN ĐỊA BÀN TỈNH GIAI ĐOẠN 2025 - 2030

Thực hiện Nghị quyết số 12/NQ-HĐND ngày 10/01/2025 của Hội đồng nhân dân tỉnh.

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH




Hoàng Minh Đức
"""

DEPARTMENT_LETTER = """UBND TỈNH NGHỆ AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
SỞ Y TẾ Độc lập - Tự do - Hạnh phúc
Số: 812/SYT-NVY Nghệ An, ngày 14 tháng 8 năm 2024
V/v tăng cường phòng chống dịch sốt xuất huyết
trên địa bàn tỉnh
Kính gửi: Các đơn vị y tế trực thuộc.
GIÁM ĐỐC
Trần Thị Mai
"""

HANDWRITTEN_NUMBER = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH QUẢNG NGÃI Độc lập - Tự do - Hạnh phúc
Số: Ø7p /TB-UBND Quảng Ngãi, ngày @ tháng 4 năm 2024
THÔNG BÁO
Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc
với Sở Xây dựng
Ngày 02/4/2024, Chủ tịch UBND tỉnh đã làm việc với Sở Xây dựng.
"""

INCOMING_STAMP_AND_CONSOLIDATED = """VĂN PHÒNG BỘ
CÔNG VĂN ĐẾN
BỘ TÀI CHÍNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 05/VBHN-BTC Hà Nội, ngày 20 tháng 2 năm 2024
THÔNG TƯ
Hướng dẫn về phí thẩm định
dự án đầu tư

Thông tư số 12/2020/TT-BTC ngày 01 tháng 3 năm 2020 được sửa đổi, bổ sung bởi:
"""

HEADER_LOST = """Bệnh viện tỉnh
BỘ TRƯỞNG BỘ Y TẾ
Căn cứ Luật Khám bệnh, chữa bệnh ngày 09 tháng 01 năm 2023;
Điều 1. Điều chỉnh giá.
PHỤ LỤC I
(Ban hành kèm theo Quyết định số 120/QĐ-BYT ngày 05/02/2024 của Bộ Y tế)
"""

# A letter cut above its addressee; its annex names the letter and the body that wrote it.
ANNEX_OF_A_LETTER = """Kính gửi: Thuế các tỉnh, thành phố.
Cục Thuế đề nghị các đơn vị rà soát danh sách người nộp thuế theo phụ lục gửi kèm.
Phụ lục
(Kèm theo Công văn số 4120/CT-QLN ngày 14/10/2025 của Cục trưởng Cục Thuế)
"""

# ... and a local body named without its city, which the letter names in its sentences.
ANNEX_OF_AN_UNNAMED_CITY = """Kính gửi: Sở Tài chính.
Ủy ban nhân dân Thành phố giao Sở Tài chính rà soát các dự án trên địa bàn thành phố Cần Thơ
theo danh mục đính kèm; các dự án tại thành phố Cần Thơ phải hoàn thành trước ngày 31/12/2025.
DANH MỤC DỰ ÁN
(kèm theo Công văn số 2890/UBND-KT ngày 05 tháng 11 năm 2025 của Ủy ban nhân dân
Thành phố)
"""

# A circular copied without its issuing block: the enacting formula names the issuer.
CIRCULAR_WITHOUT_BLOCK = """THÔNG TƯ
Hướng dẫn về hóa đơn điện tử khởi tạo từ máy tính tiền
Căn cứ Luật Quản lý thuế ngày 13 tháng 6 năm 2019;
Theo đề nghị của Tổng cục trưởng Tổng cục Thuế,
Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn về hóa đơn điện tử khởi tạo từ máy tính tiền.
Điều 1. Phạm vi điều chỉnh
"""

# A letter whose sentence tells what another body enacted: no issuer from it.
ENACTED_IN_A_SENTENCE = """V/v lệ phí trước bạ
Kính gửi: Cục Thuế các tỉnh, thành phố.
Ngày 30/6/2025, Chính phủ ban hành Nghị định số 175/2025/NĐ-CP về lệ phí trước bạ.
Đề nghị các đơn vị thực hiện.
"""

# Restored marks may be wrong on a title ("THỤ TRƯỜNG" for THỨ TRƯỞNG): a listed title still counts.
TITLE_WITH_WRONG_MARKS = """BỘ CÔNG THƯƠNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 5120/BCT-ĐTĐL
V/v cấp điện mùa khô
Hà Nội, ngày 3 tháng 4 năm 2024
Kính gửi: Tập đoàn Điện lực Việt Nam.
Bộ Công Thương đề nghị Tập đoàn thực hiện.
KT. BỘ TRƯỞNG THỤ TRƯỜNG Lê Văn Hưng
"""

SUBORDINATE_BODY_LETTER = """BỘ TÀI CHÍNH
TỔNG CỤC THỐNG KÊ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số 318/TCTK-PPCĐ V/v điều tra doanh nghiệp năm 2025
Hà Nội ngày 9 tháng 1 năm 2025
Kính gửi: Cục Thống kê các tỉnh.
Điều 3 của Quyết định số 55/QĐ-TCTK quy định như sau.
"""

DAY_OVER_NGAY = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH BÌNH ĐỊNH Độc lập - Tự do - Hạnh phúc
Số: 4/ /CT-UBND
Bình Định, ngàW/{ tháng 5 năm 2021
CHỈ THỊ
Về tăng cường phòng cháy rừng mùa khô
Thời gian qua, công tác phòng cháy rừng đã được quan tâm.
"""

DEBRIS_GLUED_TO_THANG = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
TỈNH KHÁNH HÒA Độc lập - Tự do - Hạnh phúc
Số: 7Ø /UBND-VX
Khánh Hòa, ngày Jÿtháng 9 năm 2022
V/v tổ chức Ngày hội đọc sách
Kính gửi: Sở Văn hóa và Thể thao.
"""

CERTIFIED_AT_THE_END = """CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
NGHỊ ĐỊNH
Quy định về quản lý rừng phòng hộ ven biển

Nghị định số 12/2019/NĐ-CP ngày 01 tháng 02 năm 2019 của Chính phủ, có hiệu lực kể từ ngày 20 tháng 3 năm 2019, được sửa đổi, bổ sung bởi Nghị định số 40/2024/NĐ-CP.
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về quản lý rừng phòng hộ ven biển.
BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
XÁC THỰC VĂN BẢN HỢP NHẤT
Số: 09/VBHN-BNNMT
Hà Nội, ngày 14 tháng 7 năm 2025
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Lê Minh Hoàng
"""

SEAL_DEBRIS_BEFORE_SUBJECT = """BỘ TƯ PHÁP CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 118/TB-BTP Hà Nội, ngày 9 tháng 6 năm 2023
THÔNG BÁO
— .ÕE ⁄ Ế À .~
Về việc lịch tiếp công dân tháng 7

Bộ Tư pháp thông báo lịch tiếp công dân như sau.
"""

SPLIT_MOTTO = """ỦY BAN NHÂN DÂN
TỈNH PHÚ YÊN
CỘ NG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 61/TB-UBND
Phú Yên, ngày 2 tháng 12 năm 2024
THÔNG BÁO
Về việc nghỉ Tết Dương lịch
"""

UNKNOWN_BODY_IN_CAPITALS = """BỘ TÀI CHÍNH
CHI CỤC THUẾ KHU VỰC III
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 2210/CCT-NV
V/v hoàn thuế giá trị gia tăng
Đà Nẵng, ngày 8 tháng 10 năm 2025
Kính gửi: Công ty trách nhiệm hữu hạn Sông Hàn.
"""

SIGNER_ACROSS_LINES = """ỦY BAN NHÂN DÂN
TỈNH TÂY NINH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 318/QĐ-UBND
Tây Ninh, ngày 4 tháng 9 năm 2025
QUYẾT ĐỊNH
Về việc công nhận xã đạt chuẩn nông thôn mới ––––––––––––
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Điều 1. Công nhận.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đỗ
Minh Khang
"""

SURNAME_NOT_LISTED = """BỘ TÀI CHÍNH
CỤC HẢI QUAN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 4417/CHQ-GSQL
V/v thủ tục tạm nhập tái xuất trên địa bàn Thành phố
Hải Phòng, ngày 17 tháng 10 năm 2025
Kính gửi: Công ty cổ phần Vận tải Biển Đông.
Cục Hải quan trả lời như sau.
TL. CỤC TRƯỞNG
KT.TRƯỞNG BAN GIÁM SÁT QUẢN LÝ VỀ HẢI QUAN
PHÓ TRƯỞNG BAN
Kha Thị Ngọc Lan
"""

ON_BEHALF_WITHOUT_TITLE = """ĐẢNG CỘNG SẢN VIỆT NAM
BAN CHẤP HÀNH TRUNG ƯƠNG
Số 19-TB/TW
Hà Nội, ngày 2 tháng 8 năm 2025
THÔNG BÁO
KẾT LUẬN VỀ CÔNG TÁC CÁN BỘ
BAN BÍ THƯ
Ban Bí thư đã nghe báo cáo của Ban Tổ chức Trung ương về công tác cán bộ của các cơ quan trong quý III và đồng ý
với các đề xuất nêu trong báo cáo.
T/M BỘ CHÍNH
TRỊ
Lê Quang Huy
"""

AUTHORITY_OF_UNKNOWN_BODY = """UBND TỈNH QUẢNG BÌNH
TRUNG TÂM KIỂM SOÁT BỆNH TẬT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 77/QĐ-TTKSBT
Đồng Hới, ngày 9 tháng 5 năm 2025
QUYẾT ĐỊNH
VỀ VIỆC GIAO NHIỆM VỤ TIẾP THU Ý KIẾN CỦA ĐẠI BIỂU
QUỐC HỘI TẠI KỲ HỌP THỨ CHÍN
GIÁM ĐỐC TRUNG TÂM KIỂM SOÁT BỆNH TẬT TỈNH QUẢNG BÌNH
Căn cứ Luật Khám bệnh, chữa bệnh ngày 09 tháng 01 năm 2023;
QUYẾT ĐỊNH:
Điều 1. Giao nhiệm vụ.
GIÁM ĐỐC
Hoàng Minh Đức
"""

ABBREVIATION_LINE_AND_UNLISTED_HEAD = """CỤC THUẾ
THUẾ TỈNH GIA LAI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1502/GLA-QLDN2
V/v hoàn thuế thu nhập cá nhân
TNCN
Gia Lai, ngày 3 tháng 11 năm 2025
Kính gửi: Công ty cổ phần Cà phê Tây Nguyên.
Thuế tỉnh Gia Lai trả lời như sau.
KT.
TRƯỞNG THUẾ TỈNH
PHÓ TRƯỞNG THUẾ TỈNH
Lò Văn Hạnh
"""

SUBJECT_WITHOUT_VV = """UBND TỈNH LÂM ĐỒNG
SỞ Y TẾ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 2050/SYT-NVY
Về tổ chức tiêm chủng mở rộng năm 2026
Lâm Đồng, ngày 14 tháng 10 năm 2025
Kính gửi: Trung tâm Y tế các khu vực.
Sở Y tế đề nghị như sau.
KT. GIÁM ĐỐC
PHÓ GIÁM ĐỐC
Đinh Thị Hoa
"""

ONE_LETTER_WORD_WRAPPED = """VĂN PHÒNG CHÍNH PHỦ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 301/TB-VPCP
Hà Nội, ngày 5 tháng 6 năm 2025
THÔNG BÁO
Ý
KIẾN CHỈ ĐẠO CỦA PHÓ THỦ TƯỚNG VỀ CÔNG TÁC PHÒNG, CHỐNG HẠN HÁN
Ngày 3 tháng 6 năm 2025, Phó Thủ tướng đã chủ trì cuộc họp.
KT. BỘ TRƯỞNG, CHỦ NHIỆM
PHÓ CHỦ NHIỆM
Mai Văn Tùng
"""

MERGED_COLUMNS_TAX_LETTER = """TỔNG CỤC THUẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
CỤC THUẾ BÀ RỊA-VŨNG TÀU Độc lập - Tự do - Hạnh phúc
Số: 5120/CT-TTHT Bà Rịa-Vũng Tàu, ngày 4 tháng 6 năm 2014
Kính gửi: Công ty cổ phần Cảng biển Phước An.
Trả lời công văn số 12/CV-PA của Công ty, Cục Thuế có ý kiến như sau.
"""

BODY_SENTENCE_FROM_A_DATE = """Trả lời công văn số 08/2016 của Công ty, Tổng cục Thuế có ý kiến như sau:
Từ ngày 01/7/2016, Công ty thực hiện theo quy định tại Thông tư số 26/2015/TT-BTC.
"""

# A letter whose header is lost: its sentences name bodies, none of them the issuer.
BODIES_IN_SENTENCES_ONLY = """Kínhgửi: Cục Thuế tỉnh Tây Ninh
Tổng cục Thuế nhận được công văn số 315/CT-TTHT của Cục Thuế về chi phí lãi vay, sau khi trao đổi với Bộ Tài chính có ý kiến như sau:
Về việc này, Bộ Tài chính đã có hướng dẫn tại Thông tư số 96/2015/TT-BTC.
"""

# A web page's caption sentence above the header: the issuer is read under it.
CAPTION_ABOVE_HEADER = """Công văn số 812/CT-TTHT ngày 3/4/2015 của Cục Thuế tỉnh Bình Định trả lời Công ty cổ phần Sông Côn về hóa đơn điện tử đã lập sai.
TỔNG CỤC THUẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
CỤC THUẾ TỈNH BÌNH ĐỊNH Độc lập - Tự do - Hạnh phúc
Số: 812/CT-TTHT Bình Định, ngày 3 tháng 4 năm 2015
Kính gửi: Công ty cổ phần Sông Côn.
"""

# An article with a heading in capitals and a date line: a heading is no body.
ARTICLE_HEADING = """QUYẾT TOÁN THUẾ THU NHẬP DOANH NGHIỆP NĂM 2015
Ngày 02/02/2016
Bài viết tóm tắt các điểm mới mà doanh nghiệp cần lưu ý khi lập hồ sơ quyết toán thuế của Bộ Tài chính năm nay.
"""

# The subject's last line is the number of the document it is about.
SUBJECT_ENDS_WITH_A_NUMBER = """BỘ XÂY DỰNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 2107/BXD-KHTC
V/v hướng dẫn thực hiện Thông tư
12/2024/TT-BXD
Hà Nội, ngày 9 tháng 5 năm 2024
Kính gửi: Sở Xây dựng các tỉnh, thành phố.
"""

# The department under the signer's title: "Vụ" folds to the surname "Vũ" but is written otherwise.
DEPARTMENT_UNDER_TITLE = """BỘ TƯ PHÁP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 715/BTP-PC
V/v góp ý dự thảo Thông tư
Hà Nội, ngày 2 tháng 3 năm 2024
Kính gửi: Bộ Tài chính.
Bộ Tư pháp có ý kiến như sau.
Nơi nhận:
- Như trên;
- Lưu: VT.
TL. BỘ TRƯỞNG
VỤ TRƯỞNG
VỤ PHÁP CHẾ
Trần Thị Thanh Hương
"""

# The signer's given name wrapped alone onto the next line.
GIVEN_NAME_WRAPPED = """ỦY BAN NHÂN DÂN
TỈNH SƠN LA
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 1422/QĐ-UBND
Sơn La, ngày 8 tháng 7 năm 2025
QUYẾT ĐỊNH
Về việc phê duyệt danh mục dự án
Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;
Điều 1. Phê duyệt.
CHỦ TỊCH
Hoàng Quốc
Khánh
FILE ĐƯỢC ĐÍNH KÈM THEO VĂN BẢN
"""

# An annex after the signature lists schools named after people: "TRƯỜNG" is no title.
SCHOOLS_AFTER_SIGNATURE = """ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 930/QĐ-UBND
Quảng Ngãi, ngày 14 tháng 8 năm 2025
QUYẾT ĐỊNH
Về việc công nhận trường đạt chuẩn quốc gia
Căn cứ Luật Giáo dục ngày 14 tháng 6 năm 2019;
Điều 1. Công nhận các trường có tên trong danh sách kèm theo.
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
Đặng Ngọc Dũng
DANH SÁCH
1. TRƯỜNG TRẦN CAO VÂN
2. TRƯỜNG LÊ TRUNG ĐÌNH
"""

EN_DASH_MOTTO_AND_TP = """TỔNG CỤC THUẾ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
CỤC THUẾ TP. HỒ CHÍ MINH Độc lập – Tự do – Hạnh phúc
Số: 4410/CT-TTHT TP. Hồ Chí Minh, ngày 12 tháng 5 năm 2014
Kính gửi: Công ty trách nhiệm hữu hạn Thương mại Bến Thành.
"""

# A scan at low resolution: "ngày" read as "ngài" with no comma before it and the day
# damaged; a stamp over the subject's second line leaves debris; the signer's title is
# lost under the seal and only the name is read, in the foot after the recipients.
SEALED_LOW_RESOLUTION = """ỦY BAN NHÂN DÂN
TỈNH PHÚ THỌ
Số: 57/TB-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Phú Thọ ngài 2Š tháng 03 năm 2024
THÔNG BÁO

Về việc tổ chức kiểm tra công tác phòng chống

.^ Tà

thiên tai trên địa bàn tỉnh

Ủy ban nhân dân tỉnh thông báo lịch kiểm tra như sau.
Nơi nhận:
- Như trên;
- Lưu: VT.

Đặng Văn Hòa
"""

# The year of a scanned date line misread ("2016" for "2018"): the directive cites one of
# 2018, so it cannot be older; one look-alike digit corrects it.
YEAR_MISREAD = """ỦY BAN NHÂN DÂN
TỈNH BÌNH PHƯỚC
Số: 14/CT-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Bình Phước, ngày 09 tháng 5 năm 2016
CHỈ THỊ
Về việc tăng cường quản lý chợ

Thực hiện Quyết định số 21/QĐ-UBND ngày 02/3/2018 của Ủy ban nhân dân tỉnh, Chủ tịch chỉ thị.
"""

LAYOUT_CASES = [
    (EN_DASH_MOTTO_AND_TP, {  # the motto with en dashes beside the issuer; "TP." written out
        "doc_type": "Công văn", "number": "4410/CT-TTHT", "symbol": "CT-TTHT", "issue_date": "2014-05-12",
        "place": "Thành phố Hồ Chí Minh", "issuer": "Cục Thuế thành phố Hồ Chí Minh", "issuer_level": "other",
        "province": None, "title": None, "signer": None, "signer_title": None}, {
        "number": "Số: 4410/CT-TTHT", "issue_date": "ngày 12 tháng 5 năm 2014", "place": "TP. Hồ Chí Minh",
        "issuer": "CỤC THUẾ TP. HỒ CHÍ MINH"}),
    (MERGED_COLUMNS_TAX_LETTER, {  # a hyphenated province as place and in the body's name; "CT" is the issuer's
        "doc_type": "Công văn", "number": "5120/CT-TTHT", "symbol": "CT-TTHT", "issue_date": "2014-06-04",
        "place": "Bà Rịa - Vũng Tàu", "issuer": "Cục Thuế Bà Rịa - Vũng Tàu", "issuer_level": "other",
        "province": None, "title": None, "signer": None, "signer_title": None}, {
        "number": "Số: 5120/CT-TTHT", "issue_date": "ngày 4 tháng 6 năm 2014", "place": "Bà Rịa-Vũng Tàu",
        "issuer": "CỤC THUẾ BÀ RỊA-VŨNG TÀU"}),
    (BODY_SENTENCE_FROM_A_DATE, {  # "Từ ngày 01/7/2016, …" of a letter whose header is lost: no place, no date
        "doc_type": None, "number": None, "symbol": None, "issue_date": None, "place": None, "issuer": None,
        "issuer_level": None, "province": None, "title": None, "signer": None, "signer_title": None}, {}),
    (BODIES_IN_SENTENCES_ONLY, {  # no issuer from a sentence, nor from the addressee after "Kính gửi:"
        "doc_type": None, "number": None, "symbol": None, "issue_date": None, "place": None, "issuer": None,
        "issuer_level": None, "province": None, "title": None, "signer": None, "signer_title": None}, {}),
    (CAPTION_ABOVE_HEADER, {  # a caption sentence over the header does not hide the issuer under it
        "doc_type": "Công văn", "number": "812/CT-TTHT", "symbol": "CT-TTHT", "issue_date": "2015-04-03",
        "place": "Bình Định", "issuer": "Cục Thuế tỉnh Bình Định", "issuer_level": "other", "province": None,
        "title": None, "signer": None, "signer_title": None}, {
        "number": "Số: 812/CT-TTHT", "issue_date": "ngày 3 tháng 4 năm 2015", "place": "Bình Định",
        "issuer": "CỤC THUẾ TỈNH BÌNH ĐỊNH"}),
    (ARTICLE_HEADING, {  # a heading in capitals over a date is no unknown body
        "doc_type": None, "number": None, "symbol": None, "issue_date": None, "place": None, "issuer": None,
        "issuer_level": None, "province": None, "title": None, "signer": None, "signer_title": None}, {}),
    (SUBJECT_ENDS_WITH_A_NUMBER, {  # a number alone on the subject's last line carries its sentence on
        "doc_type": "Công văn", "number": "2107/BXD-KHTC", "symbol": "BXD-KHTC", "issue_date": "2024-05-09",
        "place": "Hà Nội", "issuer": "Bộ Xây dựng", "issuer_level": "ministry", "province": None,
        "title": "V/v hướng dẫn thực hiện Thông tư 12/2024/TT-BXD", "signer": None, "signer_title": None}, {
        "number": "Số: 2107/BXD-KHTC", "issue_date": "ngày 9 tháng 5 năm 2024", "place": "Hà Nội",
        "title": "V/v hướng dẫn thực hiện Thông tư\n12/2024/TT-BXD", "issuer": "BỘ XÂY DỰNG"}),
    (DEPARTMENT_UNDER_TITLE, {  # the department line under the title is not the signer's name
        "doc_type": "Công văn", "number": "715/BTP-PC", "symbol": "BTP-PC", "issue_date": "2024-03-02",
        "place": "Hà Nội", "issuer": "Bộ Tư pháp", "issuer_level": "ministry", "province": None,
        "title": "V/v góp ý dự thảo Thông tư", "signer": "Trần Thị Thanh Hương", "signer_title": "Vụ trưởng"}, {
        "number": "Số: 715/BTP-PC", "issue_date": "ngày 2 tháng 3 năm 2024", "place": "Hà Nội",
        "title": "V/v góp ý dự thảo Thông tư", "issuer": "BỘ TƯ PHÁP", "signer": "Trần Thị Thanh Hương"}),
    (GIVEN_NAME_WRAPPED, {  # the last word of the name alone on the next line belongs to it
        "doc_type": "Quyết định", "number": "1422/QĐ-UBND", "symbol": "QĐ-UBND", "issue_date": "2025-07-08",
        "place": "Sơn La", "issuer": "Ủy ban nhân dân tỉnh Sơn La", "issuer_level": "province",
        "province": "Sơn La", "title": "Về việc phê duyệt danh mục dự án", "signer": "Hoàng Quốc Khánh",
        "signer_title": "Chủ tịch"}, {
        "number": "Số: 1422/QĐ-UBND", "issue_date": "ngày 8 tháng 7 năm 2025", "place": "Sơn La",
        "doc_type": "QUYẾT ĐỊNH", "title": "Về việc phê duyệt danh mục dự án",
        "issuer": "ỦY BAN NHÂN DÂN\nTỈNH SƠN LA", "signer": "Hoàng Quốc\nKhánh"}),
    (SCHOOLS_AFTER_SIGNATURE, {  # "TRƯỜNG LÊ TRUNG ĐÌNH" is a school, not the title "TRƯỞNG" and a name
        "doc_type": "Quyết định", "number": "930/QĐ-UBND", "symbol": "QĐ-UBND", "issue_date": "2025-08-14",
        "place": "Quảng Ngãi", "issuer": "Ủy ban nhân dân tỉnh Quảng Ngãi", "issuer_level": "province",
        "province": "Quảng Ngãi", "title": "Về việc công nhận trường đạt chuẩn quốc gia",
        "signer": "Đặng Ngọc Dũng", "signer_title": "Phó Chủ tịch"}, {
        "number": "Số: 930/QĐ-UBND", "issue_date": "ngày 14 tháng 8 năm 2025", "place": "Quảng Ngãi",
        "doc_type": "QUYẾT ĐỊNH", "title": "Về việc công nhận trường đạt chuẩn quốc gia",
        "issuer": "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NGÃI", "signer": "Đặng Ngọc Dũng"}),
    (AUTHORITY_OF_UNKNOWN_BODY, {  # the authority line names the issuing body the vocabulary lacks
        "doc_type": "Quyết định", "number": "77/QĐ-TTKSBT", "symbol": "QĐ-TTKSBT", "issue_date": "2025-05-09",
        "place": "Đồng Hới", "issuer": "Trung tâm Kiểm soát bệnh tật", "issuer_level": "other", "province": None,
        "title": "VỀ VIỆC GIAO NHIỆM VỤ TIẾP THU Ý KIẾN CỦA ĐẠI BIỂU QUỐC HỘI TẠI KỲ HỌP THỨ CHÍN",
        "signer": "Hoàng Minh Đức", "signer_title": "Giám đốc"}, {
        "number": "Số: 77/QĐ-TTKSBT", "issue_date": "ngày 9 tháng 5 năm 2025", "place": "Đồng Hới",
        "doc_type": "QUYẾT ĐỊNH",
        "title": "VỀ VIỆC GIAO NHIỆM VỤ TIẾP THU Ý KIẾN CỦA ĐẠI BIỂU\nQUỐC HỘI TẠI KỲ HỌP THỨ CHÍN",
        "issuer": "TRUNG TÂM KIỂM SOÁT BỆNH TẬT", "signer": "Hoàng Minh Đức"}),
    (ABBREVIATION_LINE_AND_UNLISTED_HEAD, {  # "TNCN" alone on a line ends the subject; a head the list lacks
        "doc_type": "Công văn", "number": "1502/GLA-QLDN2", "symbol": "GLA-QLDN2", "issue_date": "2025-11-03",
        "place": "Gia Lai", "issuer": "Thuế tỉnh Gia Lai", "issuer_level": "other", "province": None,
        "title": "V/v hoàn thuế thu nhập cá nhân TNCN", "signer": "Lò Văn Hạnh", "signer_title": None}, {
        "number": "Số: 1502/GLA-QLDN2", "issue_date": "ngày 3 tháng 11 năm 2025", "place": "Gia Lai",
        "title": "V/v hoàn thuế thu nhập cá nhân\nTNCN", "issuer": "THUẾ TỈNH GIA LAI", "signer": "Lò Văn Hạnh"}),
    (SUBJECT_WITHOUT_VV, {  # a letter whose subject opens with "Về" under the number, without "V/v"
        "doc_type": "Công văn", "number": "2050/SYT-NVY", "symbol": "SYT-NVY", "issue_date": "2025-10-14",
        "place": "Lâm Đồng", "issuer": "Sở Y tế tỉnh Lâm Đồng", "issuer_level": "province",
        "province": "Lâm Đồng", "title": "Về tổ chức tiêm chủng mở rộng năm 2026", "signer": "Đinh Thị Hoa",
        "signer_title": "Phó Giám đốc"}, {
        "number": "Số: 2050/SYT-NVY", "issue_date": "ngày 14 tháng 10 năm 2025", "place": "Lâm Đồng",
        "title": "Về tổ chức tiêm chủng mở rộng năm 2026", "issuer": "SỞ Y TẾ", "signer": "Đinh Thị Hoa"}),
    (ONE_LETTER_WORD_WRAPPED, {  # "Ý" alone on its line is the first word of the subject
        "doc_type": "Thông báo", "number": "301/TB-VPCP", "symbol": "TB-VPCP", "issue_date": "2025-06-05",
        "place": "Hà Nội", "issuer": "Văn phòng Chính phủ", "issuer_level": "ministry", "province": None,
        "title": "Ý KIẾN CHỈ ĐẠO CỦA PHÓ THỦ TƯỚNG VỀ CÔNG TÁC PHÒNG, CHỐNG HẠN HÁN", "signer": "Mai Văn Tùng",
        "signer_title": "Phó Chủ nhiệm"}, {
        "number": "Số: 301/TB-VPCP", "issue_date": "ngày 5 tháng 6 năm 2025", "place": "Hà Nội",
        "doc_type": "THÔNG BÁO", "title": "Ý\nKIẾN CHỈ ĐẠO CỦA PHÓ THỦ TƯỚNG VỀ CÔNG TÁC PHÒNG, CHỐNG HẠN HÁN",
        "issuer": "VĂN PHÒNG CHÍNH PHỦ", "signer": "Mai Văn Tùng"}),
    (MERGED_WEB_LINES, {
        "doc_type": "Thông tư", "number": "15/2025/TT-BNNMT", "symbol": "TT-BNNMT", "issue_date": "2025-06-03",
        "place": "Hà Nội", "issuer": "Bộ Nông nghiệp và Môi trường", "issuer_level": "ministry", "province": None,
        "title": "QUY ĐỊNH VỀ QUẢN LÝ GIỐNG CÂY TRỒNG", "signer": "Lê Văn An", "signer_title": "Thứ trưởng"}, {
        "number": "Số: 15/2025/TT-BNNMT", "issue_date": "ngày 3 tháng 6 năm 2025", "place": "Hà Nội",
        "doc_type": "THÔNG TƯ", "title": "QUY ĐỊNH VỀ QUẢN LÝ GIỐNG CÂY TRỒNG",
        "issuer": "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "signer": "Lê Văn An"}),
    (TABLE_CELLS, {
        "doc_type": "Kế hoạch", "number": "45/KH-UBND", "symbol": "KH-UBND", "issue_date": "2025-03-05",
        "place": "Lâm Đồng", "issuer": "Ủy ban nhân dân tỉnh Lâm Đồng", "issuer_level": "province",
        "province": "Lâm Đồng", "title": "PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG TRÊN ĐỊA BÀN TỈNH GIAI ĐOẠN 2025 - 2030",
        "signer": "Hoàng Minh Đức", "signer_title": "Phó Chủ tịch"}, {
        "number": "Số: 45/KH-UBND", "issue_date": "ngày\n05 tháng 3 năm 2025", "place": "Lâm Đồng",
        "doc_type": "KẾ HOẠCH", "title": "PHÁT TRIỂN DU LỊCH CỘNG ĐỒNG\nTRÊN ĐỊA BÀN TỈNH GIAI ĐOẠN 2025 - 2030",
        "issuer": "ỦY BAN NHÂN\nDÂN **\nTỈNH LÂM ĐỒNG", "signer": "Hoàng Minh Đức"}),
    (DEPARTMENT_LETTER, {
        "doc_type": "Công văn", "number": "812/SYT-NVY", "symbol": "SYT-NVY", "issue_date": "2024-08-14",
        "place": "Nghệ An", "issuer": "Sở Y tế tỉnh Nghệ An", "issuer_level": "province", "province": "Nghệ An",
        "title": "V/v tăng cường phòng chống dịch sốt xuất huyết trên địa bàn tỉnh",
        "signer": "Trần Thị Mai", "signer_title": "Giám đốc"}, {
        "number": "Số: 812/SYT-NVY", "issue_date": "ngày 14 tháng 8 năm 2024", "place": "Nghệ An",
        "title": "V/v tăng cường phòng chống dịch sốt xuất huyết\ntrên địa bàn tỉnh", "issuer": "SỞ Y TẾ",
        "signer": "Trần Thị Mai"}),
    (HANDWRITTEN_NUMBER, {  # number and day filled in by hand: the printed parts are kept
        "doc_type": "Thông báo", "number": None, "symbol": "TB-UBND", "issue_date": "2024-04",
        "place": "Quảng Ngãi", "issuer": "Ủy ban nhân dân tỉnh Quảng Ngãi", "issuer_level": "province",
        "province": "Quảng Ngãi",
        "title": "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc với Sở Xây dựng",
        "signer": None, "signer_title": None}, {
        "number": "Số: Ø7p /TB-UBND", "issue_date": "ngày @ tháng 4 năm 2024", "place": "Quảng Ngãi",
        "doc_type": "THÔNG BÁO", "title": "Kết luận của Chủ tịch UBND tỉnh tại buổi làm việc\nvới Sở Xây dựng",
        "issuer": "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH QUẢNG NGÃI"}),
    (INCOMING_STAMP_AND_CONSOLIDATED, {  # "CÔNG VĂN ĐẾN" is a stamp; the symbol makes it consolidated
        "doc_type": "Văn bản hợp nhất", "number": "05/VBHN-BTC", "symbol": "VBHN-BTC", "issue_date": "2024-02-20",
        "place": "Hà Nội", "issuer": "Bộ Tài chính", "issuer_level": "ministry", "province": None,
        "title": "Hướng dẫn về phí thẩm định dự án đầu tư", "signer": None, "signer_title": None}, {
        "number": "Số: 05/VBHN-BTC", "issue_date": "ngày 20 tháng 2 năm 2024", "place": "Hà Nội",
        "doc_type": "THÔNG TƯ", "title": "Hướng dẫn về phí thẩm định\ndự án đầu tư", "issuer": "BỘ TÀI CHÍNH"}),
    (HEADER_LOST, {  # number, date and type from the annex heading
        "doc_type": "Quyết định", "number": "120/QĐ-BYT", "symbol": "QĐ-BYT", "issue_date": "2024-02-05",
        "place": None, "issuer": "Bộ Y tế", "issuer_level": "ministry", "province": None, "title": None,
        "signer": None, "signer_title": None}, {
        "number": "120/QĐ-BYT", "issue_date": "ngày 05/02/2024", "issuer": "BỘ TRƯỞNG BỘ Y TẾ"}),


    (ANNEX_OF_A_LETTER, {  # the body after "của" in the annex heading, its head's title left out
        "doc_type": "Công văn", "number": "4120/CT-QLN", "symbol": "CT-QLN", "issue_date": "2025-10-14",
        "place": None, "issuer": "Cục Thuế", "issuer_level": "other", "province": None, "title": None,
        "signer": None, "signer_title": None}, {
        "number": "4120/CT-QLN", "issue_date": "ngày 14/10/2025", "issuer": "Cục trưởng Cục Thuế"}),
    (ANNEX_OF_AN_UNNAMED_CITY, {  # "Ủy ban nhân dân Thành phố" completed with the city most named
        "doc_type": "Công văn", "number": "2890/UBND-KT", "symbol": "UBND-KT", "issue_date": "2025-11-05",
        "place": None, "issuer": "Ủy ban nhân dân thành phố Cần Thơ", "issuer_level": "province",
        "province": "Cần Thơ", "title": None, "signer": None, "signer_title": None}, {
        "number": "2890/UBND-KT", "issue_date": "ngày 05 tháng 11 năm 2025",
        "issuer": "Ủy ban nhân dân\nThành phố"}),
    (CIRCULAR_WITHOUT_BLOCK, {  # the body before "ban hành Thông tư", the head's title left out
        "doc_type": "Thông tư", "number": None, "symbol": None, "issue_date": None, "place": None,
        "issuer": "Bộ Tài chính", "issuer_level": "ministry", "province": None,
        "title": "Hướng dẫn về hóa đơn điện tử khởi tạo từ máy tính tiền", "signer": None, "signer_title": None}, {
        "doc_type": "THÔNG TƯ", "title": "Hướng dẫn về hóa đơn điện tử khởi tạo từ máy tính tiền",
        "issuer": "Bộ trưởng Bộ Tài chính"}),
    (ENACTED_IN_A_SENTENCE, {  # "Chính phủ ban hành Nghị định số …" in a letter is another's act
        "doc_type": "Công văn", "number": None, "symbol": None, "issue_date": None, "place": None,
        "issuer": None, "issuer_level": None, "province": None, "title": "V/v lệ phí trước bạ",
        "signer": None, "signer_title": None}, {"title": "V/v lệ phí trước bạ"}),
    (TITLE_WITH_WRONG_MARKS, {  # only "TRƯỜNG" alone is refused as a title, not a listed title misspelt
        "doc_type": "Công văn", "number": "5120/BCT-ĐTĐL", "symbol": "BCT-ĐTĐL", "issue_date": "2024-04-03",
        "place": "Hà Nội", "issuer": "Bộ Công Thương", "issuer_level": "ministry", "province": None,
        "title": "V/v cấp điện mùa khô", "signer": "Lê Văn Hưng", "signer_title": "Thứ trưởng"}, {
        "number": "Số: 5120/BCT-ĐTĐL", "issue_date": "ngày 3 tháng 4 năm 2024", "place": "Hà Nội",
        "title": "V/v cấp điện mùa khô", "issuer": "BỘ CÔNG THƯƠNG", "signer": "Lê Văn Hưng"}),
    (DAY_OVER_NGAY, {  # the handwritten day covers "ngày": the printed month and year are kept
        "doc_type": "Chỉ thị", "number": None, "symbol": "CT-UBND", "issue_date": "2021-05",
        "place": "Bình Định", "issuer": "Ủy ban nhân dân tỉnh Bình Định", "issuer_level": "province",
        "province": "Bình Định", "title": "Về tăng cường phòng cháy rừng mùa khô",
        "signer": None, "signer_title": None}, {
        "number": "Số: 4/ /CT-UBND", "issue_date": "ngàW/{ tháng 5 năm 2021", "place": "Bình Định",
        "doc_type": "CHỈ THỊ", "title": "Về tăng cường phòng cháy rừng mùa khô",
        "issuer": "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH BÌNH ĐỊNH"}),
    (DEBRIS_GLUED_TO_THANG, {  # the handwritten day left debris glued to "tháng": month and year are kept
        "doc_type": "Công văn", "number": None, "symbol": "UBND-VX", "issue_date": "2022-09",
        "place": "Khánh Hòa", "issuer": "Ủy ban nhân dân tỉnh Khánh Hòa", "issuer_level": "province",
        "province": "Khánh Hòa", "title": "V/v tổ chức Ngày hội đọc sách",
        "signer": None, "signer_title": None}, {
        "number": "Số: 7Ø /UBND-VX", "issue_date": "ngày Jÿtháng 9 năm 2022", "place": "Khánh Hòa",
        "title": "V/v tổ chức Ngày hội đọc sách",
        "issuer": "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nTỈNH KHÁNH HÒA"}),
    (CERTIFIED_AT_THE_END, {  # a consolidated text: numbered, dated and issued by the block certifying it
        "doc_type": "Văn bản hợp nhất", "number": "09/VBHN-BNNMT", "symbol": "VBHN-BNNMT",
        "issue_date": "2025-07-14", "place": "Hà Nội", "issuer": "Bộ Nông nghiệp và Môi trường",
        "issuer_level": "ministry", "province": None, "title": "Quy định về quản lý rừng phòng hộ ven biển",
        "signer": "Lê Minh Hoàng", "signer_title": "Thứ trưởng"}, {
        "number": "Số: 09/VBHN-BNNMT", "issue_date": "ngày 14 tháng 7 năm 2025", "place": "Hà Nội",
        "doc_type": "XÁC THỰC VĂN BẢN HỢP NHẤT", "title": "Quy định về quản lý rừng phòng hộ ven biển",
        "issuer": "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG", "signer": "Lê Minh Hoàng"}),
    (SEAL_DEBRIS_BEFORE_SUBJECT, {  # OCR's reading of a seal between type and subject is no title
        "doc_type": "Thông báo", "number": "118/TB-BTP", "symbol": "TB-BTP", "issue_date": "2023-06-09",
        "place": "Hà Nội", "issuer": "Bộ Tư pháp", "issuer_level": "ministry", "province": None,
        "title": "Về việc lịch tiếp công dân tháng 7", "signer": None, "signer_title": None}, {
        "number": "Số: 118/TB-BTP", "issue_date": "ngày 9 tháng 6 năm 2023", "place": "Hà Nội",
        "doc_type": "THÔNG BÁO", "title": "Về việc lịch tiếp công dân tháng 7", "issuer": "BỘ TƯ PHÁP"}),
    (SPLIT_MOTTO, {  # a PDF text layer split a word of the motto: it is still not the issuer
        "doc_type": "Thông báo", "number": "61/TB-UBND", "symbol": "TB-UBND", "issue_date": "2024-12-02",
        "place": "Phú Yên", "issuer": "Ủy ban nhân dân tỉnh Phú Yên", "issuer_level": "province",
        "province": "Phú Yên", "title": "Về việc nghỉ Tết Dương lịch", "signer": None, "signer_title": None}, {
        "number": "Số: 61/TB-UBND", "issue_date": "ngày 2 tháng 12 năm 2024", "place": "Phú Yên",
        "doc_type": "THÔNG BÁO", "title": "Về việc nghỉ Tết Dương lịch",
        "issuer": "ỦY BAN NHÂN DÂN\nTỈNH PHÚ YÊN"}),
    (SUBORDINATE_BODY_LETTER, {  # no colon after Số nor comma before ngày; the lowest body is unknown
        "doc_type": "Công văn", "number": "318/TCTK-PPCĐ", "symbol": "TCTK-PPCĐ", "issue_date": "2025-01-09",
        "place": "Hà Nội", "issuer": "Tổng cục Thống kê", "issuer_level": "ministry", "province": None,
        "title": "V/v điều tra doanh nghiệp năm 2025", "signer": None, "signer_title": None}, {
        "number": "Số 318/TCTK-PPCĐ", "issue_date": "ngày 9 tháng 1 năm 2025", "place": "Hà Nội",
        "title": "V/v điều tra doanh nghiệp năm 2025", "issuer": "TỔNG CỤC THỐNG KÊ"}),


    (UNKNOWN_BODY_IN_CAPITALS, {  # a body the vocabulary does not know keeps the capital of its own name
        "doc_type": "Công văn", "number": "2210/CCT-NV", "symbol": "CCT-NV", "issue_date": "2025-10-08",
        "place": "Đà Nẵng", "issuer": "Chi cục Thuế khu vực III", "issuer_level": "other", "province": None,
        "title": "V/v hoàn thuế giá trị gia tăng", "signer": None, "signer_title": None}, {
        "number": "Số: 2210/CCT-NV", "issue_date": "ngày 8 tháng 10 năm 2025", "place": "Đà Nẵng",
        "title": "V/v hoàn thuế giá trị gia tăng", "issuer": "CHI CỤC THUẾ KHU VỰC III"}),


    (SIGNER_ACROSS_LINES, {  # the surname alone on its line; a rule of en dashes under the title
        "doc_type": "Quyết định", "number": "318/QĐ-UBND", "symbol": "QĐ-UBND", "issue_date": "2025-09-04",
        "place": "Tây Ninh", "issuer": "Ủy ban nhân dân tỉnh Tây Ninh", "issuer_level": "province",
        "province": "Tây Ninh", "title": "Về việc công nhận xã đạt chuẩn nông thôn mới",
        "signer": "Đỗ Minh Khang", "signer_title": "Phó Chủ tịch"}, {
        "number": "Số: 318/QĐ-UBND", "issue_date": "ngày 4 tháng 9 năm 2025", "place": "Tây Ninh",
        "doc_type": "QUYẾT ĐỊNH", "title": "Về việc công nhận xã đạt chuẩn nông thôn mới",
        "issuer": "ỦY BAN NHÂN DÂN\nTỈNH TÂY NINH", "signer": "Đỗ\nMinh Khang"}),
    (SURNAME_NOT_LISTED, {  # a subject line ending in "Thành phố" over the place; a surname the list lacks
        "doc_type": "Công văn", "number": "4417/CHQ-GSQL", "symbol": "CHQ-GSQL", "issue_date": "2025-10-17",
        "place": "Hải Phòng", "issuer": "Cục Hải quan", "issuer_level": "other", "province": None,
        "title": "V/v thủ tục tạm nhập tái xuất trên địa bàn Thành phố", "signer": "Kha Thị Ngọc Lan",
        "signer_title": "Phó Trưởng ban"}, {
        "number": "Số: 4417/CHQ-GSQL", "issue_date": "ngày 17 tháng 10 năm 2025", "place": "Hải Phòng",
        "title": "V/v thủ tục tạm nhập tái xuất trên địa bàn Thành phố", "issuer": "CỤC HẢI QUAN",
        "signer": "Kha Thị Ngọc Lan"}),
    (ON_BEHALF_WITHOUT_TITLE, {  # signed on behalf of a body, no title printed: "BAN BÍ THƯ" above is a body
        "doc_type": "Thông báo", "number": "19-TB/TW", "symbol": "TB/TW", "issue_date": "2025-08-02",
        "place": "Hà Nội", "issuer": "Ban Chấp hành Trung ương", "issuer_level": "other", "province": None,
        "title": "KẾT LUẬN VỀ CÔNG TÁC CÁN BỘ", "signer": "Lê Quang Huy", "signer_title": None}, {
        "number": "Số 19-TB/TW", "issue_date": "ngày 2 tháng 8 năm 2025", "place": "Hà Nội",
        "doc_type": "THÔNG BÁO", "title": "KẾT LUẬN VỀ CÔNG TÁC CÁN BỘ",
        "issuer": "BAN CHẤP HÀNH TRUNG ƯƠNG", "signer": "Lê Quang Huy"}),
    (SEALED_LOW_RESOLUTION, {
        "doc_type": "Thông báo", "number": "57/TB-UBND", "symbol": "TB-UBND", "issue_date": "2024-03",
        "place": "Phú Thọ", "issuer": "Ủy ban nhân dân tỉnh Phú Thọ", "issuer_level": "province",
        "province": "Phú Thọ", "title": "Về việc tổ chức kiểm tra công tác phòng chống thiên tai trên địa bàn tỉnh",
        "signer": "Đặng Văn Hòa", "signer_title": None}, {
        "number": "Số: 57/TB-UBND", "issue_date": "ngài 2Š tháng 03 năm 2024", "place": "Phú Thọ",
        "doc_type": "THÔNG BÁO",
        "title": "Về việc tổ chức kiểm tra công tác phòng chống\n\n.^ Tà\n\nthiên tai trên địa bàn tỉnh",
        "issuer": "ỦY BAN NHÂN DÂN\nTỈNH PHÚ THỌ", "signer": "Đặng Văn Hòa"}),
    (YEAR_MISREAD, {
        "doc_type": "Chỉ thị", "number": "14/CT-UBND", "symbol": "CT-UBND", "issue_date": "2018-05-09",
        "place": "Bình Phước", "issuer": "Ủy ban nhân dân tỉnh Bình Phước", "issuer_level": "province",
        "province": "Bình Phước", "title": "Về việc tăng cường quản lý chợ", "signer": None, "signer_title": None}, {
        "number": "Số: 14/CT-UBND", "issue_date": "ngày 09 tháng 5 năm 2016", "place": "Bình Phước",
        "doc_type": "CHỈ THỊ", "title": "Về việc tăng cường quản lý chợ", "issuer": "ỦY BAN NHÂN DÂN\nTỈNH BÌNH PHƯỚC"}),
]


@pytest.mark.parametrize("text, expected, spans", LAYOUT_CASES)
def test_header_layouts(text, expected, spans):
    h = extract(text).header
    assert {f: getattr(h, f) for f in FIELDS} == expected
    assert {field: text[start:end] for field, (start, end) in h.spans.items()} == spans


@pytest.mark.parametrize("capitals, written", [
    ("CỤC THUẾ TỈNH NGHỆ AN", "Cục Thuế tỉnh Nghệ An"),
    ("CHI CỤC THUẾ KHU VỰC II", "Chi cục Thuế khu vực II"),
    ("CỤC THUẾ TP. HỒ CHÍ MINH", "Cục Thuế thành phố Hồ Chí Minh"),
    ("CHI CỤC THUẾ TP. THỦ ĐỨC", "Chi cục Thuế thành phố Thủ Đức"),  # a place after "TP." keeps its capitals
    ("CỤC THUẾ BÀ RỊA-VŨNG TÀU", "Cục Thuế Bà Rịa - Vũng Tàu"),
])
def test_unknown_body_name(capitals, written):
    assert unknown_body_name(capitals) == written


def test_a_name_alone_in_the_foot_has_the_span_of_its_words_however_spaced():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH HẢI DƯƠNG\nSố: 12/UBND-VP\nV/v tổ chức họp\n"
            "Hải Dương, ngày 3 tháng 4 năm 2024\nKính gửi: các sở, ngành.\n"
            "Đề nghị các đơn vị thực hiện.\nNơi nhận:\n- Như trên;\n- Lưu: VT.\nTrần  Văn   Bình\n")
    h = extract(text).header
    assert h.signer == "Trần Văn Bình"
    assert text[slice(*h.spans["signer"])] == "Trần  Văn   Bình"


# A subject line as OCR gives it: Tesseract's paragraphs put blank lines inside a centred heading
# at its short lines; a blank line ends a subject in mixed case, a numbered heading ends any.
_OCR_HEAD = "ỦY BAN NHÂN DÂN\n\nTỈNH HÀ NAM\n\nSố: 12/{code}-UBND\n\nHà Nam, ngày 3 tháng 4 năm 2025\n\n{heading}\n\n"


@pytest.mark.parametrize("code, heading, subject, after, title", [
    ("QĐ", "QUYẾT ĐỊNH", "VỀ\n\nVIỆC GIAO CHỈ TIÊU TUYỂN SINH\n\nLỚP MƯỜI NĂM HỌC 2025 - 2026\n\n",
     "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH HÀ NAM\n\nCăn cứ Luật Giáo dục;",
     "VỀ VIỆC GIAO CHỈ TIÊU TUYỂN SINH LỚP MƯỜI NĂM HỌC 2025 - 2026"),
    ("TB", "THÔNG BÁO", "KẾT\n\nLUẬN CỦA CHỦ TỊCH TẠI BUỔI LÀM VIỆC\n\nVỚI SỞ XÂY DỰNG\n\n",
     "Ngày 2 tháng 4 năm 2025, Chủ tịch đã làm việc với Sở Xây dựng.",
     "KẾT LUẬN CỦA CHỦ TỊCH TẠI BUỔI LÀM VIỆC VỚI SỞ XÂY DỰNG"),
    ("KH", "KẾ HOẠCH", "TRIỂN KHAI CÔNG TÁC CHUYỂN ĐỔI SỐ NĂM 2025\n\n",
     "I. MỤC ĐÍCH, YÊU CẦU\n\n1. Mục đích\n\nNâng cao chất lượng dịch vụ công.",
     "TRIỂN KHAI CÔNG TÁC CHUYỂN ĐỔI SỐ NĂM 2025"),
    ("KH", "KẾ HOẠCH", "TRIỂN KHAI CÔNG TÁC CHUYỂN ĐỔI SỐ NĂM 2025\n",  # the heading without a blank line
     "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nNâng cao chất lượng dịch vụ công.",
     "TRIỂN KHAI CÔNG TÁC CHUYỂN ĐỔI SỐ NĂM 2025"),
    ("QĐ", "QUYẾT ĐỊNH", "Về việc giao chỉ tiêu năm 2025\n\n",
     "Trên cơ sở đề nghị của Sở Tài chính, Ủy ban nhân dân tỉnh giao chỉ tiêu.",
     "Về việc giao chỉ tiêu năm 2025"),
])
def test_a_subject_across_ocrs_paragraphs(code, heading, subject, after, title):
    text = _OCR_HEAD.format(code=code, heading=heading) + subject + after
    assert extract(text).header.title == title


def test_a_letters_subject_goes_on_with_an_abbreviation_below_a_blank_line():
    text = ("ỦY BAN NHÂN DÂN\n\nTỈNH HÀ NAM\n\nSố: 45/UBND-KT\n\nV/v thuế suất thuế\n\nTNDN\n\n"
            "Hà Nam, ngày 3 tháng 4 năm 2025\n\nKính gửi: Sở Tài chính.")
    assert extract(text).header.title == "V/v thuế suất thuế TNDN"


# OCR reads the two header columns apart: the motto's lines between the issuer's, a piece of the
# motto alone, the date's column before the number -> issuer and place as printed.
@pytest.mark.parametrize("text, issuer, place", [
    ("ỦY BAN NHÂN DÂN\nCỘNG HÒA XÃ HỘI\nTỈNH HÀ NAM\nCHỦ NGHĨA VIỆT NAM\nSố: 12/QĐ-UBND\n"
     "Độc lập - Tự do - Hạnh phúc\nHà Nam, ngày 3 tháng 4 năm 2025\n\nQUYẾT ĐỊNH\nVề việc giao chỉ tiêu năm 2025\n",
     "Ủy ban nhân dân tỉnh Hà Nam", "Hà Nam"),
    ("BỘ XÂY DỰNG\n\nCỤC ĐƯỜNG BỘ\nCỘNG\nSố: 88/CĐB-KH\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
     "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 9 tháng 6 năm 2025\nV/v sửa chữa cầu yếu\n\nKính gửi: Sở Xây dựng.",
     "Cục Đường bộ", "Hà Nội"),
    ("CỤC THUẾ\nNGHĨA VIỆT NAM\nCỘNG HÒA XÃ HỘI CHỦ\nĐộc lập - Tự do - Hạnh phúc\n"
     "Đà Nẵng, ngày 19 tháng 5 năm 2025\nSố: 530/CT-CS\nV/v hoàn thuế\n\nKính gửi: Công ty An Phát.",
     "Cục Thuế", "Đà Nẵng"),
    # "VIỆT NAM" alone ends a body's name as well as the motto: the motto here is whole, it is the body's
    ("NGÂN HÀNG NHÀ NƯỚC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
     "Số: 7/2024/TT-NHNN\nHà Nội, ngày 5 tháng 2 năm 2024\n\nTHÔNG TƯ\nQuy định về mở tài khoản\n",
     "Ngân hàng Nhà nước Việt Nam", "Hà Nội"),
])
def test_a_header_whose_columns_ocr_read_apart(text, issuer, place):
    h = extract(text).header
    assert (h.issuer, h.place) == (issuer, place)


# As typed, the second v lost in OCR, restored as a word.
@pytest.mark.parametrize("opener", ["V/v", "V/", "V/về", "V/và"])
def test_a_letters_subject_line_however_its_v_v_is_read(opener):
    text = (f"SỞ TÀI CHÍNH\nSố: 77/STC-QLG\n{opener} giá dịch vụ thu gom rác\nCần Thơ, ngày 4 tháng 3 năm 2025\n\n"
            "Kính gửi: Ủy ban nhân dân các xã.")
    h = extract(text).header
    assert (h.doc_type, h.title) == ("Công văn", f"{opener} giá dịch vụ thu gom rác")
