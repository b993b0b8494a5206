"""Safe XML parsing for every XML parser of the project, and namespace-agnostic element access.

Untrusted documents (EIS exports, TED notices, feeds) go through :func:`parse_xml`:

- external entities are never resolved, the network is never used, no DTD is loaded
  (``resolve_entities=False, no_network=True, load_dtd=False``);
- a document that declares entities in a DOCTYPE (XXE, "billion laughs") or refers to an external DTD
  is refused outright (EIS documents have no DOCTYPE);
- ``huge_tree=False`` keeps libxml2's limits on text-node size and nesting depth;
- the encoding comes from the XML declaration (windows-1251 EIS files parse as such);
- every failure is a :class:`ParseError` naming the source.

EIS files use different namespace prefixes (and sometimes different namespaces) for the same element,
so elements are matched on their local name: :func:`child`, :func:`children` and :func:`text` walk
``"a/b/c"`` paths of local names with lxml's C-level ``{*}`` wildcard, without XPath ``local-name()``
(slow in hot loops).

Large base64 ``cryptoSigns/signature`` blobs of the 2025 exports (about a quarter of their bytes) are
left in the tree and simply never visited: measured on the samples, removing them from the bytes before
parsing (regex) costs more (+36 %) than libxml2 spends keeping them as text nodes.

EIS indents its exports (11-49 % of a file's bytes are indentation): ``remove_blank_text`` keeps libxml2
from building a text node for every indent, which makes parsing ~20 % faster. Whitespace-only values of
leaf elements are kept (libxml2 drops blanks only between elements); every reader strips values anyway.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from functools import lru_cache

from lxml import etree

__all__ = [
    "ParseError",
    "UnknownDocumentKind",
    "child",
    "children",
    "document_kind",
    "document_node",
    "fields",
    "index",
    "localname",
    "parse_xml",
    "text",
    "value",
]


class ParseError(ValueError):
    """A document could not be turned into records; ``source`` names the file / URL / archive member."""

    def __init__(self, source: str, message: str) -> None:
        self.source = source
        self.message = message
        super().__init__(f"{source}: {message}")


class UnknownDocumentKind(ParseError):
    """A well-formed document of a kind no parser reads (a plan, a monthly summary...); ``kind`` is its root
    element (the first one under an ``export`` wrapper)."""

    def __init__(self, source: str, kind: str) -> None:
        self.kind = kind
        super().__init__(source, f"документ неизвестного вида (корневой элемент «{kind}»): пропущен")


_local = threading.local()


def _parser() -> etree.XMLParser:
    # lxml parsers must not be shared between threads: one per thread.
    parser = getattr(_local, "parser", None)
    if parser is None:
        parser = etree.XMLParser(
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            dtd_validation=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            collect_ids=False,
            remove_blank_text=True,
        )
        _local.parser = parser
    return parser


def parse_xml(data: bytes, source: str) -> etree._Element:
    """Parse untrusted XML bytes safely and return the root element; raise :class:`ParseError`."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise ParseError(source, f"ожидались байты, получено {type(data).__name__}")
    if not data or not bytes(data[:4096]).strip():
        raise ParseError(source, "пустой документ")
    try:
        root = etree.fromstring(bytes(data), _parser())
    except etree.XMLSyntaxError as exc:
        raise ParseError(source, f"повреждённый XML: {exc.msg or exc}") from None
    except (ValueError, LookupError) as exc:  # unknown encoding names and similar
        raise ParseError(source, f"не удаётся декодировать XML: {exc}") from None
    docinfo = root.getroottree().docinfo
    if docinfo.system_url or docinfo.public_id:
        # Never loaded, but its entity references would stay in the tree unexpanded: refuse (as defusedxml).
        raise ParseError(source, "DOCTYPE с внешним DTD отклонён")
    dtd = docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise ParseError(source, "DOCTYPE с объявлениями сущностей отклонён (XXE / раскрытие сущностей)")
    return root


class _LocalNames(dict[object, str]):
    """Tag -> local name (``{ns}commonInfo`` -> ``commonInfo``), memoised: a plain dict lookup once seen.
    Bounded (a hostile document may invent namespaces); a non-string tag (comment, PI) has no name."""

    def __missing__(self, tag: object) -> str:
        name = tag[tag.find("}") + 1 :] if isinstance(tag, str) else ""
        if len(self) < 4096:
            self[tag] = name
        return name


_LOCAL = _LocalNames()


def _local(tag: str) -> str:
    return _LOCAL[tag]


def localname(el: etree._Element) -> str:
    """Local name of an element (``ns5:commonInfo`` -> ``commonInfo``)."""
    tag = el.tag
    if not isinstance(tag, str):  # comments, processing instructions
        return ""
    return _local(tag)


@lru_cache(maxsize=1024)
def _wild(name: str) -> str:
    return "{*}" + name


@lru_cache(maxsize=2048)
def _steps(path: str) -> tuple[str, ...]:
    return tuple(_wild(step) for step in path.split("/"))


def child(el: etree._Element | None, path: str) -> etree._Element | None:
    """First element at ``path`` (local names separated by ``/``) below ``el``, or None."""
    for step in _steps(path):
        if el is None:
            return None
        el = next(el.iterchildren(step), None)
    return el


def children(el: etree._Element | None, path: str) -> Iterator[etree._Element]:
    """All elements at ``path`` below ``el`` in document order (every branch of every step)."""
    if el is None:
        return iter(())
    steps = _steps(path)
    if len(steps) == 1:
        return el.iterchildren(steps[0])
    return _walk([el], steps)


def _walk(level: list[etree._Element], steps: tuple[str, ...]) -> Iterator[etree._Element]:
    for step in steps:
        level = [found for node in level for found in node.iterchildren(step)]
    return iter(level)


def text(el: etree._Element | None, path: str | None = None) -> str | None:
    """Stripped text of the element at ``path`` below ``el`` (or of ``el``); None when absent or blank."""
    node = child(el, path) if path else el
    if node is None:
        return None
    value = node.text
    if value is None:
        return None
    value = value.strip()
    return value or None


@lru_cache(maxsize=512)
def _wilds(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(_wild(name) for name in names)


def fields(el: etree._Element | None, *names: str) -> dict[str, etree._Element]:
    """The first child of each wanted local name, in one pass; unwanted children are skipped in C."""
    if el is None:
        return {}
    local = _LOCAL
    return {local[node.tag]: node for node in el.iterchildren(*_wilds(names), reversed=True)}


def index(el: etree._Element | None) -> dict[str, etree._Element]:
    """Every child by local name (the first of each), in one pass: for small blocks read field by field."""
    if el is None:
        return {}
    local = _LOCAL
    # Children in reverse, so the first of each name is the one left in the dict (a comprehension with
    # plain dict lookups: twice as fast as a loop with setdefault, and this runs ~40 times per notice).
    return {local[node.tag]: node for node in reversed(el)}


def value(found: dict[str, etree._Element], name: str) -> str | None:
    """Stripped text of ``found[name]`` (see :func:`index`), None when absent or blank."""
    node = found.get(name)
    if node is None or node.text is None:
        return None
    return node.text.strip() or None


def document_node(root: etree._Element) -> etree._Element:
    """The document element: the root, or its first child element under an ``export`` wrapper."""
    if localname(root) == "export":
        first = next((node for node in root if isinstance(node.tag, str)), None)
        if first is not None:
            return first
    return root


def document_kind(root: etree._Element) -> str:
    """The EIS document kind (``epNotificationEF2020``, ``fcsProtocolEF1``, ``purchaseNotice``...)."""
    return localname(document_node(root))
