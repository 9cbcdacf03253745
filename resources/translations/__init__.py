"""The program's translations: ``netwerken_en.ts`` (the catalogue, edited with Qt Linguist or by
hand) and ``netwerken_en.qm`` (compiled from it, loaded by ``desktop.i18n``).

Dutch is the source language, so there is no Dutch catalogue. Refresh both files after changing
a text in ``desktop/`` with ``python -m resources.translations.update``.
"""
