"""Where a long article's full text is cut into several XHTML files.

Reading systems slow down or give up on XHTML files much over a few hundred
kilobytes, and EPUBCheck takes far longer than linear time on one huge document,
so an article whose text would exceed :data:`PART_BUDGET` is spread over several
files. Cuts fall only between blocks, never inside a paragraph; once a part is
half full, a heading starts the next one, and a heading is never left alone at
the end of a part. An article that fits in one part is never cut.
"""

from __future__ import annotations

from collections.abc import Sequence

from ...model import Block, Heading

# Estimated XHTML bytes per file: text plus markup, before the chapter's header and summary.
PART_BUDGET = 250_000
# What a sentence's span (``<span id="s1234-5"></span> ``) adds to its text, and a block's tags.
_SENTENCE_MARKUP = 32
_BLOCK_MARKUP = 16


def block_size(block: Block) -> int:
    """About how many bytes ``block`` takes in the page's XHTML."""
    if isinstance(block, Heading):
        return len(block.text.encode("utf-8", "replace")) + 40
    sentences = getattr(block, "sentences", ())
    text = sum(len(sentence.text.encode("utf-8", "replace")) for sentence in sentences)
    return text + _SENTENCE_MARKUP * len(sentences) + _BLOCK_MARKUP


def split_blocks(blocks: Sequence[Block], budget: int = PART_BUDGET) -> tuple[range, ...]:
    """The block ranges of each part, in order; one range covering everything if it fits.

    A single block larger than ``budget`` gets a part of its own: it is never cut.
    """
    sizes = [block_size(block) for block in blocks]
    if sum(sizes) <= budget:
        return (range(0, len(blocks)),)
    cuts = [0]
    size = 0
    for index, cost in enumerate(sizes):
        start = cuts[-1]
        heading = isinstance(blocks[index], Heading)
        if index > start and (size + cost > budget or (heading and size >= budget // 2)):
            cut = index
            # A heading closing the part belongs with the text it introduces.
            if isinstance(blocks[index - 1], Heading) and index - 1 > start:
                cut = index - 1
            cuts.append(cut)
            size = sum(sizes[cut:index])
        size += cost
    cuts.append(len(blocks))
    return tuple(range(a, b) for a, b in zip(cuts, cuts[1:], strict=False))
