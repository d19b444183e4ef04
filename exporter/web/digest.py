"""``exporter digest``: the new items of feeds as one EPUB with a section per feed.

A run, safe to start from cron or a systemd timer:

1. takes the lock beside the state file (an overlapping run stops at once);
2. reads each feed (URLs, feed files or OPML lists of feeds) through the cache,
   so an unchanged feed costs one 304;
3. keeps each feed's items newer than its last delivered item (``--since`` for
   a feed never delivered) and not delivered before, at most ``--max`` a feed;
4. fetches every item's page concurrently (``--connections``, at most 2 per
   host), falling back to the feed's own content when the page cannot be had;
5. drops repeats across feeds (same URL after canonicalisation, or
   near-identical text) and writes the EPUB (and ``--format`` briefings);
6. with ``--email``, mails the digest (``--eml`` or ``--smtp``; what cannot be
   sent waits in the outbox);
7. records the delivered items, atomically, only once all of that succeeded.

With ``--scheduler ADDRESS`` the pages are fetched, read and summarised, and the
briefings and one-pagers rendered, by the workers of a Dask cluster, as
``export --scheduler`` renders: each page task opens its own HTTP client and
uses the cache folder (which the workers must share), so ``--connections`` and
the 2-per-host limit hold per task, not across the cluster. The feeds are read,
the repeats dropped, the EPUB written and the state saved here.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from concurrent.futures import Executor, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from ..config import Options
from ..errors import ExporterError, InputError, UsageError
from ..model import Article
from .cache import Cache, default_cache_dir
from .feeds import Feed, Item, is_opml, opml_feeds, parse_feed
from .fetch import DEFAULT_CONNECTIONS, DEFAULT_TIMEOUT, Fetcher, FetchSettings
from .state import Busy, State, load_state, run_lock, save_state

EXIT_OK, EXIT_USAGE, EXIT_BUSY = 0, 2, 75
_FEED_TYPES = ("application/rss+xml,application/atom+xml,application/feed+json,"
               "application/json;q=0.9,application/xml;q=0.9,text/xml;q=0.8,*/*;q=0.5")
_SPAN = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$", re.I)
_UNITS = {"": 3600, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def parse_span(text: str) -> timedelta:
    """``90m``, ``24h``, ``2d``, ``1w`` (a bare number is hours) as a timedelta."""
    match = _SPAN.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"not a time span like 24h or 2d: {text!r}")
    return timedelta(seconds=float(match.group(1)) * _UNITS[match.group(2).lower()])


def add_digest_parser(subparsers: Any) -> None:
    """Register the ``digest`` command on an argparse ``subparsers`` object."""
    from ..commands.common import add_image_arguments, add_length_arguments
    from ..commands.common import positive_int as _positive_int

    parser = subparsers.add_parser(
        "digest", help="the new items of feeds as one EPUB digest, a section per feed",
        description="Fetch the new items of RSS, Atom and JSON feeds (or OPML lists of them) "
        "and write one EPUB digest with a section per feed.")
    parser.add_argument("feeds", nargs="+", metavar="FEED",
                        help="feed URLs, feed files or OPML files")
    parser.add_argument("--since", type=parse_span, default=timedelta(hours=24), metavar="SPAN",
                        help="for a feed never delivered, items newer than this (default 24h)")
    parser.add_argument("--max", type=_positive_int, default=25, metavar="N",
                        help="at most N new items per feed (default 25)")
    parser.add_argument("--format", "-f", default="epub", metavar="LIST",
                        help="epub, plus docx and pdf for each article (default epub)")
    parser.add_argument("--out", "-o", type=Path, metavar="DIR",
                        help="output folder (default ./out)")
    parser.add_argument("--digest-title", metavar="TEXT", help="title of the EPUB digest")
    parser.add_argument("--connections", type=_positive_int, default=DEFAULT_CONNECTIONS,
                        metavar="N", help="fetches at once (default 8; at most 2 per host)")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="SECONDS",
                        help="seconds for each whole response (default 30)")
    parser.add_argument("--cache", type=Path, metavar="DIR",
                        help="HTTP cache and state folder (default: under the user's cache dir)")
    parser.add_argument("--state", type=Path, metavar="FILE",
                        help="what was delivered (default: state.json in the cache folder)")
    parser.add_argument("--json", action="store_true", help="print a JSON report")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="fetch and render on a Dask cluster, e.g. tcp://10.0.0.5:8786 "
                        "(exporter[dask]); the cache folder must be one the workers share")
    mail = parser.add_argument_group("email")
    mail.add_argument("--email", metavar="ADDR", action="append",
                      help="mail the digest to ADDR (repeatable; a Kindle address works)")
    mail.add_argument("--from", dest="sender", metavar="ADDR", help="sender address")
    mail.add_argument("--eml", type=Path, metavar="FILE", help="write the message here")
    mail.add_argument("--smtp", metavar="HOST:PORT", help="send through this server")
    add_length_arguments(parser)
    add_image_arguments(parser)
    parser.set_defaults(handler=run_digest)


@dataclass
class _Run:
    """What a run found and did, for its report."""

    feeds: int = 0
    feeds_unchanged: int = 0
    new_items: int = 0
    from_feed: int = 0
    written: list[Path] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def run_digest(args: argparse.Namespace, options: Options) -> int:
    """Carry out ``exporter digest``; returns the exit status."""
    import logging

    logging.getLogger("trafilatura").setLevel(logging.ERROR)  # its chatter is not ours
    formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    if "epub" not in formats:
        raise UsageError("digest: --format must include epub (the digest itself)")
    if args.email and not (args.eml or args.smtp):
        raise UsageError("digest: --email needs --eml FILE or --smtp HOST:PORT")
    if not 0 < args.timeout <= 3600:
        raise UsageError(f"digest: --timeout must be above 0 and at most 3600: {args.timeout}")
    cache_dir = args.cache or default_cache_dir()
    state_path = args.state or cache_dir / "state.json"
    try:
        with run_lock(state_path.with_name(state_path.name + ".lock")):
            return _run(args, options, formats, Cache(cache_dir), state_path)
    except Busy as busy:
        print(f"exporter: {busy}", file=sys.stderr)
        return EXIT_BUSY


def _run(args: argparse.Namespace, options: Options, formats: list[str], cache: Cache,
         state_path: Path) -> int:
    started = time.perf_counter()
    state = load_state(state_path)
    report = _Run()
    settings = FetchSettings(timeout=args.timeout, max_bytes=options.max_input_bytes,
                             connections=args.connections)
    now = datetime.now(UTC)
    from ..pipeline import close_executor, make_executor

    cluster = make_executor(None, args.scheduler) if getattr(args, "scheduler", None) else None
    try:
        with Fetcher(settings) as fetcher, ThreadPoolExecutor(args.connections) as pool:
            feeds = _read_feeds(args.feeds, fetcher, cache, pool, report)
            picked = [(feed, _new_items(feed, state, now - args.since, args.max))
                      for feed in feeds]
            links = dict.fromkeys(item.link for _, items in picked for item in items if item.link)
            if cluster is not None:
                pages = {link: cluster.submit(_remote_page, link, settings, cache.folder, options)
                         for link in links}
            else:
                pages = {link: pool.submit(_page, fetcher, cache, link, options) for link in links}
            groups: list[tuple[Feed, list[tuple[Item, Article]]]] = []
            for feed, items in picked:
                articles = []
                for item in items:
                    article = _article(item, pages.get(item.link) if item.link else None,
                                       options, report)
                    if article is not None:
                        articles.append((item, article))
                groups.append((feed, articles))
        report.new_items = sum(len(a) for _, a in groups)
        kept = _without_repeats(groups, report)
        if not any(articles for _, articles in kept):
            report.notices.append(f"nothing new since the last run ({report.feeds} feeds, "
                                  f"{report.feeds_unchanged} unchanged; {cache.stats.fetched} "
                                  f"fetched, {cache.stats.unchanged} not modified)")
            return _finish(args, report, started, cache)
        _write(kept, formats, options, args, report, cluster)
    finally:
        if cluster is not None:
            close_executor(cluster)
    if report.written and args.email:
        _mail(args, options, [a for _, articles in kept for a in articles], report)
    if not report.failures or report.written:
        for feed, articles in groups:  # repeats count as delivered: they were, once
            for item, _ in articles:
                state.deliver(feed.url, item.key, item.published)
        save_state(state_path, state)
    return _finish(args, report, started, cache)


def _read_feeds(sources: list[str], fetcher: Fetcher, cache: Cache, pool: ThreadPoolExecutor,
                report: _Run) -> list[Feed]:
    """Every feed the sources name, OPML lists expanded, in order; failures reported."""
    from . import is_url

    def body_of(source: str) -> tuple[str, bytes]:
        if is_url(source):
            response = cache.fetch(fetcher, source, accept=_FEED_TYPES)
            return response.final_url, response.body
        path = Path(source)
        try:
            size = path.stat().st_size
            if size > fetcher.settings.max_bytes:
                raise InputError(source, "is over the input limit")
            return source, path.read_bytes()
        except FileNotFoundError:
            raise InputError(source, "no such file") from None
        except OSError as error:
            raise InputError(source, f"cannot read: {error.strerror or error}") from None

    feeds: list[Feed] = []
    queue = list(dict.fromkeys(sources))
    seen = set(queue)
    while queue:
        futures = [(source, pool.submit(body_of, source)) for source in queue]
        queue = []
        for source, future in futures:
            try:
                where, body = future.result()
                if is_opml(body):
                    listed = [u for u in opml_feeds(body, source) if u not in seen]
                    seen.update(listed)
                    queue.extend(listed)
                    continue
                feeds.append(parse_feed(body, source))
                report.feeds += 1
                report.feeds_unchanged += source in cache.stats.unchanged_urls
            except ExporterError as error:
                report.failures.append(str(error))
    return feeds


def _new_items(feed: Feed, state: State, since: datetime, most: int) -> list[Item]:
    """The feed's items to deliver: not delivered before, newer than the last delivered one
    (or than ``since`` for a feed never delivered), newest first, at most ``most``."""
    known = state.feeds.get(feed.url)
    delivered = set(known.delivered) if known else set()
    cutoff = known.newest if known and known.newest else since
    fresh = [item for item in feed.items if item.key not in delivered
             and (item.published is None or item.published >= cutoff)]
    return fresh[:most]


def _page(fetcher: Fetcher, cache: Cache, url: str, options: Options) -> Article:
    from ..pipeline import summarise_document
    from .page import document_from_response

    document = document_from_response(cache.fetch(fetcher, url), url=url,
                                      language=options.language)
    if options.images:
        from ..images import with_pictures

        document = with_pictures(document, options, fetcher)
    return summarise_document(document, options)


def _remote_page(url: str, settings: FetchSettings, folder: Path, options: Options) -> Article:
    """:func:`_page` as a Dask task: its own HTTP client, the shared cache folder."""
    with Fetcher(settings) as fetcher:
        return _page(fetcher, Cache(folder), url, options)


def _article(item: Item, page: Any, options: Options, report: _Run) -> Article | None:
    """The item's page, else its own content from the feed, else None (reported)."""
    reason = "the item has no link"
    if page is not None:
        try:
            return page.result()  # type: ignore[no-any-return]
        except ExporterError as error:
            reason = str(error)
    if item.content:
        import dataclasses

        from ..pipeline import summarise_document
        from ..readers import read_string

        try:
            page_html = f"<html><body><article>{item.content}</article></body></html>"
            document = read_string(page_html, format="html", source=item.link or item.key,
                                   fallback_title=item.title or "Untitled article",
                                   language=options.language)
        except ExporterError:
            pass
        else:
            if item.title:
                document = dataclasses.replace(document, title=item.title)
            document = dataclasses.replace(document, source_url=item.link or None,
                                           published=document.published or (
                                               item.published.date() if item.published else None))
            report.from_feed += 1
            report.notices.append(f"{reason}; used the feed's own text")
            return summarise_document(document, options)
    report.failures.append(f"{reason}; and the feed has no text for it")
    return None


