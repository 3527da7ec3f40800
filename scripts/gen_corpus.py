#!/usr/bin/env python3
"""Generate a corpus of FICTIONAL exemplar records for load tests, demos and screenshots.

    .venv/bin/python scripts/gen_corpus.py --count 2000 --out /tmp/corpus --seed 1 [--images] [--force]

Every record is invented: names are drawn from pools of common Vietnamese surnames, middle and given
names; companies, groups and numbers are made up. Only the localities are real (legacy wards of the
gazetteer, checked with ``gazetteer().resolve``). The output is deterministic: the same arguments give
byte-identical files (one ``random.Random(seed)``, catalogue and gazetteer order, no clock, no uuid).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import shutil
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

from guongsang.model.award_periods import fits
from guongsang.model.catalog import Catalog, Entry
from guongsang.model.catalogues import load_catalog
from guongsang.model.places import Gazetteer, LocalityError, Unit, gazetteer
from guongsang.model.text import nfc, slugify

ROOT = Path(__file__).resolve().parent.parent
CATALOG_DIR = ROOT / "content" / "catalog"
YEARS = (2021, 2025)
LAST_MONTH = {2025: 10}  # keep dates of the newest year before the usual build date
KIND_WEIGHTS = (("ca-nhan", 55), ("tap-the", 30), ("ho-gia-dinh", 15))
KIND_WRITTEN = {"ca-nhan": "cá nhân", "tap-the": "tập thể", "ho-gia-dinh": "hộ gia đình"}

# ---------------------------------------------------------------------------------------------
# Names
# ---------------------------------------------------------------------------------------------
SURNAMES_NORTH = (
    ("Nguyễn", 38), ("Trần", 11), ("Lê", 9.5), ("Phạm", 7), ("Hoàng", 5), ("Phan", 3), ("Vũ", 4),
    ("Đặng", 2.1), ("Bùi", 2), ("Đỗ", 2), ("Hồ", 1), ("Ngô", 1.5), ("Dương", 1), ("Lý", 0.5), ("Đinh", 1),
    ("Trịnh", 0.8), ("Đoàn", 0.6), ("Lương", 0.5), ("Mai", 0.5), ("Trương", 0.5), ("Cao", 0.4), ("Hà", 0.6),
    ("Tạ", 0.3), ("Kiều", 0.2), ("Quách", 0.2), ("Lưu", 0.3), ("Nông", 0.3), ("Triệu", 0.2), ("Khuất", 0.1),
)
SURNAMES_SOUTH = (
    ("Nguyễn", 36), ("Trần", 11), ("Lê", 9.5), ("Phạm", 6), ("Huỳnh", 5), ("Phan", 4.5), ("Võ", 4.5),
    ("Đặng", 2), ("Bùi", 1.5), ("Đỗ", 1.2), ("Hồ", 1.6), ("Ngô", 1.3), ("Dương", 1), ("Lý", 0.8),
    ("Trương", 1), ("Lâm", 0.8), ("Đoàn", 0.5), ("Châu", 0.5), ("Thái", 0.4), ("Lương", 0.4), ("Tô", 0.3),
    ("Cao", 0.4), ("Mai", 0.4), ("La", 0.2), ("Từ", 0.2), ("Vương", 0.2), ("Quách", 0.2), ("Tăng", 0.2),
)
MIDDLE = {
    "m": (("Văn", 30), ("Hữu", 6), ("Đức", 6), ("Minh", 6), ("Quang", 5), ("Công", 5), ("Thành", 4),
          ("Xuân", 4), ("Đình", 4), ("Ngọc", 3), ("Quốc", 4), ("Trọng", 3), ("Thanh", 3), ("Hoàng", 3),
          ("Bá", 2), ("Mạnh", 2), ("Gia", 2), ("Duy", 2), ("Tấn", 2), ("Việt", 2), ("Khắc", 1), ("Phước", 1),
          ("Anh", 1), ("Tiến", 1.5), ("Huy", 1)),
    "f": (("Thị", 35), ("Ngọc", 6), ("Thu", 5), ("Thanh", 5), ("Hồng", 4), ("Minh", 3), ("Kim", 4),
          ("Bích", 3), ("Thùy", 3), ("Mai", 2), ("Phương", 3), ("Diệu", 2), ("Hoài", 2), ("Khánh", 2),
          ("Bảo", 2), ("Mỹ", 2), ("Thúy", 2), ("Quỳnh", 2), ("Hải", 1), ("Tuyết", 1), ("Như", 1.5)),
}
GIVEN = {
    "m": ("Hùng", "Dũng", "Tuấn", "Minh", "Nam", "Long", "Hải", "Sơn", "Thắng", "Trung", "Cường", "Phong",
          "Quân", "Hiếu", "Khoa", "Bình", "Tài", "Lợi", "Phúc", "Thịnh", "Toàn", "Việt", "Hưng", "Đạt", "Huy",
          "Khánh", "Kiên", "Lâm", "Nghĩa", "Tâm", "Tín", "Vinh", "Dương", "Hòa", "Lộc", "Nhân", "Quang", "Thành",
          "Thông", "Tiến", "Trí", "Tùng", "Vũ", "An", "Bảo", "Công", "Đức", "Hậu", "Hoàng", "Khải", "Luân",
          "Mạnh", "Nguyên", "Phát", "Quý", "Sang", "Tân", "Thái", "Thuận", "Trọng", "Tú", "Vĩnh", "Duy", "Hiệp"),
    "f": ("Lan", "Hương", "Hoa", "Mai", "Linh", "Trang", "Thảo", "Hằng", "Ngọc", "Nga", "Yến", "Hạnh", "Huyền",
          "Loan", "Nhung", "Phương", "Thủy", "Tuyết", "Vân", "Oanh", "Dung", "Hà", "Hiền", "Liên", "Ly", "My",
          "Nhi", "Quyên", "Trinh", "Uyên", "Anh", "Châu", "Diễm", "Giang", "Hồng", "Lệ", "Lý", "Nguyệt", "Nhàn",
          "Phượng", "Sương", "Tâm", "Thắm", "Thoa", "Thư", "Trâm", "Vy", "Xuân", "Yên", "Duyên", "Hậu", "Lài"),
}
GIVEN_COMPOUND = {
    "m": ("Minh Tuấn", "Đức Anh", "Hoàng Long", "Quốc Bảo", "Tuấn Anh", "Minh Quân", "Thanh Tùng", "Gia Huy"),
    "f": ("Lan Anh", "Thu Hà", "Minh Châu", "Ngọc Ánh", "Thanh Hương", "Thu Trang", "Hồng Nhung", "Kim Oanh",
          "Phương Thảo", "Bích Ngọc", "Thanh Tâm", "Hoài Thương", "Mỹ Linh", "Ngọc Hân", "Thùy Dương"),
}

VILLAGE_A = ("Phú", "An", "Tân", "Hòa", "Bình", "Phước", "Đông", "Tây", "Trung", "Thượng", "Hạ", "Mỹ", "Vĩnh",
             "Xuân", "Hưng", "Long", "Thanh", "Đại", "Quảng", "Lộc", "Thạnh", "Hiệp", "Phong", "Đức", "Yên")
VILLAGE_B = ("Hữu", "Lợi", "Thành", "Hòa", "Thịnh", "Phú", "An", "Lộc", "Mỹ", "Tân", "Yên", "Sơn", "Lâm",
             "Điền", "Đông", "Tây", "Trung", "Xuân", "Nghĩa", "Hưng", "Phước", "Long", "Quý", "Khánh")
MOUNTAIN = ("tinhhagiang", "tinhcaobang", "tinhbackan", "tinhlaocai", "tinhdienbien", "tinhlaichau", "tinhsonla")
BAN_A = ("Nà", "Pác", "Khuổi", "Phiêng", "Nặm", "Co", "Huổi", "Lũng", "Tà")
BAN_B = ("Mòn", "Lếch", "Chang", "Pục", "Bó", "Khoang", "Cáy", "Sản", "Mường", "Lào", "Phìn")

SCHOOLS = ("Nguyễn Trãi", "Lê Quý Đôn", "Chu Văn An", "Trần Phú", "Lý Tự Trọng", "Võ Thị Sáu", "Kim Đồng",
           "Nguyễn Du", "Lê Lợi", "Quang Trung", "Nguyễn Bỉnh Khiêm", "Trần Hưng Đạo", "Phan Bội Châu",
           "Nguyễn Đình Chiểu", "Lương Thế Vinh", "Nguyễn Văn Trỗi", "Trần Quốc Toản", "Ngô Quyền",
           "Lê Hồng Phong", "Nguyễn Khuyến", "Đoàn Thị Điểm", "Hoàng Hoa Thám")
KINDERGARTENS = ("Hoa Sen", "Sơn Ca", "Họa Mi", "Hoa Hồng", "Tuổi Thơ", "Ánh Dương", "Măng Non", "Hoa Mai",
                 "Vành Khuyên", "Búp Sen Hồng")
BRANDS = ("Minh Phát", "Thành Đạt", "Hòa Bình Xanh", "Sao Việt", "An Khang", "Tân Phú", "Phúc Lộc",
          "Đại Dương", "Trường Sơn", "Hưng Thịnh", "Nam Việt", "Bình Minh", "Hoàng Gia", "Kim Ngân", "Thiên Phú",
          "Việt Tiến Xanh", "Đông Á", "Hải Long", "Mekong Xanh", "Cao Nguyên")
INDUSTRIES = ("May mặc", "Cơ khí", "Thực phẩm", "Thủy sản", "Xây dựng", "Dược phẩm", "Điện tử", "Bao bì",
              "Chế biến gỗ", "Nông sản", "Vận tải", "Cơ điện lạnh")
TECH_INDUSTRIES = ("Phần mềm", "Công nghệ số", "Giải pháp công nghệ", "Truyền thông số")
WORKSHOPS = ("cơ khí", "may", "đóng gói", "bảo trì", "sơ chế", "lắp ráp", "vận hành lò hơi", "cắt", "kiểm phẩm")
COOP_KINDS = ("Nông nghiệp", "Dịch vụ nông nghiệp", "Chè", "Rau an toàn", "Thủy sản", "Cà phê", "Hoa",
              "Dệt thổ cẩm", "Mây tre đan", "Muối")
CROPS = ("rau thủy canh", "dưa lưới trong nhà màng", "cà phê xen sầu riêng", "bưởi da xanh", "hoa cúc",
         "nấm rơm", "sen lấy hạt", "chanh không hạt", "thanh long ruột đỏ", "rau má", "ớt chỉ thiên", "mít Thái",
         "cam sành", "lúa hữu cơ", "dâu tây", "hồ tiêu", "măng tây", "gấc")
ANIMALS = ("bò vỗ béo", "dê", "gà thả vườn", "heo đen", "ong lấy mật", "cá lóc", "tôm thẻ chân trắng",
           "vịt xiêm", "cá rô đầu vuông", "thỏ", "chim bồ câu", "lươn không bùn")
PRODUCTS = ("cà phê đặc sản", "trà túi lọc thảo mộc", "nước mắm truyền thống", "gốm thủ công",
            "nông sản sấy dẻo", "tinh dầu sả chanh", "đồ gỗ mỹ nghệ", "bánh tráng", "mật ong rừng",
            "xà phòng thiên nhiên", "nến thơm", "mứt trái cây")
CHARITIES = ("Bếp ăn yêu thương", "Nồi cháo nghĩa tình", "Tủ bánh mì 0 đồng", "Xe cứu thương 0 đồng",
             "Ánh sáng nhân ái", "Chung tay vì người nghèo", "Áo ấm mùa đông", "Sẻ chia", "Cơm có thịt",
             "Vòng tay nhân ái", "Ổ bánh mì yêu thương")
DEPTS = ("Hồi sức tích cực", "Nhi", "Cấp cứu", "Nội tổng hợp", "Sản", "Y học cổ truyền", "Truyền nhiễm",
         "Ngoại chấn thương", "Khám bệnh")
TECHNIQUES = ("nội soi can thiệp", "phẫu thuật nội soi", "lọc máu liên tục", "châm cứu kết hợp vật lý trị liệu",
              "siêu âm tim cho trẻ sơ sinh")
RANKS = ("Thượng úy", "Đại úy", "Thiếu tá", "Trung tá")
SEC_MODELS = ("Camera an ninh", "Khu dân cư an toàn về phòng cháy, chữa cháy", "Tổ liên gia an toàn",
              "Điểm chữa cháy công cộng", "Tiếng kẻng an ninh", "Cổng trường an toàn giao thông")
PARTY_MODELS = ("Mỗi tuần một việc tốt", "Ngõ phố không rác", "Tuyến phố văn minh", "Thắp sáng đường quê",
                "Bữa cơm nghĩa tình", "Tủ sách Bác Hồ", "Dân hỏi - cán bộ trả lời", "Chi bộ bốn tốt")
SYSTEMS = ("văn bản đi, đến", "hồ sơ hộ tịch", "lịch trực của cơ quan", "tài sản công", "hồ sơ học sinh")
PRIZES = ("Nhất", "Nhì", "Ba", "Khuyến khích")

# ---------------------------------------------------------------------------------------------
# Content: roles, collectives, activities per field (lĩnh vực). "P:" marks an activity fit only for a
# person, "T:" one fit only for a collective. Placeholders are filled by _Fill (numbers fresh each time).
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Role:
    text: str  # "giáo viên Trường THCS {school}"
    unit: str  # proposing unit
    honor: str = ""  # "", "teacher", "doctor", "rank"
    ages: tuple[int, int] = (28, 62)
    gender: str = ""  # "", "m", "f"


@dataclass(frozen=True)
class Collective:
    name: str
    unit: str
    ref: str  # how the story refers to it: "nhà trường"
    members: str  # "cán bộ, giáo viên, nhân viên"
    size: tuple[int, int] = (10, 80)


@dataclass(frozen=True)
class Theme:
    domain: str
    roles: tuple[Role, ...]
    collectives: tuple[Collective, ...]
    acts: tuple[str, ...]
    results: tuple[str, ...]
    titles: tuple[str, ...]
    quotes: tuple[str, ...]
    challenges: tuple[str, ...]
    tags: tuple[str, ...]
    wishes: tuple[str, ...] = ()
    hh_acts: tuple[str, ...] = ()
    hh_results: tuple[str, ...] = ()
    hh_titles: tuple[str, ...] = ()


R, C = Role, Collective

THEMES: dict[str, Theme] = {
    "kinh-te-ho-gia-dinh": Theme(
        domain="phát triển kinh tế gia đình",
        roles=(R("hội viên Hội Nông dân {ward}", "Hội Nông dân {ward}", ages=(35, 65)),
               R("chủ trang trại {animal} ở {hamlet}", "UBND {ward}", ages=(35, 62)),
               R("Chi hội trưởng Chi hội Phụ nữ {hamlet}", "Hội Liên hiệp Phụ nữ {ward}", ages=(32, 60), gender="f"),
               R("nông dân trồng {crop} ở {hamlet}", "Hội Nông dân {ward}", ages=(30, 65))),
        collectives=(C("Tổ hợp tác trồng {crop} {pname}", "UBND {ward}", "tổ hợp tác", "thành viên", (12, 40)),
                     C("Chi hội Phụ nữ {Hamlet}", "Hội Liên hiệp Phụ nữ {ward}", "chi hội", "hội viên", (30, 120)),
                     C("Hội Nông dân {ward}", "Hội Nông dân {district}", "hội", "hội viên", (200, 1500))),
        acts=("P:mạnh dạn vay {money} vốn ưu đãi để chuyển sang trồng {crop}",
              "xây dựng mô hình nuôi {animal} theo hướng an toàn sinh học",
              "hướng dẫn kỹ thuật miễn phí cho {n2} hộ nghèo, cận nghèo trong vùng",
              "góp vốn, cho mượn giống để {n1} hộ khó khăn có sinh kế ổn định",
              "áp dụng hệ thống tưới nhỏ giọt, giảm {pct_small}% chi phí nhân công",
              "liên kết với doanh nghiệp bao tiêu đầu ra cho sản phẩm của bà con",
              "T:thành lập quỹ xoay vòng giúp hội viên vay vốn không lãi",
              "T:tổ chức {n2} buổi tập huấn chuyển giao khoa học kỹ thuật cho bà con"),
        results=("thu nhập đạt khoảng {money} mỗi năm", "{n1} hộ trong vùng đã thoát nghèo nhờ học theo cách làm này",
                 "mô hình tạo việc làm thường xuyên cho {n2} lao động địa phương",
                 "sản phẩm {crop} của địa phương đã có mặt ở nhiều siêu thị"),
        titles=("Làm giàu từ {crop} trên đất {pname}", "Vượt khó thoát nghèo, giúp xóm giềng cùng khá lên",
                "{Ref} và mô hình nuôi {animal} ở {pname}", "Từ hộ cận nghèo đến chủ trang trại",
                "Bền bỉ với con đường làm giàu chính đáng", "Hạt giống thoát nghèo ở {Hamlet}"),
        quotes=("Mình khá lên thì phải kéo bà con cùng khá, chứ giàu một mình thì không vui",
                "Không có con đường tắt nào, chỉ có chịu khó học hỏi và làm thật",
                "Cái nghèo không đáng sợ bằng cái ngại thay đổi"),
        challenges=("đất đai cằn cỗi, thiếu vốn và thiếu kinh nghiệm",
                    "giá cả đầu ra bấp bênh, có vụ mất trắng vì thời tiết",
                    "dịch bệnh trên vật nuôi khiến đàn giống bị thiệt hại nặng"),
        tags=("giảm nghèo", "kinh tế hộ", "làm giàu", "nông nghiệp"),
        wishes=("mở rộng quy mô sản xuất và tạo thêm việc làm cho bà con",
                "xây dựng thương hiệu riêng cho sản phẩm {crop} của địa phương"),
        hh_acts=("chuyển đổi {area} ha đất kém hiệu quả sang trồng {crop}",
                 "đầu tư chuồng trại nuôi {animal} theo quy trình an toàn sinh học",
                 "vay vốn Ngân hàng Chính sách xã hội để mở rộng sản xuất và trả nợ đúng hạn",
                 "sẵn sàng chia sẻ kinh nghiệm, cây giống cho các hộ nghèo trong {hamlet}",
                 "liên kết với hợp tác xã để ổn định đầu ra cho sản phẩm"),
        hh_results=("thu nhập của gia đình đạt khoảng {money} mỗi năm",
                    "gia đình đã xây được nhà mới và lo cho các con ăn học đầy đủ",
                    "nhiều hộ trong {hamlet} học theo cách làm của gia đình"),
    ),
    "san-xuat-kinh-doanh": Theme(
        domain="sản xuất",
        roles=(R("công nhân tổ {workshop} Công ty {company}", "Công đoàn Công ty {company}", ages=(22, 55)),
               R("kỹ sư phòng Kỹ thuật Công ty {company}", "Công ty {company}", ages=(25, 55)),
               R("Giám đốc Hợp tác xã {coop}", "Liên minh Hợp tác xã {province_full}", ages=(35, 62)),
               R("Tổ trưởng tổ {workshop} Công ty {company}", "Công đoàn Công ty {company}", ages=(28, 55)),
               R("chủ hộ kinh doanh {product} tại {ward}", "UBND {ward}", ages=(28, 60))),
        collectives=(C("Công ty {company}", "Liên đoàn Lao động {district}", "công ty", "công nhân, người lao động",
                       (50, 1200)),
                     C("Công đoàn cơ sở Công ty {company}", "Liên đoàn Lao động {district}", "công đoàn cơ sở",
                       "đoàn viên", (40, 900)),
                     C("Hợp tác xã {coop}", "Liên minh Hợp tác xã {province_full}", "hợp tác xã", "thành viên",
                       (15, 300)),
                     C("Phân xưởng {workshop} Công ty {company}", "Công ty {company}", "phân xưởng", "công nhân",
                       (20, 150))),
        acts=("đề xuất {n1} sáng kiến cải tiến kỹ thuật, làm lợi cho đơn vị khoảng {money}",
              "P:kèm cặp {n2} công nhân mới đạt bậc thợ giỏi",
              "cải tiến dây chuyền {workshop}, rút ngắn {pct_small}% thời gian sản xuất",
              "mở rộng thị trường tiêu thụ sang {n1} tỉnh, thành",
              "T:chăm lo bữa ăn ca, nhà trọ cho người lao động", "áp dụng quy trình 5S trong sản xuất",
              "T:duy trì việc làm cho toàn bộ người lao động trong giai đoạn khó khăn",
              "P:tự học, tự thiết kế đồ gá giúp giảm phế phẩm"),
        results=("doanh thu năm {year} đạt {bigmoney}, nộp ngân sách đầy đủ, đúng hạn",
                 "thu nhập bình quân của người lao động đạt {salary} triệu đồng/tháng",
                 "không để xảy ra tai nạn lao động nghiêm trọng trong {yrs} năm liền",
                 "tỷ lệ sản phẩm lỗi giảm còn dưới {n1}%"),
        titles=("{Ref}: giỏi tay nghề, giàu sáng kiến", "Giữ việc làm cho người lao động qua mùa khó",
                "Sáng kiến từ xưởng {workshop}", "Vươn lên từ khó khăn bằng sáng tạo",
                "Người thợ không ngừng cải tiến", "Đổi mới để phát triển bền vững"),
        quotes=("Sáng kiến không ở đâu xa, nó nằm ngay trong từng thao tác hằng ngày",
                "Người lao động có yên tâm thì doanh nghiệp mới phát triển được",
                "Tôi chỉ nghĩ làm sao cho việc nhanh hơn, đỡ vất vả hơn cho anh em"),
        challenges=("đơn hàng sụt giảm, chi phí nguyên liệu tăng cao",
                    "máy móc cũ, thường xuyên hỏng hóc giữa ca", "thiếu lao động có tay nghề"),
        tags=("lao động giỏi", "sáng kiến", "doanh nghiệp", "công đoàn"),
        wishes=("tiếp tục nghiên cứu những cải tiến mới", "truyền nghề cho thế hệ công nhân trẻ"),
    ),
    "van-hoa-co-so": Theme(
        domain="công tác văn hóa ở khu dân cư",
        roles=(R("Tổ trưởng {hamlet}", "UBND {ward}", ages=(45, 72)),
               R("Trưởng Ban công tác Mặt trận {hamlet}", "Ủy ban MTTQ Việt Nam {ward}", ages=(45, 72)),
               R("Chủ nhiệm Câu lạc bộ văn nghệ {hamlet}", "UBND {ward}", ages=(35, 70)),
               R("người dân sinh sống tại {hamlet}", "UBND {ward}", ages=(30, 75))),
        collectives=(C("{Hamlet}, {ward}", "UBND {ward}", "khu dân cư", "hộ dân", (120, 600)),
                     C("Câu lạc bộ Dưỡng sinh {pname}", "UBND {ward}", "câu lạc bộ", "hội viên", (20, 90)),
                     C("Ban công tác Mặt trận {hamlet}", "Ủy ban MTTQ Việt Nam {ward}", "ban công tác Mặt trận",
                       "thành viên", (7, 15))),
        acts=("xây dựng hương ước, quy ước về nếp sống văn minh",
              "vận động các gia đình tổ chức việc cưới, việc tang tiết kiệm",
              "duy trì tủ sách cộng đồng với hơn {n4} đầu sách",
              "tổ chức sinh hoạt văn nghệ, thể thao cho người cao tuổi và thiếu nhi",
              "vận động bà con cải tạo {m} mét ngõ xóm, lắp đèn chiếu sáng",
              "hòa giải thành công {n2} vụ mâu thuẫn trong khu dân cư",
              "phát động phong trào phân loại rác tại nguồn ở từng hộ gia đình"),
        results=("{pct}% hộ gia đình đạt danh hiệu “Gia đình văn hóa”",
                 "{hamlet} nhiều năm liền được công nhận là khu dân cư văn hóa",
                 "khu dân cư không có tệ nạn xã hội, không có đơn thư vượt cấp",
                 "tình làng nghĩa xóm ngày càng gắn bó"),
        titles=("Người “giữ lửa” {hamlet}", "Xây dựng nếp sống văn minh từ những việc nhỏ",
                "Khu dân cư kiểu mẫu ở {pname}", "Giữ gìn nếp sống văn hóa nơi khu phố",
                "Ngọn lửa văn hóa ở {Hamlet}"),
        quotes=("Khu phố mình đẹp hay không là do chính mình làm nên",
                "Việc gì có lợi cho dân thì mình cứ kiên trì vận động, bà con sẽ hiểu",
                "Giữ được nếp sống văn minh khó hơn xây được con đường"),
        challenges=("nhiều hộ dân còn thờ ơ với việc chung",
                    "nếp cũ như làm cỗ linh đình, đốt vàng mã nhiều vẫn còn nặng nề",
                    "kinh phí cho hoạt động văn hóa ở cơ sở rất hạn hẹp"),
        tags=("văn hóa cơ sở", "nếp sống văn minh", "khu dân cư"),
        wishes=("xây dựng khu dân cư ngày càng sáng, xanh, sạch, đẹp",),
        hh_acts=("gìn giữ nếp nhà “ông bà mẫu mực, con cháu thảo hiền”",
                 "tổ chức việc cưới cho con theo nếp sống văn minh, tiết kiệm",
                 "tham gia đầy đủ các buổi sinh hoạt của khu dân cư",
                 "phân loại rác tại nguồn và vận động hàng xóm cùng làm"),
        hh_titles=("Nếp nhà văn hóa ở {Hamlet}", "{Ref}: ba thế hệ sống nền nếp, thảo hiền",
                   "Gia đình văn hóa tiêu biểu ở {pname}"),
        hh_results=("gia đình nhiều năm liền được công nhận danh hiệu “Gia đình văn hóa”",
                    "con cháu trong nhà đều chăm ngoan, sống có trách nhiệm với cộng đồng"),
    ),
    "nong-thon-moi": Theme(
        domain="xây dựng nông thôn mới",
        roles=(R("Bí thư Chi bộ {hamlet}", "Đảng ủy {ward}", ages=(40, 68)),
               R("Trưởng {hamlet}", "UBND {ward}", ages=(40, 68)),
               R("nông dân ở {hamlet}", "Hội Nông dân {ward}", ages=(35, 70))),
        collectives=(C("{Hamlet}, {ward}", "UBND {ward}", "thôn", "hộ dân", (150, 600)),
                     C("Hội Nông dân {ward}", "Hội Nông dân {district}", "hội", "hội viên", (300, 1500)),
                     C("Ban phát triển {hamlet}", "UBND {ward}", "ban phát triển thôn", "thành viên", (5, 12))),
        acts=("P:hiến {area_m2} m² đất để mở rộng đường liên thôn",
              "vận động bà con đóng góp {money} và hàng trăm ngày công bê tông hóa {m} mét đường",
              "trồng {n3} cây xanh, hoa dọc các tuyến đường",
              "xây dựng tuyến đường “sáng - xanh - sạch - đẹp”",
              "vận động tháo dỡ tường rào, hiến đất làm đường",
              "T:huy động nguồn lực xây mới nhà văn hóa và sân thể thao",
              "lắp đặt {n2} bóng đèn chiếu sáng đường quê"),
        results=("{ward} về đích nông thôn mới nâng cao", "{pct}% tuyến đường trong thôn được cứng hóa",
                 "thu nhập bình quân đầu người đạt {salary_year} triệu đồng/năm",
                 "diện mạo làng quê khang trang, sạch đẹp hơn hẳn"),
        titles=("Đi đầu hiến đất làm đường ở {Hamlet}", "Chung sức làm đẹp làng quê {pname}",
                "{Ref} và những con đường nông thôn mới", "Làng quê đổi thay nhờ lòng dân",
                "Nông thôn mới từ những tấc đất hiến tặng"),
        quotes=("Đường đẹp thì con cháu mình đi, có mất gì đâu",
                "Dân có đồng lòng thì việc khó mấy cũng xong",
                "Mình làm trước thì bà con mới tin mà làm theo"),
        challenges=("nhiều hộ còn băn khoăn khi phải hiến đất", "địa hình phức tạp, kinh phí đối ứng lớn",
                    "đường sá lầy lội mỗi mùa mưa"),
        tags=("nông thôn mới", "hiến đất", "hạ tầng nông thôn"),
        wishes=("cùng bà con xây dựng thôn nông thôn mới kiểu mẫu",),
        hh_acts=("tự nguyện hiến {area_m2} m² đất để mở rộng đường thôn",
                 "tháo dỡ tường rào, cổng ngõ để làm đường mà không nhận đền bù",
                 "trồng hoa, cây xanh dọc tuyến đường trước nhà",
                 "đóng góp {money} xây dựng nhà văn hóa thôn"),
        hh_results=("con đường qua {hamlet} được mở rộng, xe tải đã vào tận nơi",
                    "nhiều hộ trong thôn noi gương gia đình cùng hiến đất"),
    ),
    "giao-duc-dao-tao": Theme(
        domain="dạy học",
        roles=(R("giáo viên Trường THCS {school}", "Trường THCS {school}", "teacher", (25, 58)),
               R("giáo viên Trường Tiểu học {school}", "Trường Tiểu học {school}", "teacher", (24, 58)),
               R("Hiệu trưởng Trường Mầm non {kindergarten}", "Phòng Giáo dục và Đào tạo {district}", "teacher",
                 (38, 58), "f"),
               R("giáo viên Trường THPT {school}", "Trường THPT {school}", "teacher", (26, 58)),
               R("Tổ trưởng chuyên môn Trường THCS {school}", "Trường THCS {school}", "teacher", (32, 58))),
        collectives=(C("Trường THCS {school}", "Phòng Giáo dục và Đào tạo {district}", "nhà trường",
                       "cán bộ, giáo viên, nhân viên", (30, 90)),
                     C("Trường Tiểu học {school}", "Phòng Giáo dục và Đào tạo {district}", "nhà trường",
                       "cán bộ, giáo viên, nhân viên", (25, 70)),
                     C("Trường Mầm non {kindergarten}", "Phòng Giáo dục và Đào tạo {district}", "nhà trường",
                       "cán bộ, giáo viên, nhân viên", (20, 60)),
                     C("Tổ Toán - Tin Trường THPT {school}", "Trường THPT {school}", "tổ chuyên môn", "giáo viên",
                       (8, 20))),
        acts=("ứng dụng phương pháp dạy học tích cực và chuyển đổi số vào bài giảng",
              "mở lớp phụ đạo miễn phí cho {n2} học sinh yếu",
              "bồi dưỡng đội tuyển học sinh giỏi, đạt {n2} giải các cấp",
              "thiết kế {n2} bài giảng điện tử dùng chung", "vận động {n3} suất học bổng cho học sinh nghèo vượt khó",
              "xây dựng thư viện thân thiện, góc đọc sách trong mỗi lớp học",
              "P:đến tận nhà động viên {n1} học sinh có nguy cơ bỏ học trở lại lớp",
              "T:tổ chức chuyên đề sinh hoạt chuyên môn theo nghiên cứu bài học"),
        results=("tỷ lệ học sinh hoàn thành chương trình đạt {pct}%",
                 "{n2} học sinh đạt giải cấp tỉnh, thành phố", "không còn học sinh bỏ học giữa chừng",
                 "nhiều sáng kiến kinh nghiệm được áp dụng rộng rãi trong ngành"),
        titles=("{Ref} và những giờ học không phấn trắng", "Thắp lửa đam mê học tập cho học trò",
                "Người lái đò tận tụy ở {pname}", "Đổi mới từ từng tiết dạy", "Ngôi trường hạnh phúc ở {pname}",
                "Gieo chữ, gieo niềm tin"),
        quotes=("Mỗi học trò là một hạt mầm, chỉ cần đủ kiên nhẫn là sẽ nảy nở",
                "Thầy cô phải tự học trước thì mới dạy trò tự học được",
                "Không để em nào bị bỏ lại phía sau là điều tôi luôn tự nhắc mình"),
        challenges=("cơ sở vật chất còn thiếu thốn", "nhiều học sinh có hoàn cảnh khó khăn, dễ bỏ học",
                    "chương trình mới đòi hỏi thay đổi cách dạy đã quen nhiều năm"),
        tags=("giáo dục", "đổi mới dạy học", "khuyến học"),
        wishes=("tiếp tục đồng hành cùng học trò trên con đường học tập",),
        hh_acts=("nuôi dạy {n1} người con đều học giỏi, trưởng thành",
                 "dành một phòng trong nhà làm tủ sách cho trẻ em trong xóm",
                 "lập quỹ khuyến học của dòng họ, mỗi năm trao {n2} suất quà"),
        hh_titles=("Gia đình hiếu học ở {pname}", "{Ref} và tủ sách cho trẻ em trong xóm",
                   "Nuôi con ăn học thành tài từ nghề nông"),
        hh_results=("gia đình được công nhận “Gia đình hiếu học” nhiều năm liền",
                    "các con đều đỗ đại học và có việc làm ổn định"),
    ),
    "y-te": Theme(
        domain="chăm sóc sức khỏe Nhân dân",
        roles=(R("bác sĩ Khoa {dept} Bệnh viện Đa khoa {hospital}", "Bệnh viện Đa khoa {hospital}", "doctor",
                 (28, 60)),
               R("điều dưỡng Khoa {dept} Bệnh viện Đa khoa {hospital}", "Bệnh viện Đa khoa {hospital}",
                 ages=(24, 55)),
               R("Trưởng Trạm Y tế {ward}", "Trung tâm Y tế {district}", "doctor", (32, 58)),
               R("nhân viên y tế ở {hamlet}", "Trạm Y tế {ward}", ages=(28, 60))),
        collectives=(C("Trạm Y tế {ward}", "Trung tâm Y tế {district}", "trạm y tế", "cán bộ, nhân viên", (5, 15)),
                     C("Khoa {dept} Bệnh viện Đa khoa {hospital}", "Bệnh viện Đa khoa {hospital}", "khoa",
                       "y, bác sĩ", (15, 60)),
                     C("Câu lạc bộ Hiến máu tình nguyện {pname}", "Hội Chữ thập đỏ {district}", "câu lạc bộ",
                       "thành viên", (20, 200))),
        acts=("tham gia điều trị cho hàng nghìn bệnh nhân trong đợt dịch COVID-19",
              "khám, tư vấn sức khỏe và phát thuốc miễn phí cho {n3} người cao tuổi",
              "triển khai kỹ thuật {technique} ngay tại tuyến cơ sở",
              "xây dựng quy trình tiếp đón người bệnh thân thiện, không để người bệnh chờ lâu",
              "P:tham gia hiến máu tình nguyện {n2} lần",
              "đến từng nhà tiêm chủng, tuyên truyền phòng chống sốt xuất huyết",
              "T:tổ chức {n2} đợt khám sàng lọc miễn phí cho người dân"),
        results=("tỷ lệ hài lòng của người bệnh đạt {pct}%",
                 "trẻ em dưới 1 tuổi được tiêm chủng đầy đủ đạt {pct}%",
                 "không để xảy ra sai sót chuyên môn", "số ca sốt xuất huyết trên địa bàn giảm rõ rệt"),
        titles=("Lương y như từ mẫu", "{Ref} và những ca trực không ngủ", "Tận tụy vì sức khỏe người dân {pname}",
                "Y đức giữa đời thường", "Giữ vững tuyến đầu chống dịch"),
        quotes=("Người bệnh đến với mình là gửi cả niềm tin, mình không được phép làm họ thất vọng",
                "Nghề y vất vả nhưng được thấy người bệnh khỏe lại là niềm vui lớn nhất",
                "Một lời hỏi han đôi khi giúp người bệnh nhiều như một liều thuốc"),
        challenges=("trang thiết bị còn thiếu, nhân lực mỏng", "dịch bệnh diễn biến phức tạp",
                    "địa bàn rộng, người dân ở xa trạm y tế"),
        tags=("y tế", "y đức", "chăm sóc sức khỏe"),
        wishes=("được học thêm để đem kỹ thuật mới về phục vụ bà con",),
        hh_acts=("cả gia đình đã hiến máu tình nguyện tổng cộng {n2} lần",
                 "đăng ký hiến mô, tạng sau khi qua đời",
                 "vận động người thân, hàng xóm cùng tham gia ngày hội hiến máu"),
        hh_titles=("Gia đình nhiều lần hiến máu cứu người", "{Ref}: những giọt máu hồng trao đi",
                   "Cả nhà cùng hiến máu ở {pname}"),
        hh_results=("gia đình được Hội Chữ thập đỏ biểu dương là gia đình hiến máu tiêu biểu",),
    ),
    "hoc-tap-lam-theo-bac": Theme(
        domain="công tác Đảng ở cơ sở",
        roles=(R("Bí thư Chi bộ {hamlet}", "Đảng ủy {ward}", ages=(40, 70)),
               R("công chức Văn phòng - Thống kê UBND {ward}", "UBND {ward}", ages=(25, 55)),
               R("Chủ tịch Hội Cựu chiến binh {ward}", "Đảng ủy {ward}", ages=(58, 75), gender="m"),
               R("đảng viên sinh hoạt tại Chi bộ {hamlet}", "Đảng ủy {ward}", ages=(50, 80))),
        collectives=(C("Chi bộ {hamlet}", "Đảng ủy {ward}", "chi bộ", "đảng viên", (15, 80)),
                     C("Đảng bộ {ward}", "Ban Tuyên giáo {committee}", "đảng bộ", "đảng viên", (200, 900))),
        acts=("xây dựng mô hình “{party_model}”", "gương mẫu thực hành tiết kiệm, nói đi đôi với làm",
              "thường xuyên gặp gỡ, lắng nghe ý kiến người dân để kịp thời giải quyết",
              "đưa nội dung học tập và làm theo Bác vào sinh hoạt chi bộ hằng tháng",
              "đăng ký và thực hiện {n1} việc làm cụ thể mỗi năm",
              "T:phân công mỗi đảng viên phụ trách một nhóm hộ gia đình"),
        results=("chi bộ nhiều năm liền hoàn thành xuất sắc nhiệm vụ",
                 "{pct}% đảng viên được xếp loại hoàn thành tốt nhiệm vụ trở lên",
                 "niềm tin của Nhân dân với cấp ủy, chính quyền ngày càng được củng cố"),
        titles=("Làm theo Bác từ những việc bình dị", "{Ref}: nói đi đôi với làm",
                "Mô hình “{party_model}” ở {pname}", "Gần dân, trọng dân, vì dân"),
        quotes=("Làm theo Bác không phải điều gì cao xa, mà là làm tốt việc của mình mỗi ngày",
                "Cán bộ nói mà không làm thì dân không tin",
                "Việc gì có lợi cho dân thì cố gắng làm cho bằng được"),
        challenges=("nhiều việc phát sinh ở cơ sở", "một bộ phận người dân còn chưa đồng tình"),
        tags=("làm theo Bác", "công tác Đảng", "gương mẫu"),
        wishes=("tiếp tục đồng hành cùng người dân trong các phong trào ở địa phương",),
    ),
    "quoc-phong-an-ninh": Theme(
        domain="giữ gìn an ninh, trật tự",
        roles=(R("Phó Trưởng Công an {ward}", "Công an {district}", "rank", (28, 50)),
               R("cán bộ Đội Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an {district}",
                 "Công an {district}", "rank", (25, 45)),
               R("Tổ trưởng Tổ bảo vệ an ninh, trật tự ở {hamlet}", "Công an {ward}", ages=(40, 68)),
               R("Chỉ huy trưởng Ban Chỉ huy Quân sự {ward}", "Ban Chỉ huy Quân sự {district}", ages=(30, 50),
                 gender="m"),
               R("dân quân tự vệ {ward}", "Ban Chỉ huy Quân sự {ward}", ages=(20, 30))),
        collectives=(C("Công an {ward}", "Công an {district}", "đơn vị", "cán bộ, chiến sĩ", (10, 40)),
                     C("Ban Chỉ huy Quân sự {ward}", "Ban Chỉ huy Quân sự {district}", "đơn vị",
                       "cán bộ, chiến sĩ dân quân", (15, 60)),
                     C("Tổ bảo vệ an ninh, trật tự {hamlet}", "Công an {ward}", "tổ", "thành viên", (5, 15))),
        acts=("triển khai mô hình “{sec_model}”", "phối hợp triệt phá {n1} ổ nhóm tội phạm",
              "vận động người dân giao nộp {n2} vũ khí, vật liệu nổ",
              "kịp thời cứu {n1} người mắc kẹt trong vụ cháy nhà dân",
              "tuần tra, kiểm soát ban đêm cùng lực lượng dân phòng",
              "hướng dẫn người dân cài đặt, kích hoạt tài khoản định danh điện tử"),
        results=("tội phạm về trật tự xã hội trên địa bàn giảm {pct_small}% so với cùng kỳ",
                 "{n3} hộ gia đình được trang bị bình chữa cháy", "địa bàn không để xảy ra điểm nóng về an ninh",
                 "người dân yên tâm làm ăn, sinh sống"),
        titles=("Bình yên cho {pname}", "Người chiến sĩ vì bình yên khu phố", "{Ref} và mô hình “{sec_model}”",
                "Thế trận lòng dân ở {Hamlet}", "Dũng cảm giữa biển lửa"),
        quotes=("Dân tin thì dân giúp, có dân giúp thì việc gì cũng làm được",
                "Bình yên của bà con là phần thưởng lớn nhất với chúng tôi",
                "Trong tình huống ấy, tôi không kịp nghĩ gì ngoài cứu người"),
        challenges=("địa bàn rộng, dân cư biến động", "thủ đoạn của tội phạm ngày càng tinh vi",
                    "lực lượng mỏng trong khi khối lượng công việc lớn"),
        tags=("an ninh trật tự", "phòng cháy chữa cháy", "thế trận lòng dân"),
        wishes=("giữ vững bình yên cho từng khu dân cư",),
        hh_acts=("tham gia Tổ liên gia an toàn phòng cháy, chữa cháy",
                 "kịp thời cung cấp thông tin giúp lực lượng công an phát hiện tội phạm",
                 "động viên {n1} người con lên đường nhập ngũ"),
        hh_titles=("Gia đình giữ bình yên cho xóm", "{Ref} và Tổ liên gia an toàn ở {Hamlet}",
                   "Góp sức giữ gìn an ninh thôn xóm"),
        hh_results=("khu dân cư nơi gia đình sinh sống nhiều năm không có tội phạm",),
    ),
    "nguoi-tot-viec-tot": Theme(
        domain="thiện nguyện",
        roles=(R("người dân ở {hamlet}", "UBND {ward}", ages=(30, 75)),
               R("tài xế xe ôm công nghệ", "Ủy ban MTTQ Việt Nam {ward}", ages=(25, 55), gender="m"),
               R("tiểu thương bán hàng ở chợ {pname}", "Ủy ban MTTQ Việt Nam {ward}", ages=(30, 65)),
               R("trưởng nhóm thiện nguyện {charity}", "Ủy ban MTTQ Việt Nam {district}", ages=(28, 65))),
        collectives=(C("Nhóm thiện nguyện {charity}", "Ủy ban MTTQ Việt Nam {ward}", "nhóm", "thành viên", (10, 80)),
                     C("Đội sơ cứu tình nguyện {pname}", "Hội Chữ thập đỏ {district}", "đội", "tình nguyện viên",
                       (10, 40))),
        acts=("P:nhặt được tài sản trị giá {money} và tìm trả lại cho người đánh rơi",
              "nấu {n3} suất cơm miễn phí mỗi tuần cho bệnh nhân nghèo",
              "P:lao xuống sông cứu {n1} em nhỏ bị đuối nước",
              "quyên góp xây {n1} căn nhà tình thương", "đưa đón miễn phí người bệnh nặng về quê",
              "vá đường, lấp ổ gà trên các tuyến đường hư hỏng",
              "T:tổ chức trao {n3} phần quà cho hộ khó khăn dịp Tết"),
        results=("hàng nghìn lượt người nghèo, bệnh nhân khó khăn được hỗ trợ",
                 "việc làm tốt lan tỏa, ngày càng nhiều người cùng tham gia",
                 "tổng giá trị hỗ trợ ước khoảng {bigmoney}"),
        titles=("Tấm lòng vàng ở {pname}", "Những việc tốt không tên", "{Ref} – người “gieo” yêu thương",
                "Nghĩa cử đẹp giữa đời thường", "Cho đi là còn mãi"),
        quotes=("Giúp được ai thì giúp, mình cũng từng khó khăn nên hiểu",
                "Của rơi thì phải trả lại người mất, đó là điều ai cũng nên làm",
                "Mỗi người góp một chút thì sẽ thành nhiều"),
        challenges=("nguồn kinh phí hoàn toàn tự túc", "nhiều lúc sức khỏe không cho phép"),
        tags=("người tốt việc tốt", "thiện nguyện", "nhân ái"),
        wishes=("được tiếp tục giúp đỡ những người khó khăn khi còn sức khỏe",),
        hh_acts=("nấu cơm tặng bệnh nhân nghèo mỗi tuần", "cho mượn đất làm sân chơi cho trẻ em trong xóm",
                 "hỗ trợ {money} xây nhà cho hộ nghèo", "nhận đỡ đầu {n1} trẻ mồ côi"),
        hh_results=("nhiều hoàn cảnh khó khăn trong vùng có thêm điểm tựa",),
    ),
    "thanh-nien-khoi-nghiep": Theme(
        domain="khởi nghiệp",
        roles=(R("chủ cơ sở sản xuất {product} ở {pname}", "Đoàn Thanh niên {ward}", ages=(22, 35)),
               R("Giám đốc Công ty {company}", "Hội Liên hiệp Thanh niên Việt Nam {district}", ages=(24, 35)),
               R("Bí thư Đoàn {ward}", "Đoàn Thanh niên {district}", ages=(22, 32))),
        collectives=(C("Câu lạc bộ Thanh niên khởi nghiệp {district_short}", "Đoàn Thanh niên {district}",
                       "câu lạc bộ", "thành viên", (15, 60)),
                     C("Đoàn Thanh niên {ward}", "Đoàn Thanh niên {district}", "cơ sở đoàn", "đoàn viên", (60, 300)),
                     C("Hợp tác xã Thanh niên {coop}", "Đoàn Thanh niên {district}", "hợp tác xã", "thành viên",
                       (7, 30))),
        acts=("P:khởi nghiệp với sản phẩm {product} mang thương hiệu riêng",
              "đưa sản phẩm đạt chuẩn OCOP 3 sao lên sàn thương mại điện tử",
              "tạo việc làm cho {n2} thanh niên địa phương",
              "đạt giải {prize} cuộc thi ý tưởng khởi nghiệp cấp tỉnh",
              "kết nối vốn vay từ Quỹ hỗ trợ thanh niên khởi nghiệp cho {n2} dự án",
              "T:tổ chức {n2} buổi tọa đàm chia sẻ kinh nghiệm khởi nghiệp"),
        results=("doanh thu đạt {bigmoney} mỗi năm", "sản phẩm đã có mặt tại {n1} tỉnh, thành",
                 "{n2} dự án khởi nghiệp của thanh niên được hỗ trợ vốn"),
        titles=("Khởi nghiệp từ {product}", "{Ref}: dám nghĩ, dám làm",
                "Lập nghiệp trên quê hương {pname}", "Ươm mầm khởi nghiệp cho thanh niên"),
        quotes=("Thất bại vài lần cũng không sao, quan trọng là mình học được gì",
                "Tôi muốn chứng minh người trẻ có thể làm giàu ngay trên quê hương mình",
                "Khởi nghiệp là chạy đường dài, cần bền bỉ hơn là nhanh"),
        challenges=("thiếu vốn, thiếu kinh nghiệm thị trường", "sản phẩm mới chưa được người tiêu dùng biết đến"),
        tags=("khởi nghiệp", "thanh niên", "OCOP"),
        wishes=("mở rộng sản xuất và đồng hành cùng các bạn trẻ khởi nghiệp",),
    ),
    "cai-cach-hanh-chinh": Theme(
        domain="cải cách hành chính",
        roles=(R("công chức Tư pháp - Hộ tịch UBND {ward}", "UBND {ward}", ages=(25, 50)),
               R("công chức Bộ phận Một cửa UBND {district}", "Văn phòng HĐND và UBND {district}", ages=(25, 50)),
               R("Chánh Văn phòng HĐND và UBND {ward}", "UBND {ward}", ages=(30, 52))),
        collectives=(C("Bộ phận Tiếp nhận và trả kết quả UBND {ward}", "UBND {district}", "bộ phận", "công chức",
                       (5, 15)),
                     C("Phòng Nội vụ {district}", "UBND {district}", "phòng", "công chức", (8, 20))),
        acts=("giải quyết {n4} hồ sơ thủ tục hành chính đúng và trước hạn",
              "hướng dẫn người dân nộp hồ sơ trực tuyến toàn trình",
              "đề xuất giải pháp rút ngắn thời gian chứng thực xuống còn trong ngày",
              "niêm yết công khai thủ tục bằng mã QR",
              "chủ động hẹn trả kết quả tại nhà cho người cao tuổi, người khuyết tật"),
        results=("tỷ lệ hồ sơ giải quyết đúng hạn đạt {pct}%", "mức độ hài lòng của người dân đạt {pct}%",
                 "không có hồ sơ trễ hạn trong {yrs} năm liền"),
        titles=("Nụ cười nơi bộ phận một cửa", "{Ref}: tận tụy phục vụ người dân",
                "Cải cách hành chính từ những việc nhỏ", "Để người dân không phải đi lại nhiều lần"),
        quotes=("Người dân hài lòng là thước đo công việc của mình",
                "Mình hướng dẫn kỹ một lần thì người dân đỡ đi lại nhiều lần"),
        challenges=("lượng hồ sơ lớn trong khi nhân lực ít", "nhiều người dân chưa quen làm thủ tục trực tuyến"),
        tags=("cải cách hành chính", "một cửa", "dịch vụ công"),
        wishes=("tiếp tục đổi mới để phục vụ người dân ngày một tốt hơn",),
    ),
    "cong-nghe-thong-tin": Theme(
        domain="chuyển đổi số",
        roles=(R("thành viên Tổ công nghệ số cộng đồng ở {hamlet}", "UBND {ward}", ages=(20, 45)),
               R("kỹ sư phần mềm Công ty {techcompany}", "Công ty {techcompany}", ages=(24, 45)),
               R("công chức Văn hóa - Xã hội phụ trách chuyển đổi số UBND {ward}", "UBND {ward}", ages=(24, 45))),
        collectives=(C("Tổ công nghệ số cộng đồng {ward}", "UBND {ward}", "tổ", "thành viên", (5, 25)),
                     C("Công ty {techcompany}", "Sở Thông tin và Truyền thông {province_full}", "công ty",
                       "kỹ sư, nhân viên", (15, 120))),
        acts=("hướng dẫn {n3} người dân cài đặt ứng dụng VNeID và thanh toán không dùng tiền mặt",
              "xây dựng phần mềm quản lý {system} dùng chung cho {n1} đơn vị", "số hóa {n4} hồ sơ lưu trữ",
              "mở lớp “bình dân học vụ số” cho người cao tuổi",
              "hỗ trợ tiểu thương đưa hàng lên sàn thương mại điện tử"),
        results=("{pct}% hồ sơ thủ tục được tiếp nhận trực tuyến", "người dân tiết kiệm hàng nghìn giờ đi lại",
                 "{n3} tiểu thương đã bán hàng qua mạng"),
        titles=("Đưa công nghệ số đến từng ngõ phố", "{Ref} và những lớp “bình dân học vụ số”",
                "Chuyển đổi số từ cơ sở", "Kỹ năng số cho người cao tuổi ở {pname}"),
        quotes=("Công nghệ chỉ có ý nghĩa khi người dân dùng được",
                "Chỉ cần kiên nhẫn, các cụ cũng dùng điện thoại thành thạo"),
        challenges=("nhiều người cao tuổi e ngại công nghệ", "hạ tầng mạng ở một số khu vực còn yếu"),
        tags=("chuyển đổi số", "công nghệ", "kỹ năng số"),
        wishes=("giúp thêm nhiều người dân tiếp cận dịch vụ công trực tuyến",),
    ),
}
GENERIC_THEME = THEMES["nguoi-tot-viec-tot"]

# Fields a household record may have, and the field a movement falls back to when the catalogue gives none.
HH_FIELDS = ("kinh-te-ho-gia-dinh", "nong-thon-moi", "van-hoa-co-so", "nguoi-tot-viec-tot", "giao-duc-dao-tao",
             "y-te", "quoc-phong-an-ninh")
FALLBACK_FIELDS = {
    "lam-theo-guong-dien-hinh": ("nguoi-tot-viec-tot", "hoc-tap-lam-theo-bac"),
    "dan-van-kheo": ("hoc-tap-lam-theo-bac", "van-hoa-co-so", "nong-thon-moi"),
    "quy-che-dan-chu": ("cai-cach-hanh-chinh", "van-hoa-co-so"),
    "chong-rac-thai-nhua": ("van-hoa-co-so", "nguoi-tot-viec-tot"),
    "mat-tran-to-quoc": ("van-hoa-co-so", "nguoi-tot-viec-tot"),
    "doan-thanh-nien": ("thanh-nien-khoi-nghiep", "nguoi-tot-viec-tot"),
    "hoi-phu-nu": ("kinh-te-ho-gia-dinh", "van-hoa-co-so"),
    "pho-bien-giao-duc-phap-luat": ("cai-cach-hanh-chinh", "quoc-phong-an-ninh"),
}

# Per movement: activities (used in the movement paragraph), tags, and optional roles/collectives.
MOVEMENTS: dict[str, dict] = {
    "hoc-tap-lam-theo-bac": {
        "phrase": "việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
        "acts": ("đăng ký những việc làm cụ thể theo lời Bác dạy và thực hiện đến nơi đến chốn",
                 "luôn gương mẫu, nói đi đôi với làm, gần dân, trọng dân"), "tags": ("làm theo Bác",)},
    "lao-dong-gioi-lao-dong-sang-tao": {
        "acts": ("miệt mài nghiên cứu cải tiến thao tác, nâng cao năng suất",
                 "đăng ký đề tài sáng kiến và hoàn thành trước thời hạn"), "tags": ("lao động sáng tạo",)},
    "doi-song-van-hoa": {
        "acts": ("gương mẫu thực hiện nếp sống văn minh trong việc cưới, việc tang",
                 "vận động bà con giữ gìn đường làng, ngõ xóm xanh, sạch, đẹp"), "tags": ("đời sống văn hóa",)},
    "nong-thon-moi-do-thi-van-minh": {
        "campaign": True,
        "acts": ("đi đầu hiến đất, góp công làm đường", "tham gia giữ gìn trật tự, mỹ quan đô thị"),
        "tags": ("đô thị văn minh",)},
    "chung-suc-xay-dung-nong-thon-moi": {
        "acts": ("tự nguyện hiến đất, tháo dỡ công trình để mở rộng đường giao thông nông thôn",
                 "đóng góp tiền của, ngày công xây dựng hạ tầng ở địa phương"), "tags": ("nông thôn mới",)},
    "doi-moi-sang-tao-day-va-hoc": {
        "acts": ("thiết kế giờ học theo hướng trải nghiệm, lấy học sinh làm trung tâm",
                 "ứng dụng công nghệ thông tin trong soạn giảng và kiểm tra, đánh giá"), "tags": ("đổi mới dạy học",)},
    "moi-thay-co-la-tam-guong": {
        "campaign": True,
        "acts": ("không ngừng tự học để nâng cao trình độ chuyên môn",
                 "tận tụy với học trò, nhất là những em có hoàn cảnh khó khăn"), "tags": ("nhà giáo",)},
    "quyet-thang": {
        "acts": ("duy trì nghiêm chế độ trực sẵn sàng chiến đấu", "huấn luyện, diễn tập đạt kết quả khá, giỏi"),
        "tags": ("quyết thắng",),
        "collectives": (C("Trung đội dân quân cơ động {ward}", "Ban Chỉ huy Quân sự {district}", "trung đội",
                          "chiến sĩ dân quân", (25, 35)),)},
    "vi-an-ninh-to-quoc": {
        "acts": ("xây dựng mạng lưới quần chúng nòng cốt ở từng khu dân cư",
                 "phối hợp cùng người dân phát hiện, tố giác tội phạm"), "tags": ("vì an ninh Tổ quốc",)},
    "nguoi-tot-viec-tot": {
        "acts": ("lặng lẽ làm những việc tốt mà không cần ai biết đến",
                 "sẵn sàng giúp đỡ người gặp nạn, người có hoàn cảnh khó khăn"), "tags": ("người tốt việc tốt",)},
    "thanh-nien-khoi-nghiep": {
        "acts": ("mạnh dạn khởi nghiệp ngay trên quê hương", "chia sẻ kinh nghiệm cho các bạn trẻ mới lập nghiệp"),
        "tags": ("khởi nghiệp",)},
    "cai-cach-hanh-chinh": {
        "acts": ("chủ động đề xuất cách làm mới giúp rút ngắn thời gian giải quyết hồ sơ",
                 "lấy sự hài lòng của người dân làm thước đo"), "tags": ("cải cách hành chính",)},
    "chuyen-doi-so": {
        "acts": ("đưa ứng dụng số vào mọi khâu của công việc", "hỗ trợ người dân làm quen với dịch vụ công trực tuyến"),
        "tags": ("chuyển đổi số",)},
    "lam-theo-guong-dien-hinh": {
        "acts": ("học hỏi cách làm hay của các điển hình tiên tiến và vận dụng sáng tạo",
                 "nhân rộng mô hình tốt ra các khu dân cư lân cận"), "tags": ("nhân rộng điển hình",)},
    "doanh-nghiep-hoi-nhap": {
        "acts": ("đầu tư đổi mới công nghệ để đáp ứng tiêu chuẩn xuất khẩu",
                 "mở rộng thị trường sang các nước trong khu vực"), "tags": ("hội nhập",),
        "roles": (R("Giám đốc Công ty {company}", "Hiệp hội Doanh nghiệp {province_full}", ages=(35, 60)),)},
    "vi-nguoi-ngheo": {
        "acts": ("ủng hộ Quỹ “Vì người nghèo” và giúp đỡ hộ nghèo có sinh kế",
                 "vận động xây dựng nhà đại đoàn kết cho hộ khó khăn"), "tags": ("vì người nghèo",)},
    "van-hoa-cong-so": {
        "acts": ("luôn chuẩn mực trong giao tiếp, ứng xử với người dân", "giữ nơi làm việc gọn gàng, khoa học"),
        "tags": ("văn hóa công sở",)},
    "dan-van-kheo": {
        "acts": ("khéo léo vận động người dân đồng thuận thực hiện chủ trương chung",
                 "kiên trì gặp gỡ từng hộ để giải thích, thuyết phục"), "tags": ("dân vận khéo",),
        "roles": (R("Trưởng ban Dân vận Đảng ủy {ward}", "Đảng ủy {ward}", ages=(38, 60)),)},
    "quy-che-dan-chu": {
        "acts": ("công khai, minh bạch các khoản đóng góp của người dân", "tổ chức đối thoại định kỳ với Nhân dân"),
        "tags": ("dân chủ cơ sở",),
        "collectives": (C("Ban Thanh tra nhân dân {ward}", "Ủy ban MTTQ Việt Nam {ward}", "ban thanh tra nhân dân",
                          "thành viên", (5, 11)),)},
    "nong-dan-san-xuat-kinh-doanh-gioi": {
        "acts": ("sản xuất kinh doanh giỏi và giúp đỡ hội viên khác cùng làm giàu",
                 "tham gia tổ hợp tác để sản xuất theo chuỗi giá trị"), "tags": ("nông dân giỏi",),
        "collectives": (C("Chi hội Nông dân {Hamlet}", "Hội Nông dân {ward}", "chi hội", "hội viên", (30, 150)),)},
    "cuu-chien-binh-guong-mau": {
        "acts": ("phát huy bản chất “Bộ đội Cụ Hồ”, gương mẫu ở nơi cư trú",
                 "giúp đồng đội khó khăn vay vốn phát triển kinh tế"), "tags": ("cựu chiến binh",),
        "roles": (R("hội viên Hội Cựu chiến binh {ward}", "Hội Cựu chiến binh {ward}", ages=(60, 80), gender="m"),),
        "collectives": (C("Chi hội Cựu chiến binh {Hamlet}", "Hội Cựu chiến binh {ward}", "chi hội", "hội viên",
                          (20, 80)),)},
    "cong-nhan-vuot-kho-sang-tao": {
        "acts": ("vượt qua khó khăn sau dịch, giữ vững việc làm và thu nhập",
                 "đề xuất cải tiến nhỏ mà hiệu quả lớn"), "tags": ("công nhân",)},
    "chong-rac-thai-nhua": {
        "acts": ("vận động người dân dùng túi vải, giỏ nhựa nhiều lần khi đi chợ",
                 "tổ chức thu gom, phân loại rác thải nhựa để tái chế"), "tags": ("môi trường", "rác thải nhựa"),
        "collectives": (C("Câu lạc bộ Phụ nữ bảo vệ môi trường {Hamlet}", "Hội Liên hiệp Phụ nữ {ward}", "câu lạc bộ",
                          "hội viên", (15, 60)),)},
    "thanh-nien-tinh-nguyen": {
        "acts": ("tham gia hiến máu, “Ngày chủ nhật xanh” và các hoạt động tình nguyện",
                 "phát thuốc, tư vấn sức khỏe miễn phí cho người dân vùng khó"), "tags": ("tình nguyện",),
        "roles": (R("Bí thư Chi đoàn {hamlet}", "Đoàn Thanh niên {ward}", ages=(20, 30)),),
        "collectives": (C("Đoàn Thanh niên {ward}", "Đoàn Thanh niên {district}", "cơ sở đoàn", "đoàn viên",
                          (60, 300)),)},
    "toan-dan-bao-ve-an-ninh-to-quoc": {
        "acts": ("tham gia tuần tra, canh gác bảo vệ bình yên thôn xóm",
                 "vận động người thân không vi phạm pháp luật"), "tags": ("an ninh trật tự",)},
    "12-dieu-y-duc": {
        "acts": ("luôn niềm nở, tận tình với người bệnh", "không ngại khó khăn khi được điều động hỗ trợ tuyến dưới"),
        "tags": ("y đức",)},
    "day-tot-hoc-tot": {
        "acts": ("chuẩn bị kỹ từng bài giảng, đổi mới cách kiểm tra, đánh giá",
                 "phối hợp chặt chẽ với phụ huynh trong giáo dục học sinh"), "tags": ("dạy tốt học tốt",)},
    "dang-vien-tinh-nguyen": {
        "acts": ("tình nguyện nhận phụ trách những việc khó ở khu dân cư",
                 "đi đầu đóng góp ngày công xây dựng công trình phúc lợi"), "tags": ("đảng viên",),
        "roles": (R("đảng viên Chi bộ {hamlet}", "Đảng ủy {ward}", ages=(35, 70)),)},
    "mat-tran-to-quoc": {
        "acts": ("phát huy vai trò giám sát, phản biện xã hội ở cơ sở", "tập hợp khối đại đoàn kết toàn dân tộc"),
        "tags": ("Mặt trận Tổ quốc",),
        "roles": (R("Trưởng Ban công tác Mặt trận {hamlet}", "Ủy ban MTTQ Việt Nam {ward}", ages=(45, 72)),)},
    "doan-thanh-nien": {
        "acts": ("xung kích trong các công trình thanh niên", "tổ chức sân chơi bổ ích cho thiếu nhi dịp hè"),
        "tags": ("đoàn viên",),
        "roles": (R("Bí thư Đoàn {ward}", "Đoàn Thanh niên {district}", ages=(22, 32)),)},
    "hoi-phu-nu": {
        "acts": ("thực hiện phong trào “Phụ nữ tích cực học tập, lao động sáng tạo, xây dựng gia đình hạnh phúc”",
                 "giúp hội viên nghèo vay vốn, học nghề"), "tags": ("phụ nữ",),
        "roles": (R("Chi hội trưởng Chi hội Phụ nữ {hamlet}", "Hội Liên hiệp Phụ nữ {ward}", ages=(30, 60),
                    gender="f"),),
        "collectives": (C("Hội Liên hiệp Phụ nữ {ward}", "Hội Liên hiệp Phụ nữ {district}", "hội", "hội viên",
                          (300, 2000)),)},
    "cong-doan": {
        "acts": ("chăm lo đời sống, bảo vệ quyền lợi chính đáng của đoàn viên", "tổ chức “Tết sum vầy” cho công nhân"),
        "tags": ("công đoàn",)},
    "kinh-te-hop-tac": {
        "acts": ("liên kết thành viên sản xuất theo chuỗi giá trị",
                 "áp dụng quy trình sản xuất theo tiêu chuẩn VietGAP"),
        "tags": ("hợp tác xã",),
        "roles": (R("Giám đốc Hợp tác xã {coop}", "Liên minh Hợp tác xã {province_full}", ages=(35, 62)),),
        "collectives": (C("Hợp tác xã {coop}", "Liên minh Hợp tác xã {province_full}", "hợp tác xã", "thành viên",
                          (15, 300)),)},
    "sang-kien-sang-tao": {
        "acts": ("nghiên cứu sáng kiến được Hội đồng sáng kiến công nhận",
                 "áp dụng sáng kiến vào thực tế, làm lợi lớn"),
        "tags": ("sáng kiến",)},
    "pho-bien-giao-duc-phap-luat": {
        "acts": ("tổ chức tuyên truyền pháp luật lồng ghép trong sinh hoạt khu dân cư",
                 "biên soạn tài liệu hỏi - đáp pháp luật dễ hiểu cho người dân"), "tags": ("pháp luật",),
        "collectives": (C("Tổ hòa giải {hamlet}", "UBND {ward}", "tổ hòa giải", "hòa giải viên", (5, 9)),)},
    "khuyen-hoc-khuyen-tai": {
        "acts": ("vận động quỹ khuyến học, trao học bổng cho học sinh nghèo học giỏi",
                 "xây dựng mô hình “Gia đình học tập”, “Dòng họ học tập”"), "tags": ("khuyến học",),
        "roles": (R("Chủ tịch Hội Khuyến học {ward}", "Hội Khuyến học {district}", ages=(55, 75)),),
        "collectives": (C("Chi hội Khuyến học {Hamlet}", "Hội Khuyến học {ward}", "chi hội", "hội viên", (30, 120)),)},
    "hien-mau-tinh-nguyen": {
        "acts": ("tham gia hiến máu tình nguyện đều đặn nhiều năm", "vận động người thân, bạn bè cùng hiến máu"),
        "tags": ("hiến máu",),
        "roles": (R("tình nguyện viên Hội Chữ thập đỏ {ward}", "Hội Chữ thập đỏ {district}", ages=(22, 58)),)},
}
# Movements a household can be honoured in.
HH_MOVEMENTS = ("hoc-tap-lam-theo-bac", "doi-song-van-hoa", "nong-thon-moi-do-thi-van-minh",
                "chung-suc-xay-dung-nong-thon-moi", "nguoi-tot-viec-tot", "vi-nguoi-ngheo",
                "nong-dan-san-xuat-kinh-doanh-gioi", "chong-rac-thai-nhua",
                "toan-dan-bao-ve-an-ninh-to-quoc", "khuyen-hoc-khuyen-tai", "hien-mau-tinh-nguyen",
                "lam-theo-guong-dien-hinh")
MOVEMENT_WEIGHT = {"hoc-tap-lam-theo-bac": 4, "nguoi-tot-viec-tot": 4, "lam-theo-guong-dien-hinh": 2}
GENERAL_MOVEMENTS = ("hoc-tap-lam-theo-bac", "nguoi-tot-viec-tot", "lam-theo-guong-dien-hinh")

# ---------------------------------------------------------------------------------------------
# Story sentences
# ---------------------------------------------------------------------------------------------
INTRO = {
    "ca-nhan": (
        "{Sc}, sinh năm {birth}, hiện là {role}. {tail}",
        "Ở {where}, nhắc đến {S}, {role}, nhiều người đều dành những lời trìu mến. {tail}",
        "Năm nay {age} tuổi, {S} đã có {work_years} năm gắn bó với công việc {domain}. Hiện {s} là {role}. {tail}",
        "{Sc} là {role}. Với {s}, {motto}. {tail}",
    ),
    "tap-the": (
        "{Sc} hiện có {members} {member_noun}. {tail}",
        "Thành lập từ năm {founded}, {S} là một trong những tập thể tiêu biểu của {district}. "
        "Hiện {s} có {members} {member_noun}. {tail}",
        "Những năm gần đây, {S} được biết đến như một điểm sáng trong các phong trào thi đua ở {where}. {tail}",
    ),
    "ho-gia-dinh": (
        "Gia đình {head} có {members} nhân khẩu, sinh sống tại {hamlet}, {ward}. {tail}",
        "Cách đây hơn {yrs} năm, {s} còn là một trong những hộ khó khăn của {hamlet}. {tail}",
        "Về {hamlet}, {ward}, hỏi thăm {s}, ai cũng sẵn lòng chỉ đường. {tail}",
    ),
}
TAILS = {
    "ca-nhan": ("Dù công việc bận rộn, {s} luôn dành thời gian cho những việc chung.",
                "Ai có việc khó tìm đến, {s} đều giúp đỡ tận tình.",
                "Đồng nghiệp nhận xét {s} là người trầm tính nhưng làm việc gì cũng đến nơi đến chốn.",
                "Người dân quanh vùng quen gọi {s} là “người của phong trào”."),
    "tap-the": ("Tập thể luôn đoàn kết, thống nhất, mỗi thành viên đều ý thức rõ trách nhiệm của mình.",
                "Lãnh đạo đơn vị xác định thi đua là động lực để hoàn thành tốt nhiệm vụ.",
                "Mỗi thành viên đều được phân công việc cụ thể, rõ người, rõ việc."),
    "ho-gia-dinh": ("Vợ chồng {head_short} luôn bảo ban con cháu sống nền nếp, chăm chỉ lao động.",
                    "Nhiều năm liền, gia đình được công nhận danh hiệu “Gia đình văn hóa”.",
                    "Ba thế hệ trong gia đình sống hòa thuận, yêu thương nhau."),
}
MOTTOS = ("làm việc gì cũng phải bắt đầu từ cái tâm", "việc nhỏ mà làm đều đặn thì thành việc lớn",
          "đã nhận việc thì phải làm đến nơi đến chốn", "sống là phải biết sẻ chia")
BODY = (
    "Từ năm {start}, {s} {act1}. Không chỉ vậy, {s} còn {act2}.",
    "Những ngày đầu, công việc gặp không ít khó khăn: {challenge}. Không nản lòng, {s} {act1}.",
    "Điều đáng quý là {s} {act1}. Bên cạnh đó, {s} còn {act2}.",
    "Không chỉ làm tốt việc của mình, {s} còn {act1}. Đồng thời, {s} {act2}.",
    "Bắt đầu từ những việc nhỏ, {s} {act1}. Dần dần, {s} {act2}.",
)
BODY2 = (
    "Không dừng lại ở đó, {s} còn {act3}.",
    "Gần đây nhất, {s} {act3}, được bà con đồng tình ủng hộ.",
    "Thời gian qua, {s} cũng {act3}.",
)
MOVEMENT_PARA = (
    "Hưởng ứng {mv}, {s} {mact}.",
    "Trong {mv}, {s} luôn đi đầu: {mact}.",
    "Gắn với {mv}, {s} {mact}, tạo sức lan tỏa trong cộng đồng.",
)
RESULTS = (
    "Nhờ những nỗ lực đó, {res1}. Không chỉ vậy, {res2}.",
    "Đến nay, {res1}; {res2}.",
    "Kết quả thật đáng ghi nhận: {res1}, {res2}.",
    "Sau {yrs} năm, {res1}. Đáng mừng hơn, {res2}.",
)
QUOTE_OWN = ("“{quote}”, {speaker} chia sẻ.", "{Speaker} tâm sự: “{quote}”.", "“{quote}”, {speaker} nói.")
QUOTE_OTHER = ("Nói về {s}, {quoter} cho biết: “{praise}”.", "{Quoter} nhận xét: “{praise}”.")
PRAISE = {
    "ca-nhan": ("Ở đâu có việc khó là có {s}. Chúng tôi rất trân trọng những đóng góp ấy",
                "{Sc} là tấm gương để mọi người học tập, nhất là lớp trẻ",
                "Việc gì giao cho {s} cũng yên tâm, vì làm rất tận tâm"),
    "tap-the": ("Đây là tập thể đoàn kết, luôn đi đầu trong các phong trào của địa phương",
                "Cách làm của {s} cần được nhân rộng ra nhiều nơi"),
    "ho-gia-dinh": ("Gia đình {head_short} là tấm gương để bà con trong xóm noi theo",
                    "Nhờ gia đình {head_short} mà nhiều hộ trong xóm mạnh dạn thay đổi cách làm"),
}
HH_QUOTES = ("Nhà mình có sống tử tế thì con cháu mới noi theo",
             "Giúp được bà con việc gì thì mình cứ làm, không tính toán",
             "Gia đình êm ấm, xóm làng yên vui là hạnh phúc rồi")
HH_CHALLENGES = ("kinh tế gia đình còn nhiều khó khăn", "ông bà tuổi cao, sức khỏe có hạn",
                 "các con còn nhỏ, gánh nặng chi tiêu đè lên vai hai vợ chồng")
HH_WISHES = ("con cháu tiếp tục giữ gìn nếp nhà và đóng góp cho xóm làng",
             "còn sức khỏe thì còn góp sức cho các phong trào của địa phương")
LEADER_ROLES = {"nhà trường": "Hiệu trưởng nhà trường", "công ty": "Giám đốc công ty",
                "hợp tác xã": "Giám đốc hợp tác xã", "đơn vị": "Thủ trưởng đơn vị"}
AWARD_LEADS = ("Ghi nhận những đóng góp đó, ", "Với những thành tích trên, ", "")
CLOSING = (
    "Thời gian tới, {s} mong muốn {wish}.",
    "Câu chuyện của {s} là minh chứng sinh động cho {mv}, góp phần lan tỏa những điều tốt đẹp trong cộng đồng.",
    "Những việc làm của {s} tuy bình dị nhưng đã góp phần làm nên sức sống của {mv} ở {where}.",
)
BACKGROUND = {
    "ca-nhan": (
        "Sinh ra và lớn lên ở {pname}, {s} sớm thấu hiểu những vất vả, thiệt thòi của bà con nơi đây. "
        "Có lẽ vì thế mà ngay từ khi còn trẻ, {s} đã mong muốn được làm một điều gì đó có ích cho quê hương.",
        "Trước khi gắn bó với công việc hiện nay, {s} từng trải qua nhiều nghề khác nhau. "
        "Những năm tháng bươn chải ấy giúp {s} hiểu rằng muốn làm được việc lớn thì phải bắt đầu từ việc nhỏ.",
        "Gia đình {s} không khá giả, nhưng bố mẹ luôn dạy con cái sống tử tế, biết nghĩ cho người khác. "
        "Lời dạy ấy theo {s} suốt những năm tháng trưởng thành.",
    ),
    "tap-the": (
        "Những ngày mới thành lập, {s} gặp vô vàn khó khăn: cơ sở vật chất thiếu thốn, kinh nghiệm còn ít, "
        "nhiều thành viên chưa thật sự tâm huyết. Bằng sự kiên trì của người đứng đầu và sự đồng lòng của tập thể, "
        "từng khó khăn dần được tháo gỡ.",
        "Điểm mạnh của {s} là sự đoàn kết. Mỗi thành viên được giao việc phù hợp với sở trường, "
        "các khó khăn đều được bàn bạc dân chủ, công khai trước khi quyết định.",
        "Hằng năm, {s} đều xây dựng kế hoạch thi đua với những chỉ tiêu cụ thể, sát với thực tế. "
        "Việc sơ kết, tổng kết được làm nghiêm túc, rút kinh nghiệm kịp thời.",
    ),
    "ho-gia-dinh": (
        "Ngày mới ra ở riêng, hai vợ chồng {head_short} chỉ có vài sào đất và căn nhà tạm. "
        "Những năm đầu, cái ăn cái mặc luôn là nỗi lo thường trực của gia đình.",
        "Gia đình {head_short} có truyền thống cần cù, chịu thương chịu khó. "
        "Ông bà, cha mẹ luôn dạy con cháu sống ngay thẳng, biết nhường nhịn và giúp đỡ xóm giềng.",
    ),
}
DETAIL = (
    "Một việc làm khác cũng được nhiều người nhắc đến là {s} {act4}. Việc làm này tuy không lớn "
    "nhưng thiết thực, được người dân đồng tình hưởng ứng.",
    "Ngoài ra, {s} còn {act4}. Mỗi việc làm đều được tính toán kỹ lưỡng, phù hợp với điều kiện thực tế "
    "của địa phương.",
    "Song song với đó, {s} {act4}. Theo {s}, điều quan trọng nhất là làm đến nơi đến chốn, "
    "không làm theo phong trào rồi bỏ dở.",
)
FILLER = (
    "Có những thời điểm công việc dồn dập, nhưng {s} vẫn sắp xếp để không bỏ dở việc nào.",
    "Mỗi kết quả đạt được đều là thành quả của sự kiên trì, bền bỉ qua nhiều năm.",
    "Cấp ủy, chính quyền địa phương luôn quan tâm, tạo điều kiện để mô hình được duy trì và phát triển.",
    "Điều khiến nhiều người cảm phục là sự khiêm tốn, giản dị trong từng việc làm.",
    "Từ một cách làm ban đầu còn mới mẻ, đến nay mô hình đã trở nên quen thuộc với người dân.",
    "Nhiều người trong vùng đã tìm đến học hỏi cách làm của {s}.",
    "Chính quyền địa phương đánh giá cao tinh thần trách nhiệm và sự bền bỉ của {s}.",
    "Những việc làm ấy không ồn ào nhưng đã để lại dấu ấn sâu đậm trong lòng người dân.",
    "Từ những kết quả ban đầu, cách làm này đang được nghiên cứu để nhân rộng ở các địa bàn khác.",
    "Không ít lần gặp khó khăn, nhưng {s} chưa bao giờ có ý định bỏ cuộc.",
)
HEADINGS = ("Từ những việc làm nhỏ", "Vượt qua khó khăn", "Cách làm sáng tạo", "Lan tỏa trong cộng đồng",
            "Trái ngọt sau nhiều năm bền bỉ", "Tấm gương để học tập", "Những con số biết nói", "Được ghi nhận",
            "Bền bỉ với phong trào", "Niềm vui giản dị")
PUBLISHERS = ("Báo Ví Dụ", "Tạp chí Ví Dụ", "Cổng thông tin Ví Dụ", "Đài Phát thanh - Truyền hình Ví Dụ")
QUOTER_ROLES = ("Chủ tịch UBND {ward}", "Tổ trưởng {hamlet}", "Bí thư Chi bộ {hamlet}", "một người dân ở {hamlet}",
                "Chủ tịch Ủy ban MTTQ Việt Nam {ward}")

# Award forms per kind, with weights; levels come from awards.yml and are weighted here.
AWARD_FORMS = {
    "ca-nhan": (("giay-khen", 30), ("bieu-duong", 15), ("bang-khen", 14), ("lao-dong-tien-tien", 10),
                ("chien-si-thi-dua-co-so", 10), ("chien-si-thi-dua-cap-tinh", 4), ("chien-si-thi-dua-toan-quoc", 0.5),
                ("huan-chuong-lao-dong", 0.5), ("cong-dan-thu-do-uu-tu", 2)),
    "tap-the": (("giay-khen", 25), ("bieu-duong", 15), ("bang-khen", 18), ("tap-the-lao-dong-tien-tien", 15),
                ("tap-the-lao-dong-xuat-sac", 8), ("co-thi-dua", 5), ("huan-chuong-lao-dong", 1)),
    "ho-gia-dinh": (("gia-dinh-van-hoa", 45), ("giay-khen", 25), ("bieu-duong", 25), ("bang-khen", 5)),
}
LEVEL_WEIGHT = {"co-quan-don-vi": 3, "chu-tich-ubnd-xa": 4, "chu-tich-ubnd-huyen": 4, "chu-tich-ubnd-tinh": 2,
                "bo-nganh-trung-uong": 1.2, "thu-tuong": 0.5, "chu-tich-nuoc": 1}
HH_LEVELS = ("chu-tich-ubnd-xa", "chu-tich-ubnd-huyen", "chu-tich-ubnd-tinh")
MINISTRY = {"giao-duc-dao-tao": ("Bộ Giáo dục và Đào tạo", "BGDĐT"), "y-te": ("Bộ Y tế", "BYT"),
            "quoc-phong-an-ninh": ("Bộ Công an", "BCA"), "san-xuat-kinh-doanh": ("Tổng Liên đoàn Lao động Việt Nam",
                                                                                "TLĐ"),
            "thanh-nien-khoi-nghiep": ("Ban Chấp hành Trung ương Đoàn", "TWĐTN"),
            "nong-thon-moi": ("Bộ Nông nghiệp và Phát triển nông thôn", "BNN"),
            "kinh-te-ho-gia-dinh": ("Trung ương Hội Nông dân Việt Nam", "HNDTW"),
            "cai-cach-hanh-chinh": ("Bộ Nội vụ", "BNV"), "cong-nghe-thong-tin": ("Bộ Thông tin và Truyền thông",
                                                                                 "BTTTT")}
DEFAULT_MINISTRY = ("Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam", "MTTW")

# Where records come from: the five seed territories first, then the whole country.
SEED_AREAS = (  # (weight, legacy province key, district key or None, excluded district key or None)
    (8, "thanhphohanoi", "quanthanhxuan", None), (6, "thanhphohanoi", None, "quanthanhxuan"),
    (6, "tinhkhanhhoa", "thixaninhhoa", None), (3, "tinhkhanhhoa", None, "thixaninhhoa"),
    (6, "tinhlamdong", "thanhphodalat", None), (3, "tinhlamdong", None, "thanhphodalat"),
    (9, "thanhphohochiminh", None, None), (6, "tinhbariavungtau", None, None),
)
REST_WEIGHT = 53
CURRENT_FORM_SHARE = 0.10


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------
def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def vn_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def vn_dec(x: float) -> str:
    return f"{x:.1f}".replace(".", ",").replace(",0", "")


def weighted(rng: Random, items: tuple | list) -> str:
    """Pick from ((value, weight), …)."""
    total = sum(w for _, w in items)
    r = rng.random() * total
    for value, w in items:
        r -= w
        if r < 0:
            return value
    return items[-1][0]


class _Fill(dict):
    """A format mapping whose number keys give a fresh random value at each use."""

    def __init__(self, rng: Random, values: dict) -> None:
        super().__init__(values)
        self.rng = rng

    def __missing__(self, key: str) -> str:
        r = self.rng
        makers: dict[str, Callable[[], str]] = {
            "n1": lambda: str(r.randint(2, 9)), "n2": lambda: str(r.randint(10, 60)),
            "n3": lambda: str(r.randrange(50, 500, 5)), "n4": lambda: vn_int(r.randrange(500, 9000, 50)),
            "pct": lambda: str(r.randint(85, 100)), "pct_small": lambda: str(r.randint(10, 40)),
            "money": lambda: f"{r.randrange(10, 500, 5)} triệu đồng",
            "bigmoney": lambda: f"{vn_dec(r.randint(12, 150) / 10)} tỷ đồng",
            "salary": lambda: str(r.randint(6, 15)), "salary_year": lambda: str(r.randint(60, 120)),
            "yrs": lambda: str(r.randint(3, 20)), "area": lambda: vn_dec(r.randint(5, 100) / 10),
            "area_m2": lambda: vn_int(r.randrange(50, 1500, 10)), "m": lambda: vn_int(r.randrange(200, 5000, 50)),
            "prize": lambda: r.choice(PRIZES),
        }
        if key in makers:
            return makers[key]()
        raise KeyError(key)


def fill(template: str, values: _Fill) -> str:
    return template.format_map(values)


_PLAIN_BAD_START = set("-?:,[]{}#&*!|>'\"%@` ")
_RESOLVES = re.compile(r"^(?:[-+.]?[\d._:]+(?:e[-+]?\d+)?|true|false|yes|no|on|off|null|~|y|n)$", re.I)


def scalar(text: str) -> str:
    """A YAML scalar: plain when it is safe, else double-quoted (JSON escaping is valid YAML)."""
    if (not text or text[0] in _PLAIN_BAD_START or text[-1] in " :" or ": " in text or " #" in text
            or "\n" in text or "\t" in text or _RESOLVES.match(text)):
        return json.dumps(text, ensure_ascii=False)
    return text


def flow_safe(items: list[str]) -> bool:
    return all(scalar(t) == t and not any(c in t for c in ",[]{}") for t in items)


def a_date(rng: Random, year: int, not_before: dt.date | None = None) -> dt.date:
    last = dt.date(year, LAST_MONTH.get(year, 12), 28)
    first = max(dt.date(year, 1, 2), not_before) if not_before else dt.date(year, 1, 2)
    if first > last:
        return last
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


# ---------------------------------------------------------------------------------------------
# Places
# ---------------------------------------------------------------------------------------------
@dataclass
class Place:
    locality: str  # as written in the record
    folder: str  # province slug for the sub-folder
    ward: str  # "phường Khương Trung" (the ward the locality names)
    district: str  # "quận Thanh Xuân" (legacy district, for units and awards)
    district_short: str
    committee: str  # "Quận ủy Thanh Xuân"
    province_full: str  # "thành phố Hà Nội"
    province_key: str  # legacy province key
    hamlet: str
    pname: str
    rural: bool
    south: bool
    where: str


def _province_written(unit: Unit, rng: Random) -> str:
    if unit.key == "thanhphohochiminh":
        return rng.choice(("TP Hồ Chí Minh", "TP Hồ Chí Minh", "TP. Hồ Chí Minh", "Thành phố Hồ Chí Minh"))
    return unit.short


def _province_full(unit: Unit) -> str:
    if unit.key == "thanhphohochiminh":
        return "Thành phố Hồ Chí Minh"
    return unit.type.lower() + " " + unit.short


def _district_written(unit: Unit, rng: Random) -> str:
    if unit.type == "Thành phố" and rng.random() < 0.7:
        return "TP " + unit.short
    return _lower_name(unit)


def _lower_name(unit: Unit) -> str:
    if unit.name.startswith(unit.type):
        return unit.lower_name
    first, _, rest = unit.name.partition(" ")  # data whose type disagrees with the name ("Phường 5", type Xã)
    return first.lower() + " " + rest if first in ("Phường", "Xã", "Thị", "Quận", "Huyện", "Thành") else unit.name


def _committee(district: Unit) -> str:
    word = {"Quận": "Quận ủy", "Huyện": "Huyện ủy", "Thị xã": "Thị ủy", "Thành phố": "Thành ủy"}.get(district.type,
                                                                                                   "Huyện ủy")
    return f"{word} {district.short}"


def _alpha(name: str) -> bool:
    return not any(ch.isdigit() for ch in name)


class Places:
    """Draws real localities, weighted towards the seed territories; every one is checked with resolve()."""

    def __init__(self, gaz: Gazetteer) -> None:
        self.gaz = gaz
        self.provinces = list(gaz.legacy_provinces)
        self.seed_keys = sorted({p for _, p, _, _ in SEED_AREAS})
        self.rest = [p for p in self.provinces if p not in self.seed_keys]
        self.south_from = self.provinces.index("tinhbinhphuoc") if "tinhbinhphuoc" in self.provinces else 44
        self.resolved: dict[str, bool] = {}

    def _district_keys(self, province: str, only: str | None, exclude: str | None) -> list[str]:
        keys = [k for k in self.gaz.legacy_districts.get(province, {})
                if self.gaz.legacy_wards.get(f"{province}_{k}") and k != exclude]
        return [only] if only and only in keys else keys

    def _ok(self, text: str, check: Callable) -> bool:
        if text not in self.resolved:
            try:
                self.resolved[text] = check(self.gaz.resolve(text))
            except LocalityError:
                self.resolved[text] = False
        return self.resolved[text]

    def draw(self, rng: Random) -> Place:
        for _ in range(100):
            place = self._try(rng)
            if place:
                return place
        raise RuntimeError("could not draw a resolvable locality")

    def _try(self, rng: Random) -> Place | None:
        areas = [((p, only, excl), w) for w, p, only, excl in SEED_AREAS if p in self.gaz.legacy_provinces]
        areas.append((None, REST_WEIGHT))
        area = weighted(rng, areas)
        if area is None:
            province, only, exclude = rng.choice(self.rest), None, None
        else:
            province, only, exclude = area
        districts = self._district_keys(province, only, exclude)
        if not districts:
            return None
        dkey = rng.choice(districts)
        wards = self.gaz.legacy_wards[f"{province}_{dkey}"]
        ward = wards[rng.choice(list(wards))]
        lprov = self.gaz.legacy_provinces[province]
        district = self.gaz.legacy_districts[province][dkey]
        rural = ward.type == "Xã"
        south = self.provinces.index(province) >= self.south_from
        hamlet = self._hamlet(rng, province, rural, south)
        current = rng.random() < CURRENT_FORM_SHARE
        if current:
            news = self.gaz.current_wards_of_legacy(ward)
            main = next((u for u, default in news if default), news[0][0] if news else None)
            if main is None:
                return None
            cprov = self.gaz.provinces[self.gaz.province_of_legacy[province]]
            ward_text = _lower_name(main)
            text = f"{ward_text}, {_province_written(cprov, rng)}"
            if not self._ok(text, lambda loc, m=main: loc.ward == m and loc.legacy_ward is None):
                return None
            folder, province_full, ward_short = cprov.slug, _province_full(cprov), main.short
            where = f"{ward_text}, {_province_full(cprov)}"
        else:
            ward_text = _lower_name(ward)
            parts = [ward_text, _district_written(district, rng), _province_written(lprov, rng)]
            if rng.random() < 0.2:
                parts.insert(0, hamlet)
            text = ", ".join(parts)
            if not self._ok(text, lambda loc, w=ward: loc.legacy_ward == w):
                return None
            folder, province_full, ward_short = lprov.slug, _province_full(lprov), ward.short
            where = f"{ward_text}, {_lower_name(district)}"
        pname = next((n for n in (ward_short, district.short, lprov.short) if _alpha(n)), lprov.short)
        return Place(text, folder, ward_text, _lower_name(district), district.short, _committee(district),
                     province_full, province, hamlet, pname, rural, south, where)

    def _hamlet(self, rng: Random, province: str, rural: bool, south: bool) -> str:
        if rural:
            if province in MOUNTAIN and rng.random() < 0.6:
                return f"bản {rng.choice(BAN_A)} {rng.choice(BAN_B)}"
            a = rng.choice(VILLAGE_A)
            b = rng.choice([x for x in VILLAGE_B if x != a])
            if south:
                return f"ấp {a} {b}" if rng.random() < 0.6 else f"ấp {rng.randint(1, 9)}"
            return f"thôn {a} {b}" if rng.random() < 0.75 else f"thôn {rng.randint(1, 12)}"
        if south:
            return f"khu phố {rng.randint(1, 12)}"
        return f"tổ dân phố số {rng.randint(1, 30)}" if rng.random() < 0.7 else f"tổ dân phố {rng.randint(1, 30)}"


# ---------------------------------------------------------------------------------------------
# People
# ---------------------------------------------------------------------------------------------
@dataclass
class Person:
    name: str
    given: str
    gender: str
    birth: int


def make_person(rng: Random, south: bool, gender: str = "", ages: tuple[int, int] = (25, 70),
                year: int = 2024) -> Person:
    gender = gender or rng.choice(("m", "f"))
    surname = weighted(rng, SURNAMES_SOUTH if south else SURNAMES_NORTH)
    middle = weighted(rng, MIDDLE[gender])
    if rng.random() < (0.2 if gender == "f" else 0.05):
        given = rng.choice(GIVEN_COMPOUND[gender])
    else:
        given = rng.choice(GIVEN[gender])
    if given.split()[0] == middle:
        middle = "Thị" if gender == "f" else "Văn"
        if given.split()[0] == middle:
            given = rng.choice(GIVEN[gender][:10])
    return Person(f"{surname} {middle} {given}", given, gender, year - rng.randint(*ages))


def honorific(person: Person, year: int) -> str:
    young = year - person.birth < 45
    if person.gender == "m":
        return "anh" if young else "ông"
    return "chị" if young else "bà"


# ---------------------------------------------------------------------------------------------
# Records
# ---------------------------------------------------------------------------------------------
@dataclass
class Record:
    folder: str
    slug: str
    front: dict
    body: str
    image_seed: int = 0
    meta: dict = field(default_factory=dict)


class Generator:
    def __init__(self, catalog: Catalog, gaz: Gazetteer, seed: int) -> None:
        self.rng = Random(seed)
        self.cat = catalog
        self.places = Places(gaz)
        self.movements: list[Entry] = list(catalog.movements)
        self.fields = {e.code: e for e in catalog.fields}
        self.forms = {e.code: e for e in catalog.award_forms}
        self.levels = {e.code: e for e in catalog.award_levels}
        self.slugs: set[str] = set()
        self.slug_next: dict[str, int] = {}

    # -- plan ------------------------------------------------------------------------------------
    def plan(self, count: int) -> list[tuple[str, str]]:
        """(kind, primary movement) for each record; every movement appears once when count allows."""
        rng = self.rng
        codes = [m.code for m in self.movements]
        plan: list[tuple[str, str] | None] = [None] * count
        if count >= len(codes):
            slots = rng.sample(range(count), len(codes))
            order = codes[:]
            rng.shuffle(order)
            for slot, code in zip(slots, order, strict=True):
                kind = weighted(rng, KIND_WEIGHTS)
                if kind == "ho-gia-dinh" and code not in HH_MOVEMENTS:
                    kind = weighted(rng, KIND_WEIGHTS[:2])
                plan[slot] = (kind, code)
        hh_pool = [(c, MOVEMENT_WEIGHT.get(c, 1)) for c in codes if c in HH_MOVEMENTS] or [(codes[0], 1)]
        all_pool = [(c, MOVEMENT_WEIGHT.get(c, 1)) for c in codes]
        for i in range(count):
            if plan[i] is None:
                kind = weighted(rng, KIND_WEIGHTS)
                plan[i] = (kind, weighted(rng, hh_pool if kind == "ho-gia-dinh" else all_pool))
        return plan  # type: ignore[return-value]

    def field_for(self, movement: Entry, kind: str) -> str:
        rng = self.rng
        options = [f for f in (movement.get("fields") or []) if f in self.fields]
        if not options:
            options = [f for f in FALLBACK_FIELDS.get(movement.code, ()) if f in self.fields]
        if kind == "ho-gia-dinh":
            options = [f for f in options if f in HH_FIELDS] or [f for f in ("van-hoa-co-so", "kinh-te-ho-gia-dinh")
                                                                 if f in self.fields]
        if not options:
            options = list(self.fields)
        return rng.choice(options)

    # -- one record ------------------------------------------------------------------------------
    def record(self, kind: str, movement_code: str) -> Record:
        rng = self.rng
        movement = self.cat.movements[movement_code]
        field_code = self.field_for(movement, kind)
        theme = THEMES.get(field_code, GENERIC_THEME)
        mdata = MOVEMENTS.get(movement_code, {})
        year = rng.randint(*YEARS)
        place = self.places.draw(rng)
        values: dict = {
            "ward": place.ward, "district": place.district, "district_short": place.district_short,
            "committee": place.committee, "province_full": place.province_full, "hamlet": place.hamlet,
            "Hamlet": cap(place.hamlet), "pname": place.pname, "where": place.where, "year": str(year),
            "school": rng.choice((*SCHOOLS, place.pname)), "kindergarten": rng.choice(KINDERGARTENS),
            "company": f"{rng.choice(('TNHH', 'Cổ phần', 'TNHH MTV'))} {rng.choice(INDUSTRIES)} {rng.choice(BRANDS)}",
            "techcompany": f"{rng.choice(('TNHH', 'Cổ phần'))} {rng.choice(TECH_INDUSTRIES)} {rng.choice(BRANDS)}",
            "coop": f"{rng.choice(COOP_KINDS)} {place.pname}", "workshop": rng.choice(WORKSHOPS),
            "crop": rng.choice(CROPS), "animal": rng.choice(ANIMALS), "product": rng.choice(PRODUCTS),
            "charity": rng.choice(CHARITIES), "dept": rng.choice(DEPTS), "technique": rng.choice(TECHNIQUES),
            "hospital": place.district_short if _alpha(place.district_short) else place.pname,
            "sec_model": rng.choice(SEC_MODELS), "party_model": rng.choice(PARTY_MODELS),
            "system": rng.choice(SYSTEMS), "domain": theme.domain, "motto": rng.choice(MOTTOS),
        }
        values["mv"] = self.movement_phrase(movement)
        f = values = _Fill(rng, values)
        person: Person | None = None
        consent_by = ""
        if kind == "ca-nhan":
            roles = list(theme.roles)
            if mdata.get("roles") and rng.random() < 0.7:
                roles = list(mdata["roles"])
            role = rng.choice(roles)
            person = make_person(rng, place.south, role.gender, role.ages, year)
            name = person.name
            hon = honorific(person, year)
            if role.honor == "teacher":
                full = f"{'thầy giáo' if person.gender == 'm' else 'cô giáo'} {name}"
                short = f"{'thầy' if person.gender == 'm' else 'cô'} {person.given}"
            elif role.honor == "doctor":
                full, short = f"bác sĩ {name}", f"bác sĩ {person.given}"
            elif role.honor == "rank":
                rank = rng.choice(RANKS)
                full, short = f"{rank} {name}", f"{hon} {person.given}"
            else:
                full, short = f"{hon} {name}", f"{hon} {person.given}"
            values.update(S=full, Sc=cap(full), s=short, sc=cap(short), role=fill(role.text, f),
                          birth=str(person.birth), age=str(year - person.birth),
                          speaker=short, Speaker=cap(short),
                          work_years=str(max(2, min(year - person.birth - 20, rng.randint(3, 30)))))
            unit = fill(role.unit, f)
            consent_by = f"{cap(hon)} {name}"
            title_ref = cap(short)
        elif kind == "tap-the":
            colls = list(theme.collectives)
            if mdata.get("collectives") and rng.random() < 0.7:
                colls = list(mdata["collectives"])
            coll = rng.choice(colls)
            name = cap(fill(coll.name, f))
            values.update(S=name, Sc=cap(name), s=coll.ref, sc=cap(coll.ref), member_noun=coll.members,
                          members=vn_int(rng.randint(*coll.size)), founded=str(rng.randint(1976, year - 3)))
            unit = fill(coll.unit, f)
            title_ref = name
            boss = make_person(rng, place.south, "", (35, 60), year)
            leader = (f"{'ông' if boss.gender == 'm' else 'bà'} {boss.name}, "
                      f"{LEADER_ROLES.get(coll.ref, 'đại diện ' + coll.ref)}")
            values.update(speaker=leader, Speaker=cap(leader))
        else:
            person = make_person(rng, place.south, "", (38, 72), year)
            hon = "ông" if person.gender == "m" else "bà"
            name = f"Hộ gia đình {hon} {person.name}"
            head, head_short = f"{hon} {person.name}", f"{hon} {person.given}"
            values.update(S=f"gia đình {head}", Sc=f"Gia đình {head}", s=f"gia đình {head_short}",
                          sc=f"Gia đình {head_short}", head=head, head_short=head_short, speaker=head_short,
                          Speaker=cap(head_short),
                          members=str(rng.randint(3, 8)))
            unit = fill(rng.choice(("UBND {ward}", "UBND {ward}", "Hội Nông dân {ward}", "Hội Liên hiệp Phụ nữ {ward}",
                                    "Ủy ban MTTQ Việt Nam {ward}")), f)
            consent_by = f"{cap(hon)} {person.name} (chủ hộ)"
            title_ref = f"Gia đình {head_short}"
        values["Ref"] = title_ref
        values["quoter"] = self.quoter(place, f)
        values["Quoter"] = cap(values["quoter"])

        acts = self.acts(theme, kind, mdata, f)
        result_pool = list(theme.hh_results if kind == "ho-gia-dinh" and theme.hh_results else theme.results)
        rng.shuffle(result_pool)
        results = [fill(t, f) for t in result_pool]
        if len(results) < 2:
            results.append(fill(rng.choice(theme.results), f))
        hh = kind == "ho-gia-dinh"
        wishes = HH_WISHES if hh else theme.wishes or ("tiếp tục đóng góp sức mình cho địa phương",)
        values.update(act1=acts[0], act2=acts[1], act3=acts[2], res1=results[0], res2=results[1],
                      challenge=rng.choice(HH_CHALLENGES if hh else theme.challenges),
                      quote=rng.choice(HH_QUOTES if hh else theme.quotes), wish=fill(rng.choice(wishes), f),
                      mact=rng.choice(mdata.get("acts") or ("tích cực tham gia và vận động mọi người cùng hưởng ứng",)),
                      tail=fill(rng.choice(TAILS[kind]), f), start=str(rng.randint(max(1995, year - 18), year - 1)))
        values["praise"] = fill(rng.choice(PRAISE[kind]), f)
        values["act4"] = acts[3] if len(acts) > 3 else fill(rng.choice(mdata.get("acts") or acts[:1]), f)

        movements = self.secondary(movement_code, field_code, kind)
        awards = self.awards(kind, year, place, field_code, unit)
        award_text = self.award_sentence(awards, values["s"])
        body = self.story(kind, values, f, award_text)

        titles = theme.hh_titles if kind == "ho-gia-dinh" and theme.hh_titles else theme.titles
        template = rng.choice(titles)
        title = fill(template, f)
        if rng.random() < (0.7 if "{" not in template else 0.15):  # vary plain headlines: a name or a place
            roll = rng.random()
            if roll < 0.4 and not title.startswith(title_ref):
                title = f"{title_ref}: {title[0].lower() + title[1:] if title[1:2].islower() else title}"
            elif roll < 0.8 and place.pname not in title:
                title = f"{title} ở {place.pname}"
        if len(title) > 150:
            title = title[:147].rsplit(" ", 1)[0] + "…"
        summary = self.summary(kind, values, acts, results)
        front: dict = {
            "title": title, "name": name,
            "kind": KIND_WRITTEN[kind] if rng.random() < 0.9 else kind,
            "movements": [m.code if rng.random() < 0.85 else m.label for m in movements],
            "field": field_code if rng.random() < 0.85 else self.fields[field_code].label,
            "locality": place.locality, "unit": unit, "year": year, "summary": summary,
        }
        if awards:
            front["awards"] = awards
        achievements = self.achievements(acts, results)
        if achievements:
            front["achievements"] = achievements
        slug = self.slug(name)
        image_seed = rng.getrandbits(32)
        front["images"] = [{"src": f"anh/{slug}.jpg", "alt": f"Minh họa trừu tượng cho câu chuyện về {name}",
                            "caption": f"Minh họa: {title}", "credit": "Minh họa tạo tự động"}]
        if rng.random() < 0.2:
            front["sources"] = self.sources(title, name, year, place)
        tags = list(dict.fromkeys([*rng.sample(theme.tags, min(len(theme.tags), rng.randint(1, 3))),
                                   *mdata.get("tags", ())[:1]]))
        if rng.random() < 0.3:
            tags.append(place.pname)
        front["tags"] = list(dict.fromkeys(tags))
        if kind != "tap-the":
            front["consent"] = {"by": consent_by, "date": a_date(rng, year),
                                "method": weighted(rng, (("van-ban", 6), ("truc-tiep", 3), ("dien-tu", 2)))}
        if rng.random() < 0.03:
            front["featured"] = True
        if rng.random() < 0.02:
            front["draft"] = True
        return Record(place.folder, slug, front, body, image_seed,
                      {"kind": kind, "movements": [m.code for m in movements], "field": field_code})

    def movement_phrase(self, movement: Entry) -> str:
        data = MOVEMENTS.get(movement.code, {})
        if data.get("phrase"):
            return data["phrase"]
        label = movement.label
        if label.startswith("Các "):
            return "c" + label[1:]
        return f"{'cuộc vận động' if data.get('campaign') else 'phong trào'} “{label}”"

    def quoter(self, place: Place, f: _Fill) -> str:
        other = make_person(self.rng, place.south, "", (30, 65))
        hon = "ông" if other.gender == "m" else "bà"
        return f"{hon} {other.name}, {fill(self.rng.choice(QUOTER_ROLES), f)}"

    def acts(self, theme: Theme, kind: str, mdata: dict, f: _Fill) -> list[str]:
        rng = self.rng
        if kind == "ho-gia-dinh" and theme.hh_acts:
            pool = list(theme.hh_acts)
        else:
            skip = "T:" if kind != "tap-the" else "P:"
            pool = [a[2:] if a[:2] in ("P:", "T:") else a for a in theme.acts if not a.startswith(skip)]
            if kind == "ho-gia-dinh":
                pool = [a for a in pool if not a.startswith(("kèm", "bồi dưỡng", "thiết kế"))] or pool
        rng.shuffle(pool)
        extra = list(mdata.get("acts", ()))
        while len(pool) < 3:
            pool.append(extra.pop() if extra else "tích cực tham gia các hoạt động chung của địa phương")
        return [fill(a, f) for a in pool[:4]]

    def secondary(self, primary: str, field_code: str, kind: str) -> list[Entry]:
        rng = self.rng
        chosen = [primary]
        roll = rng.random()
        extra = 2 if roll < 0.08 else 1 if roll < 0.35 else 0
        related = [m.code for m in self.movements if field_code in (m.get("fields") or []) and m.code != primary]
        general = [c for c in GENERAL_MOVEMENTS if c in {m.code for m in self.movements} and c != primary]
        pool = related + general
        if kind == "ho-gia-dinh":
            pool = [c for c in pool if c in HH_MOVEMENTS]
        for _ in range(extra):
            options = [c for c in pool if c not in chosen]
            if options:
                chosen.append(rng.choice(options))
        return [self.cat.movements[c] for c in chosen]

    # -- awards ----------------------------------------------------------------------------------
    def awards(self, kind: str, year: int, place: Place, field_code: str, unit: str) -> list[dict]:
        rng = self.rng
        n = weighted(rng, ((0, 12), (1, 45), (2, 30), (3, 13)))
        forms = [(c, w) for c, w in AWARD_FORMS[kind] if c in self.forms
                 and (c != "cong-dan-thu-do-uu-tu" or place.province_key == "thanhphohanoi")]
        out: list[dict] = []
        seen: set[tuple[str, str, int]] = set()
        for _ in range(n):
            form = weighted(rng, forms)
            levels = [lv for lv in self.forms[form].get("levels") or [] if lv in self.levels]
            if kind == "ho-gia-dinh":
                levels = [lv for lv in levels if lv in HH_LEVELS]
            if not levels:
                continue
            level = weighted(rng, [(lv, LEVEL_WEIGHT.get(lv, 1)) for lv in levels])
            ayear = max(YEARS[0], year - weighted(rng, ((0, 5), (1, 3), (2, 2), (3, 1))))
            if (form, level, ayear) in seen:
                continue
            seen.add((form, level, ayear))
            award = {"form": self.forms[form].label if rng.random() < 0.8 else form,
                     "level": level if rng.random() < 0.8 else self.levels[level].label, "year": ayear,
                     "_form": form, "_level": level}
            if rng.random() < 0.75:
                award["decision"] = self.decision(level, field_code)
            if rng.random() < 0.6:
                award["date"] = a_date(rng, ayear)
            when = award.get("date")
            if not fits(self.levels[level], when or dt.date(ayear, 1, 1), when or dt.date(ayear, 12, 31)):
                continue  # a level not in office then (district chairs after 30 June 2025)
            award["_authority"] = self.authority(level, place, field_code, unit)
            out.append(award)
        out.sort(key=lambda a: (a["year"], a["_form"], a["_level"]))
        return out

    def decision(self, level: str, field_code: str) -> str:
        rng = self.rng
        suffix = {"chu-tich-nuoc": "QĐ-CTN", "thu-tuong": "QĐ-TTg",
                  "bo-nganh-trung-uong": "QĐ-" + MINISTRY.get(field_code, DEFAULT_MINISTRY)[1],
                  "co-quan-don-vi": rng.choice(("QĐ", "QĐ-TĐKT", "QĐ-CĐ"))}.get(level, "QĐ-UBND")
        return f"{rng.randint(12, 9800)}/{suffix}"

    def authority(self, level: str, place: Place, field_code: str, unit: str) -> str:
        return {"chu-tich-nuoc": "Chủ tịch nước", "thu-tuong": "Thủ tướng Chính phủ",
                "bo-nganh-trung-uong": MINISTRY.get(field_code, DEFAULT_MINISTRY)[0],
                "chu-tich-ubnd-tinh": f"Chủ tịch UBND {place.province_full}",
                "chu-tich-ubnd-huyen": f"Chủ tịch UBND {place.district}",
                "chu-tich-ubnd-xa": f"Chủ tịch UBND {place.ward}", "co-quan-don-vi": unit}.get(level, unit)

    def award_sentence(self, awards: list[dict], subject: str) -> str:
        by_year: dict[int, list[str]] = {}
        for a in awards:
            form, who = a["_form"], a["_authority"]
            label = self.forms[form].label
            if form in ("bang-khen", "giay-khen"):
                what = f"được tặng {label} của {who}"
            elif form == "bieu-duong":
                what = f"được biểu dương, tôn vinh tại hội nghị điển hình tiên tiến do {who} tổ chức"
            elif form == "huan-chuong-lao-dong":
                what = "vinh dự được Chủ tịch nước tặng Huân chương Lao động hạng Ba"
            elif form == "co-thi-dua":
                what = f"được tặng Cờ thi đua của {who}"
            else:
                what = f"được công nhận danh hiệu “{label}”"
            by_year.setdefault(a["year"], []).append(what)
        parts = []
        for i, (year, whats) in enumerate(by_year.items()):
            joined = whats[0] if len(whats) == 1 else ", ".join(whats[:-1]) + " và " + whats[-1].removeprefix("được ")
            parts.append(f"năm {year}, {subject + ' ' if i == 0 else ''}{joined}")
        if not parts:
            return ""
        lead = self.rng.choice(AWARD_LEADS)
        return (lead + "; ".join(parts) if lead else cap("; ".join(parts))) + "."

    # -- text ------------------------------------------------------------------------------------
    def story(self, kind: str, values: dict, f: _Fill, award_text: str) -> str:
        rng = self.rng
        target = rng.randint(255, 480)
        paras: list[tuple[str, str]] = [("intro", fill(rng.choice(INTRO[kind]), f))]
        body = fill(rng.choice(BODY), f)
        if rng.random() < 0.6:
            body += " " + fill(rng.choice(BODY2), f)
        paras.append(("body", body))
        paras.append(("movement", fill(rng.choice(MOVEMENT_PARA), f)))
        paras.append(("results", fill(rng.choice(RESULTS), f)))
        paras.append(("quote", fill(rng.choice(QUOTE_OTHER), f) + " " + fill(rng.choice(QUOTE_OWN), f)))
        if award_text:
            paras.append(("awards", award_text))
        paras.append(("closing", fill(rng.choice(CLOSING), f)))

        counts: dict[str, int] = {}

        def words() -> int:
            for _, p in paras:
                if p not in counts:
                    counts[p] = p.count(" ") + 1
            return sum(counts[p] for _, p in paras)

        def insert_after(after: str, key: str, text: str) -> None:
            at = next((i for i, (k, _) in enumerate(paras) if k == after), len(paras) - 1)
            paras.insert(at + 1, (key, text))

        # Lengthen towards the target: a background paragraph, one more activity, then single sentences.
        if words() < target:
            insert_after("intro", "background", fill(rng.choice(BACKGROUND[kind]), f))
        if words() < target:
            insert_after("body", "detail", fill(rng.choice(DETAIL), f))
        fillers = [fill(t, f) for t in FILLER]
        rng.shuffle(fillers)
        spots = ("body", "results", "detail", "background", "movement")
        i = 0
        while words() < target and fillers:
            spot = spots[i % len(spots)]
            i += 1
            for j, (k, p) in enumerate(paras):
                if k == spot:
                    paras[j] = (k, p + " " + fillers.pop())
                    break
        # Stay within 250–500 words whatever the templates produced.
        for optional in ("detail", "background", "quote", "movement"):
            if words() <= 485:
                break
            paras = [(k, p) for k, p in paras if k != optional]
        closings = [fill(t, f) for t in CLOSING]
        rng.shuffle(closings)
        while words() < 250 and closings:
            paras.append(("closing2", closings.pop()))
        out: list[str] = []
        headings = rng.sample(HEADINGS, 2) if rng.random() < 0.35 else []
        for k, p in paras:
            if headings and k in ("body", "results"):
                out.append("## " + headings.pop(0))
            out.append(p)
        return "\n\n".join(out) + "\n"

    def summary(self, kind: str, values: dict, acts: list[str], results: list[str]) -> str:
        rng = self.rng
        who = values["Ref"] if kind != "tap-the" else values["S"]
        options = (f"{who} {acts[0]}; {results[0]}.", f"{who} {acts[0]}, {acts[1]}.",
                   f"{who} {acts[1]}; {results[0]}.")
        text = cap(rng.choice(options))
        if len(text) > 300:
            text = text[:296].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        if len(text) < 20:
            text = f"{who}: tấm gương tiêu biểu ở {values['where']}."
        return text

    def achievements(self, acts: list[str], results: list[str]) -> list[str]:
        rng = self.rng
        if rng.random() < 0.15:
            return []
        pool = [cap(a) for a in acts[:3]] + [cap(r) for r in results[:2]]
        picked = sorted(rng.sample(range(len(pool)), min(len(pool), rng.randint(1, 4))))
        return list(dict.fromkeys(pool[i] for i in picked))

    def sources(self, title: str, name: str, year: int, place: Place) -> list[dict]:
        rng = self.rng
        out = []
        for i in range(rng.choice((1, 1, 2))):
            head = title if i == 0 else f"Gương sáng ở {place.pname}: {name}"
            path = slugify(head)[:70].strip("-")
            out.append({"title": head, "url": f"https://example.vn/{rng.choice(('guong-sang', 'xa-hoi', 'thoi-su'))}/"
                                              f"{path}-{rng.randint(10000, 99999)}.html",
                        "publisher": rng.choice(PUBLISHERS), "date": a_date(rng, year)})
        return out

    def slug(self, name: str) -> str:
        base = slugify(name) or "ho-so"
        n = self.slug_next.get(base, 1)
        slug = base if n == 1 else f"{base}-{n}"
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.slug_next[base] = n + 1
        self.slugs.add(slug)
        return slug


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------
def render(record: Record, with_image: bool) -> str:
    fm = record.front
    lines = ["---", f"title: {json.dumps(fm['title'], ensure_ascii=False)}"]
    for key in ("name", "kind"):
        lines.append(f"{key}: {scalar(fm[key])}")
    lines.append("movements:")
    lines += [f"  - {scalar(m)}" for m in fm["movements"]]
    for key in ("field", "locality", "unit"):
        lines.append(f"{key}: {scalar(fm[key])}")
    lines.append(f"year: {fm['year']}")
    lines.append(f"summary: {scalar(fm['summary'])}")
    if fm.get("awards"):
        lines.append("awards:")
        for a in fm["awards"]:
            lines.append(f"  - form: {scalar(a['form'])}")
            lines.append(f"    level: {scalar(a['level'])}")
            lines.append(f"    year: {a['year']}")
            if "decision" in a:
                lines.append(f"    decision: {scalar(a['decision'])}")
            if "date" in a:
                lines.append(f"    date: {a['date'].isoformat()}")
    if fm.get("achievements"):
        lines.append("achievements:")
        lines += [f"  - {scalar(a)}" for a in fm["achievements"]]
    if with_image:
        lines.append("images:")
        for img in fm["images"]:
            lines.append(f"  - src: {scalar(img['src'])}")
            for key in ("alt", "caption", "credit"):
                lines.append(f"    {key}: {scalar(img[key])}")
    if fm.get("sources"):
        lines.append("sources:")
        for s in fm["sources"]:
            lines.append(f"  - title: {scalar(s['title'])}")
            lines.append(f"    url: {scalar(s['url'])}")
            lines.append(f"    publisher: {scalar(s['publisher'])}")
            lines.append(f"    date: {s['date'].isoformat()}")
    tags = fm.get("tags") or []
    if tags and flow_safe(tags):
        lines.append(f"tags: [{', '.join(tags)}]")
    elif tags:
        lines.append("tags:")
        lines += [f"  - {scalar(t)}" for t in tags]
    if fm.get("consent"):
        c = fm["consent"]
        lines += ["consent:", f"  by: {scalar(c['by'])}", f"  date: {c['date'].isoformat()}",
                  f"  method: {c['method']}"]
    if fm.get("featured"):
        lines.append("featured: true")
    if fm.get("draft"):
        lines.append("draft: true")
    lines.append("---")
    return nfc("\n".join(lines) + "\n" + record.body)


def expected_front(record: Record, with_image: bool) -> dict:
    """The front matter as YAML should read it back (for tests)."""
    fm = {k: v for k, v in record.front.items() if with_image or k != "images"}
    if "awards" in fm:
        fm["awards"] = [{k: v for k, v in a.items() if not k.startswith("_")} for a in fm["awards"]]
    return fm


def draw_image(path: Path, seed: int) -> None:
    """A small abstract JPEG: a two-colour gradient with a few soft shapes (no faces, no text)."""
    from PIL import Image, ImageDraw

    rng = Random(seed)
    w, h = 480, 320
    palette = [(rng.randint(40, 230), rng.randint(40, 230), rng.randint(40, 230)) for _ in range(5)]
    top, bottom = palette[0], palette[1]
    column = Image.new("RGB", (1, h))
    column.putdata([tuple(top[c] + (bottom[c] - top[c]) * y // (h - 1) for c in range(3)) for y in range(h)])
    img = column.resize((w, h))
    draw = ImageDraw.Draw(img, "RGBA")
    for _ in range(rng.randint(3, 7)):
        color = (*rng.choice(palette[2:]), rng.randint(70, 170))
        x0, y0 = rng.randint(-60, w - 40), rng.randint(-60, h - 40)
        size = rng.randint(40, 200)
        shape = rng.random()
        if shape < 0.45:
            draw.ellipse((x0, y0, x0 + size, y0 + size), fill=color)
        elif shape < 0.75:
            draw.rectangle((x0, y0, x0 + size, y0 + size * 2 // 3), fill=color)
        else:
            draw.polygon([(x0, y0 + size), (x0 + size // 2, y0), (x0 + size, y0 + size)], fill=color)
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "JPEG", quality=80)


def generate(count: int, seed: int, catalog: Catalog | None = None) -> list[Record]:
    if catalog is None:
        catalog, problems = load_catalog(CATALOG_DIR, ROOT)
        if problems:
            raise SystemExit("catalogue problems: " + "; ".join(p.text() for p in problems))
    gen = Generator(catalog, gazetteer(), seed)
    return [gen.record(kind, code) for kind, code in gen.plan(count)]


def _looks_like_project(path: Path) -> bool:
    return any((path / marker).exists() for marker in (".git", "pyproject.toml", "mkdocs.yml"))


def prepare_out(out: Path, force: bool) -> None:
    if out.exists() and not out.is_dir():
        raise SystemExit(f"{out} exists and is not a directory")
    if out.is_dir() and any(out.iterdir()):
        if not force:
            raise SystemExit(f"{out} is not empty; use --force to empty it first")
        resolved = out.resolve()
        if resolved == Path(resolved.anchor) or resolved == Path.home().resolve() or _looks_like_project(resolved):
            raise SystemExit(f"refusing to empty {out}")
        for child in sorted(out.iterdir()):
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
    out.mkdir(parents=True, exist_ok=True)


def write(records: list[Record], out: Path, images: bool) -> None:
    folders: set[Path] = set()
    for rec in records:
        folder = out / rec.folder
        if folder not in folders:
            folder.mkdir(parents=True, exist_ok=True)
            folders.add(folder)
        (folder / f"{rec.slug}.md").write_bytes(render(rec, images).encode("utf-8"))
        if images:
            draw_image(folder / "anh" / f"{rec.slug}.jpg", rec.image_seed)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a deterministic corpus of fictional exemplar records.")
    parser.add_argument("--count", type=int, required=True, help="number of records")
    parser.add_argument("--out", type=Path, required=True, help="output directory (created; must be empty)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same seed → same files)")
    parser.add_argument("--images", action="store_true", help="add one small generated JPEG per record")
    parser.add_argument("--force", action="store_true", help="empty a non-empty output directory first")
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    start = time.perf_counter()
    prepare_out(args.out, args.force)
    records = generate(args.count, args.seed)
    write(records, args.out, args.images)
    print(f"Generated {len(records)} records in {args.out} in {time.perf_counter() - start:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
