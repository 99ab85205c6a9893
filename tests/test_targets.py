"""Text -> expected percentage targets: whole Target objects with their spans, one case
per way plans, decisions and letters assign targets, and per kind of percentage that is not
one. Every sentence here is written for this test."""

import pytest

from extractors.extraction import _document_year, _province
from vietnamese.folding import fold
from extractors.model import Header, Target
from extractors.targets import extract_targets

DEFAULT_YEAR = 2022  # the document's year, given by the caller


def expected(text: str, raw: str, value: float, comparator: str, year: int | None, metric: str | None,
             subject: str | None = None, annual_increase: float | None = None) -> Target:
    start = text.index(raw)
    return Target(subject, metric, value, comparator, year, annual_increase, None, raw, start, start + len(raw))


# (text, [(raw, value, comparator, year, metric, subject, annual_increase), ...])
CASES = [
    (  # a goal list under "Mục tiêu … đến năm 2030"; bare "X%" and "đạt X%" are "="
        "II. MỤC TIÊU\n1. Mục tiêu đến năm 2030\n"
        "- 100% hồ sơ công việc của các sở được xử lý trên môi trường số.\n"
        "- Tỷ lệ người dân có chữ ký số đạt 75%.\n",
        [("- 100% hồ sơ công việc của các sở được xử lý trên môi trường số", 100, "=", 2030,
          "hồ sơ công việc của các sở được xử lý trên môi trường số"),
         ("- Tỷ lệ người dân có chữ ký số đạt 75%", 75, "=", 2030, "Tỷ lệ người dân có chữ ký số")],
    ),
    (  # "Trên X% …; Y% …": two targets in one item, the year from the lead-in
        "Mục tiêu cụ thể đến hết năm 2026:\n"
        "- Trên 90% hồ sơ công việc tại cấp tỉnh; 80% hồ sơ công việc tại cấp xã được xử lý trực tuyến.\n",
        [("- Trên 90% hồ sơ công việc tại cấp tỉnh", 90, ">=", 2026, "hồ sơ công việc tại cấp tỉnh"),
         ("80% hồ sơ công việc tại cấp xã được xử lý trực tuyến", 80, "=", 2026,
          "hồ sơ công việc tại cấp xã được xử lý trực tuyến")],
    ),
    (  # "phấn đấu" and "≥"
        "Phấn đấu đến năm 2028 có ≥ 40% hợp tác xã ứng dụng công nghệ số.",
        [("Phấn đấu đến năm 2028 có ≥ 40% hợp tác xã ứng dụng công nghệ số", 40, ">=", 2028,
          "hợp tác xã ứng dụng công nghệ số")],
    ),
    (  # a range with both signs: two targets, the lower ">=", the upper "<="
        "Phấn đấu giảm từ 30% - 40% số vụ tai nạn giao thông vào năm 2027.",
        [("Phấn đấu giảm từ 30% - 40% số vụ tai nạn giao thông vào năm 2027", 30, ">=", 2027, "số vụ tai nạn giao thông"),
         ("Phấn đấu giảm từ 30% - 40% số vụ tai nạn giao thông vào năm 2027", 40, "<=", 2027, "số vụ tai nạn giao thông")],
    ),
    (  # "15 - 25%": one target, its lower bound; a cut is a target; the document's year; who opens it
        "2. Các sở, ngành phải rà soát quy trình, cắt giảm trung bình 15 - 25% thời gian giải quyết thủ tục hành chính.",
        [("2. Các sở, ngành phải rà soát quy trình, cắt giảm trung bình 15 - 25% thời gian giải quyết thủ tục hành chính",
          15, ">=", DEFAULT_YEAR, "thời gian giải quyết thủ tục hành chính", "Các sở, ngành")],
    ),
    (  # a head's title from the shared list opens the clause: the work is his body's
        "3. Hiệu trưởng các trường trung học phổ thông chỉ đạo bảo đảm 100% học sinh được học kỹ năng số.",
        [("3. Hiệu trưởng các trường trung học phổ thông chỉ đạo bảo đảm 100% học sinh được học kỹ năng số", 100, "=",
          DEFAULT_YEAR, "học sinh được học kỹ năng số", "Hiệu trưởng các trường trung học phổ thông")],
    ),
    (  # "tăng trên 03%", "giảm … xuống dưới 20%" under a heading of targets
        "III. CHỈ TIÊU CHỦ YẾU\n- Hằng năm, số doanh nghiệp thành lập mới tăng trên 03%.\n"
        "- Giảm tỷ lệ hộ nghèo xuống dưới 20% vào năm 2029.\n",
        [("- Hằng năm, số doanh nghiệp thành lập mới tăng trên 03%", 3, ">=", DEFAULT_YEAR, "số doanh nghiệp thành lập mới"),
         ("- Giảm tỷ lệ hộ nghèo xuống dưới 20% vào năm 2029", 20, "<=", 2029, "tỷ lệ hộ nghèo")],
    ),
    (  # the plan's horizon from its upper-case title
        "KẾ HOẠCH\nCHUYỂN ĐỔI SỐ NGÀNH NÔNG NGHIỆP GIAI ĐOẠN 2026 - 2030\n\nI. MỤC TIÊU\n"
        "- 60% hợp tác xã nông nghiệp bán hàng trên sàn thương mại điện tử.\n",
        [("- 60% hợp tác xã nông nghiệp bán hàng trên sàn thương mại điện tử", 60, "=", 2030,
          "hợp tác xã nông nghiệp bán hàng trên sàn thương mại điện tử")],
    ),
    (  # a yearly increase is not a target of its own
        "- Tỷ lệ hồ sơ giải quyết trực tuyến của các sở, ban, ngành phải đạt từ 50% trở lên và tăng 10% trong các năm tiếp theo.",
        [("- Tỷ lệ hồ sơ giải quyết trực tuyến của các sở, ban, ngành phải đạt từ 50% trở lên và tăng 10% trong các năm tiếp theo",
          50, ">=", DEFAULT_YEAR, "Tỷ lệ hồ sơ giải quyết trực tuyến", None, 10)],
    ),
    (  # numbered items under a lead-in that announces targets
        "1. Nội dung thi đua\nCác đơn vị thi đua thực hiện các chỉ tiêu cụ thể như sau:\n\n"
        "(1) 100% hộ kinh doanh được hướng dẫn mở tài khoản thanh toán;\n\n"
        "(2) Ít nhất 85% hộ kinh doanh nhận thanh toán không dùng tiền mặt.\n",
        [("(1) 100% hộ kinh doanh được hướng dẫn mở tài khoản thanh toán", 100, "=", DEFAULT_YEAR,
          "hộ kinh doanh được hướng dẫn mở tài khoản thanh toán"),
         ("(2) Ít nhất 85% hộ kinh doanh nhận thanh toán không dùng tiền mặt", 85, ">=", DEFAULT_YEAR,
          "hộ kinh doanh nhận thanh toán không dùng tiền mặt")],
    ),
    (  # a lead-in that names who and from when
        "d) Giao chỉ tiêu cho các sở, ban, ngành từ năm 2024 như sau:\n"
        "- 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình; 80% dịch vụ công phát sinh hồ sơ; "
        "ít nhất 80% dịch vụ công được tích hợp trên Cổng Dịch vụ công quốc gia.",
        [("- 100% thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình", 100, "=", 2024,
          "thủ tục hành chính đủ điều kiện được cung cấp trực tuyến toàn trình", "các sở, ban, ngành"),
         ("80% dịch vụ công phát sinh hồ sơ", 80, "=", 2024, "dịch vụ công phát sinh hồ sơ", "các sở, ban, ngành"),
         ("ít nhất 80% dịch vụ công được tích hợp trên Cổng Dịch vụ công quốc gia", 80, ">=", 2024,
          "dịch vụ công được tích hợp trên Cổng Dịch vụ công quốc gia", "các sở, ban, ngành")],
    ),
    (  # "Đối với X: Đạt tỷ lệ từ N% …"
        "1. Đối với các Sở, ban, ngành thuộc UBND tỉnh; UBND các huyện: Đạt tỷ lệ từ 55% hồ sơ thủ tục hành chính xử lý trực tuyến.",
        [("Đạt tỷ lệ từ 55% hồ sơ thủ tục hành chính xử lý trực tuyến", 55, ">=", DEFAULT_YEAR,
          "tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến", "các Sở, ban, ngành thuộc UBND tỉnh; UBND các huyện")],
    ),
    (  # the year of the decision that assigned the target, named in the sentence
        "Theo Quyết định số 3113/QĐ-UBND ngày 26/10/2021 của UBND tỉnh, UBND cấp xã được giao chỉ tiêu "
        "thực hiện tối thiểu 10% số hồ sơ được tiếp nhận.",
        [("Theo Quyết định số 3113/QĐ-UBND ngày 26/10/2021 của UBND tỉnh, UBND cấp xã được giao chỉ tiêu "
          "thực hiện tối thiểu 10% số hồ sơ được tiếp nhận", 10, ">=", 2021, "số hồ sơ được tiếp nhận")],
    ),
    (  # "trên", "không thấp hơn", "tối đa", "không quá"; "Mục tiêu năm 2025:"
        "Mục tiêu năm 2025: tỷ lệ dịch vụ công toàn trình đạt trên 80%; tỷ lệ hồ sơ trực tuyến không thấp hơn 60%; "
        "tỷ lệ hồ sơ quá hạn tối đa 2%.",
        [("tỷ lệ dịch vụ công toàn trình đạt trên 80%", 80, ">=", 2025, "tỷ lệ dịch vụ công toàn trình"),
         ("tỷ lệ hồ sơ trực tuyến không thấp hơn 60%", 60, ">=", 2025, "tỷ lệ hồ sơ trực tuyến"),
         ("tỷ lệ hồ sơ quá hạn tối đa 2%", 2, "<=", 2025, "tỷ lệ hồ sơ quá hạn")],
    ),
    (  # a year that names a programme is not the target's year
        "Chương trình giáo dục phổ thông năm 2018 được triển khai; bảo đảm 100% học sinh tiểu học học 2 buổi/ngày.",
        [("bảo đảm 100% học sinh tiểu học học 2 buổi/ngày", 100, "=", DEFAULT_YEAR, "học sinh tiểu học học 2 buổi/ngày")],
    ),
    (  # two years in one sentence: each target takes its own
        "Phấn đấu đạt 20% xã, phường đạt chuẩn năm 2025, bảo đảm đến hết năm 2030 đạt 50% xã, phường đạt chuẩn.",
        [("Phấn đấu đạt 20% xã, phường đạt chuẩn năm 2025, bảo đảm đến hết năm 2030 đạt 50% xã, phường đạt chuẩn",
          20, "=", 2025, "xã, phường đạt chuẩn"),
         ("Phấn đấu đạt 20% xã, phường đạt chuẩn năm 2025, bảo đảm đến hết năm 2030 đạt 50% xã, phường đạt chuẩn",
          50, "=", 2030, "xã, phường đạt chuẩn")],
    ),
    (  # OCR without a Vietnamese model
        "dam bao ty 1€ ho so xu 1y truc tuyén toan trinh dén hét nam 2025 ctia mdi co quan dat ty 1€ to1 thi€u 70%.",
        [("dam bao ty 1€ ho so xu 1y truc tuyén toan trinh dén hét nam 2025 ctia mdi co quan dat ty 1€ to1 thi€u 70%",
          70, ">=", 2025, "ty 1€ ho so xu 1y truc tuyén toan trinh")],
    ),
    (  # an appendix of tasks restating a goal of the body adds no target ...
        "II. MỤC TIÊU\n- Phấn đấu tỷ lệ bao phủ bảo hiểm y tế đạt trên 95% dân số.\n\n"
        "PHỤ LỤC\nDANH MỤC NHIỆM VỤ TRIỂN KHAI KẾ HOẠCH\n"
        "1. Sở Y tế chủ trì, hằng năm tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%.\n",
        [("- Phấn đấu tỷ lệ bao phủ bảo hiểm y tế đạt trên 95% dân số", 95, ">=", DEFAULT_YEAR, "tỷ lệ bao phủ bảo hiểm y tế")],
    ),
    (  # ... an appendix of targets does: each restatement is recorded
        "II. MỤC TIÊU\n- Phấn đấu tỷ lệ bao phủ bảo hiểm y tế đạt trên 95% dân số.\n\n"
        "PHỤ LỤC\nPHÂN CÔNG THỰC HIỆN CÁC CHỈ TIÊU\n"
        "1. Sở Y tế chủ trì, hằng năm tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%.\n",
        [("- Phấn đấu tỷ lệ bao phủ bảo hiểm y tế đạt trên 95% dân số", 95, ">=", DEFAULT_YEAR, "tỷ lệ bao phủ bảo hiểm y tế"),
         ("1. Sở Y tế chủ trì, hằng năm tỷ lệ bao phủ bảo hiểm y tế đạt trên 95%", 95, ">=", DEFAULT_YEAR,
          "tỷ lệ bao phủ bảo hiểm y tế", "Sở Y tế")],
    ),
    (  # what a goal counts may be money, people or members: under a goal heading they are goals
        "II. MỤC TIÊU\n1. Phấn đấu giải ngân 100% vốn ngân sách nhà nước được giao.\n"
        "2. Đến năm 2027, tối thiểu 85% cá nhân, doanh nghiệp hài lòng với dịch vụ công.\n"
        "3. 100% thành viên Hội đồng sử dụng hộp thư điện tử công vụ.\n"
        "4. Phấn đấu 100% tiền đền bù được chi trả đúng hạn.\n",
        [("1. Phấn đấu giải ngân 100% vốn ngân sách nhà nước được giao", 100, "=", DEFAULT_YEAR,
          "vốn ngân sách nhà nước được giao"),
         ("2. Đến năm 2027, tối thiểu 85% cá nhân, doanh nghiệp hài lòng với dịch vụ công", 85, ">=", 2027,
          "cá nhân, doanh nghiệp hài lòng với dịch vụ công"),
         ("3. 100% thành viên Hội đồng sử dụng hộp thư điện tử công vụ", 100, "=", DEFAULT_YEAR,
          "thành viên Hội đồng sử dụng hộp thư điện tử công vụ"),
         ("4. Phấn đấu 100% tiền đền bù được chi trả đúng hạn", 100, "=", DEFAULT_YEAR, "tiền đền bù được chi trả đúng hạn")],
    ),
    (  # the baseline after a change names neither the year nor what is measured
        "III. CHỈ TIÊU CHỦ YẾU\n- Doanh thu du lịch tăng 15% so với cùng kỳ năm 2024.\n"
        "- Tỷ lệ hộ nghèo đa chiều giảm dưới 2% so với năm 2021; tỷ lệ tăng trưởng kinh tế đạt 8%.\n"
        "- Thu nội địa đạt 110% dự toán được giao.\n",
        [("- Doanh thu du lịch tăng 15% so với cùng kỳ năm 2024", 15, "=", DEFAULT_YEAR, "Doanh thu du lịch"),
         ("- Tỷ lệ hộ nghèo đa chiều giảm dưới 2% so với năm 2021", 2, "<=", DEFAULT_YEAR, "Tỷ lệ hộ nghèo đa chiều"),
         ("tỷ lệ tăng trưởng kinh tế đạt 8%", 8, "=", DEFAULT_YEAR, "tỷ lệ tăng trưởng kinh tế"),
         ("- Thu nội địa đạt 110% dự toán được giao", 110, "=", DEFAULT_YEAR, "Thu nội địa")],
    ),
    (  # the agency a clause opens with; "Số" is no "Sở"
        "II. MỤC TIÊU\n3. Bộ trưởng Bộ Tư pháp hoàn thành việc rà soát, cắt giảm tối thiểu 20% thủ tục hành chính nội bộ.\n"
        "4. Số hồ sơ được số hóa đạt 90%.\n"
        "5. Chủ tịch Ủy ban nhân dân các xã tập trung chỉ đạo, bảo đảm 100% hồ sơ đất đai được số hóa.\n",
        [("3. Bộ trưởng Bộ Tư pháp hoàn thành việc rà soát, cắt giảm tối thiểu 20% thủ tục hành chính nội bộ", 20, ">=",
          DEFAULT_YEAR, "thủ tục hành chính nội bộ", "Bộ trưởng Bộ Tư pháp"),
         ("4. Số hồ sơ được số hóa đạt 90%", 90, "=", DEFAULT_YEAR, "Số hồ sơ được số hóa"),
         ("5. Chủ tịch Ủy ban nhân dân các xã tập trung chỉ đạo, bảo đảm 100% hồ sơ đất đai được số hóa", 100, "=",
          DEFAULT_YEAR, "hồ sơ đất đai được số hóa", "Chủ tịch Ủy ban nhân dân các xã")],
    ),
    (  # what follows the comma after the percentage is the next step, not its metric
        "5. Giám đốc Sở Nội vụ hoàn thành việc rà soát, sắp xếp đầu mối bảo đảm đạt mục tiêu giảm tối thiểu 10%, "
        "báo cáo Ủy ban nhân dân tỉnh trong quý IV.",
        [("5. Giám đốc Sở Nội vụ hoàn thành việc rà soát, sắp xếp đầu mối bảo đảm đạt mục tiêu giảm tối thiểu 10%, "
          "báo cáo Ủy ban nhân dân tỉnh trong quý IV", 10, ">=", DEFAULT_YEAR, "sắp xếp đầu mối", "Giám đốc Sở Nội vụ")],
    ),
    # Percentages that are not targets.
    ("II. MỤC TIÊU\n- Cuộc họp hợp lệ khi có ít nhất 75% thành viên dự họp.\n"
     "- Khen thưởng kịp thời, số được khen không quá 20% cá nhân tham gia phong trào.\n"
     "- Ngân sách xã đóng góp 30% vốn xây dựng nhà văn hóa.\n", []),  # a quorum, an award cap, a funding share
    ("Mức đóng bảo hiểm y tế bằng 4,5% mức lương cơ sở. Giảm 50% lệ phí khi nộp hồ sơ trực tuyến. "
     "Hỗ trợ 100% chi phí gửi kết quả qua bưu chính.", []),  # contribution rate, fee reduction, support
    ("Nghị quyết được thông qua khi có trên 50% tổng số đại biểu tán thành. "
     "Doanh nghiệp do Nhà nước nắm giữ trên 50% vốn điều lệ.", []),  # quorum, ownership share
    ("Ví dụ: thu nhập 200 triệu đồng x 10% = 20 triệu đồng. "
     "Năm 2024, tỷ lệ hồ sơ trực tuyến đã đạt 45,6%.", []),  # worked example, reported result
    ("IV. KHEN THƯỞNG\nSố tập thể được tặng Bằng khen không quá 10% tập thể; "
     "đơn vị đạt 100% được cộng 05 điểm.", []),  # award cap, scoring
    ("3. Xã được tặng Cờ thi đua khi đạt các tiêu chuẩn sau:\n+ Có tỷ lệ cử tri đi bầu đạt từ 95% trở lên;\n"
     "+ Hoàn thành 100% chỉ tiêu được giao.\n", []),  # award criteria
    ("1. Hiện trạng\nHiện nay toàn tỉnh có 40 trạm 5G (chiếm 12,5%).\n", []),  # the current situation
    (  # the year a change is measured from is not the target's year
        "Phấn đấu đến năm 2025 giảm 30% số vụ tai nạn giao thông so với năm 2020.",
        [("Phấn đấu đến năm 2025 giảm 30% số vụ tai nạn giao thông so với năm 2020", 30, "=", 2025,
          "số vụ tai nạn giao thông so với năm 2020")],
    ),
    (  # a goal and, in brackets, how far it is reached so far
        "Các doanh nghiệp viễn thông phải đạt 90% dân số được phủ sóng 5G trong năm 2023 (đến nay mới đạt 41,5%).",
        [("Các doanh nghiệp viễn thông phải đạt 90% dân số được phủ sóng 5G trong năm 2023 (đến nay mới đạt 41,5%)",
          90, "=", 2023, "dân số được phủ sóng 5G")],
    ),
    ("Đến nay các xã cơ bản đạt trên 90% hồ sơ trực tuyến.", []),  # a status, "đạt trên" alone assigns nothing
    ("I. KẾT QUẢ THỰC HIỆN NĂM 2021\n- Tỷ lệ hồ sơ trực tuyến đạt trên 60%.\n", []),  # results of a past year
    (  # a past year's result before this year's goal
        "Năm 2021, tỷ lệ hồ sơ trực tuyến đạt trên 60%; phấn đấu năm 2023 đạt 75%.",
        [("phấn đấu năm 2023 đạt 75%", 75, "=", 2023, None)],
    ),
    ("3. Tỷ lệ % được xác định theo số lượng hồ sơ được xử lý trực tuyến.", []),  # "%" without a number
    ("Quỹ được trích lập tối thiểu 15% lợi nhuận sau thuế.", []),  # an allocation
    ("- Phấn đấu bố trí kinh phí: 50% do ngân sách tỉnh bảo đảm, 50% do ngân sách xã bảo đảm.", []),  # funding shares
    ("b) Đơn vị bảo đảm từ 30% đến dưới 70% chi thường xuyên.", []),  # brackets of a classification
    ("Phải bảo đảm sai số cho phép ± 5% đối với mỗi lần đo.", []),  # a tolerance
    ("Phấn đấu tăng thêm 30% trong trường hợp được bổ sung vốn.", []),  # a condition
    ("Tải [mẫu tờ khai](https://x.vn/M%E1%BA%ABu%2003.doc) tại đây.", []),  # a link's "%E1"
    ("Các chỉ tiêu sản xuất gồm: doanh thu, lợi nhuận. Thuế suất là 10% đối với hàng hóa này.", []),  # tax rate
    # rates listed after the words that name them, even under a heading that speaks of goals
    ("I. SỰ CẦN THIẾT, MỤC TIÊU BAN HÀNH THÔNG TƯ\nThuế suất thuế bảo vệ môi trường như sau: dầu: 10%; "
     "dầu sinh học: 5%.\n", []),
    ('Điều 1 của Nghị quyết quy định:\n"1. Giảm 25% số thuế thu nhập doanh nghiệp phải nộp năm 2023 đối với:\n'
     'a) Doanh nghiệp nhỏ."', []),  # a tax cut
    ("Đến tháng 6/2019, công trình đã hoàn thành được 80% khối lượng thiết kế.", []),  # progress reported
    # another's goal given as the background of this document's tasks
    ("Dự án góp phần bảo đảm nguồn điện trong bối cảnh cả nước đặt mục tiêu tăng trưởng trên 7% năm 2026.", []),
    (  # a year that opens the sentence dates its cuts; "cắt giảm, đơn giản hóa" and "bãi bỏ" assign them,
       # also where the paragraph's first sentence names standards ("tiêu chuẩn")
        "+ Rà soát thủ tục, không ban hành tiêu chuẩn mới trái luật. Năm 2027, cắt giảm, đơn giản hóa 100% "
        "giấy tờ không cần thiết; bãi bỏ 100% thủ tục trùng lặp.\n",
        [("Năm 2027, cắt giảm, đơn giản hóa 100% giấy tờ không cần thiết", 100, "=", 2027,
          "giấy tờ không cần thiết"),
         ("bãi bỏ 100% thủ tục trùng lặp", 100, "=", 2027, "thủ tục trùng lặp")],
    ),
    (  # one cut verb over a list of shares; the compliance cost that is cut is no cost paid
        "Đến năm 2027, cắt giảm 30% thời gian giải quyết thủ tục, 30% chi phí tuân thủ so với năm 2025.",
        [("Đến năm 2027, cắt giảm 30% thời gian giải quyết thủ tục, 30% chi phí tuân thủ so với năm 2025", 30, "=",
          2027, "thời gian giải quyết thủ tục"),
         ("Đến năm 2027, cắt giảm 30% thời gian giải quyết thủ tục, 30% chi phí tuân thủ so với năm 2025", 30, "=",
          2027, "chi phí tuân thủ so với năm 2025")],
    ),
    (  # "giảm ít nhất X%": a cut of at least X
        "Xây dựng giải pháp nhằm giảm ít nhất 40% thời gian kê khai thuế trong năm 2026.",
        [("Xây dựng giải pháp nhằm giảm ít nhất 40% thời gian kê khai thuế trong năm 2026", 40, ">=", 2026,
          "thời gian kê khai thuế")],
    ),
]


