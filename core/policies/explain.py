"""Customer-facing wording of every policy decision, in one catalogue keyed by message id.

Decisions carry `Message(id, params)` objects, not sentences, so stored decisions re-render in
any language of core.messages, which holds this wording with the rest of core's. Dates are
formatted per language; `{rule}` placeholders are filled with the rule id so a customer can quote
it to the vendor.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from core.messages import LANGUAGES, add

# Chinese runs sentences together and writes dates with 年月日; English spaces and ISO dates.
_CHINESE = frozenset({"zh_CN", "zh_TW"})

# Message id -> language -> template. Templates use str.format fields; see Message.params.
MESSAGES: dict[str, dict[str, str]] = {
    # --- warranty (W1-W5, I4, I5) ---
    "warranty.covered": {
        "en": "Covered by warranty: the warranty runs from {start} to {end} and the unit was "
        "judged on {judged} ({judged_what}) (rule {rule}).",
        "zh_CN": "在保修期内：保修期为{start}至{end}，判定日期为{judged}（{judged_what}）（规则 {rule}）。",
        "zh_TW": "在保固期內：保固期為{start}至{end}，判定日期為{judged}（{judged_what}）（規則 {rule}）。",
    },
    "warranty.expired": {
        "en": "Not covered: the warranty ran from {start} to {end}, and the unit was judged on "
        "{judged} ({judged_what}), after it ended (rule {rule}).",
        "zh_CN": "不在保修期内：保修期为{start}至{end}，判定日期{judged}（{judged_what}）已超出保修期（规则 {rule}）。",
        "zh_TW": "不在保固期內：保固期為{start}至{end}，判定日期{judged}（{judged_what}）已超過保固期（規則 {rule}）。",
    },
    "warranty.before_start": {
        "en": "Cannot tell: the unit was judged on {judged}, before its warranty starts on "
        "{start}; please check the dates (rule {rule}).",
        "zh_CN": "无法判定：判定日期{judged}早于保修起始日{start}，请核对日期（规则 {rule}）。",
        "zh_TW": "無法判定：判定日期{judged}早於保固起始日{start}，請核對日期（規則 {rule}）。",
    },
    "warranty.extended": {
        "en": "Covered by the extended warranty after the earlier paid repair, which runs until "
        "{end} (rule {rule}).",
        "zh_CN": "在付费维修后的延长保修期内，延保至{end}（规则 {rule}）。",
        "zh_TW": "在付費維修後的延長保固期內，延長保固至{end}（規則 {rule}）。",
    },
    "warranty.carrier_delay": {
        "en": "The warranty end was moved {days} days later for the international shipping "
        "delay shown by the carrier's proof (rule {rule}).",
        "zh_CN": "根据承运商证明的国际运输延误，保修期顺延{days}天（规则 {rule}）。",
        "zh_TW": "依貨運業者證明的國際運送延誤，保固期順延{days}天（規則 {rule}）。",
    },
    "warranty.missing": {
        "en": "Cannot tell whether the warranty applies: {missing} is not recorded. We do not "
        "assume coverage (rule {rule}).",
        "zh_CN": "无法判定是否在保修期内：缺少{missing}。我们不会默认在保（规则 {rule}）。",
        "zh_TW": "無法判定是否在保固期內：缺少{missing}。我們不會預設為保固範圍內（規則 {rule}）。",
    },
    "warranty.excluded": {
        "en": "Not covered by warranty because: {reasons} (rule {rule}).",
        "zh_CN": "不在保修范围内，原因：{reasons}（规则 {rule}）。",
        "zh_TW": "不在保固範圍內，原因：{reasons}（規則 {rule}）。",
    },
    "warranty.no_repair": {
        "en": "This product is not repaired out of warranty or after man-made damage; we "
        "recommend replacing the whole assembly, since repaired parts age early (rule {rule}).",
        "zh_CN": "保修期外或人为损坏的产品不提供维修；维修部位会提前老化，建议更换整条线束总成（规则 {rule}）。",
        "zh_TW": "超過保固期或人為損壞的產品不提供維修；維修過的部位會提早老化，建議更換整條線束總成（規則 {rule}）。",
    },
    "warranty.quote": {
        "en": "A repair quote will be made from the unit's condition; the repair starts only "
        "after you agree (rule D1).",
        "zh_CN": "我们将根据设备状况报价，经您同意后才开始维修（规则 D1）。",
        "zh_TW": "我們將依設備狀況報價，經您同意後才開始維修（規則 D1）。",
    },
    "date.purchase_date": {"en": "the purchase date", "zh_CN": "购买日期", "zh_TW": "購買日期"},
    "date.factory_date": {"en": "the factory release date", "zh_CN": "出厂日期", "zh_TW": "出廠日期"},
    "date.delivered_date": {"en": "the delivery date", "zh_CN": "签收日期", "zh_TW": "簽收日期"},
    "date.received_on": {"en": "the date we received the unit", "zh_CN": "维修中心收货日期", "zh_TW": "維修中心收貨日期"},
    "date.requested_on": {"en": "the request date", "zh_CN": "申请日期", "zh_TW": "申請日期"},
    "date.proof_of_purchase": {"en": "a valid proof of purchase", "zh_CN": "有效购买凭证", "zh_TW": "有效購買憑證"},
    "date.warranty_length": {
        "en": "the warranty length (setting {setting})",
        "zh_CN": "保修期长度（设置项 {setting}）",
        "zh_TW": "保固期長度（設定項 {setting}）",
    },
    "list.and": {"en": " and ", "zh_CN": "、", "zh_TW": "、"},
    # --- exclusions: standard wording; a policy file may override or add codes ---
    "exclusion.no_order_number": {"en": "the unit has no order number", "zh_CN": "产品没有订单号", "zh_TW": "產品沒有訂單號碼"},
    "exclusion.serial_mismatch": {
        "en": "the production serial number does not match the product",
        "zh_CN": "生产序列号与实物不符",
        "zh_TW": "生產序號與實物不符",
    },
    "exclusion.logistics_damage": {
        "en": "damage in transport or from mishandling", "zh_CN": "物流运输或搬运不当造成的损坏", "zh_TW": "物流運送或搬運不當造成的損壞",
    },
    "exclusion.water": {"en": "water, moisture or rain damage", "zh_CN": "进水、受潮或淋雨", "zh_TW": "進水、受潮或淋雨"},
    "exclusion.drop": {"en": "damage from a fall or heavy pressure", "zh_CN": "跌落或重压造成的损坏", "zh_TW": "摔落或重壓造成的損壞"},
    "exclusion.opened_seal": {"en": "the seal was opened", "zh_CN": "封条已被打开", "zh_TW": "封條已被拆開"},
    "exclusion.torn_label": {
        "en": "a label or serial number was torn or altered", "zh_CN": "标签或序列号被撕毁或涂改", "zh_TW": "標籤或序號遭撕毀或塗改",
    },
    "exclusion.unauthorised_repair": {
        "en": "opened, repaired or modified by someone not authorised",
        "zh_CN": "经非授权人员拆卸、维修或改装",
        "zh_TW": "經非授權人員拆解、維修或改裝",
    },
    "exclusion.counterfeit": {"en": "the product is counterfeit", "zh_CN": "产品为假冒产品", "zh_TW": "產品為仿冒品"},
    "exclusion.foreign_object": {
        "en": "a foreign object (water, oil, sand...) got inside", "zh_CN": "有异物（水、油、沙等）进入", "zh_TW": "有異物（水、油、沙等）進入",
    },
    "exclusion.wrong_installation": {
        "en": "installed or used against the manual", "zh_CN": "未按说明书安装或使用", "zh_TW": "未依說明書安裝或使用",
    },
    "exclusion.force_majeure": {
        "en": "natural disaster or force majeure (fire, flood, lightning...)",
        "zh_CN": "自然灾害或不可抗力（火灾、水灾、雷击等）",
        "zh_TW": "天然災害或不可抗力（火災、水災、雷擊等）",
    },
    "exclusion.misuse": {"en": "misuse or man-made damage", "zh_CN": "使用不当或人为损坏", "zh_TW": "使用不當或人為損壞"},
    "exclusion.missing_parts": {"en": "parts are missing", "zh_CN": "部件缺失", "zh_TW": "零件缺失"},
    "exclusion.wear": {
        "en": "normal wear or scratches of the housing", "zh_CN": "外壳正常磨损或划痕", "zh_TW": "外殼正常磨損或刮傷",
    },
    "exclusion.unsuitable_device": {
        "en": "used with an unsuitable device", "zh_CN": "搭配不适用的设备使用", "zh_TW": "搭配不適用的設備使用",
    },
    "exclusion.improper_environment": {
        "en": "operated in an improper environment", "zh_CN": "在不当环境中运行", "zh_TW": "在不當環境中運作",
    },
    "exclusion.customised": {"en": "the product was customised", "zh_CN": "产品为定制品", "zh_TW": "產品為客製品"},
    # --- deadlines (R1-R3, D2-D5, S1, S2) ---
    "return.allowed": {
        "en": "A {kind} can be requested until {end}, {days} calendar days after you received "
        "the product on {delivered} (rule {rule}).",
        "zh_CN": "可在{end}前申请{kind}，即签收日{delivered}后{days}个自然日内（规则 {rule}）。",
        "zh_TW": "可在{end}前申請{kind}，即簽收日{delivered}後{days}個日曆天內（規則 {rule}）。",
    },
    "return.too_late": {
        "en": "A {kind} is no longer possible: it had to be requested by {end}, {days} calendar "
        "days after delivery on {delivered}; the request came on {requested} (rule {rule}).",
        "zh_CN": "已不能申请{kind}：须在签收日{delivered}后{days}个自然日内（{end}前）申请，实际申请日为{requested}（规则 {rule}）。",
        "zh_TW": "已無法申請{kind}：須在簽收日{delivered}後{days}個日曆天內（{end}前）申請，實際申請日為{requested}（規則 {rule}）。",
    },
    "return.customised": {
        "en": "Customised products cannot be returned or exchanged (rule {rule}).",
        "zh_CN": "定制产品不支持退换（规则 {rule}）。",
        "zh_TW": "客製化產品不提供退換貨（規則 {rule}）。",
    },
    "return.reason_not_allowed": {
        "en": "This reason does not qualify for a {kind} under these terms (rule {rule}).",
        "zh_CN": "该原因不符合{kind}条件（规则 {rule}）。",
        "zh_TW": "此原因不符合{kind}條件（規則 {rule}）。",
    },
    "return.needs_proof": {
        "en": "A {kind} needs a valid proof of purchase (rule {rule}).",
        "zh_CN": "{kind}需提供有效购买凭证（规则 {rule}）。",
        "zh_TW": "{kind}需提供有效購買憑證（規則 {rule}）。",
    },
    "return.send_by": {
        "en": "Please send the product by {due}, {days} calendar days after the return was "
        "confirmed (rule {rule}).",
        "zh_CN": "请在{due}前寄出产品，即确认退货后{days}个自然日内（规则 {rule}）。",
        "zh_TW": "請在{due}前寄出產品，即確認退貨後{days}個日曆天內（規則 {rule}）。",
    },
    "return.damaged": {
        "en": "A {kind} is not possible because: {reasons} (rule {rule}).",
        "zh_CN": "不能{kind}，原因：{reasons}（规则 {rule}）。",
        "zh_TW": "無法{kind}，原因：{reasons}（規則 {rule}）。",
    },
    "return.missing": {
        "en": "Cannot tell whether a {kind} is possible: {missing} is not recorded (rule {rule}).",
        "zh_CN": "无法判定能否{kind}：缺少{missing}（规则 {rule}）。",
        "zh_TW": "無法判定能否{kind}：缺少{missing}（規則 {rule}）。",
    },
    "return_by.undecided": {
        "en": "The return-by date depends on the warranty decision, which is not made yet (rule {rule}).",
        "zh_CN": "寄回期限取决于保修判定，目前尚未判定（规则 {rule}）。",
        "zh_TW": "寄回期限取決於保固判定，目前尚未判定（規則 {rule}）。",
    },
    "calendar.unknown": {
        "en": "The {year} holiday calendar is not announced yet, so this working-day deadline "
        "cannot be counted; a supervisor must confirm the calendar (rule {rule}).",
        "zh_CN": "{year}年节假日安排尚未公布，无法按工作日计算此期限，需主管确认日历（规则 {rule}）。",
        "zh_TW": "{year}年的國定假日與補班日尚未公布，無法依工作天計算此期限，需由主管確認行事曆（規則 {rule}）。",
    },
    "kind.return": {"en": "return", "zh_CN": "退货", "zh_TW": "退貨"},
    "kind.replacement": {"en": "replacement", "zh_CN": "换货", "zh_TW": "換貨"},
    "spec_mismatch.window": {
        "en": "The product that differs from the recorded specification will be replaced between "
        "{earliest} and {latest} ({min}-{max} working days after confirmation on {start}) (rule {rule}).",
        "zh_CN": "与记录规格不符的产品将在{earliest}至{latest}之间更换（确认日{start}后{min}至{max}个工作日）（规则 {rule}）。",
        "zh_TW": "與記錄規格不符的產品將在{earliest}至{latest}之間更換（確認日{start}後{min}至{max}個工作天）（規則 {rule}）。",
    },
    "return_by.warranty": {
        "en": "The unit goes back by {due}, {days} working days after we received it on {start} "
        "(rule {rule}).",
        "zh_CN": "设备将在{due}前寄回，即收货日{start}后{days}个工作日内（规则 {rule}）。",
        "zh_TW": "設備將在{due}前寄回，即收貨日{start}後{days}個工作天內（規則 {rule}）。",
    },
    "return_by.paid": {
        "en": "The unit goes back by {due}, {days} working days after payment on {start} (rule {rule}).",
        "zh_CN": "设备将在{due}前寄回，即付款日{start}后{days}个工作日内（规则 {rule}）。",
        "zh_TW": "設備將在{due}前寄回，即付款日{start}後{days}個工作天內（規則 {rule}）。",
    },
    "return_by.awaiting_payment": {
        "en": "The unit goes back within {days} working days after payment, which has not been "
        "received yet (rule {rule}).",
        "zh_CN": "设备将在付款后{days}个工作日内寄回，目前尚未收到付款（规则 {rule}）。",
        "zh_TW": "設備將在付款後{days}個工作天內寄回，目前尚未收到付款（規則 {rule}）。",
    },
    "repair_by.due": {
        "en": "The repair is due by {due}, {days} working days after you agreed on {start} (rule {rule}).",
        "zh_CN": "维修将于{due}前完成，即您确认报价日{start}后{days}个工作日内（规则 {rule}）。",
        "zh_TW": "維修將於{due}前完成，即您同意報價日{start}後{days}個工作天內（規則 {rule}）。",
    },
    "advance.ship_by": {
        "en": "The replacement ships by {due}, {days} business days after approval on {start} (rule {rule}).",
        "zh_CN": "备件将于{due}前发出，即批准日{start}后{days}个工作日内（规则 {rule}）。",
        "zh_TW": "替換品將於{due}前寄出，即核准日{start}後{days}個工作天內（規則 {rule}）。",
    },
    "advance.return_due": {
        "en": "Ship the faulty part back by {due} (UTC{offset}), the {days}th calendar day after "
        "the replacement was delivered on {start}; only the carrier's digital pickup time counts "
        "(rule {rule}).",
        "zh_CN": "请于{due}（UTC{offset}）前寄回故障件，即备件签收日{start}后第{days}个自然日；仅以承运商系统揽收时间为准（规则 {rule}）。",
        "zh_TW": "請於{due}（UTC{offset}）前寄回故障品，即替換品簽收日{start}後第{days}個日曆天；僅以貨運業者系統的收件時間為準（規則 {rule}）。",
    },
    "advance.on_time": {
        "en": "The faulty part was picked up on {pickup}, in time (rule {rule}).",
        "zh_CN": "故障件已于{pickup}揽收，未逾期（规则 {rule}）。",
        "zh_TW": "故障品已於{pickup}收件，未逾期（規則 {rule}）。",
    },
    "advance.overdue": {
        "en": "The faulty part was picked up on {pickup}, day {day} after delivery: an overdue fee "
        "of {percent}% of the list price, {fee}, applies (rule {rule}).",
        "zh_CN": "故障件于{pickup}揽收，为签收后第{day}天，需支付官网标价{percent}%的逾期费用，共{fee}（规则 {rule}）。",
        "zh_TW": "故障品於{pickup}收件，為簽收後第{day}天，需支付官網標價{percent}%的逾期費用，共{fee}（規則 {rule}）。",
    },
    "sla.due": {
        "en": "Priority {level}: remote diagnosis due by {due}, {hours} {clock} after the request "
        "at {start}; evidence needed: {evidence} (rule {rule}).",
        "zh_CN": "{level}级：远程诊断须在{due}前完成，即请求时间{start}后{hours}个{clock}；所需材料：{evidence}（规则 {rule}）。",
        "zh_TW": "{level}級：遠端診斷須在{due}前完成，即請求時間{start}後{hours}個{clock}；所需資料：{evidence}（規則 {rule}）。",
    },
    "evidence.topology_and_logs": {"en": "network topology and device logs", "zh_CN": "网络拓扑图及设备日志", "zh_TW": "網路拓樸圖及設備日誌"},
    "evidence.traffic_monitoring": {"en": "traffic monitoring proof", "zh_CN": "流量监控证明", "zh_TW": "流量監控證明"},
    "evidence.fault_description": {"en": "a description of the fault", "zh_CN": "故障描述", "zh_TW": "故障描述"},
    "clock.business_hours": {"en": "support hours", "zh_CN": "服务时段小时", "zh_TW": "服務時段小時"},
    "clock.clock_hours": {"en": "hours", "zh_CN": "小时", "zh_TW": "小時"},
    "credit.amount": {
        "en": "Service credit: {days} days late x {daily}% of the contract value {value} = "
        "{amount}{capped} (rule {rule}).",
        "zh_CN": "服务补偿：延误{days}天 x 合同金额{value}的{daily}% = {amount}{capped}（规则 {rule}）。",
        "zh_TW": "服務補償：延誤{days}天 x 合約金額{value}的{daily}% = {amount}{capped}（規則 {rule}）。",
    },
    "credit.capped": {"en": ", capped at {cap}% of the contract value", "zh_CN": "，上限为合同金额的{cap}%", "zh_TW": "，上限為合約金額的{cap}%"},
    "repeat.required": {
        "en": "An operating-environment report (temperature and voltage logs, deployment photos) "
        "is required before service: {why} (rule {rule}).",
        "zh_CN": "服务前需提供运行环境报告（温度/电压日志及部署照片）：{why}（规则 {rule}）。",
        "zh_TW": "服務前需提供運作環境報告（溫度／電壓日誌及部署照片）：{why}（規則 {rule}）。",
    },
    "repeat.not_required": {
        "en": "No operating-environment report is needed: {count} requests for this device in "
        "the last year, {requested} of {purchased} purchased units requested (rule {rule}).",
        "zh_CN": "无需运行环境报告：该设备近一年申请{count}次，已申请{requested}台/购买{purchased}台（规则 {rule}）。",
        "zh_TW": "無需運作環境報告：此設備近一年申請{count}次，已申請{requested}台／購買{purchased}台（規則 {rule}）。",
    },
    "repeat.too_many": {
        "en": "{count} requests for this device within a year (more than {max})",
        "zh_CN": "该设备一年内申请{count}次（超过{max}次）",
        "zh_TW": "此設備一年內申請{count}次（超過{max}次）",
    },
    "repeat.quantity": {
        "en": "{requested} units requested against {purchased} purchased (more than {ratio}%)",
        "zh_CN": "申请{requested}台，购买{purchased}台（超过{ratio}%）",
        "zh_TW": "申請{requested}台，購買{purchased}台（超過{ratio}%）",
    },
    "freight.customer_not_defect": {
        "en": "You pay the return freight because the fault was not a product defect (rule {rule}).",
        "zh_CN": "故障非产品质量问题，回寄运费由您承担（规则 {rule}）。",
        "zh_TW": "故障並非產品瑕疵，回寄運費由您負擔（規則 {rule}）。",
    },
    "freight.customer_upgrade": {
        "en": "You pay the freight both ways for a software upgrade done on request (rule {rule}).",
        "zh_CN": "应要求进行软件升级，往返运费由您承担（规则 {rule}）。",
        "zh_TW": "應您要求進行軟體更新，往返運費由您負擔（規則 {rule}）。",
    },
    "freight.vendor": {
        "en": "The vendor pays the return freight (rule {rule}).", "zh_CN": "回寄运费由厂商承担（规则 {rule}）。", "zh_TW": "回寄運費由廠商負擔（規則 {rule}）。",
    },
    "freight.customer": {
        "en": "You pay the return freight (rule {rule}).", "zh_CN": "回寄运费由您承担（规则 {rule}）。", "zh_TW": "回寄運費由您負擔（規則 {rule}）。",
    },
    "freight.split": {
        "en": "The freight is split between you and the vendor and sent cash on delivery (rule {rule}).",
        "zh_CN": "运费由您与厂商分摊，以到付方式寄出（规则 {rule}）。",
        "zh_TW": "運費由您與廠商分攤，以貨到付款方式寄出（規則 {rule}）。",
    },
}


@dataclass(frozen=True)
class Message:
    """One sentence of an explanation: a catalogue id and its parameters.

    Parameter values may be dates, datetimes, Decimals, nested `Message`s or lists of them; they
    are formatted per language when rendered.
    """

    id: str
    params: Mapping[str, Any] = field(default_factory=dict)


def has_message(message_id: str) -> bool:
    """Whether the catalogue has wording for `message_id`."""
    return message_id in MESSAGES


def format_value(value: Any, lang: str) -> str:
    """Format one parameter for `lang` (dates as 2025-10-10 or 2025年10月10日)."""
    if isinstance(value, Message):
        return render_one(value, lang)
    if isinstance(value, Mapping):  # already worded per language (a policy's own exclusion text)
        return _pick(value, lang, "")
    if isinstance(value, (list, tuple)):
        return MESSAGES["list.and"][lang].join(format_value(v, lang) for v in value)
    if isinstance(value, dt.datetime):
        text = value.strftime("%Y-%m-%d %H:%M")
        if lang in _CHINESE:
            text = f"{value.year}年{value.month}月{value.day}日 {value:%H:%M}"
        return text
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日" if lang in _CHINESE else value.isoformat()
    if isinstance(value, Decimal):
        return f"{value:,.2f}" if value.as_tuple().exponent == -2 else f"{value.normalize():f}"
    return str(value)


def _pick(wording: Mapping[str, str], lang: str, default: str) -> str:
    """A policy file's own wording in `lang`; policy files give en and zh_CN, and Simplified
    Chinese serves a zh_TW reader better than English."""
    for candidate in (lang, "zh_CN", "en") if lang == "zh_TW" else (lang, "en"):
        if wording.get(candidate):
            return str(wording[candidate])
    return default


def render_one(message: Message, lang: str) -> str:
    """Render one message in `lang`, falling back to English for a missing translation."""
    templates = MESSAGES[message.id]
    template = templates.get(lang) or templates["en"]
    return template.format(**{k: format_value(v, lang) for k, v in message.params.items()})


# Off while stored due dates are recomputed: they keep the dates and rules only, and wording
# every explanation in three languages was a third of a refresh's time. Per thread (context),
# so a background refresh leaves the screens' explanations alone.
_WORDING: ContextVar[bool] = ContextVar("wording", default=True)


@contextlib.contextmanager
def without_wording() -> Iterator[None]:
    """Within the block, `render` gives empty explanations (the messages are still kept)."""
    token = _WORDING.set(False)
    try:
        yield
    finally:
        _WORDING.reset(token)


def render(messages: Iterable[Message], languages: Iterable[str] = LANGUAGES) -> dict[str, str]:
    """Render a list of messages as one paragraph per language: {"en": ..., "zh_CN": ...}."""
    if not _WORDING.get():
        return dict.fromkeys(languages, "")
    messages = list(messages)
    return {
        lang: ("" if lang in _CHINESE else " ").join(render_one(m, lang) for m in messages)
        for lang in languages
    }


def exclusion_wording(code: str, override: Mapping[str, str] | None = None) -> dict[str, str]:
    """Customer wording of an exclusion code: the policy's own text, else the catalogue's."""
    if override:
        return {lang: _pick(override, lang, code) for lang in LANGUAGES}
    entry = MESSAGES.get(f"exclusion.{code}")
    if entry is None:
        return {lang: code for lang in LANGUAGES}
    return {lang: entry.get(lang, entry["en"]) for lang in LANGUAGES}


add(MESSAGES)
