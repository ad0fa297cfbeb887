"""Whether a block of an article is program code or a configuration listing, not prose.

Web articles paste code as a paragraph ("cls.browser = webdriver.PhantomJS()", "FROM
python:3.7 COPY . /tmp RUN pip install"); its commas, colons and brackets follow the
language's rules, not English ones. A block reads as code when it holds several code signs.
"""

from __future__ import annotations

import re

from newslint.document.lazyre import lazy
from newslint.document.model import Block, Document

CODE_SIGNS = lazy(
    r"\w\((?=\)|[\w'\"(])"  # a call: f(), f(x), f('a')
    r"|\b(?:def|import|class|return|elif|lambda|self|cls|var|const|function)\b(?=\s*[\w.(])"
    r"|^(?:FROM|RUN|COPY|CMD|WORKDIR|ENV|EXPOSE)\b|\s(?:RUN|COPY|CMD|WORKDIR|ENV)\s"  # a Dockerfile
    r"|[=!<>]=|=>|->|::|\+=|&&|\|\||__\w+__|\w\[[\w'\"]+\]|[;{}]\s*$"
    r"|\b\w+\.\w+\.\w+\(|@\w+\(?",
    re.MULTILINE,
)
MIN_SIGNS = 3  # one sign is an aside in prose ("the f() call"); three make a listing


def is_code(doc: Document, block: Block) -> bool:
    """Whether ``block`` reads as code: at least ``MIN_SIGNS`` code signs (counted once a block)."""
    found: dict[int, bool] = doc.cache.setdefault("code_text.blocks", {})
    if block.index not in found:
        signs = 0
        for _ in CODE_SIGNS.finditer(block.text):
            signs += 1
            if signs >= MIN_SIGNS:
                break
        found[block.index] = signs >= MIN_SIGNS
    return found[block.index]


def code_at(doc: Document, offset: int) -> bool:
    """Whether the prose offset lies in a block that reads as code."""
    block = doc.block_at(offset)
    return block is not None and is_code(doc, block)
