"""Every fixed text of the printed documents, in English, Simplified and Traditional Chinese.

The documents speak the customer's language (`Customer.language`, else the center's
`center.document_language`), whatever language the station's screens are in. The wording joins
core's one catalogue (`core.messages`) under "doc." keys, so a document asks
`text(key, language, **params)` like every other message; dates and money are formatted here
for the same language.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from functools import lru_cache

from core import messages
from core.messages import DEFAULT_LANGUAGE, LANGUAGES, language_or_default
from reports.data import FREIGHT_PAYER_KEY, IntakeSlipData, LabelData, UnitLine, money
from reports.data import format_money as iso_money

__all__ = ["LANGUAGES", "document_language", "format_date", "format_datetime", "format_money",
           "fixed_wording", "say", "cod_text", "freight_text", "intake_facts", "intake_units"]

_E, _S, _T = "en", "zh_CN", "zh_TW"

WORDING: dict[str, dict[str, str]] = {
    # Shared by several documents.
    "doc.customer": {_E: "Customer", _S: "客户", _T: "客戶"},
    "doc.customer_line": {_E: "Customer: {customer}", _S: "客户：{customer}",
                          _T: "客戶：{customer}"},
    "doc.return_address": {_E: "Return address", _S: "回寄地址", _T: "回寄地址"},
    "doc.work_order": {_E: "Work order", _S: "工单", _T: "工單"},
    "doc.page": {_E: "Page {n} of {m}", _S: "第 {n} / {m} 页", _T: "第 {n} / {m} 頁"},
    "doc.total": {_E: "Total", _S: "合计", _T: "合計"},
    "doc.unknown": {_E: "Unknown", _S: "未知", _T: "未知"},
    "doc.col.serial": {_E: "Serial", _S: "序列号", _T: "序號"},
    "doc.col.description": {_E: "Description", _S: "项目", _T: "項目"},
    "doc.col.qty": {_E: "Qty", _S: "数量", _T: "數量"},
    "doc.col.unit_price": {_E: "Unit price", _S: "单价", _T: "單價"},
    "doc.col.amount": {_E: "Amount", _S: "金额", _T: "金額"},
    # Repair report.
    "doc.report.title": {_E: "Repair report", _S: "维修报告", _T: "維修報告"},
    "doc.report.heading": {_E: "Repair report  {number}", _S: "维修报告  {number}",
                           _T: "維修報告  {number}"},
    "doc.report.unit": {_E: "Unit {index}/{count}: {serial}  {model}",
                        _S: "设备 {index}/{count}：{serial}  {model}",
                        _T: "設備 {index}/{count}：{serial}  {model}"},
    "doc.report.condition": {_E: "Condition on arrival: {condition}", _S: "到货状况：{condition}",
                             _T: "到貨狀況：{condition}"},
    "doc.report.no_findings": {_E: "No test findings recorded.", _S: "无测试记录。",
                               _T: "無測試記錄。"},
    "doc.report.cause": {_E: "Cause: {cause}", _S: "原因：{cause}", _T: "原因：{cause}"},
    "doc.report.decision": {_E: "Warranty decision: {decision}", _S: "保修判定：{decision}",
                            _T: "保固判定：{decision}"},
    "doc.report.no_units": {_E: "No units on this work order.", _S: "本工单没有设备。",
                            _T: "本工單沒有設備。"},
    "doc.report.charges": {_E: "Charges", _S: "费用", _T: "費用"},
    "doc.report.no_charges": {_E: "Charges: none", _S: "费用：无", _T: "費用：無"},
    "doc.report.signed": {_E: "Technician: {technician}     Date: {date}",
                          _S: "技术员：{technician}     日期：{date}",
                          _T: "技術員：{technician}     日期：{date}"},
    "doc.col.test": {_E: "Test", _S: "测试", _T: "測試"},
    "doc.col.result": {_E: "Result", _S: "结果", _T: "結果"},
    "doc.col.value": {_E: "Value", _S: "数值", _T: "數值"},
    "doc.col.unit": {_E: "Unit", _S: "单位", _T: "單位"},
    "doc.col.limits": {_E: "Limits", _S: "限值", _T: "限值"},
    "doc.col.notes": {_E: "Notes", _S: "备注", _T: "備註"},
    "doc.result.pass": {_E: "pass", _S: "通过", _T: "通過"},
    "doc.result.fail": {_E: "fail", _S: "不通过", _T: "不通過"},
    "doc.result.info": {_E: "info", _S: "信息", _T: "資訊"},
    "doc.col.action": {_E: "Action", _S: "维修操作", _T: "維修操作"},
    "doc.col.part": {_E: "Part", _S: "零件", _T: "零件"},
    "doc.col.old_serial": {_E: "Old serial", _S: "旧序列号", _T: "舊序號"},
    "doc.col.new_serial": {_E: "New serial", _S: "新序列号", _T: "新序號"},
    "doc.decision.covered": {_E: "Covered by warranty", _S: "保修范围内", _T: "保固範圍內"},
    "doc.decision.not_covered": {_E: "Not covered by warranty", _S: "不在保修范围",
                                 _T: "不在保固範圍"},
    "doc.decision.cannot_tell": {_E: "Not decided yet", _S: "待定", _T: "待定"},
    # Reasons a parcel was refused, as intake records them (rules I1, I7, S3).
    "doc.reason.no_work_order": {_E: "No work order matches this parcel.",
                                 _S: "没有对应的工单。", _T: "沒有對應的工單。"},
    "doc.reason.no_return_address": {_E: "The work order has no return address.",
                                     _S: "工单缺少回寄地址。", _T: "工單缺少回寄地址。"},
    "doc.reason.no_units": {_E: "The work order lists no units.", _S: "工单没有登记设备。",
                            _T: "工單沒有登記設備。"},
    "doc.reason.serial_not_on_work_order": {_E: "The unit's serial is not on the work order.",
                                            _S: "设备序列号不在工单上。",
                                            _T: "設備序號不在工單上。"},
    "doc.reason.serial_mismatch": {_E: "The unit does not match the work order.",
                                   _S: "设备与工单不符。", _T: "設備與工單不符。"},
    "doc.reason.model_mismatch": {_E: "The model differs from the one on the work order.",
                                  _S: "设备型号与工单不符。", _T: "設備型號與工單不符。"},
    "doc.reason.already_received": {_E: "This unit is already at the center.",
                                    _S: "该设备已在本中心。", _T: "該設備已在本中心。"},
    "doc.reason.work_order_closed": {_E: "The work order is closed.", _S: "工单已关闭。",
                                     _T: "工單已關閉。"},
    "doc.reason.work_order_cancelled": {_E: "The work order was cancelled.", _S: "工单已取消。",
                                        _T: "工單已取消。"},
    "doc.reason.work_order_incomplete": {
        _E: "The work order is incomplete (no units or no return address).",
        _S: "工单信息不完整（没有设备或缺少回寄地址）。",
        _T: "工單資料不完整（沒有設備或缺少回寄地址）。"},
    "doc.reason.missing_order_number": {_E: "The original order number is missing.",
                                        _S: "缺少原始订单号。", _T: "缺少原始訂單號碼。"},
    "doc.reason.missing_diagnosis_report": {
        _E: "The diagnosis report the policy asks for is missing.",
        _S: "缺少政策要求的诊断报告。", _T: "缺少政策要求的診斷報告。"},
    "doc.reason.unreadable": {_E: "A label on the parcel could not be read.",
                              _S: "包裹上的标签无法识别。", _T: "包裹上的標籤無法辨識。"},
    "doc.reason.ambiguous_serial": {_E: "The serial matches several work orders.",
                                    _S: "该序列号对应多个工单。", _T: "該序號對應多個工單。"},
    "doc.reason.parcel_open": {
        _E: "Another work order's parcel was being received at the same time.",
        _S: "当时正在接收另一工单的包裹。", _T: "當時正在接收另一工單的包裹。"},
    "doc.decision.override": {_E: "Changed by a supervisor: {reason}", _S: "主管更改：{reason}",
                              _T: "主管更改：{reason}"},
    # Quote.
    "doc.quote.title": {_E: "Repair quote", _S: "维修报价单", _T: "維修報價單"},
    "doc.quote.heading": {_E: "Repair quote  {number}  (v{version})",
                          _S: "维修报价单  {number}  (v{version})",
                          _T: "維修報價單  {number}  (v{version})"},
    "doc.quote.unit": {_E: "Unit: {serial}  {model}", _S: "设备：{serial}  {model}",
                       _T: "設備：{serial}  {model}"},
    "doc.quote.kind": {_E: "Kind", _S: "类别", _T: "類別"},
    "doc.quote.discount": {_E: "Disc. %", _S: "折扣 %", _T: "折扣 %"},
    "doc.quote.tax_rate": {_E: "Tax %", _S: "税率 %", _T: "稅率 %"},
    "doc.quote.kind.part": {_E: "Part", _S: "零件", _T: "零件"},
    "doc.quote.kind.labour": {_E: "Labour", _S: "工时", _T: "工時"},
    "doc.quote.kind.freight": {_E: "Freight", _S: "运费", _T: "運費"},
    "doc.quote.kind.other": {_E: "Other", _S: "其他", _T: "其他"},
    "doc.quote.subtotal": {_E: "Subtotal", _S: "小计", _T: "小計"},
    "doc.quote.tax": {_E: "Tax", _S: "税", _T: "稅"},
    "doc.quote.valid_until": {_E: "Valid until: {date}", _S: "报价有效期至：{date}",
                              _T: "報價有效期至：{date}"},
    "doc.quote.terms": {
        _E: "Repair starts only after you agree to this quote; if you decline, the unit is "
            "returned as it is.",
        _S: "维修将在您确认同意后开始；如不同意，设备将按原样退回。",
        _T: "維修將在您確認同意後開始；如不同意，設備將按原樣退回。"},
    "doc.quote.approval": {_E: "Customer approval", _S: "客户确认", _T: "客戶確認"},
    "doc.quote.signature": {_E: "Customer signature", _S: "客户签字", _T: "客戶簽名"},
    "doc.quote.name": {_E: "Name", _S: "姓名", _T: "姓名"},
    "doc.quote.date": {_E: "Date", _S: "日期", _T: "日期"},
    # Return label (PDF and ZPL).
    "doc.label.title": {_E: "Return label", _S: "回寄标签", _T: "回寄標籤"},
    "doc.label.parcel": {_E: "Parcel", _S: "件", _T: "件"},
    "doc.label.tracking": {_E: "Tracking", _S: "运单号", _T: "運單號"},
    "doc.label.to": {_E: "To", _S: "收件人", _T: "收件人"},
    "doc.label.from": {_E: "From", _S: "寄件人", _T: "寄件人"},
    "doc.label.cod": {_E: "COD {amount}", _S: "代收货款 {amount}", _T: "代收貨款 {amount}"},
    "doc.label.no_cod": {_E: "No COD", _S: "无代收", _T: "無代收"},
    "doc.label.freight": {_E: "Freight: {payer}", _S: "运费：{payer}", _T: "運費：{payer}"},
    "doc.label.units": {_E: "{count} units: {serials}", _S: "{count} 台：{serials}",
                        _T: "{count} 台：{serials}"},
    "doc.freight.sender": {_E: "Sender pays", _S: "寄付", _T: "寄付"},
    "doc.freight.receiver": {_E: "Receiver pays", _S: "到付", _T: "到付"},
    "doc.freight.split": {_E: "Split (COD)", _S: "分摊（代收）", _T: "分攤（代收）"},
    # Intake slip (PDF and ZPL).
    "doc.intake.title": {_E: "Intake slip", _S: "收货单", _T: "收貨單"},
    "doc.intake.received_at": {_E: "Received: {time}", _S: "收货时间：{time}",
                               _T: "收貨時間：{time}"},
    "doc.intake.station": {_E: "Station: {station}", _S: "工位：{station}", _T: "工位：{station}"},
    "doc.intake.condition": {_E: "Condition: {condition}", _S: "到货状况：{condition}",
                             _T: "到貨狀況：{condition}"},
    "doc.intake.inbound": {_E: "Inbound tracking: {tracking}", _S: "来件运单：{tracking}",
                           _T: "來件運單：{tracking}"},
    "doc.intake.units_received": {_E: "Received {count}: {units}", _S: "已收 {count}：{units}",
                                  _T: "已收 {count}：{units}"},
    "doc.intake.units_missing": {_E: "MISSING {count}: {units}", _S: "缺少 {count}：{units}",
                                 _T: "缺少 {count}：{units}"},
    # Refusal slip.
    "doc.refusal.title": {_E: "Parcel refused", _S: "拒收说明", _T: "拒收說明"},
    "doc.refusal.intro": {
        _E: "We could not accept this parcel and are returning it to the sender, for the "
            "reasons below.",
        _S: "我们无法接收此包裹，现将其退回寄件人。原因如下。",
        _T: "我們無法接收此包裹，現將其退回寄件人。原因如下。"},
    "doc.refusal.sender": {_E: "Sender", _S: "寄件人", _T: "寄件人"},
    "doc.refusal.received": {_E: "Received", _S: "收到时间", _T: "收到時間"},
    "doc.refusal.station": {_E: "Station", _S: "工位", _T: "工位"},
    "doc.refusal.carrier": {_E: "Carrier", _S: "承运商", _T: "承運商"},
    "doc.refusal.inbound": {_E: "Inbound tracking", _S: "来件运单", _T: "來件運單"},
    "doc.refusal.condition": {_E: "Condition", _S: "到货状况", _T: "到貨狀況"},
    "doc.refusal.why": {_E: "Why it was refused", _S: "拒收原因", _T: "拒收原因"},
    "doc.refusal.no_reason": {_E: "No reason was recorded.", _S: "未说明原因。",
                              _T: "未說明原因。"},
    "doc.refusal.scans": {_E: "Scans made on this parcel", _S: "扫描记录", _T: "掃描記錄"},
    "doc.refusal.scanned": {_E: "Scanned", _S: "扫描内容", _T: "掃描內容"},
    "doc.refusal.verdict": {_E: "Verdict", _S: "结果", _T: "結果"},
    "doc.refusal.reason": {_E: "Reason", _S: "说明", _T: "說明"},
    "doc.refusal.advice": {
        _E: "If you have questions, please create or correct the work order on the after-sales "
            "portal before sending the parcel again.",
        _S: "如有疑问，请先在售后平台创建或更正工单，然后再寄回。",
        _T: "如有疑問，請先在售後平台建立或更正工單，然後再寄回。"},
}
messages.add(WORDING)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Currency signs a reader of the language expects; other currencies print their ISO code.
_SIGNS = {_S: {"CNY": "¥"}, _T: {"TWD": "NT$", "CNY": "人民幣 ", "HKD": "HK$"}}


@lru_cache(maxsize=64)
def fixed_wording(prefixes: tuple[str, ...], language: str) -> str:
    """Every template whose key starts with one of `prefixes`, in `language`, run together.

    What a document type always prints: the font subset reserved for it (`build_document`).
    """
    return "".join(messages.template(key, language) for key in WORDING
                   if key.startswith(prefixes))


def say(key: str, language: str | None, **params: object) -> str:
    """The document text `key` in `language`, its fields filled from `params`."""
    return messages.text(key, language, **params)


def freight_text(label: LabelData) -> str:
    """Who pays the return freight, in the label's language (rules S1, S2)."""
    key = FREIGHT_PAYER_KEY.get(label.freight_payer)
    payer = say(key, label.language) if key else label.freight_payer
    return say("doc.label.freight", label.language, payer=payer)