@pytest.mark.parametrize("text, rows", CASES)
def test_targets(text, rows):
    got = extract_targets(text, fold(text), DEFAULT_YEAR, issue_year=DEFAULT_YEAR)
    assert got == [expected(text, *row) for row in rows]
    assert all(text[t.start:t.end] == t.raw for t in got)


TABLE = (
    "BIỂU CHỈ TIÊU GIAO GIẢI QUYẾT HỒ SƠ TRỰC TUYẾN NĂM 2021\n"
    "TT\tCơ quan, địa phương\tSố lượng TTHC công bố\tTỷ lệ hồ sơ giải quyết trực tuyến\n"
    "I\tSở, Ban ngành\t\t\n"
    "1\tSở Công Thương\t114\t55%\n"
    "2\tSở Y tế\t131\t60%\n"
)


def test_table_rows_are_targets_with_counts():
    # the year comes from the decision (default_year), not from the appendix title
    got = extract_targets(TABLE, fold(TABLE), 2022)
    assert [(t.subject, t.value, t.comparator, t.year, t.procedures_count, t.metric) for t in got] == [
        ("Sở Công Thương", 55, ">=", 2022, 114, "tỷ lệ hồ sơ giải quyết trực tuyến"),
        ("Sở Y tế", 60, ">=", 2022, 131, "tỷ lệ hồ sơ giải quyết trực tuyến"),
    ]
    assert all(TABLE[t.start:t.end] == t.raw for t in got)