def _without_repeats(groups: list[tuple[Feed, list[tuple[Item, Article]]]], report: _Run
                     ) -> list[tuple[Feed, list[Article]]]:
    from ..collect import Deduplicator

    seen = Deduplicator()
    kept: list[tuple[Feed, list[Article]]] = []
    for feed, articles in groups:
        fresh = []
        for _, article in articles:
            repeat = seen.add(article)
            if repeat is None:
                fresh.append(article)
            else:
                original, why = repeat
                report.notices.append(
                    f"dropped {article.document.source_url or article.document.title} "
                    f"({feed.title}): duplicate of "
                    f"{original.document.source_url or original.document.title} ({why})")
        if fresh:
            kept.append((feed, fresh))
    return kept


def _write(kept: list[tuple[Feed, list[Article]]], formats: list[str], options: Options,
           args: argparse.Namespace, report: _Run, cluster: Executor | None = None) -> None:
    import io

    from ..filenames import slugify, unique_stem
    from ..files import write_atomically
    from ..pipeline import render
    from ..presentation import presented
    from ..writers import get_writer
    from ..writers.epub import EpubWriter

    options = options.replace(digest_title=args.digest_title or options.digest_title
                              or "Digest")
    out_dir = Path(options.out_dir)
    # Each article is presented once, for the digest and its other formats alike.
    articles = [presented(article, options) for _, articles in kept for article in articles]
    sections = [(feed.title, len(articles)) for feed, articles in kept]
    taken: set[str] = set()
    buffer = io.BytesIO()
    EpubWriter().write_sections(sections, articles, buffer, options)
    stem = unique_stem(slugify(options.digest_title or "digest", fallback="digest"), taken)
    report.written.append(write_atomically(out_dir / f"{stem}.epub", buffer.getvalue()))
    for name in formats:
        if name == "epub":
            continue
        writer = get_writer(name)
        # On a cluster every article renders at once on the workers; here one by one.
        rendered = [cluster.submit(render, [article], name, options) for article in articles
                    ] if cluster is not None else None
        for index, article in enumerate(articles):
            try:
                data = (rendered[index].result() if rendered is not None
                        else render([article], name, options))
            except ExporterError as error:
                report.failures.append(f"{article.document.source_url}: {name}: {error}")
                continue
            target = out_dir / f"{unique_stem(slugify(article.document.title), taken)}"
            report.written.append(write_atomically(target.with_name(
                target.name + writer.extension), data))


