"""Compose real-style Vietnamese administrative documents (new texts) with their expected values.

Each composition is a ``NoticeSpec`` (tools/make_samples.py) plus the values a careful reader
finds in it, written the way the real dev set's expected.json is. ``write_corpus(dest)`` prints
them as text PDF, DOCX and scans into folders that ``score.py --corpus`` reads.
"""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

from make_samples import (  # noqa: E402
    Bullet,
    NoticeSpec,
    Para,
    ScoreTable,
    Section,
    build_docx,
    build_pdf,
    build_scan,
    register_fonts,
)

SIGNER_KT = ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")


def P(text: str, *, bold: bool = False, indent: bool = True) -> Para:
    """Given a paragraph's text, return its Para."""
    return Para(text=text, bold=bold, indent=indent)


def B(text: str) -> Bullet:
    """Given a bullet's text, return its Bullet."""
    return Bullet(text=text)


@dataclass(frozen=True, slots=True)
class Composition:
    spec: NoticeSpec
    number: str
    date: str
    issuer: str
    tasks: tuple[tuple[str, str], ...]  # (unit, text)
    formats: tuple[str, ...]


CT_HT = Composition(
    spec=NoticeSpec(
        name="rs-ct05-ht",
        parent="ỦY BAN NHÂN DÂN",
        issuer="TỈNH HÀ TĨNH",
        number="Số: 05/CT-UBND",
        place_date="Hà Tĩnh, ngày 05 tháng 3 năm 2024",
        title="CHỈ THỊ",
        subject="Về việc tăng cường kỷ luật, kỷ cương hành chính và nâng cao hiệu quả giải quyết "
                "thủ tục hành chính trên địa bàn tỉnh",
        body=(
            P("Thời gian qua, công tác cải cách hành chính trên địa bàn tỉnh đã có nhiều "
              "chuyển biến tích cực; Chỉ số cải cách hành chính năm 2023 của tỉnh xếp thứ 18/63 "
              "tỉnh, thành phố. Tuy nhiên, việc giải quyết hồ sơ ở một số nơi còn chậm, tỷ lệ hồ "
              "sơ trễ hạn còn cao."),
            P("Thực hiện Quyết định số 2269/QĐ-TTg ngày 31/12/2023 của Thủ tướng Chính phủ, "
              "để khắc phục những tồn tại nêu trên, Chủ tịch Ủy ban nhân dân tỉnh yêu cầu:"),
            P("1. Thủ trưởng các sở, ban, ngành cấp tỉnh:", bold=True),
            P("a) Chỉ đạo rà soát toàn bộ quy trình nội bộ giải quyết thủ tục hành chính "
              "thuộc thẩm quyền, hoàn thành trước ngày 30/6/2024."),
            P("b) Công khai đầy đủ, kịp thời các thủ tục hành chính trên Cổng Dịch vụ công "
              "quốc gia và tại Bộ phận Một cửa các cấp."),
            P("c) Xử lý nghiêm cán bộ, công chức có hành vi nhũng nhiễu, gây phiền hà cho "
              "người dân, doanh nghiệp."),
            P("2. Giao Sở Nội vụ chủ trì, phối hợp với Văn phòng Ủy ban nhân dân tỉnh tham "
              "mưu kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính; tổng hợp, báo "
              "cáo kết quả trong quý III/2024."),
            P("3. Sở Lao động - Thương binh và Xã hội có trách nhiệm:"),
            B("Hướng dẫn các địa phương rà soát hồ sơ chính sách người có công;"),
            B("Đẩy mạnh chi trả trợ cấp không dùng tiền mặt."),
            P("4. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tăng cường giám sát việc "
              "thực hiện Chỉ thị này, kịp thời phản ánh những bất cập với Ủy ban nhân dân tỉnh."),
            P("Yêu cầu Thủ trưởng các sở, ban, ngành cấp tỉnh, Chủ tịch Ủy ban nhân dân các "
              "huyện, thành phố, thị xã nghiêm túc thực hiện Chỉ thị này./."),
        ),
        recipients=("- Văn phòng Chính phủ;", "- TT Tỉnh ủy, TT HĐND tỉnh;",
                    "- Các sở, ban, ngành;", "- Lưu: VT, NC."),
        authority=SIGNER_KT,
        signer="Lê Văn Hùng",
        running_header="",
    ),
    number="05/CT-UBND", date="2024-03-05", issuer="Ủy ban nhân dân tỉnh Hà Tĩnh",
    tasks=(
        ("Thủ trưởng các sở, ban, ngành cấp tỉnh",
         "Chỉ đạo rà soát toàn bộ quy trình nội bộ giải quyết thủ tục"),
        ("Thủ trưởng các sở, ban, ngành cấp tỉnh",
         "Công khai đầy đủ, kịp thời các thủ tục hành chính trên Cổng"),
        ("Thủ trưởng các sở, ban, ngành cấp tỉnh",
         "Xử lý nghiêm cán bộ, công chức có hành vi nhũng nhiễu, gây"),
        ("Sở Nội vụ", "Giao Sở Nội vụ chủ trì, phối hợp với Văn phòng Ủy ban nhân"),
        ("Sở Lao động - Thương binh và Xã hội",
         "Sở Lao động - Thương binh và Xã hội có trách nhiệm"),
        ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
         "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh tăng cường giám"),
    ),
    formats=("pdf", "scan"),
)

