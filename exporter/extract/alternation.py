"""Regular expressions for long lists of words, written so ``re`` searches them quickly."""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]


def alternation(phrases: Iterable[str]) -> str:
    """A regular expression for any of ``phrases``, shaped as a trie ('sa(?:id|ys?)').

    Python's ``re`` tries a flat list of alternatives one by one wherever a match may
    start; in a trie, shared prefixes are tried once, which makes a search for any of
    a hundred speech verbs about three times faster. Wherever one phrase extends
    another, the longer is tried first, as in a flat list sorted longest first. A
    space in a phrase stands for any run of white space. Case is kept as given: for a
    case-insensitive search, give the phrases in one case.
    """
    trie: _Trie = {}
    for phrase in phrases:
        node = trie
        for unit in re.findall(r"\s+|.", phrase, re.DOTALL):
            node = node.setdefault(r"\s+" if unit.isspace() else re.escape(unit), {})
        node[""] = {}  # a phrase ends here
    return _pattern(trie)


def _pattern(node: _Trie) -> str:
    branches = [key + _pattern(child) for key, child in sorted(node.items()) if key]
    if not branches:
        return ""
    if len(branches) == 1 and "" not in node:
        return branches[0]
    group = "(?:" + "|".join(branches) + ")"
    return group + "?" if "" in node else group
