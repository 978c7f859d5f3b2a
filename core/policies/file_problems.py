"""How a refused policy file is worded, in English, Simplified and Traditional Chinese.

A refused file reads "policy file F: key K: PROBLEM"; each problem is a phrase of its own, put in
the same language as the sentence around it. core.policies.schema words its refusals from here.
"""

from __future__ import annotations

from core import messages
from core.errors import UserError

messages.add({
    "policy_file.bad_key": {
        "en": "policy file {source}: key {path}: {problem}",
        "zh_CN": "政策文件 {source}：键 {path}：{problem}",
        "zh_TW": "政策檔案 {source}：鍵 {path}：{problem}",
    },
    "policy_file.not_toml": {
        "en": "policy file {source}: not valid TOML: {error}",
        "zh_CN": "政策文件 {source}：不是有效的 TOML：{error}",
        "zh_TW": "政策檔案 {source}：不是有效的 TOML：{error}",
    },
    "policy_file.setting_not_positive": {
        "en": "setting {setting}: {value!r} is not a positive whole number",
        "zh_CN": "设置 {setting}：{value!r} 不是正整数",
        "zh_TW": "設定 {setting}：{value!r} 不是正整數",
    },
    "policy_file.missing": {
        "en": "is required but missing",
        "zh_CN": "为必填项，但缺失",
        "zh_TW": "為必填項目，但缺少",
    },
    "policy_file.missing_misspelt": {
        "en": "is required but missing (found {found!r}: misspelt?)",
        "zh_CN": "为必填项，但缺失（找到了 {found!r}：是否拼写错误？）",
        "zh_TW": "為必填項目，但缺少（找到了 {found!r}：是否拼錯？）",
    },
    "policy_file.wrong_kind": {
        "en": "must be {kind}, found {value!r}",
        "zh_CN": "必须是{kind}，实际为 {value!r}",
        "zh_TW": "必須是{kind}，實際為 {value!r}",
    },
    "policy_file.kind_text": {"en": "text", "zh_CN": "文本", "zh_TW": "文字"},
    "policy_file.kind_whole_number": {"en": "a whole number", "zh_CN": "整数", "zh_TW": "整數"},
    "policy_file.kind_bool": {
        "en": "true or false", "zh_CN": " true 或 false", "zh_TW": " true 或 false"},
    "policy_file.kind_list": {"en": "a list", "zh_CN": "列表", "zh_TW": "清單"},
    "policy_file.kind_other": {"en": "{name}", "zh_CN": " {name}", "zh_TW": " {name}"},
    "policy_file.not_a_choice": {
        "en": "must be one of {choices}, found {value!r}",
        "zh_CN": "必须是 {choices} 之一，实际为 {value!r}",
        "zh_TW": "必須是 {choices} 之一，實際為 {value!r}",
    },
    "policy_file.too_small": {
        "en": "must be at least {minimum}, found {value}",
        "zh_CN": "不能小于 {minimum}，实际为 {value}",
        "zh_TW": "不得小於 {minimum}，實際為 {value}",
    },
    "policy_file.not_a_rate": {
        "en": "must be a non-negative number, found {value!r}",
        "zh_CN": "必须是非负数，实际为 {value!r}",
        "zh_TW": "必須是非負數，實際為 {value!r}",
    },
    "policy_file.not_a_time": {
        "en": "must be a time like 09:00, found {value!r}",
        "zh_CN": "必须是 09:00 这样的时间，实际为 {value!r}",
        "zh_TW": "必須是 09:00 這樣的時間，實際為 {value!r}",
    },
    "policy_file.not_a_table_found": {
        "en": "must be a table, found {value!r}",
        "zh_CN": "必须是表，实际为 {value!r}",
        "zh_TW": "必須是表格，實際為 {value!r}",
    },
    "policy_file.not_a_table": {
        "en": "must be a table",
        "zh_CN": "必须是表",
        "zh_TW": "必須是表格",
    },
    "policy_file.unknown_key": {
        "en": "is not a known key (misspelt?)",
        "zh_CN": "不是已知的键（是否拼写错误？）",
        "zh_TW": "不是已知的鍵（是否拼錯？）",
    },
    "policy_file.no_length": {
        "en": "is missing; give a length or a length_setting",
        "zh_CN": "缺失；请填写 length 或 length_setting",
        "zh_TW": "缺少；請填寫 length 或 length_setting",
    },
    "policy_file.no_wording": {
        "en": "{code!r} has no standard wording; give both en and zh_CN",
        "zh_CN": "{code!r} 没有标准措辞；请同时填写 en 和 zh_CN",
        "zh_TW": "{code!r} 沒有標準措辭；請同時填寫 en 和 zh_CN",
    },
    "policy_file.code_twice": {
        "en": "lists the same code twice",
        "zh_CN": "同一代码列出了两次",
        "zh_TW": "同一代碼列出了兩次",
    },
    "policy_file.ends_before_start": {
        "en": "must be later than business_start",
        "zh_CN": "必须晚于 business_start",
        "zh_TW": "必須晚於 business_start",
    },
    "policy_file.unknown_reason": {
        "en": "{reason!r} is not one of {choices}",
        "zh_CN": "{reason!r} 不是 {choices} 之一",
        "zh_TW": "{reason!r} 不是 {choices} 之一",
    },
    "policy_file.tier_gap": {
        "en": "tiers must follow each other without gaps or overlaps",
        "zh_CN": "各档必须首尾相接，不能有间隔或重叠",
        "zh_TW": "各級距必須首尾相接，不得有間隔或重疊",
    },
    "policy_file.unknown_evidence": {
        "en": "{evidence!r} is not a known evidence code",
        "zh_CN": "{evidence!r} 不是已知的证据代码",
        "zh_TW": "{evidence!r} 不是已知的證明代碼",
    },
    "policy_file.bad_code": {
        "en": "must be a lower-case name like 'changkong', found {value!r}",
        "zh_CN": "必须是 'changkong' 这样的小写名称，实际为 {value!r}",
        "zh_TW": "必須是 'changkong' 這樣的小寫名稱，實際為 {value!r}",
    },
    "policy_file.max_below_min": {
        "en": "must not be less than min_working_days",
        "zh_CN": "不能小于 min_working_days",
        "zh_TW": "不得小於 min_working_days",
    },
})

KIND_PHRASES = {str: "policy_file.kind_text", int: "policy_file.kind_whole_number",
                bool: "policy_file.kind_bool", list: "policy_file.kind_list"}


def problem(key: str, **params: object) -> messages.Phrase:
    return messages.Phrase(f"policy_file.{key}", params)


def problem_of(error: UserError) -> messages.Phrase | str:
    """Another module's refusal (a bad time zone) as the problem part, in the same language."""
    return messages.Phrase(error.key, dict(error.params)) if error.key else str(error)