def test_a_table_without_a_heading_of_targets_gives_none():
    table = TABLE.replace("BIỂU CHỈ TIÊU GIAO", "BIỂU THỐNG KÊ KẾT QUẢ")
    assert extract_targets(table, fold(table), 2022) == []


# The same kind of table as OCR writes it: spaces, rules read as "|", a row it
# could not read, a section heading between rows.
OCR_TABLE = (
    "BIỂU CHỈ TIÊU GIAO GIẢI QUYẾT HỒ SƠ TRỰC TUYẾN NĂM 2021\n"
    "TT Cơ quan, địa phương | Số lượng TTHC | Tỷ lệ hồ sơ\n"
    "1 Sở Công Thương 114 55%\n"
    "ở Văn hị Thể th.\n"
    ": Sở Văn hóa và Thể thao |108 55%\n"
    "\n"
    "II UBND các huyện\n"
    "\n"
    "9 |UBND huyện Đà Bắc |192 |60%\n"
)


def test_table_rows_read_by_ocr_are_targets_with_counts():
    got = extract_targets(OCR_TABLE, fold(OCR_TABLE), 2022)
    assert [(t.subject, t.value, t.comparator, t.year, t.procedures_count) for t in got] == [
        ("Sở Công Thương", 55, ">=", 2022, 114),
        ("Sở Văn hóa và Thể thao", 55, ">=", 2022, 108),
        ("UBND huyện Đà Bắc", 60, ">=", 2022, 192),
    ]
    assert all(OCR_TABLE[t.start:t.end] == t.raw for t in got)


