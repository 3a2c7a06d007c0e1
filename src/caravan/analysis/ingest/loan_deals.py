"""A loan agreed with a lender, told without a document noun: "Kazakhmys has agreed a $1.5
billion loan facility with state-owned China Development Bank", "Turonbank has raised a loan of
US$58.5 million from the Export-Import Bank of China". A loan agreed between a borrower and a
lender is a loan agreement; a reader names it by the two ("Loan facility agreement between
Kazakhmys and China Development Bank").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["agreed_loans"]

_NAME = r"(?-i:[A-Z][\w&'’.-]*)(?:\s+(?:of\s+|for\s+)?(?-i:[A-Z][\w&'’.-]*)){0,6}"
_AMOUNT = r"(?:US\$|\$|USD\s*)\s?[\d.,]+\s*(?:million|billion|mln|bn|m)?"
#: The borrower, a verb of agreeing or raising in the perfect or past, the loan, its lender.
_LOAN = re.compile(
    r"(?P<borrower>" + _NAME + r")\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:agreed|signed|secured|raised|obtained|clinched)\s+(?:an?\s+)?(?:" + _AMOUNT + r"[-\s]+)?"
    r"(?P<loan>loan(?:\s+facility)?|credit\s+facility|credit\s+line)"
    r"(?:\s+of\s+" + _AMOUNT + r")?"
    r"\s+(?:with|from)\s+(?:the\s+)?(?:state-owned\s+|state\s+)?(?P<lender>" + _NAME + r")",
    re.IGNORECASE,
)
#: Words a borrower's name does not start with: pronouns and sentence openers.
_NOT_A_BORROWER = re.compile(r"^(?:The|This|That|It|He|She|They|We|Who|Which|Earlier|Last)\b")
#: A lender is a bank or a fund: "China Development Bank", "the Export-Import Bank of China".
_LENDER = re.compile(r"\b(?:Bank|Fund|Exim|EximBank)\b")


def agreed_loans(sentence: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) in ``sentence`` of each loan its borrower agreed with a bank."""
    for found in _LOAN.finditer(sentence):
        borrower, lender = found["borrower"].strip(), found["lender"].strip().rstrip(".")
        if _NOT_A_BORROWER.match(borrower) or not _LENDER.search(lender):
            continue
        kind = "Loan facility" if "facility" in found["loan"].casefold() else "Loan"
        start = found.start("loan")
        yield start, found.end(), f"{kind} agreement between {borrower} and {lender}"
