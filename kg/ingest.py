"""Ingest: files and folders → :class:`kg.model.Document`, robust to real-world mess.

Supported inputs: ``.txt``, ``.html``/``.htm``, ``.jsonl`` (one ``{"id", "text", "meta"}`` object
per line) and ``.json`` (one such object or a list of them), in UTF-8 (with or without BOM),
UTF-16/32 with BOM, GB18030/GBK/GB2312 or Big5, plus whatever charset-normalizer recognises.

Offsets of every later stage refer to ``Document.text`` exactly as returned here, so the only
changes made to the decoded text are NFC, CRLF/CR → LF, and removal of a leading BOM and of C0
control characters other than ``\\n`` and ``\\t``. HTML is the exception by nature: its visible
article text is extracted first (block elements become line breaks).

A bad file never stops a run: :func:`iter_documents` yields an :class:`IngestError` for it and
goes on. Only a path that does not exist at all raises, when :func:`iter_documents` is called.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

from kg.model import Document, IngestError

__all__ = [
    "SUPPORTED_SUFFIXES",
    "decode",
    "decode_bytes",
    "document_from_text",
    "extract_html",
    "iter_documents",
    "normalize_text",
    "read_file",
    "slugify",
]

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSON_SUFFIXES = frozenset({".jsonl", ".json"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSON_SUFFIXES

# Encoding choice is made on a prefix so that a 50 MB file costs one full decode, not three.
_SAMPLE_BYTES = 64 * 1024

# ---- encoding detection ---------------------------------------------------------------------

# The 1,000 most frequent CJK characters of jionlp's char_distribution.json (simplified Chinese
# news, ~92% of CJK running text), and the traditional forms of those among them that Big5
# cannot encode (from jionlp's tra2sim_char.txt, kept when Big5 can encode the traditional form
# and GB2312 cannot). Wrongly decoded GBK↔Big5 bytes produce rare characters, so the share of
# common characters separates the two codecs even on a dozen characters, where
# charset-normalizer often guesses wrong.
_COMMON_SIMPLIFIED = (
    "的一在是有人中不国行年了为业大上公金资发和时市个会以对出这来日要到月网新能产家用成于司经方下现理元场分多开生机作合前地后股信高可进全过者投也务法期工实动关保本平"
    "我品定将部同等其利美长通就度管自面力主收重报体与他基们内事加而提比据目数价最还入万化银表民商车展交区小得示点台政外所融之及制电增此天间安并都员建相联持三但如已乐"
    "规当险城次说计企学从性款好量门子应第被亿因彩明更费看位情证息道户记心手名至意贷问正系海设题向监件财式东然总调风果查起标服没近告布营率消项易线些回京特强指很受两案"
    "处任房无该今构权格去支文球注集接达娱技局认水着解创立求济单里需程未续二种整推结或原限代购份路由统改值票额称北运各科存益周流较院么做显际社只常导级共供华打广预组低"
    "客取议销物非团活放转势办领传直专造升样斯给源南准使口超步影号型别责西让少决质知委互售况首类先约变术身完确备博某站模视你控环老深速队空施每省州反战包券策再买研选快"
    "具牌付货获十四条币游效头己优则想警士带治涨马众降走医张世债百界始那根微均教参引港府山评考复协六钱何态难江图赛响境形宝真划军几话助气亚女幅请观借季书清料域师随官采"
    "容装论农违跌仅严卡澳检负防克王依节尔除德即配失把审照致越黄核见范究足维算例板排积感段才五断诉盘职按置且普功住律护育光村油讯欧拉底担落航验络色望党举占连半涉试介奖"
    "减赌极央争承属店终批什净友双药言仍又必太执白精红李停县稳巴税申健香击继群测智许便短露识米富景略宣层破义余送热析止汽往英器围革罪媒另象历否列片纪她食初校括修林曾阳"
    "充损星账居龙兴压离退织儿假火汇善花满卖副托康养判润候察威够边闻土它河酒干字飞希块突册石早补远罗免录绩尼犯码套黑截频择疑招载坚洲波旅移差述阿竞临留尽习爱端园却绍铁"
    "罚素神害享故云思葡纳声储福租签病庆访紧征晚适障软席青索贸像待找播孩骗演楼苏切董虽镇状良细辆材陈印估措眼换疗址刘询密综链永简戏登觉轮千史版督刚轻私础卫命沙拿遇巨谈"
    "独危宁编逐透订左背救扩哪男操章帮厂午激附右湖嫌班促甚跟令室角念伤追志庭丰兰岁驾盈讲累吸库须音序温零针仓亲募您弹死似怎急予训昨启趋武困培惠绝筹冲偿输爆胜陆愿阶缺贵"
    "顺春延拍倍味泰诺驶盟般奥松错虑裁刑披笔押纷派拥乡归母乎圳赔八探靠尚艺旗避虚夫腾暴牛异九读听聚瑞届悉污吃剧伙键雷概扫禁抓欢朗盖冠久顾遭盛守架钢杨奇迎街韩俄峰攻岛符"
    "励挥末搜朋吗拟渠语诈抵含钟震跑隐召亏写喜伊厅染恶暂授贫缓署释川呢挂矿谢杯滑固古患"
)
_COMMON_TRADITIONAL = (
    "國為業資發髮時個箇會對這來產經現場開進過務實動關將長報們內數還銀車區點電間員聯樂槼規儅噹當險說計學從門應億費証證戶記貸問設題監財東總調風標沒營項線強彊兩處無該權"
    "達娛認創濟單續結購統額稱運較顯際導級華廣預組議銷團糰轉勢辦領傳專樣給號別彆責讓決質況類約變朮術備視環隊戰買選貨獲穫條幣頭則帶漲馬眾毉醫張債參葠評協錢態難圖賽響寶"
    "軍話亞請觀書師隨裝論農違僅嚴檢負節爾審讅黃見維積斷訴槃盤職護訊歐擔驗絡舉連試獎減賭爭屬終凈淨雙葯藥執紅縣穩稅擊繼測許識層義熱圍厤曆歷紀陽損賬龍興壓織匯彙滿賣養潤"
    "夠邊聞飛塊冊補遠羅錄勣績碼頻擇載堅競臨儘盡習愛園卻紹銕鐵罰納聲儲簽籤慶訪緊軟貿騙樓囌甦蘇雖鎮狀細輛陳換療劉詢綜鏈簡戲覺輪剛輕礎衛談獨編訂擴幫傷蘭歲駕講庫須鬚溫針"
    "鍼倉親彈訓啟趨絕籌沖衝償輸陸階貴順諾駛奧錯慮筆紛擁鄉歸賠藝虛騰讀屆劇鍵掃懽歡蓋顧鋼楊韓島勵揮嗎擬語詐鐘隱虧寫廳噁惡暫貧緩釋礦謝"
)
_COMMON = frozenset(_COMMON_SIMPLIFIED) | frozenset(_COMMON_TRADITIONAL)
_TRADITIONAL_ONLY = frozenset(_COMMON_TRADITIONAL)

_CJK_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with UTF-16's.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Labels a <meta charset> may use, mapped to the codec that decodes a superset of them.
_CHARSET_ALIASES = {
    "gb2312": "gb18030", "gbk": "gb18030", "gb18030": "gb18030", "x-gbk": "gb18030",
    "cp936": "gb18030", "big5": "big5", "big5-hkscs": "big5hkscs", "cp950": "cp950",
    "utf-8": "utf-8", "utf8": "utf-8",
}


def _encodable(ch: str, codec: str) -> bool:
    try:
        ch.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


# Simplified forms that have a distinct traditional form: exactly the common ones Big5 lacks.
_SIMPLIFIED_ONLY = frozenset(c for c in _COMMON_SIMPLIFIED if not _encodable(c, "big5"))
# Counted by regex: a Python loop over every character cost 0.3 s per 1,000 articles.
_TRADITIONAL_RE = re.compile("[" + "".join(map(re.escape, sorted(_TRADITIONAL_ONLY))) + "]")
_SIMPLIFIED_RE = re.compile("[" + "".join(map(re.escape, sorted(_SIMPLIFIED_ONLY))) + "]")


def _strict(data: bytes, codec: str, *, prefix: bool) -> str | None:
    """Decode strictly; for a prefix, tolerate a multibyte character cut at the end."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as e:
        if prefix and e.start >= len(data) - 4:
            try:
                return data[: e.start].decode(codec)
            except UnicodeDecodeError:
                return None
        return None
    except LookupError:
        return None