def test_a_lone_line_shaped_like_a_row_is_a_sentence_not_a_table():
    text = "Giao chỉ tiêu năm 2022:\n- Các xã đạt tối thiểu 50 hồ sơ 55%\nvà báo cáo kết quả.\n"
    got = extract_targets(text, fold(text), 2022)
    # a table row would carry its count (50) beside the percentage
    assert [(t.value, t.procedures_count) for t in got] == [(55, None)]


@pytest.mark.parametrize("title, issue_date, year", [
    ("PHÁT TRIỂN KINH TẾ SỐ GIAI ĐOẠN 2026 - 2030", "2025-11-20", 2030),  # the plan's horizon
    ("LỘ TRÌNH ĐỔI MỚI CÔNG NGHỆ ĐẾN NĂM 2035", "2025-11-19", 2035),
    # a date in the title is the date of the document it implements, not a horizon
    ("THỰC HIỆN CHỈ THỊ SỐ 27/CT-TTG NGÀY 15 THÁNG 8 NĂM 2024 CỦA THỦ TƯỚNG CHÍNH PHỦ", "2025-11-21", 2025),
    (None, "2023-10-18", 2023),
    (None, None, None),
])
def test_document_year(title, issue_date, year):
    assert _document_year(Header(title=title, issue_date=issue_date)) == year


