"""XSS payloads and a store that puts them in every field that reaches HTML.

Every payload, if it ever ran, would either call ``alert()`` or increment
``window.__xss_hits``; the browser tests count both. The store holds one hub cluster
(aliases and properties full of payloads, evidence from payload-named documents), one
organisation per payload (name, alias, description, city, website, low confidence so
the review list shows it), relationships whose ``role`` is a payload, and documents whose
names and texts are payloads.

    >>> len(PAYLOADS) >= 50 and len(set(PAYLOADS)) == len(PAYLOADS)
    True
"""
from __future__ import annotations

from pathlib import Path

HIT = "window.__xss_hits=(window.__xss_hits||0)+1"
_H = HIT.replace("'", "\\'")

_BASE = [
    f"<script>{HIT}</script>",
    f"<SCRIPT>{HIT}</SCRIPT>",
    f"<script src=data:text/javascript,{HIT}></script>",
    f"<img src=x onerror={HIT}>",
    f'<img src="x" onerror="{HIT}">',
    f"<img src=x onerror='{HIT}'>",
    f"<IMG SRC=x OnErRoR={HIT}>",
    f"<svg onload={HIT}>",
    f"<svg><script>{HIT}</script></svg>",
    f"<svg><animate onbegin={HIT} attributeName=x dur=1s>",
    f"<body onload={HIT}>",
    f"<iframe src=\"javascript:{HIT}\"></iframe>",
    f"<iframe srcdoc=\"<script>parent.{HIT}</script>\"></iframe>",
    f"<a href=\"javascript:{HIT}\">click</a>",
    f"javascript:{HIT}",
    f"JaVaScRiPt:{HIT}",
    f"java\tscript:{HIT}",
    f"<a href=\"&#106;avascript:{HIT}\">x</a>",
    f"<details open ontoggle={HIT}>",
    f"<input autofocus onfocus={HIT}>",
    f"<select autofocus onfocus={HIT}></select>",
    f"<textarea autofocus onfocus={HIT}></textarea>",
    f"<video><source onerror={HIT}></video>",
    f"<audio src=x onerror={HIT}>",
    f"<object data=\"javascript:{HIT}\"></object>",
    f"<embed src=\"javascript:{HIT}\">",
    f"<marquee onstart={HIT}>x</marquee>",
    f"<div style=\"animation-name:spin\" onanimationstart={HIT}>",
    f"<math><mtext><table><mglyph><style><img src=x onerror={HIT}>",
    f"\"><script>{HIT}</script>",
    f"'><script>{HIT}</script>",
    f"\" onmouseover=\"{HIT}\" x=\"",
    f"' onmouseover='{HIT}' x='",
    f"\" autofocus onfocus=\"{HIT}\" x=\"",
    f"\"><img src=x onerror={HIT}>",
    f"</title><script>{HIT}</script>",
    f"</textarea><script>{HIT}</script>",
    f"</script><script>{HIT}</script>",
    f"<!--<img src=\"--><img src=x onerror={HIT}//\">",
    f"<noscript><p title=\"</noscript><img src=x onerror={HIT}>\">",
    f"{{{{constructor.constructor('{_H}')()}}}}",
    f"${{{HIT}}}",
    f"{{{{$on.constructor('{_H}')()}}}}",
    f"<div v-html=\"'<img src=x onerror={_H}>'\"></div>",
    f"\\u003cimg src=x onerror={HIT}\\u003e",
    f"\\x3cscript\\x3e{HIT}\\x3c/script\\x3e",
    f"&lt;img src=x onerror={HIT}&gt;",
    f"%3Cscript%3E{HIT}%3C%2Fscript%3E",
    f"\uff1cscript\uff1e{HIT}\uff1c/script\uff1e",
    f"<scr<script>ipt>{HIT}</scr</script>ipt>",
    f"<img src=x onerror=\"eval(atob('{__import__('base64').b64encode(HIT.encode()).decode()}'))\">",
    "<img src=x onerror=alert(1)>",
    "<script>alert(document.domain)</script>",
    f"[click](javascript:{HIT})",
    f"![x](x\" onerror=\"{HIT})",
    f"<a href=x onclick={HIT} id=xss>x</a><style>#xss{{}}</style>",
    f"<base href=\"javascript:{HIT}//\">",
    f"<link rel=import href=\"data:text/html,<script>{HIT}</script>\">",
    f"<meta http-equiv=\"refresh\" content=\"0;url=javascript:{HIT}\">",
    f"<form><button formaction=javascript:{HIT}>x</button></form>",
]
PAYLOADS: list[str] = list(dict.fromkeys(_BASE))


def xss_records():
    """Nodes and relationships with a payload in every field that reaches HTML."""
    from clusternet.graph.reference.countries import country_records
    from clusternet.graph.model import Evidence, Node, Rel

    P = PAYLOADS
    n = len(P)
    countries = [c for c in country_records() if c.props["iso2"] in {"FR", "MA", "ES"}]
    docs, nodes, rels = [], [], []
    hub_evidence = []
    for i, p in enumerate(P):
        text = f"Report {i}. The partner {p} met the hub in Lyon. {P[(i + 1) % n]} was there too."
        did = f"doc:{i:016x}"
        docs.append(Node(did, ("Document",), {"name": P[(i + 2) % n], "sha256": f"{i:064x}", "text": text,
                                              "source": P[(i + 3) % n], "media_type": "text/plain",
                                              "chars": len(text), "ingested_at": "2024-05-01T10:00:00+00:00"}))
        start = text.index(p)
        ev = Evidence(did, start, start + len(p), p)
        hub_evidence.append(ev)
        nodes.append(Node(f"org:p{i}", ("Organisation",), {
            "name": p, "aliases": [P[(i + 4) % n]], "description": P[(i + 5) % n], "city": P[(i + 6) % n],
            "website": P[(i + 7) % n], "org_type": P[(i + 8) % n], "country": "ES" if i % 2 else "MA"},
            [ev], 0.3))
        rels.append(Rel(f"org:p{i}", "PARTNER_IN", "partnership:xss", {"role": P[(i + 9) % n]}, [ev], 0.3))
        rels.append(Rel(f"org:p{i}", "VISITED", "cluster:hub-fr", {}, [ev], 0.9))
        rels.append(Rel(did, "MENTIONS", f"org:p{i}"))
    hub = Node("cluster:hub-fr", ("Cluster",), {"name": "Hub cluster", "aliases": list(P), "country": "FR",
                                                "description": P[0], "city": P[1], "website": P[14],
                                                "region": P[2], "sector_text": P[3], "legal_form": P[4]},
               hub_evidence[:20], 0.3)
    part = Node("partnership:xss", ("Partnership",), {"name": P[5], "acronym": P[6], "kind": P[7],
                                                      "aliases": list(P[:10])})
    rels += [Rel("cluster:hub-fr", "PARTNER_IN", "partnership:xss", {"role": P[8]}),
             Rel("cluster:hub-fr", "LOCATED_IN", "country:FR")]
    rels += [Rel(f"org:p{i}", "LOCATED_IN", f"country:{'ES' if i % 2 else 'MA'}") for i in range(n)]
    return countries + docs + [hub, part] + nodes, rels


def build_xss_store(path: str | Path) -> str:
    """An embedded store holding :func:`xss_records`; returns its path as text."""
    from clusternet.graph.store.sqlite import EmbeddedStore

    store = EmbeddedStore(path)
    try:
        store.ensure_schema()
        store.upsert(*xss_records())
    finally:
        store.close()
    return str(path)
