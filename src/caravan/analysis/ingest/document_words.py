"""Words that say only what kind of document a title names, and the words joining them.

A start of a held title made of them alone ("Joint Statement", "Memorandum of Understanding")
names no one document (``gazetteer``); an area's words or a title's, without them, say what a
document covers (``area_documents``). Keys as ``tokenise`` gives them.
"""

from __future__ import annotations

from caravan.analysis.ingest.tokens import tokenise

__all__ = ["DOCUMENT_KIND_KEYS"]

DOCUMENT_KIND_KEYS = frozenset(
    t.key
    for t in tokenise(
        "joint statement memorandum understanding agreement treaty declaration action plan "
        "programme program protocol roadmap contract charter intergovernmental cooperation "
        "document documents "
        "совместное заявление меморандум взаимопонимании соглашение договор декларация план "
        "действий программа протокол дорожная карта межправительственное "
        "and of the on in for between to with a an among"
    )
)