NORMATIVE = (
    "Điều 5. Yêu cầu đối với doanh nghiệp\n1. Doanh nghiệp phải bảo đảm tối thiểu 30% lao động có trình độ đại học.\n"
    "Điều 6. Mục tiêu của chương trình\n1. Phấn đấu đến năm 2030 có 80% doanh nghiệp ứng dụng công nghệ số.\n"
)


def test_in_a_law_or_decree_only_goal_headings_assign_targets():
    got = extract_targets(NORMATIVE, fold(NORMATIVE), 2025, 2025, normative=True)
    assert [(t.value, t.comparator, t.year) for t in got] == [(80, "=", 2030)]
    # the same words in a plan assign both
    got = extract_targets(NORMATIVE, fold(NORMATIVE), 2025, 2025)
    assert [(t.value, t.comparator, t.year) for t in got] == [(30, ">=", 2025), (80, "=", 2030)]


PROVINCE_PLAN = (
    "II. MỤC TIÊU\n- Phấn đấu 95% hộ gia đình sử dụng nước sạch.\n"
    "- Sở Xây dựng phấn đấu 100% công trình được nghiệm thu đúng hạn.\n"
    "- Tại vùng đồng bào dân tộc thiểu số: 80% hộ gia đình sử dụng nước sạch.\n"
)