TB_KL = Composition(
    spec=NoticeSpec(
        name="rs-tb87-kl",
        parent="ỦY BAN NHÂN DÂN",
        issuer="TỈNH QUẢNG TRỊ",
        number="Số: 87/TB-UBND",
        place_date="Quảng Trị, ngày 12 tháng 4 năm 2024",
        title="THÔNG BÁO",
        subject="Kết luận của Chủ tịch Ủy ban nhân dân tỉnh tại cuộc họp về tiến độ giải ngân "
                "vốn đầu tư công năm 2024",
        body=(
            P("Ngày 08/4/2024, Chủ tịch Ủy ban nhân dân tỉnh chủ trì cuộc họp nghe báo cáo "
              "tiến độ giải ngân vốn đầu tư công. Sau khi nghe báo cáo và ý kiến của các đại "
              "biểu, Chủ tịch Ủy ban nhân dân tỉnh kết luận như sau:"),
            P("I. ĐÁNH GIÁ CHUNG", bold=True),
            P("Đến ngày 31/3/2024, tỷ lệ giải ngân toàn tỉnh đạt 14,2% kế hoạch, thấp hơn "
              "cùng kỳ năm trước; một số chủ đầu tư chưa quyết liệt trong công tác giải phóng "
              "mặt bằng."),
            P("II. NHIỆM VỤ TRONG THỜI GIAN TỚI", bold=True),
            P("1. Các sở: Tài chính, Xây dựng, Giao thông vận tải rà soát, đẩy nhanh thẩm "
              "định hồ sơ quyết toán dự án hoàn thành, xong trước ngày 30/6/2024."),
            P("2. Sở Kế hoạch và Đầu tư:"),
            P("- Tham mưu điều chuyển vốn từ các dự án chậm giải ngân sang dự án có khả "
              "năng giải ngân tốt;"),
            P("- Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả giải ngân hằng tháng."),
            P("3. Ủy ban nhân dân các huyện, thị xã, thành phố tập trung giải quyết dứt "
              "điểm vướng mắc trong bồi thường, giải phóng mặt bằng trong quý III/2024."),
            P("4. Kiên quyết xử lý các nhà thầu vi phạm tiến độ theo quy định của hợp "
              "đồng."),
            P("Trên đây là kết luận của Chủ tịch Ủy ban nhân dân tỉnh, Văn phòng Ủy ban "
              "nhân dân tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./."),
        ),
        recipients=("- Chủ tịch, các PCT UBND tỉnh;", "- Các sở, ban, ngành;", "- Lưu: VT, TH."),
        authority=("TL. CHỦ TỊCH", "CHÁNH VĂN PHÒNG"),
        signer="Trần Thị Mai",
        running_header="",
    ),
    number="87/TB-UBND", date="2024-04-12", issuer="Ủy ban nhân dân tỉnh Quảng Trị",
    tasks=(
        ("Các sở: Tài chính, Xây dựng, Giao thông vận tải",
         "Các sở: Tài chính, Xây dựng, Giao thông vận tải rà soát, đẩy"),
        ("Sở Kế hoạch và Đầu tư", "Tham mưu điều chuyển vốn từ các dự án chậm giải ngân sang"),
        ("Sở Kế hoạch và Đầu tư", "Tổng hợp, báo cáo Ủy ban nhân dân tỉnh kết quả giải ngân"),
        ("Ủy ban nhân dân các huyện, thị xã, thành phố",
         "Ủy ban nhân dân các huyện, thị xã, thành phố tập trung giải"),
        ("", "Kiên quyết xử lý các nhà thầu vi phạm tiến độ theo quy định"),
    ),
    formats=("docx", "pdf", "scan"),
)

