"""Names that news never writes in lower case, from CLDR data (through ``babel``), loaded lazily.

Countries and regions, continents, languages (which double as most nationalities), demonyms
formed from country names, days, months, and cities that name time zones (most capitals).
"""

from __future__ import annotations

import re

# Names whose lower-case form is also an everyday word ("fine china", "may", "turkey"):
# a lower-case one proves nothing, so these are judged only against the article itself.
HOMOGRAPHS = frozenset(
    "may march august china chile turkey chad jordan jersey guinea polish even ewe lao ido twi bar cook "
    "world resolute phoenix troll center regina casey davis palmer easter nome victoria mendoza "
    "sango manx komi afar oromo tonga cree pali nauru herero kongo venda swati shona "
    "interlingua interlingue walloon volapük malay reunion union american samoa midway".split()
)
_PLAIN = re.compile(r"^[^\W\d_]+(?:[ -][^\W\d_]+)*$")
_GROUPS = ("countries", "regions", "languages", "demonyms", "days", "months", "cities")

_cache: dict[tuple[str, ...], dict[str, str]] = {}
_DATA: dict[str, list[str]] | None = None  # group -> names, read once per process
FORMAT = 1  # bump when the groups or how they are formed change
BABEL_FILES = ("global.dat", "locale-data/en.dat")  # the data the names come from


def _demonyms(names: list[str]) -> list[str]:
    """Adjectives and plurals formed the regular way (``Kenya`` -> ``Kenyan``, ``Kenyans``).
    An irregular country yields a form no article writes, which costs nothing."""
    out = []
    for name in names:
        if " " in name:
            continue
        if name.endswith(("a", "o")):
            stem = name[:-1] + "an" if name.endswith("o") else name + "n"
        elif name.endswith("e"):
            stem = name + "an"
        elif name.endswith("y"):
            stem = name[:-1] + "ian"
        else:
            stem = name + "ian"
        out += [stem, stem + "s"]
    return out


def _groups() -> dict[str, list[str]]:
    """The names of each group: read from CLDR once, then kept in the user cache folder
    (reading babel's locale data costs tens of milliseconds, the cached copy about one)."""
    global _DATA
    if _DATA is None:
        from newslint.engine.support import spelldata

        stamp = "-".join(spelldata.file_stamp(spelldata.package_file("babel", f)) for f in BABEL_FILES)
        path = spelldata.cache_dir() / f"cldr-names-{FORMAT}-{stamp}.marshal"
        raw = spelldata.cached(path, _read_cldr, FORMAT)
        _DATA = {group: list(raw.get(group, ())) for group in _GROUPS}
    return _DATA


def _read_cldr() -> dict[str, list[str]]:
    from babel import Locale
    from babel.core import get_global

    en = Locale("en")
    territories = en.territories
    countries = [v for k, v in territories.items() if k.isalpha() and k not in ("EU", "EZ", "UN", "ZZ", "QO")]
    regions = [v for k, v in territories.items() if k.isdigit()]
    languages = [v for k, v in en.languages.items() if len(k) == 2]
    cities = {}
    for zone in get_global("zone_territories"):
        area, _, rest = zone.partition("/")
        if area in ("Etc", "Antarctica") or "/" in rest or not rest:
            continue
        cities[zone] = rest.replace("_", " ")
    for zone, info in en.time_zones.items():
        if zone in cities and "city" in info:
            cities[zone] = info["city"]
    return {
        "countries": countries,
        "regions": regions,
        "languages": languages + [lang + "s" for lang in languages if lang.endswith("an")],
        "demonyms": _demonyms(countries + regions),
        "days": list(en.days["format"]["wide"].values()),
        "months": list(en.months["format"]["wide"].values()),
        "cities": list(cities.values()),
    }


def known_names(groups: tuple[str, ...], extra: tuple[str, ...] = ()) -> dict[str, str]:
    """lower-cased name -> its spelling, for the chosen groups plus ``extra`` names."""
    key = (*groups, "|", *extra)
    table = _cache.get(key)
    if table is not None:
        return table
    data = _groups()
    table = {}
    for group in groups:
        for name in data.get(group, ()):
            if _PLAIN.match(name) and name.lower() not in HOMOGRAPHS:
                table.setdefault(name.lower(), name)
    for name in extra:
        table[name.lower()] = name
    _cache[key] = table
    return table


GROUPS = _GROUPS