AGENCY_TASKS = (
    "III. NHIỆM VỤ\n1. Sở Tư pháp\na) Chủ trì tuyên truyền pháp luật, phấn đấu 90% người dân được tiếp cận.\n"
    "2. Bộ công cụ hỗ trợ\na) Phấn đấu 80% xã sử dụng bộ công cụ.\n"
)


def test_the_tasks_under_an_agency_heading_are_its_own():
    got = extract_targets(AGENCY_TASKS, fold(AGENCY_TASKS), 2026, 2026, province="tỉnh Lào Cai")
    # "Bộ công cụ" is a set of tools, not a ministry
    assert [(t.subject, t.value) for t in got] == [("Sở Tư pháp", 90), ("tỉnh Lào Cai", 80)]


def test_a_province_wide_goal_gets_the_province_with_its_area():
    # "100% công trình" is no score ("100% cộng 05 điểm") although "công" folds like "cộng"
    got = extract_targets(PROVINCE_PLAN, fold(PROVINCE_PLAN), 2026, 2026, province="tỉnh Lào Cai")
    assert [(t.subject, t.value) for t in got] == [
        ("tỉnh Lào Cai", 95), ("Sở Xây dựng", 100), ("tỉnh Lào Cai (vùng đồng bào dân tộc thiểu số)", 80)]


@pytest.mark.parametrize("issuer, province", [
    ("Ủy ban nhân dân tỉnh Lào Cai", "tỉnh Lào Cai"),
    ("Hội đồng nhân dân thành phố Huế", "thành phố Huế"),
    ("Sở Y tế", None),  # a department's goals are its own, not the province's
    ("Bộ Tài chính", None),
    (None, None),
])
def test_the_province_of_the_issuer(issuer, province):
    assert _province(Header(issuer=issuer)) == province
