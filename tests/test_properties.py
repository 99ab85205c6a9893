"""Property tests: the extractors take any text without failing, and every span
they report is exactly the text it claims."""

from hypothesis import given, settings
from hypothesis import strategies as st

from extractors import extract

# Text made of the pieces documents are made of, shuffled and damaged.
PIECES = st.sampled_from([
    "Căn cứ ", "Nghị định số ", "61/2018/NĐ-CP", " ngày ", "23/4/2018", " của ", "Chính phủ", ";", "\n",
    "QUYẾT ĐỊNH", ":", "Điều 1.", "Số: ", "/QĐ-UBND", "Hà Tĩnh, ngày ", "tháng 5 năm 2022", "đạt tối thiểu ",
    "70%", " từ ", "trở lên", "\t", "KT. CHỦ TỊCH", "Nguyễn Văn A", "UBND tỉnh ", "Theo đề nghị của ",
    "Tờ trình số ", "thay thế ", "Luật ", "Tổ chức", "tăng 10%", "(", ")", "Kính gửi:", "V/v ", "- ",
])
DOCUMENTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=60).map("".join)


def _check(text: str) -> None:
    result = extract(text)
    for item in result.legal_bases + result.references + result.targets:
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start:item.end] == item.raw
    for start, end in result.header.spans.values():
        assert 0 <= start <= end <= len(text)


@settings(max_examples=300, deadline=None)
@given(DOCUMENTS)
def test_any_document_like_text(text):
    _check(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=400))
def test_any_text(text):
    _check(text)