def cod_text(label: LabelData) -> str:
    """The cash-on-delivery amount to collect, or that there is none, in the label's language."""
    if not label.has_cod or label.cod_amount is None:
        return say("doc.label.no_cod", label.language)
    amount = format_money(label.cod_amount, label.currency, label.language)
    return say("doc.label.cod", label.language, amount=amount)


def intake_facts(slip: IntakeSlipData) -> list[str]:
    """The intake slip's facts, a line each: customer, when, where, condition, inbound tracking."""
    lang = slip.language
    facts = [say("doc.customer_line", lang, customer=" ".join(slip.customer.person_lines()) or "-"),
             say("doc.intake.received_at", lang, time=format_datetime(slip.received_at, lang)),
             say("doc.intake.station", lang, station=slip.station or "-"),
             say("doc.intake.condition", lang, condition=slip.condition or "-")]
    if slip.inbound_tracking:
        facts.append(say("doc.intake.inbound", lang, tracking=slip.inbound_tracking))
    return facts


def intake_units(slip: IntakeSlipData, *, with_models: bool = True) -> list[str]:
    """The units the parcel brought and, when any, the work order's units still missing."""
    def named(units: tuple[UnitLine, ...]) -> str:
        return ", ".join(f"{u.serial} ({u.model})" if with_models and u.model else u.serial
                         for u in units)

    lines = [say("doc.intake.units_received", slip.language, count=len(slip.units_received),
                 units=named(slip.units_received))]
    if slip.units_missing:
        lines.append(say("doc.intake.units_missing", slip.language, count=len(slip.units_missing),
                         units=named(slip.units_missing)))
    return lines