def _mail(args: argparse.Namespace, options: Options, articles: list[Article],
          report: _Run) -> None:
    """Mail the digest's EPUB (the first file written) to ``--email``; the message's
    body lists the articles with their summaries."""
    from ..deliver.addresses import parse_address, parse_addresses
    from ..deliver.email import build_message
    from ..deliver.settings import load_email_settings

    settings = load_email_settings()
    epub = report.written[0]
    sender = parse_address(args.sender) if args.sender else settings.sender
    if sender is None:
        raise UsageError("digest: no sender: give --from ADDR or set from in [email]")
    message = build_message(articles, to=parse_addresses(args.email), sender=sender,
                            subject=options.digest_title or epub.stem, attach=(),
                            options=options)
    message.add_attachment(epub.read_bytes(), maintype="application", subtype="epub+zip",
                           filename=epub.name)
    raw = message.as_bytes()
    if args.eml:
        from ..files import write_atomically

        report.written.append(write_atomically(args.eml, raw))
        return
    from ..deliver.outbox import save_to_outbox
    from ..deliver.smtp import DeliveryError, resolve_host, send_raw

    host, port = resolve_host(args.smtp, settings.security)
    try:
        send_raw(raw, host=host, port=port, security=settings.security,
                 username=settings.username, password=settings.password,
                 timeout=settings.timeout, cafile=settings.cafile)
    except DeliveryError as error:
        path = save_to_outbox(raw, settings.outbox, recipients=error.refused, error=str(error),
                              host=host, port=port, security=settings.security,
                              refused_for_good=error.permanent)
        report.notices.append(f"not sent ({error}); it waits in {path}")


def _finish(args: argparse.Namespace, report: _Run, started: float, cache: Cache) -> int:
    import json

    elapsed = time.perf_counter() - started
    if args.json:
        print(json.dumps({"written": [str(p) for p in report.written],
                          "failed": report.failures, "notices": report.notices,
                          "feeds": report.feeds, "feeds_unchanged": report.feeds_unchanged,
                          "articles": report.new_items, "from_feed": report.from_feed,
                          "fetched": cache.stats.fetched, "not_modified": cache.stats.unchanged,
                          "elapsed": round(elapsed, 3)}, ensure_ascii=False))
    else:
        for notice in report.notices:
            print(f"exporter: {notice}", file=sys.stderr)
        for path in report.written:
            print(path)
        for failure in report.failures:
            print(f"exporter: {failure}", file=sys.stderr)
        print(f"exporter: {report.feeds} feeds, {report.new_items} new articles, "
              f"{cache.stats.fetched} fetched, {cache.stats.unchanged} not modified, "
              f"{elapsed:.1f} s", file=sys.stderr)
    return EXIT_USAGE if report.failures else EXIT_OK