def _common_share(text: str) -> float:
    """Share of the CJK characters of ``text`` that are common ones."""
    cjk = _CJK_RE.findall(text)
    return sum(c in _COMMON for c in cjk) / len(cjk) if cjk else 0.0


def _sniff_utf16(sample: bytes) -> str | None:
    """UTF-16 without BOM: NULs (the high bytes of ASCII) sit on one parity only."""
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if odd > 4 * even and odd > 0:
        codec = "utf-16-le"
    elif even > 4 * odd and even > 0:
        codec = "utf-16-be"
    else:
        return None
    text = _strict(sample, codec, prefix=True)
    if text is None or _junk_share(text) > 0.05:
        return None
    return codec


def _junk_share(text: str) -> float:
    """Share of characters no text file contains: controls, replacement, private use."""
    if not text:
        return 0.0
    junk = 0
    for ch in text:
        o = ord(ch)
        if (o < 32 and ch not in "\n\r\t\f") or o == 0xFFFD or 0xE000 <= o <= 0xF8FF or (
            0x7F <= o < 0xA0
        ):
            junk += 1
    return junk / len(text)


def _declared_charset(data: bytes) -> str | None:
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", data[:4096],
                  re.IGNORECASE)
    if not m:
        return None
    return _CHARSET_ALIASES.get(m.group(1).decode("ascii").lower())


