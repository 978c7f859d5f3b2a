"""Sample documents in Chinese, English, mixed text, and at the limits (long, many units)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from reports.data import (
    Address,
    CenterInfo,
    ChargeLine,
    FindingRow,
    IntakeSlipData,
    LabelData,
    QuoteData,
    RefusalSlipData,
    RefusedScan,
    RepairLine,
    ReportData,
    ReportUnit,
    UnitLine,
    quote_line,
)

LANGS = ("zh", "en", "mixed", "long")
# The document language of each sample's customer: mixed text goes to a Taiwanese customer.
DOC_LANGUAGE = {"zh": "zh_CN", "en": "en", "mixed": "zh_TW", "long": "zh_CN"}
UTC8 = dt.timezone(dt.timedelta(hours=8))

CENTER = CenterInfo("华南维修中心 South China Repair Center",
                    "广东省深圳市南山区科技园科苑路 88 号\nBuilding 3, Keyuan Road", "+86 755 8888 0000")

# Exactly 200 characters, no spaces in the Chinese part: the label must still wrap it.
LONG_ADDRESS = ("广东省深圳市南山区粤海街道科技南十二路长城计算机大厦" * 4 + "Room 1203, Tower B, "
                "Shenzhen Bay Science and Technology Ecological Park, No. 18 Keji South Road"
                + " Unit 7" * 10)[:200]

ADDRESSES = {
    "zh": Address("张三", "深圳市某某科技有限公司", "138 0013 8000", ("南山区科技园南区 R2-B 栋 5 楼",),
                  "深圳", "广东", "518057", "中国"),
    "en": Address("John O'Neil", "Acme Mining Ltd", "+1 415 555 0100",
                  ("1200 Market Street", "Suite 400"), "San Francisco", "CA", "94103", "USA"),
    "mixed": Address("李雷 Li Lei", "Jasmine 矿业 Ltd", "+86 10 6500 1234",
                     ("朝阳区建国路 88 号 SOHO 现代城 Tower C 1808",), "北京 Beijing", "", "100022",
                     "中国 China"),
    "long": Address("欧阳娜娜 Nana Ouyang-Featherstonehaugh", "深圳市前海国际供应链管理有限公司",
                    "+86 138 0013 8000 ext. 12345", (LONG_ADDRESS,), "深圳", "广东", "518000",
                    "中华人民共和国 People's Republic of China"),
}

WORDS = {
    "zh": ("电源测试", "风扇转速异常，已更换风扇", "算力板 3 号链路断开", "保修期内，免费维修。"),
    "en": ("Power-on test", "Fan speed low; replaced the fan", "Hash board chain 3 open",
           "Within warranty: the repair is free."),
    "mixed": ("PSU 电源 test", "Fan 风扇 RPM low, replaced", "Hashboard 算力板 #3 open",
              "保修期内 within warranty (W2): 出厂 2025-01-10, 收到 2025-09-30."),
    "long": ("长时间老化测试 Burn-in 72h", "温度过高导致算力板焊点开裂，更换算力板并重新校准 " * 3,
             "多处腐蚀 Corrosion on several connectors " * 3,
             "出厂日期 2024-01-05，收到日期 2025-06-30，超过保修期 (W2)。" * 4),
}


def unit_count(lang: str) -> int:
    return 50 if lang == "long" else 2


def serials(lang: str) -> tuple[str, ...]:
    return tuple(f"JM{lang[:2].upper()}{i:08d}" for i in range(1, unit_count(lang) + 1))


def label(lang: str, **changes: object) -> LabelData:
    data = dict(sender=CENTER, recipient=ADDRESSES[lang], carrier="SF Express 顺丰速运",
                service="标快 Standard", tracking_number="SF1402345678901",
                work_order_number="RB-2025-000123", parcel_no=2, parcel_count=3,
                cod_amount=Decimal("1234.50"), currency="CNY", freight_payer="split",
                serials=serials(lang), language=DOC_LANGUAGE[lang])
    data.update(changes)
    return LabelData(**data)  # type: ignore[arg-type]


def report(lang: str) -> ReportData:
    test, repair, cause, explanation = WORDS[lang]
    n_findings = 30 if lang == "long" else 4
    units = []
    for i, serial in enumerate(serials(lang)):
        findings = tuple(
            FindingRow(f"{test} #{k}", "fail" if k % 3 == 0 else "pass", f"{12 + k}.5", "V",
                       "11.5 – 13.5", repair if k % 5 == 0 else "")
            for k in range(1, (n_findings if i == 0 or lang != "long" else 3) + 1))
        units.append(ReportUnit(serial, "Jasminer X16-Q", WORDS[lang][2], findings, cause,
                                "保修范围内 Covered by warranty", explanation,
                                (RepairLine(repair, "P-100 风扇 Fan 120mm", 2, "F-OLD-1", "F-NEW-1"),)))
    charges = (ChargeLine("风扇 Fan 120mm", Decimal("2"), Decimal("45.00"), Decimal("101.70"),
                          serials(lang)[0]),
               ChargeLine("工时 Labour", Decimal("1.5"), Decimal("80.00"), Decimal("135.60"),
                          serials(lang)[0]))
    return ReportData(CENTER, "RB-2025-000123", ADDRESSES[lang], ADDRESSES[lang], tuple(units),
                      charges, "CNY", "王工 Wang Gong", dt.date(2025, 10, 9),
                      DOC_LANGUAGE[lang])


def quote(lang: str) -> QuoteData:
    test, repair, cause, _ = WORDS[lang]
    count = 40 if lang == "long" else 3
    lines = tuple(quote_line("part" if k % 2 else "labour", f"{repair} {k}", Decimal(k % 3 + 1),
                             Decimal("99.90"), Decimal("10") if k == 1 else Decimal("0"),
                             Decimal("13")) for k in range(1, count + 1))
    return QuoteData(CENTER, "RB-2025-000123", ADDRESSES[lang], lines, "CNY",
                     dt.date(2025, 10, 31), 2, serials(lang)[0], "Jasminer X16-Q",
                     DOC_LANGUAGE[lang])


def intake_slip(lang: str) -> IntakeSlipData:
    units = [UnitLine(s, "X16-Q") for s in serials(lang)]
    return IntakeSlipData(CENTER, "RB-2025-000123", ADDRESSES[lang],
                          dt.datetime(2025, 9, 30, 14, 5, tzinfo=UTC8),
                          "Bench 2 收货台", WORDS[lang][2], tuple(units[:-1]), tuple(units[-1:]),
                          "YT7512345678901", DOC_LANGUAGE[lang])


def refusal_slip(lang: str) -> RefusalSlipData:
    reasons = ("没有对应的工单 No work order matches this parcel.", WORDS[lang][3])
    why = "工单不存在 Unknown work order " + WORDS[lang][0]
    scans = tuple(RefusedScan(f"RB-2099-{k:06d}", "reject", why)
                  for k in range(60 if lang == "long" else 3))
    return RefusalSlipData(CENTER, ADDRESSES[lang],
                           dt.datetime(2025, 9, 30, 9, 0, tzinfo=dt.UTC), "Bench 1",
                           "ZTO 中通", "ZT75123456789", WORDS[lang][2], reasons, scans,
                           DOC_LANGUAGE[lang])
