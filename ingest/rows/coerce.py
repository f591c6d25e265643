"""Value coercion of the row mapper: a cell's value normalised into a record's properties.

Names (acronyms and legal forms split off), countries to ISO codes, web sites, e-mails,
sectors onto ecosystems, other properties checked against the schema type; a bad value
becomes a :class:`~clusternet.graph.errors.Problem` naming the row and the column.
:class:`ValueCoercer` is the part of :class:`~clusternet.ingest.rows.rowmap.RowMapper` that does it.
"""
from __future__ import annotations

from typing import Any

from clusternet.graph.errors import Problem
from clusternet.graph.schema import check_value, group
from clusternet.ingest.resolve.normalise import (clean_name, country_code, normalise_email,
    normalise_website, sector_ecosystems, split_acronym, split_legal_form)

__all__ = ["ValueCoercer"]


class ValueCoercer:
    """Normalises and checks cell values (a base of the row mapper, which sets ``schema``,
    ``path`` and the caches ``_checked``, ``_label_props`` and ``_countries``)."""

    def _check(self, spec, v: Any) -> tuple[Any, str | None]:
        """:func:`check_value`, remembered for text values of scalar types (a big file
        repeats the same dates and roles in every row; the results are immutable)."""
        if type(v) is not str or spec.type == "list[str]":
            return check_value(spec, v)
        key = (spec.type, v)
        out = self._checked.get(key)
        if out is None:
            out = check_value(spec, v)
            if len(self._checked) < 100_000:
                self._checked[key] = out
        return out

    def _props_of(self, label: str) -> dict:
        out = self._label_props.get(label)
        if out is None:
            out = self._label_props[label] = self.schema.props_of(label)
        return out

    def _country(self, text: str) -> str | None:
        """The ISO code a country cell gives (names and codes; remembered per text)."""
        code = self._countries.get(text, "")
        if code == "":
            code = country_code(text) or (country_code(text.upper()) if len(text) <= 3 else None)
            if len(self._countries) < 100_000:
                self._countries[text] = code
        return code

    def _norm(self, label: str, prop: str, v: Any, col: str, props: dict, problems: list, line: int) -> None:
        def bad(reason):
            """Record a problem with this cell (its column, value, row and file) for the reason given."""
            problems.append(Problem(reason, field=col, value=v, row=line, file=self.path))
        if v in (None, "", []):
            return
        if prop == "name":
            name, acr = split_acronym(str(v))
            props["name"] = name
            if acr:
                self._norm(label, "acronym", acr, col, props, problems, line)
            if label in group("organisations") and "legal_form" not in props:
                _, form = split_legal_form(name)
                if form:
                    props["legal_form"] = form
        elif prop == "acronym":
            if "acronym" in self._props_of(label):
                props["acronym"] = clean_name(str(v))
            else:
                props.setdefault("aliases", []).append(clean_name(str(v)))
        elif prop == "aliases":
            props.setdefault("aliases", []).extend(clean_name(a) for a in (v if isinstance(v, list) else [v]))
        elif prop == "country":
            text = str(v).strip()
            code = self._country(text)
            if code:
                props["country"] = code
            else:
                bad("unknown country (use a country name or its ISO code)")
        elif prop == "website":
            url, reason = normalise_website(str(v))
            (props.__setitem__("website", url) if url else bad(reason))
        elif prop == "email":
            addr, reason = normalise_email(str(v))
            (props.__setitem__("email", addr) if addr else bad(reason))
        elif prop == "sectors":
            text = "; ".join(v) if isinstance(v, list) else str(v)
            props["sector_text"] = text.strip()
            props["sectors"] = sector_ecosystems(text)
        else:
            spec = self._props_of(label).get(prop)
            if spec is None:
                bad(f"{label} has no property {prop!r}")
                return
            coerced, reason = self._check(spec, v)
            (bad(reason) if reason else props.__setitem__(prop, coerced))
