"""The center's document language in Settings > Center: chosen, stored for every station, shown."""

from __future__ import annotations

from core import center
from core.unit_of_work import Actor, Database
from ui.settings.center_form import DOCUMENT_LANGUAGE, CenterForm

ADMIN = Actor(username="ada", station="bench-1", roles=frozenset({"administrator"}))


def test_document_language_is_chosen_stored_and_shown_again(qtbot, database: Database) -> None:  # type: ignore[no-untyped-def]
    form = CenterForm(database, ADMIN)
    qtbot.addWidget(form)
    box = form.document_language
    assert box.currentData() == "en"  # the default until a supervisor chooses
    assert [box.itemData(i) for i in range(box.count())] == ["en", "zh_CN", "zh_TW"]
    box.setCurrentIndex(box.findData("zh_TW"))
    assert form.changed()
    form.check()
    form.save()
    with database.uow() as uow:
        assert center.load(uow).get(DOCUMENT_LANGUAGE) == "zh_TW"
    again = CenterForm(database, ADMIN)
    qtbot.addWidget(again)
    assert again.document_language.currentData() == "zh_TW" and not again.changed()