CV = Composition(
    spec=NoticeSpec(
        name="rs-cv1234-cv",
        parent="ỦY BAN NHÂN DÂN",
        issuer="TỈNH NINH BÌNH",
        number="Số: 1234/UBND-NC",
        place_date="Ninh Bình, ngày 20 tháng 5 năm 2024",
        title="V/v triển khai Quyết định số 2269/QĐ-TTg của Thủ tướng Chính phủ",
        subject="Kính gửi: Các sở, ban, ngành; Ủy ban nhân dân các huyện, thành phố.",
        body=(
            P("Thực hiện Quyết định số 2269/QĐ-TTg ngày 31/12/2023 của Thủ tướng Chính phủ "
              "về việc phê duyệt Đề án đo lường sự hài lòng của người dân, Ủy ban nhân dân tỉnh "
              "có ý kiến như sau:"),
            P("1. Giao Sở Nội vụ chủ trì, phối hợp với Sở Thông tin và Truyền thông xây dựng "
              "bộ câu hỏi khảo sát, trình Ủy ban nhân dân tỉnh trước ngày 15/7/2024."),
            P("2. Các sở, ban, ngành; Ủy ban nhân dân các huyện, thành phố phổ biến nội "
              "dung khảo sát đến cán bộ, công chức và người dân."),
            P("3. Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc thực hiện."),
            P("Ủy ban nhân dân tỉnh đề nghị các cơ quan, đơn vị khẩn trương triển khai thực "
              "hiện./."),
        ),
        recipients=("- Như trên;", "- Chủ tịch UBND tỉnh;", "- Lưu: VT, NC."),
        authority=SIGNER_KT,
        signer="Phạm Quang Ngọc",
        running_header="",
    ),
    number="1234/UBND-NC", date="2024-05-20", issuer="Ủy ban nhân dân tỉnh Ninh Bình",
    tasks=(
        ("Sở Nội vụ", "Giao Sở Nội vụ chủ trì, phối hợp với Sở Thông tin và Truyền"),
        ("Các sở, ban, ngành", "Các sở, ban, ngành; Ủy ban nhân dân các huyện, thành phố"),
        ("Văn phòng Ủy ban nhân dân tỉnh", "Văn phòng Ủy ban nhân dân tỉnh theo dõi, đôn đốc việc"),
    ),
    formats=("pdf", "docx", "scan"),
)

