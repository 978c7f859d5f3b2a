"""Who may do what: roles are checked in core services, whatever screen or command calls them."""

from __future__ import annotations

import enum

from core import messages
from core.errors import NotAllowed
from core.unit_of_work import Actor


class Role(enum.StrEnum):
    INTAKE = "intake"
    REPAIR = "repair"
    SHIPPING = "shipping"
    SUPERVISOR = "supervisor"
    ADMINISTRATOR = "administrator"


ROLE_NAMES = {
    Role.INTAKE: "intake technician",
    Role.REPAIR: "repair technician",
    Role.SHIPPING: "shipping clerk",
    Role.SUPERVISOR: "supervisor",
    Role.ADMINISTRATOR: "administrator",
}


# What a user was refused, in each language: the services name the action in English.
_ACTIONS: dict[str, tuple[str, str]] = {
    "assign policies": ("分配政策", "指派政策"),
    "assign tracking numbers": ("分配运单号", "指派運單號"),
    "attach photos and logs": ("附加照片和日志", "附加照片和日誌"),
    "change a unit's state": ("更改设备状态", "變更設備狀態"),
    "change another user's password": ("修改其他用户的密码", "變更其他使用者的密碼"),
    "change center settings": ("修改维修中心设置", "變更維修中心設定"),
    "close parcels": ("关闭包裹", "關閉包裹"),
    "create demo users": ("创建演示用户", "建立示範使用者"),
    "diagnose units": ("诊断设备", "診斷設備"),
    "edit policies": ("编辑政策", "編輯政策"),
    "import the product catalogue": ("导入产品目录", "匯入產品目錄"),
    "import work orders": ("导入工单", "匯入工單"),
    "list users": ("查看用户列表", "檢視使用者清單"),
    "make quotes": ("制作报价", "製作報價"),
    "manage users": ("管理用户", "管理使用者"),
    "override a warranty decision": ("更改保修判定", "變更保固判定"),
    "pack units for shipping": ("打包待发设备", "包裝待出貨設備"),
    "print shipping labels": ("打印发货标签", "列印出貨標籤"),
    "receive parcels": ("接收包裹", "接收包裹"),
    "record customer answers": ("记录客户答复", "記錄客戶答覆"),
    "record diagnoses": ("记录诊断", "記錄診斷"),
    "record payments": ("记录付款", "記錄付款"),
    "record repairs": ("记录维修", "記錄維修"),
    "record return and replacement dates": ("记录退货和换货日期", "記錄退貨和換貨日期"),
    "record test findings": ("记录检测结果", "記錄檢測結果"),
    "refuse parcels": ("拒收包裹", "拒收包裹"),
    "repair units": ("维修设备", "維修設備"),
    "return refused parcels to their sender": ("将拒收包裹退回寄件人", "將拒收包裹退回寄件人"),
    "see the dashboard": ("查看主管看板", "檢視主管儀表板"),
    "send quotes": ("发送报价", "傳送報價"),
    "ship parcels": ("发出包裹", "寄出包裹"),
    "take audit checkpoints": ("建立审计检查点", "建立稽核檢查點"),
    "test repaired units": ("检测已修设备", "檢測已修設備"),
    "do this": ("执行此操作", "執行此操作"),
}
_ROLES = {
    Role.INTAKE: ("收货技术员", "收貨技術員"),
    Role.REPAIR: ("维修技术员", "維修技術員"),
    Role.SHIPPING: ("发货员", "出貨員"),
    Role.SUPERVISOR: ("主管", "主管"),
    Role.ADMINISTRATOR: ("管理员", "管理員"),
}
messages.add({f"action.{en}": {"en": en, "zh_CN": cn, "zh_TW": tw}
              for en, (cn, tw) in _ACTIONS.items()})
messages.add({f"role.{role.value}": {"en": ROLE_NAMES[role], "zh_CN": cn, "zh_TW": tw}
              for role, (cn, tw) in _ROLES.items()})
messages.add({
    "permission.refused": {
        "en": "{user} may not {action}: it needs the role {roles}. Ask a supervisor or sign in "
              "with such an account.",
        "zh_CN": "{user} 无权{action}：需要{roles}角色。请联系主管，或以具有该角色的账号登录。",
        "zh_TW": "{user} 無權{action}：需要{roles}角色。請聯絡主管，或以具有該角色的帳號登入。",
    },
})


def require(actor: Actor, *roles: Role, action: str = "do this") -> None:
    """Raise `NotAllowed` unless the actor holds one of `roles` (a supervisor holds them all,
    except administrator). `action` is one of the actions above, in English."""
    held = actor.roles
    if any(role.value in held for role in roles):
        return
    if Role.SUPERVISOR.value in held and Role.ADMINISTRATOR not in roles:
        return
    raise NotAllowed.of("permission.refused", user=actor.username,
                        action=messages.Phrase(f"action.{action}"),
                        roles=messages.choices(messages.Phrase(f"role.{r.value}") for r in roles))