def _choose_codec(data: bytes, hint: str | None = None) -> tuple[str, list[str]]:
    """Pick the codec for ``data``; returns (codec, warnings). Never raises."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            if codec == "utf-32" and _strict(data[:_SAMPLE_BYTES], codec, prefix=True) is None:
                continue  # a UTF-16 LE BOM followed by U+0000, not UTF-32
            return codec, []
    sample = data[:_SAMPLE_BYTES]
    prefix = len(data) > _SAMPLE_BYTES
    if _strict(sample, "utf-8", prefix=prefix) is not None:
        return "utf-8", []
    if b"\x00" in sample:
        utf16 = _sniff_utf16(sample)
        if utf16:
            return utf16, []
    if hint and hint != "utf-8" and _strict(sample, hint, prefix=prefix) is not None:
        return hint, []

    # Damaged UTF-8: GBK/Big5 bytes seldom form valid 3-byte UTF-8 sequences (measured: 30-80
    # invalid sequences per valid one on the samples and test paragraphs), so many 3-byte
    # characters and few bad bytes mean UTF-8 with some corruption.
    loose = sample.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    good = sum(1 for c in loose if c >= "\u0800") - bad
    if good >= 20 and bad * 4 <= good:
        return "utf-8", []

    # gb18030 decodes nearly every byte string, so "decodes cleanly" alone cannot tell GBK from
    # Big5; the share of common characters does. Damaged files (a cut or corrupt sequence) are
    # still recognised from a lenient decode, whose replacement characters count against it.
    best: tuple[float, str] | None = None
    for codec in ("gb18030", "big5", "cp950"):
        text = _strict(sample, codec, prefix=prefix)
        if text is None:
            text = sample.decode(codec, errors="replace")
        score = _common_share(text) - 5 * _junk_share(text)
        if best is None or score > best[0] + 1e-9:
            best = (score, codec)
    if best is not None and best[0] >= 0.5:
        return best[1], []

    guessed = _charset_normalizer_guess(data)
    if guessed is not None:
        return guessed, [f"encoding guessed by charset-normalizer: {guessed}"]
    if best is not None:
        return best[1], [f"encoding uncertain, decoded as {best[1]}"]
    return "utf-8", ["encoding not recognised, decoded as UTF-8 with replacement characters"]


def _charset_normalizer_guess(data: bytes) -> str | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # declared dependency; degrade rather than fail if it is missing
        return None
    try:
        match = from_bytes(data[: 4 * _SAMPLE_BYTES]).best()
    except Exception:  # noqa: BLE001 - a detector bug must not stop ingest
        return None
    if match is None:
        return None
    name = match.encoding
    try:
        codecs.lookup(name)
    except LookupError:
        return None
    return name


def decode(data: bytes, hint: str | None = None) -> tuple[str, str, list[str]]:
    """Decode bytes of any common Chinese encoding: (raw text, codec, warnings). Never raises.

    The text is not normalised yet (see :func:`normalize_text`); ``hint`` is a declared charset
    tried after BOMs and strict UTF-8.
    """
    codec, warnings = _choose_codec(data, hint)
    try:
        codec = codecs.lookup(codec).name  # one spelling: "utf_16_le" → "utf-16-le"
    except LookupError:
        codec = "utf-8"
    try:
        text = data.decode(codec)
    except (UnicodeDecodeError, LookupError):
        try:
            text = data.decode(codec, errors="replace")
        except LookupError:
            codec = "utf-8"
            text = data.decode(codec, errors="replace")
        bad = text.count("\ufffd")
        warnings.append(f"{bad} undecodable byte sequences replaced (decoded as {codec})")
    return text, codec, warnings


def decode_bytes(data: bytes) -> str:
    """Decoded text of ``data`` (any encoding, any bytes); never raises."""
    return decode(data)[0]


# ---- text normalisation -----------------------------------------------------------------------

_C0_RE = re.compile(r"[\x00-\x08\x0b-\x1f]")


def normalize_text(text: str) -> str:
    """NFC, CRLF/CR → LF, drop a leading BOM and C0 controls except ``\\n`` and ``\\t``.

    Nothing else changes: downstream offsets and the gold files refer to this text.
    """
    text = text.removeprefix("\ufeff")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _C0_RE.search(text):
        text = _C0_RE.sub("", text)
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    return text


def _script_warnings(text: str, meta: dict[str, Any]) -> None:
    """Mark traditional-script text; it is kept as written (no conversion)."""
    sample = text[:200_000]
    trad = len(_TRADITIONAL_RE.findall(sample))
    simp = len(_SIMPLIFIED_RE.findall(sample))
    if trad >= 3 and trad > 2 * simp:
        meta["script"] = "traditional"
        meta.setdefault("warnings", []).append(
            "traditional Chinese script kept as written (not converted to simplified)")


# ---- ids ----------------------------------------------------------------------------------

_SLUG_BAD_RE = re.compile(
    r"[^0-9A-Za-z\-_./\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")


def slugify(s: str) -> str:
    """A safe id: keeps CJK, ASCII letters/digits and ``-_./``; everything else becomes ``-``."""
    s = unicodedata.normalize("NFC", s)
    s = _SLUG_BAD_RE.sub("-", s)
    s = re.sub(r"-{2,}", "-", s)
    # No empty, "." or ".." path segments: the id may end up in IRIs and file names.
    parts = [p.strip("-.") for p in s.split("/")]
    return "/".join(p for p in parts if p)


def _text_id(text: str) -> str:
    return "text-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def _path_id(rel: Path) -> str:
    name = rel.with_suffix("").as_posix() if rel.suffix else rel.as_posix()
    return slugify(name) or "doc-" + hashlib.sha1(rel.as_posix().encode()).hexdigest()[:12]


# ---- binary detection ---------------------------------------------------------------------

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"PK\x03\x04", "ZIP"),
    (b"PK\x05\x06", "ZIP"),
    (b"PK\x07\x08", "ZIP"),
    (b"GIF87a", "GIF"),
    (b"GIF89a", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "MS Office OLE2"),
    (b"\x1f\x8b", "gzip"),
    (b"Rar!\x1a\x07", "RAR"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\x7fELF", "ELF"),
    (b"RIFF", "RIFF"),
)


def _binary_kind(data: bytes, codec: str | None = None) -> str | None:
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            return kind
    if codec and codec.startswith(("utf-16", "utf-32")):
        return None
    # git's rule: a NUL in the first 8,000 bytes means binary. A stray NUL further on in a long
    # text is corruption, dropped by normalize_text.
    if b"\x00" in data[:8000]:
        return "contains NUL bytes"
    return None


# ---- HTML -----------------------------------------------------------------------------------

_DROP_TAGS = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside",
              "form", "button", "iframe", "svg", "select", "textarea", "object", "embed",
              "canvas", "audio", "video", "head")
_HINTS = ("share", "nav", "menu", "footer", "comment", "breadcrumb", "toolbar", "qrcode")
_BLOCK_TAGS = ("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5",
               "h6", "tr", "table", "section", "article", "blockquote", "pre", "figure",
               "figcaption", "main", "address", "hr", "center")
_ARTICLE_SELECTORS = ("#js_content", ".rich_media_content")
_PUBLISHED_META = ("publishdate", "pubdate", "article:published_time", "datepublished",
                   "publish_date", "og:published_time")
_BREAK = "\x1e"  # stands for a line break until whitespace is collapsed; C0 never survives
# normalize_text, so it cannot occur in the parsed text.
_CJK_CLASS = r"\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef"
# CSS Text 3: a source line break between two East Asian wide characters renders as nothing,
# not as a space, so a name wrapped in the HTML source stays one word.
# (Not \s: it matches the _BREAK marker and would join paragraphs.)
_CJK_SEGMENT_BREAK_RE = re.compile(
    rf"(?<=[{_CJK_CLASS}])[ \t\f]*\n[ \t\n\f]*(?=[{_CJK_CLASS}])")
_SPACES_RE = re.compile(r"[ \t\n\f\v\u00a0\u2000-\u200a\u202f\u205f]+")
_ZERO_WIDTH_RE = re.compile(r"[\u200b\ufeff]")
_VOID_TAG_RE = re.compile(
    r"<(br|img|meta|link|input|hr|wbr|source|col|area|base|embed|param|track)\b([^<>]*?)/?>",
    re.IGNORECASE)
_DATE_RE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2}))?")


def _html_parser() -> str:
    try:
        import lxml  # noqa: F401
    except ImportError:
        return "html.parser"
    return "lxml"


def _iso_date(value: str) -> str | None:
    m = _DATE_RE.search(value)
    if not m:
        return None
    y, mo = int(m.group(1)), int(m.group(2))
    d = int(m.group(3)) if m.group(3) else None
    try:
        date(y, mo, d or 1)
    except ValueError:
        return None
    return f"{y:04d}-{mo:02d}-{d:02d}" if d else f"{y:04d}-{mo:02d}"


def _hinted(tag: Any) -> bool:
    attrs = tag.attrs or {}
    names = list(attrs.get("class") or [])
    if isinstance(attrs.get("id"), str):
        names.append(attrs["id"])
    for name in names:
        low = str(name).lower()
        if any(h in low for h in _HINTS):
            return True
    return False


def _hidden(tag: Any) -> bool:
    attrs = tag.attrs or {}
    if "hidden" in attrs or str(attrs.get("aria-hidden", "")).lower() == "true":
        return True
    style = str(attrs.get("style", "")).replace(" ", "").lower()
    return "display:none" in style or "visibility:hidden" in style


def extract_html(html: str) -> tuple[str, dict[str, Any]]:
    """Visible article text of an HTML page, and meta (``title``, ``published``) when found."""
    from bs4 import BeautifulSoup

    parser = _html_parser()
    if parser == "html.parser":
        # bs4's html.parser builder remembers every void tag written without "/>" in a list it
        # scans at each end tag: quadratic on pages with thousands of <br>. Self-closed, they
        # take its linear path.
        html = _VOID_TAG_RE.sub(r"<\1\2 />", html)  # the space ends an unquoted value
    soup = BeautifulSoup(html, parser)
    meta: dict[str, Any] = {}

    title = soup.title.get_text(" ", strip=True) if soup.title else ""
    if not title:
        h1 = soup.find("h1")
        title = h1.get_text(" ", strip=True) if h1 else ""
    if title:
        meta["title"] = _SPACES_RE.sub(" ", title).strip()

    published = None
    for tag in soup.find_all("meta"):
        key = str(tag.get("name") or tag.get("property") or tag.get("itemprop") or "").lower()
        if key in _PUBLISHED_META and tag.get("content"):
            published = _iso_date(str(tag["content"]))
            if published:
                break
    if not published:
        for tag in soup.find_all("time"):
            published = _iso_date(str(tag.get("datetime") or tag.get_text()))
            if published:
                break
    if not published:
        em = soup.find(id="publish_time")  # WeChat article pages
        if em:
            published = _iso_date(em.get_text())
    if published:
        meta["published"] = published

    root = None
    for sel in _ARTICLE_SELECTORS:
        root = soup.select_one(sel)
        if root is not None:
            break
    if root is None:
        root = soup.body or soup
    return _visible_text(root), meta


def _visible_text(root: Any) -> str:
    """Text of ``root`` minus chrome, with line breaks at blocks and <br>.

    Reads the tree without mutating it and without recursion: bs4's insert/decompose cost grows
    with nesting depth, and scraped pages can nest thousands of levels deep.
    """
    from bs4.element import (
        Comment,
        Declaration,
        Doctype,
        NavigableString,
        ProcessingInstruction,
        Tag,
    )

    skip = (Comment, Declaration, Doctype, ProcessingInstruction)
    order: list[Any] = []  # kept tags, pre-order
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, Tag) and (node is root or not (node.name in _DROP_TAGS
                                                           or _hidden(node))):
            order.append(node)
            stack.extend(node.contents)
    length: dict[int, int] = {}
    for tag in reversed(order):  # children before parents
        length[id(tag)] = sum(
            length.get(id(c), 0) if isinstance(c, Tag) else len(c)
            for c in tag.contents if not isinstance(c, skip))
    total = length[id(root)]

    def dropped(tag: Any) -> bool:
        if id(tag) not in length:
            return True
        if tag is root or tag.name in ("article", "main", "body") or not _hinted(tag):
            return False
        # A class like "nav-open" on a wrapper must not take the article with it: only drop
        # hinted elements that hold a minor part of the page's text.
        n = length[id(tag)]
        return n <= 200 or n < 0.3 * total

    pieces: list[str] = []
    walk: list[Any] = [root]
    while walk:
        node = walk.pop()
        if isinstance(node, str) and not isinstance(node, NavigableString):
            pieces.append(node)  # a separator pushed when entering a tag
        elif isinstance(node, NavigableString):
            if not isinstance(node, skip):
                pieces.append(str(node))
        elif isinstance(node, Tag) and not dropped(node):
            if node.name == "br":
                pieces.append(_BREAK)
                continue
            if node.name in _BLOCK_TAGS:
                pieces.append(_BREAK)
                walk.append(_BREAK)
            elif node.name in ("td", "th"):
                walk.append(" ")
            walk.extend(reversed(node.contents))

    text = _ZERO_WIDTH_RE.sub("", "".join(pieces))
    text = _CJK_SEGMENT_BREAK_RE.sub("", text)
    text = _SPACES_RE.sub(" ", text)
    lines = (line.strip(" \u3000") for line in text.split(_BREAK))
    return "\n".join(line for line in lines if line)


# ---- readers ------------------------------------------------------------------------------


def _decode_file(data: bytes, doc_id: str, suffix: str) -> tuple[str, dict[str, Any]]:
    kind = _binary_kind(data)
    hint = _declared_charset(data) if suffix in HTML_SUFFIXES else None
    text, codec, warnings = decode(data, hint)
    if kind and not codec.startswith(("utf-16", "utf-32")):
        raise IngestError(f"binary file ({kind})", doc_id)
    if _junk_share(text[:10_000]) > 0.3:
        raise IngestError(f"binary file (undecodable as text, tried {codec})", doc_id)
    meta: dict[str, Any] = {"encoding": codec}
    if warnings:
        meta["warnings"] = warnings
    return normalize_text(text), meta


def _finish(doc_id: str, text: str, meta: dict[str, Any]) -> Document:
    if not text.strip():
        raise IngestError("empty document", doc_id)
    _script_warnings(text, meta)
    return Document(doc_id, text, meta)


def _json_record(obj: Any, default_id: str, where: str, source: str,
                 base_meta: dict[str, Any]) -> Document:
    doc_id = default_id
    if isinstance(obj, dict) and obj.get("id") not in (None, ""):
        doc_id = slugify(str(obj["id"])) or default_id
    if not isinstance(obj, dict):
        raise IngestError(f"{where}: expected a JSON object, got {type(obj).__name__}", doc_id)
    text = obj.get("text")
    if not isinstance(text, str):
        reason = "missing 'text'" if text is None else f"'text' is {type(text).__name__}"
        raise IngestError(f"{where}: {reason}, expected a string", doc_id)
    rec_meta = obj.get("meta")
    if rec_meta is not None and not isinstance(rec_meta, dict):
        raise IngestError(f"{where}: 'meta' must be an object", doc_id)
    meta: dict[str, Any] = {"source": source, **base_meta}
    meta.update(rec_meta or {})
    if meta.get("source") != source:
        meta["file"] = source  # the record's own source description wins; keep the path too
    return _finish(doc_id, normalize_text(text), meta)


def _read_json(data: bytes, path: Path, doc_id: str, source: str
               ) -> Iterator[Document | IngestError]:
    text, meta = _decode_file(data, doc_id, path.suffix.lower())
    stem = slugify(path.stem) or doc_id
    base = {k: v for k, v in meta.items() if k == "encoding"}
    if path.suffix.lower() == ".json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as e:
            raise IngestError(f"{path.name}: invalid JSON: {e}", doc_id) from None
        if isinstance(obj, list):
            for i, item in enumerate(obj, 1):
                try:
                    yield _json_record(item, f"{stem}-{i}", f"{path.name} item {i}", source,
                                       {**base, "item": i})
                except IngestError as err:
                    yield err
        else:
            try:
                yield _json_record(obj, stem, path.name, source, base)
            except IngestError as err:
                yield err
        return
    for line_no, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        where = f"{path.name} line {line_no}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield IngestError(f"{where}: invalid JSON: {e.msg}", f"{stem}-{line_no}")
            continue
        try:
            yield _json_record(obj, f"{stem}-{line_no}", where, source,
                               {**base, "line": line_no})
        except IngestError as err:
            yield err


def _read_one(path: Path, doc_id: str) -> Iterator[Document | IngestError]:
    """Documents or errors of one file; never raises."""
    suffix = path.suffix.lower()
    source = str(path)
    if suffix not in SUPPORTED_SUFFIXES:
        yield IngestError(f"unsupported file type: {suffix or '(no extension)'}", doc_id)
        return
    try:
        data = path.read_bytes()
    except OSError as e:
        yield IngestError(f"cannot read {path.name}: {e.strerror or e}", doc_id)
        return
    try:
        if suffix in JSON_SUFFIXES:
            yield from _read_json(data, path, doc_id, source)
            return
        text, meta = _decode_file(data, doc_id, suffix)
        if suffix in HTML_SUFFIXES:
            text, html_meta = extract_html(text)
            meta.update(html_meta)
        yield _finish(doc_id, text, {"source": source, **meta})
    except IngestError as err:
        yield err
    except Exception as e:  # noqa: BLE001 - e.g. a parser bug on hostile HTML: report, go on
        yield IngestError(f"{path.name}: {type(e).__name__}: {e}", doc_id)


def read_file(path: str | Path) -> list[Document]:
    """All documents of one file; raises :class:`IngestError` on the first problem.

    The id of a .txt/.html document is the slug of the file's stem. For partial results from a
    JSONL file with bad lines, use :func:`iter_documents`.
    """
    p = Path(path)
    if not p.exists():
        raise IngestError(f"no such file: {p}")
    docs = []
    for item in _read_one(p, _path_id(Path(p.name))):
        if isinstance(item, IngestError):
            raise item
        docs.append(item)
    return docs


def document_from_text(text: str, id: str | None = None,
                       meta: dict[str, Any] | None = None) -> Document:
    """A Document from a Python string; id is a hash of the normalised text when not given."""
    text = normalize_text(text)
    doc_id = (slugify(id) if id is not None else "") or _text_id(text)
    return _finish(doc_id, text, dict(meta or {}))


def _walk(root: Path) -> list[Path]:
    """Non-hidden files under root, sorted by relative path (symlinked folders not followed)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if not name.startswith("."):
                found.append(Path(dirpath, name))
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def iter_documents(paths: Iterable[str | Path]) -> Iterator[Document | IngestError]:
    """Documents from files and folders (recursively, sorted), or one IngestError per bad one.

    Raises IngestError at call time only when a given path does not exist.
    """
    given = [Path(p) for p in ([paths] if isinstance(paths, str | Path) else paths)]
    for p in given:
        if not p.exists():
            raise IngestError(f"no such file or directory: {p}")
    return _iter(given)


def _iter(given: list[Path]) -> Iterator[Document | IngestError]:
    seen: dict[str, str] = {}
    for p in given:
        files = [(f, f.relative_to(p)) for f in _walk(p)] if p.is_dir() else [(p, Path(p.name))]
        for f, rel in files:
            for item in _read_one(f, _path_id(rel)):
                if isinstance(item, Document):
                    if item.id in seen:
                        yield IngestError(
                            f"duplicate document id (first read from {seen[item.id]})", item.id)
                        continue
                    seen[item.id] = str(f)
                yield item