KH = Composition(
    spec=NoticeSpec(
        name="rs-kh56-kh",
        parent="ỦY BAN NHÂN DÂN",
        issuer="TỈNH PHÚ YÊN",
        number="Số: 56/KH-UBND",
        place_date="Phú Yên, ngày 02 tháng 02 năm 2024",
        title="KẾ HOẠCH",
        subject="Cải cách hành chính tỉnh Phú Yên năm 2024",
        body=(
            P("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
            P("Triển khai đồng bộ các nhiệm vụ cải cách hành chính, nâng cao Chỉ số cải "
              "cách hành chính của tỉnh."),
            P("II. NHIỆM VỤ CỤ THỂ", bold=True),
            ScoreTable(
                header=("TT", "Nội dung nhiệm vụ", "Cơ quan chủ trì", "Thời gian hoàn thành"),
                rows=(
                    ("1", "Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền", "Văn phòng "
                     "UBND tỉnh", "Quý II/2024"),
                    ("2", "Kiện toàn tổ chức bộ máy các cơ quan chuyên môn", "Sở Nội vụ",
                     "Tháng 9/2024"),
                    ("3", "Triển khai thanh toán trực tuyến phí, lệ phí", "Sở Tài chính",
                     "Trước 30/6/2024"),
                ),
                widths_cm=(1.0, 8.0, 4.0, 3.0),
            ),
            P("III. TỔ CHỨC THỰC HIỆN", bold=True),
            P("1. Sở Nội vụ hướng dẫn, theo dõi, đôn đốc các cơ quan, đơn vị thực hiện Kế "
              "hoạch này."),
            P("2. Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ cải cách hành "
              "chính."),
        ),
        recipients=("- Bộ Nội vụ;", "- Các sở, ban, ngành;", "- Lưu: VT."),
        authority=SIGNER_KT,
        signer="Đào Mỹ",
        running_header="",
    ),
    number="56/KH-UBND", date="2024-02-02", issuer="Ủy ban nhân dân tỉnh Phú Yên",
    tasks=(
        ("Văn phòng UBND tỉnh", "Rà soát, đánh giá thủ tục hành chính thuộc thẩm quyền"),
        ("Sở Nội vụ", "Kiện toàn tổ chức bộ máy các cơ quan chuyên môn"),
        ("Sở Tài chính", "Triển khai thanh toán trực tuyến phí, lệ phí"),
        ("Sở Nội vụ", "Sở Nội vụ hướng dẫn, theo dõi, đôn đốc các cơ quan, đơn vị"),
        ("Sở Tài chính", "Sở Tài chính bố trí kinh phí thực hiện các nhiệm vụ cải cách"),
    ),
    formats=("pdf",),
)

QD = Composition(
    spec=NoticeSpec(
        name="rs-qd789-qd",
        parent="ỦY BAN NHÂN DÂN",
        issuer="TỈNH BẮC GIANG",
        number="Số: 789/QĐ-UBND",
        place_date="Bắc Giang, ngày 18 tháng 6 năm 2024",
        title="QUYẾT ĐỊNH",
        subject="Về việc công bố Chỉ số cải cách hành chính năm 2023 của các sở, ban, ngành",
        body=(
            P("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BẮC GIANG", bold=True, indent=False),
            P("Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;"),
            P("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 321/TTr-SNV ngày "
              "10/6/2024."),
            P("QUYẾT ĐỊNH:", bold=True, indent=False),
            P("Điều 1. Công bố Chỉ số cải cách hành chính năm 2023 của các sở, ban, ngành "
              "(chi tiết tại Phụ lục kèm theo)."),
            P("Điều 2. Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan hướng "
              "dẫn các cơ quan khắc phục hạn chế, nâng cao Chỉ số năm 2024."),
            P("Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh, Giám đốc Sở Nội vụ, Thủ trưởng "
              "các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành Quyết định này./."),
        ),
        recipients=("- Như Điều 3;", "- Lưu: VT, NC."),
        authority=("CHỦ TỊCH",),
        signer="Lê Ánh Dương",
        running_header="",
    ),
    number="789/QĐ-UBND", date="2024-06-18", issuer="Ủy ban nhân dân tỉnh Bắc Giang",
    tasks=(
        ("Sở Nội vụ", "Giao Sở Nội vụ chủ trì, phối hợp với các cơ quan liên quan"),
    ),
    formats=("docx", "pdf"),
)

CT_SO = Composition(
    spec=NoticeSpec(
        name="rs-ct03-sotp",
        parent="UBND TỈNH LÂM ĐỒNG",
        issuer="SỞ TƯ PHÁP",
        number="Số: 03/CT-STP",
        place_date="Lâm Đồng, ngày 09 tháng 01 năm 2024",
        title="CHỈ THỊ",
        subject="Về tăng cường công tác phổ biến, giáo dục pháp luật năm 2024",
        body=(
            P("Để nâng cao hiệu quả công tác phổ biến, giáo dục pháp luật, Giám đốc Sở Tư "
              "pháp yêu cầu:"),
            Section(number="1", text="Phòng Phổ biến, giáo dục pháp luật"),
            B("Xây dựng kế hoạch tuyên truyền pháp luật theo chủ đề từng quý;"),
            B("Tổ chức Ngày Pháp luật Việt Nam năm 2024 trước ngày 09/11/2024."),
            Section(number="2", text="Văn phòng Sở bảo đảm kinh phí, cơ sở vật chất cho các "
                    "hoạt động tuyên truyền"),
            Section(number="3", text="Thanh tra Sở có trách nhiệm kiểm tra việc thực hiện Chỉ thị "
                    "này"),
            P("Yêu cầu Trưởng các phòng, đơn vị thuộc Sở nghiêm túc thực hiện./."),
        ),
        recipients=("- UBND tỉnh (b/c);", "- Lưu: VT."),
        authority=("GIÁM ĐỐC",),
        signer="Nguyễn Thị Hồng",
        running_header="",
    ),
    number="03/CT-STP", date="2024-01-09", issuer="Sở Tư pháp tỉnh Lâm Đồng",
    tasks=(
        ("Phòng Phổ biến, giáo dục pháp luật", "Xây dựng kế hoạch tuyên truyền pháp luật theo chủ"),
        ("Phòng Phổ biến, giáo dục pháp luật", "Tổ chức Ngày Pháp luật Việt Nam năm 2024 trước"),
        ("Văn phòng Sở", "Văn phòng Sở bảo đảm kinh phí, cơ sở vật chất cho các hoạt"),
        ("Thanh tra Sở", "Thanh tra Sở có trách nhiệm kiểm tra việc thực hiện Chỉ thị"),
    ),
    formats=("docx", "pdf"),
)

TB_VP = Composition(
    spec=NoticeSpec(
        name="rs-tb215-vp",
        parent="UBND TỈNH THANH HÓA",
        issuer="VĂN PHÒNG",
        number="Số: 215/TB-VP",
        place_date="Thanh Hóa, ngày 26 tháng 8 năm 2024",
        title="THÔNG BÁO",
        subject="Ý kiến kết luận của Phó Chủ tịch UBND tỉnh tại buổi làm việc về chuyển đổi số "
                "trong giải quyết thủ tục hành chính",
        body=(
            P("Ngày 20/8/2024, đồng chí Phó Chủ tịch UBND tỉnh chủ trì buổi làm việc với các "
              "sở, ngành về chuyển đổi số. Sau khi nghe báo cáo, đồng chí Phó Chủ tịch UBND tỉnh "
              "kết luận:"),
            P("1. Về kết quả thực hiện", bold=True),
            P("Năm 2023, Chỉ số chuyển đổi số của tỉnh được cải thiện; tỷ lệ hồ sơ trực tuyến "
              "toàn trình đạt 48%."),
            P("2. Về nhiệm vụ thời gian tới", bold=True),
            P("2.1. Trên cơ sở kết quả rà soát, giao Sở Thông tin và Truyền thông chủ trì, phối "
              "hợp với Văn phòng UBND tỉnh nâng cấp Hệ thống thông tin giải quyết thủ tục hành "
              "chính, hoàn thành trong tháng 10/2024."),
            P("2.2. Sở Y tế, Sở Giáo dục và Đào tạo:"),
            P("+ Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính;"),
            P("+ Hướng dẫn người dân sử dụng dịch vụ công trực tuyến."),
            P("2.3. Đề nghị Ủy ban MTTQ tỉnh và các tổ chức chính trị - xã hội tỉnh tuyên truyền "
              "để người dân tham gia dịch vụ công trực tuyến."),
            P("2.4. Công an tỉnh có trách nhiệm:"),
            P("a) Hoàn thành làm sạch dữ liệu dân cư trước ngày 30/9/2024;"),
            P("b) Phối hợp kết nối dữ liệu với Cổng Dịch vụ công của tỉnh."),
            P("Văn phòng UBND tỉnh thông báo để các cơ quan, đơn vị biết, thực hiện./."),
        ),
        recipients=("- Các sở: TT&TT, Y tế, GD&ĐT;", "- Công an tỉnh;", "- Lưu: VT, KSTTHC."),
        authority=("KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG"),
        signer="Hoàng Văn Bình",
        running_header="",
    ),
    number="215/TB-VP", date="2024-08-26", issuer="Văn phòng Ủy ban nhân dân tỉnh Thanh Hóa",
    tasks=(
        ("Sở Thông tin và Truyền thông",
         "giao Sở Thông tin và Truyền thông chủ trì, phối hợp với Văn phòng"),
        ("Sở Y tế", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"),
        ("Sở Y tế", "Hướng dẫn người dân sử dụng dịch vụ công trực tuyến"),
        ("Ủy ban MTTQ tỉnh", "Đề nghị Ủy ban MTTQ tỉnh và các tổ chức chính trị - xã hội"),
        ("Công an tỉnh", "Công an tỉnh có trách nhiệm"),
    ),
    formats=("pdf", "docx", "scan"),
)

CT_RO = Composition(
    spec=NoticeSpec(
        name="rs-ct09-roman",
        parent="ỦY BAN NHÂN DÂN",
        issuer="TỈNH ĐẮK LẮK",
        number="Số: 09/CT-UBND",
        place_date="Đắk Lắk, ngày 14 tháng 11 năm 2024",
        title="CHỈ THỊ",
        subject="Về đẩy mạnh cải cách thủ tục hành chính, cải thiện môi trường đầu tư kinh doanh",
        body=(
            P("Thực hiện Nghị quyết số 02/NQ-CP ngày 05/01/2024 của Chính phủ, Chủ tịch Ủy ban "
              "nhân dân tỉnh chỉ thị:"),
            P("I. Sở Kế hoạch và Đầu tư", bold=True),
            P("1. Rút ngắn thời gian cấp giấy chứng nhận đăng ký doanh nghiệp xuống còn 02 ngày "
              "làm việc."),
            P("2. Tổ chức đối thoại doanh nghiệp định kỳ hằng quý."),
            P("II. Sở Tài nguyên và Môi trường", bold=True),
            P("1. Công khai quy hoạch, kế hoạch sử dụng đất cấp huyện."),
            P("2. Giải quyết dứt điểm hồ sơ đất đai tồn đọng trước ngày 31/12/2024."),
            P("III. Ủy ban nhân dân các huyện, thị xã, thành phố: chỉ đạo Bộ phận Một cửa thực "
              "hiện nghiêm quy định về tiếp nhận hồ sơ.", bold=False),
            P("Chủ tịch Ủy ban nhân dân tỉnh yêu cầu Thủ trưởng các sở, ban, ngành, Chủ tịch Ủy "
              "ban nhân dân các huyện nghiêm túc thực hiện./."),
        ),
        recipients=("- Thường trực Tỉnh ủy;", "- Lưu: VT, TH."),
        authority=("CHỦ TỊCH",),
        signer="Phạm Ngọc Sơn",
        running_header="",
    ),
    number="09/CT-UBND", date="2024-11-14", issuer="Ủy ban nhân dân tỉnh Đắk Lắk",
    tasks=(
        ("Sở Kế hoạch và Đầu tư", "Rút ngắn thời gian cấp giấy chứng nhận đăng ký doanh nghiệp"),
        ("Sở Kế hoạch và Đầu tư", "Tổ chức đối thoại doanh nghiệp định kỳ hằng quý"),
        ("Sở Tài nguyên và Môi trường", "Công khai quy hoạch, kế hoạch sử dụng đất cấp huyện"),
        ("Sở Tài nguyên và Môi trường", "Giải quyết dứt điểm hồ sơ đất đai tồn đọng trước ngày"),
        ("Ủy ban nhân dân các huyện, thị xã, thành phố",
         "Ủy ban nhân dân các huyện, thị xã, thành phố: chỉ đạo Bộ phận"),
    ),
    formats=("pdf", "docx", "scan"),
)

QC = Composition(
    spec=NoticeSpec(
        name="rs-qd45-quyche",
        parent="ỦY BAN NHÂN DÂN",
        issuer="TỈNH VĨNH LONG",
        number="Số: 45/2024/QĐ-UBND",
        place_date="Vĩnh Long, ngày 30 tháng 9 năm 2024",
        title="QUYẾT ĐỊNH",
        subject="Ban hành Quy chế phối hợp đánh giá Chỉ số cải cách hành chính",
        body=(
            P("Chương III", bold=True, indent=False),
            P("TỔ CHỨC THỰC HIỆN", bold=True, indent=False),
            P("Điều 8. Trách nhiệm của Sở Nội vụ", bold=True),
            P("1. Hướng dẫn các cơ quan tự đánh giá, chấm điểm Chỉ số cải cách hành chính trước "
              "ngày 15 tháng 12 hằng năm."),
            P("2. Tổng hợp kết quả, trình Ủy ban nhân dân tỉnh công bố."),
            P("Điều 9. Trách nhiệm của Ủy ban nhân dân cấp huyện", bold=True),
            P("1. Tổ chức tự đánh giá theo đúng hướng dẫn; chịu trách nhiệm về tính chính xác "
              "của số liệu."),
            P("2. Phân công công chức đầu mối theo dõi công tác cải cách hành chính."),
            P("Điều 10. Điều khoản thi hành", bold=True),
            P("Quyết định này có hiệu lực kể từ ngày 10 tháng 10 năm 2024."),
        ),
        recipients=("- Bộ Nội vụ;", "- Lưu: VT."),
        authority=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"),
        signer="Đặng Văn Tùng",
        running_header="",
    ),
    number="45/2024/QĐ-UBND", date="2024-09-30", issuer="Ủy ban nhân dân tỉnh Vĩnh Long",
    tasks=(
        ("Sở Nội vụ", "Hướng dẫn các cơ quan tự đánh giá, chấm điểm Chỉ số cải cách"),
        ("Sở Nội vụ", "Tổng hợp kết quả, trình Ủy ban nhân dân tỉnh công bố"),
        ("Ủy ban nhân dân cấp huyện", "Tổ chức tự đánh giá theo đúng hướng dẫn; chịu trách"),
        ("Ủy ban nhân dân cấp huyện", "Phân công công chức đầu mối theo dõi công tác cải cách"),
    ),
    formats=("docx", "pdf"),
)

ALL = (CT_HT, TB_KL, CV, KH, QD, CT_SO, TB_VP, CT_RO, QC)


def expected(c: Composition) -> dict[str, object]:
    """Given a composition, return its expected.json as the real dev set writes it."""
    return {"notice_number": c.number, "issue_date": c.date, "issuer": c.issuer,
            "assessment_year": None, "headline_score": None, "stated_total": None, "grade": None,
            "rank": None, "components": [], "units": [],
            "tasks": [{"unit": u or None, "text": t} for u, t in c.tasks],
            "known_inconsistencies": [], "extra": {}}


def render(c: Composition, fmt: str) -> tuple[str, bytes]:
    """Given a composition and a format, return (suffix, bytes) of the rendered file."""
    if fmt == "docx":
        return ".docx", build_docx(c.spec)
    pdf = build_pdf(c.spec)
    return ".pdf", (build_scan(pdf, 200, -1.2) if fmt == "scan" else pdf)


def write_corpus(dest: Path, formats: tuple[str, ...] = ("pdf", "docx", "scan")) -> list[Path]:
    """Given a folder, write one sub-folder per composition and format; return them."""
    register_fonts()
    out = []
    for c in ALL:
        for fmt in c.formats:
            if fmt not in formats:
                continue
            folder = dest / f"{c.spec.name}-{fmt}"
            folder.mkdir(parents=True, exist_ok=True)
            suffix, data = render(c, fmt)
            (folder / f"source{suffix}").write_bytes(data)
            (folder / "expected.json").write_text(json.dumps(expected(c), ensure_ascii=False,
                                                             indent=1), encoding="utf-8")
            out.append(folder)
    return out


if __name__ == "__main__":
    write_corpus(Path(sys.argv[1]), tuple(sys.argv[2:]) or ("pdf", "docx", "scan"))