def document_language(customer_language: str | None, center_default: str | None) -> str:
    """The language a customer's documents are printed in.

    The customer's own when set, else the center's document language, else English: never the
    language of the station's screens.
    """
    for choice in (customer_language, center_default):
        if choice in LANGUAGES:
            return choice  # type: ignore[return-value]
    return DEFAULT_LANGUAGE


def format_date(day: dt.date | None, language: str | None) -> str:
    """'9 Oct 2025' in English, '2025年10月9日' in Chinese; '-' when unknown."""
    if day is None:
        return "-"
    if language_or_default(language) == _E:
        return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
    return f"{day.year}年{day.month}月{day.day}日"


def format_datetime(moment: dt.datetime | None, language: str | None) -> str:
    """The date as `format_date` writes it, then the 24-hour time; '-' when unknown."""
    if moment is None:
        return "-"
    return f"{format_date(moment.date(), language)} {moment:%H:%M}"


def format_money(amount: Decimal, currency: str, language: str | None = DEFAULT_LANGUAGE) -> str:
    """'CNY 1,234.50' in English, '¥1,234.50' for yuan in Simplified Chinese; always cents."""
    sign = _SIGNS.get(language_or_default(language), {}).get(currency)
    if sign is None:
        return iso_money(amount, currency)
    value = money(amount)
    return f"-{sign}{-value:,.2f}" if value < 0 else f"{sign}{value:,.2f}"
