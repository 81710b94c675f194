"""Build src/whosaid/data/event_types.json: the one registry of PLOVER event types.

Reads (never at run time, only here):
  ../shared/data/plover/CAMEO2PLOVER-2021.txt   CAMEO code -> PLOVER type, mode, context
  ../shared/data/plover/PLOVER_MANUAL.tex       type descriptions, quad classes, mode scores
  ../shared/data/cameo/cameo-codes.csv          CAMEO names, descriptions, Goldstein scores

and writes one JSON file with
  types:    PLOVER type -> quad class, quad code, intensity (PLOVER score), modes with
            their scores, whether a recipient is required, description, CAMEO codes
  cameo:    CAMEO code -> name, Goldstein score, PLOVER type, mode, context
  triggers: lemma -> {pos, cameo}: words that signal an event (see ``triggers`` below)

Decisions a replicator needs (the manual asks coders to document them):
  * CAMEO 01 (statements) and 02 (appeals) are "dropped" by the manual's translation
    table. We map 02 to REQUEST (the manual defines REQUEST as "all requests, demands
    and orders"), 015 (acknowledge responsibility) to AGREE and 016 (deny
    responsibility) to REJECT as the manual's note suggests, 018 (empathetic comment)
    to SUPPORT and 019 (express accord) to AGREE; the other 01 codes stay without a
    PLOVER type (plain statements are not events).
  * 1214 is in the conversion table but not in cameo-codes.csv; it is kept with the
    table's name.
  * The manual's quad table lists SANCTION under verbal conflict but its SANCTION
    section and summary table say material conflict; we follow the section.
  * The manual's score table gives ACCUSE +3, a sign slip in a conflict category whose
    modes are all negative; we store -3.

Usage: .venv/bin/python scripts/build_event_types.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "whosaid" / "data" / "event_types.json"

TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
         "ACCUSE", "REJECT", "THREATEN", "PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"]

QUADS = {
    "verbal cooperation": (1, ["AGREE", "CONSULT", "SUPPORT", "CONCEDE"]),
    "material cooperation": (2, ["COOPERATE", "AID", "RETREAT"]),
    "verbal conflict": (3, ["REQUEST", "ACCUSE", "REJECT", "THREATEN"]),
    "material conflict": (4, ["PROTEST", "MOBILIZE", "SANCTION", "COERCE", "ASSAULT"]),
}

#: CAMEO codes outside the conversion table that we type by hand (see the docstring).
EXTRA_TYPES = {"015": "AGREE", "016": "REJECT", "018": "SUPPORT", "019": "AGREE"}

#: Verbs too general to signal an event on their own when they open a CAMEO name.
GENERIC = {"make", "express", "engage", "use", "conduct", "carry", "take", "provide", "allow",
           "receive", "reduce", "impose", "ease", "increase", "employ", "return", "halt",
           "decline", "acknowledge", "share", "demonstrate", "fight", "mobilize", "attempt",
           "discuss", "host", "meet", "give", "bring", "find", "kill", "destroy", "detonate",
           "violate", "obstruct", "protest", "seize", "grant", "deny", "appeal", "demand",
           "reject", "threaten", "accuse", "yield", "consult", "cooperate", "investigate",
           "engage", "rally", "declare", "praise", "defend", "sign", "apologize", "forgive", "confiscate",
           "claim", "break", "stop", "police"}

#: Hand-chosen trigger words (lemma -> CAMEO code), checked against the CAMEO names,
#: descriptions and examples and the PLOVER manual's definitions. Nouns are marked "n".
#: None was added from misses on ../shared/eval/plover (an evaluation set, not for tuning).
#: These win over the words derived automatically from the CAMEO names.
HAND_TRIGGERS: dict[str, tuple[str, str]] = {
    # AGREE
    "agree": ("v", "030"), "pledge": ("v", "030"), "promise": ("v", "030"), "offer": ("v", "030"),
    "accept": ("v", "030"), "commit": ("v", "030"), "agreement": ("n", "030"),
    # CONSULT
    "meet": ("v", "040"), "meeting": ("n", "040"), "talk": ("n", "040"), "talks": ("n", "040"),
    "discuss": ("v", "040"), "confer": ("v", "040"), "consult": ("v", "040"), "summit": ("n", "040"),
    "visit": ("v", "042"), "host": ("v", "043"), "negotiate": ("v", "046"), "negotiation": ("n", "046"),
    "mediate": ("v", "045"), "phone": ("v", "041"), "telephone": ("v", "041"),
    # SUPPORT
    "praise": ("v", "051"), "endorse": ("v", "051"), "welcome": ("v", "051"), "hail": ("v", "051"),
    "commend": ("v", "051"), "applaud": ("v", "051"), "back": ("v", "051"), "support": ("v", "051"),
    "congratulate": ("v", "051"), "thank": ("v", "051"), "defend": ("v", "052"),
    "recognize": ("v", "054"), "apologize": ("v", "055"), "forgive": ("v", "056"), "sign": ("v", "057"),
    "ratify": ("v", "057"),
    # CONCEDE
    "concede": ("v", "080"), "pardon": ("v", "081"), "accede": ("v", "083"), "relent": ("v", "080"),
    "lift": ("v", "081"), "amnesty": ("n", "081"),
    # COOPERATE
    "cooperate": ("v", "060"), "extradite": ("v", "063"),
    # AID
    "aid": ("n", "070"), "assistance": ("n", "070"), "donate": ("v", "070"), "asylum": ("n", "075"),
    # RETREAT
    "release": ("v", "0841"), "free": ("v", "0841"), "withdraw": ("v", "087"), "retreat": ("v", "0874"),
    "surrender": ("v", "0874"), "ceasefire": ("n", "0871"), "truce": ("n", "0871"), "resign": ("v", "084"),
    "demobilize": ("v", "0873"),
    # REQUEST (CAMEO 10, and 02 appeals)
    "demand": ("v", "100"), "urge": ("v", "020"), "ask": ("v", "020"), "appeal": ("v", "020"),
    "request": ("v", "020"), "plead": ("v", "020"), "press": ("v", "020"), "insist": ("v", "100"),
    # ACCUSE (CAMEO 09 and 11)
    "accuse": ("v", "112"), "accusation": ("n", "112"), "allege": ("v", "112"), "blame": ("v", "112"),
    "criticize": ("v", "111"), "criticise": ("v", "111"), "criticism": ("n", "111"),
    "condemn": ("v", "111"), "denounce": ("v", "111"), "slam": ("v", "111"), "blast": ("v", "111"),
    "rebuke": ("v", "111"), "decry": ("v", "111"), "deplore": ("v", "111"), "lambaste": ("v", "111"),
    "chastise": ("v", "111"), "castigate": ("v", "111"), "censure": ("v", "111"),
    "disapprove": ("v", "110"), "hostility": ("n", "110"), "condemnation": ("n", "111"),
    "complain": ("v", "114"), "sue": ("v", "115"), "lawsuit": ("n", "115"),
    "investigate": ("v", "090"), "probe": ("v", "090"), "investigation": ("n", "090"),
    # REJECT
    "reject": ("v", "120"), "dismiss": ("v", "120"), "refuse": ("v", "120"), "rebuff": ("v", "120"),
    "deny": ("v", "016"), "veto": ("v", "129"), "defy": ("v", "128"), "oppose": ("v", "120"),
    "spurn": ("v", "120"), "repudiate": ("v", "120"),
    # THREATEN
    "threaten": ("v", "130"), "warn": ("v", "130"), "threat": ("n", "130"), "ultimatum": ("n", "139"),
    # PROTEST
    "protest": ("v", "140"), "demonstrate": ("v", "141"), "rally": ("v", "141"), "march": ("v", "141"),
    "demonstration": ("n", "141"), "strike": ("n", "143"), "boycott": ("v", "143"),
    "riot": ("v", "145"), "picket": ("v", "141"), "blockade": ("n", "191"),
    # MOBILIZE
    "mobilize": ("v", "154"), "deploy": ("v", "154"), "mass": ("v", "154"),
    # SANCTION
    "sever": ("v", "161"), "expel": ("v", "166"), "suspend": ("v", "160"), "cut": ("v", "162"),
    "recall": ("v", "161"),
    # COERCE
    "arrest": ("v", "173"), "detain": ("v", "173"), "jail": ("v", "173"), "imprison": ("v", "173"),
    "charge": ("v", "173"), "indict": ("v", "173"), "seize": ("v", "171"), "confiscate": ("v", "1711"),
    "ban": ("v", "1722"), "censor": ("v", "1721"), "deport": ("v", "174"), "occupy": ("v", "192"),
    "sanction": ("n", "163"), "sanctions": ("n", "163"), "embargo": ("n", "163"), "curfew": ("n", "1723"),
    "raid": ("v", "170"),
    # ASSAULT
    "attack": ("v", "190"), "kill": ("v", "1823"), "bomb": ("v", "195"), "shell": ("v", "194"),
    "shoot": ("v", "193"), "fire": ("v", "193"), "abduct": ("v", "181"), "kidnap": ("v", "181"),
    "hijack": ("v", "181"), "assassinate": ("v", "186"), "torture": ("v", "1822"),
    "massacre": ("v", "202"), "clash": ("v", "190"), "fight": ("v", "190"), "invade": ("v", "190"),
    "wound": ("v", "182"), "beat": ("v", "182"), "injure": ("v", "182"), "bombing": ("n", "183"),
    "airstrike": ("n", "195"), "destroy": ("v", "1712"), "execute": ("v", "1823"), "assault": ("v", "182"),
}

#: Modes the conversion table leaves blank but a trigger pins down (lemma -> mode).
TRIGGER_MODES = {"resign": "resign", "strike": "strike", "shell": "heavy-weapons", "bomb": "aerial",
                 "airstrike": "aerial", "shoot": "firearms", "fire": "firearms", "arrest": "arrest",
                 "detain": "arrest", "jail": "arrest", "imprison": "arrest", "censor": "censor",
                 "curfew": "curfew", "deploy": "troops", "mass": "troops"}


def detex(text: str) -> str:
    text = re.sub(r"\\(?:plcat|plcon|plmod|txt|textit|emph|texttt)\{([^}]*)\}", r"\1", text)
    text = re.sub(r"``|''", '"', text).replace("\\ldots", "...").replace("---", "—").replace("--", "–")
    text = re.sub(r"\\[a-zA-Z]+\*?(\[[^]]*\])?(\{[^}]*\})?", "", text)
    return re.sub(r"\s+", " ", text.replace("~", " ").replace("\\&", "&")).strip()


def read_conversion(path: Path) -> dict[str, dict]:
    codes: dict[str, dict] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"^(\d{3,4}):\s*([A-Z]+)\s*(?:,([^,#]*))?(?:,([^#]*))?(?:#\s*(.*))?$", line)
        if not m:
            continue
        code, plover, mode, context, name = m.groups()
        codes.setdefault(code, {
            "plover": plover,
            "mode": (mode or "").strip() or None,
            "context": [c.strip() for c in (context or "").split(";") if c.strip()] or None,
            "table_name": (name or "").strip() or None,
        })
    return codes


def read_cameo(path: Path) -> dict[str, dict]:
    rows = {}
    with path.open(encoding="utf-8", errors="replace") as fh:
        for row in csv.DictReader(fh):
            def clean(value):
                value = (value or "").replace("\ufffd\ufffd\ufffd", "'").strip()
                return None if value in ("", "NA") else value
            rows[row["code"]] = {
                "name": clean(row["name"]),
                "goldstein": float(row["goldstein"]) if row["goldstein"] not in ("", "NA") else None,
                "description": clean(row["description"]),
                "example": clean(row["example"]),
            }
    return rows


def read_manual(path: Path) -> dict[str, dict]:
    tex = path.read_text(encoding="utf-8")
    info: dict[str, dict] = {t: {"modes": {}} for t in TYPES}
    # the scores table: "TYPE: Mode & score" cells, and the grey "TYPE & score" cells
    table = tex[tex.index("\\hspace*{-1.2cm}"):]  # the live table, not the commented-out draft
    table = table[: table.index("\\end{tabular}")]
    for cell in re.finditer(r"(?:\\cellcolor\{gray!25\})?([A-Z]+)(?::\s*([A-Za-z-]+))?\s*&\s*(?:\\cellcolor\{gray!25\})?\s*(-?[\d.]+)", table):
        name, mode, score = cell.group(1), cell.group(2), float(cell.group(3))
        if name not in info:
            continue
        if mode:
            info[name]["modes"][mode.lower()] = score
        else:
            info[name]["intensity"] = score
    if info["ACCUSE"].get("intensity", 0) > 0:  # sign slip in the manual (see the docstring)
        info["ACCUSE"]["intensity"] = -info["ACCUSE"]["intensity"]
    for name in TYPES:
        best = ""
        for m in re.finditer(r"\\section\{%s\}\s*(.*?)(?=\\subsection|\\section|\\chapter)" % name, tex, re.S):
            para = detex(m.group(1).strip().split("\n\n")[0])
            if len(para) > len(best):
                best = para
        info[name]["description"] = best
        req = re.search(r"\\section\{%s\}.*?Requires recipient:\s*(Yes|No)" % name, tex, re.S)
        info[name]["requires_recipient"] = bool(req and req.group(1) == "Yes")
    return info


def derived_triggers(cameo: dict[str, dict], typed: dict[str, str], verbs: set[str]) -> dict[str, dict]:
    """The verbs a CAMEO name opens with, and the verbs it offers as alternatives ("Criticize or
    denounce" -> criticize, denounce; "Obstruct passage, block" -> obstruct, block); an
    alternative counts only when the lemmatiser knows it as a verb. The most general code wins."""
    out: dict[str, dict] = {}
    for code in sorted(cameo, key=lambda c: (len(c), c)):
        name = cameo[code]["name"] or ""
        if code not in typed or len(code) < 3:
            continue
        segments = [seg.split() for seg in re.split(r",|\bor\b", name.lower())]
        for i, words in enumerate(segments):
            if not words:
                continue
            lemma = words[0]  # CAMEO names open with their verb
            if lemma in GENERIC or not lemma.isalpha() or len(lemma) < 4 or lemma.endswith("ly"):
                continue
            if i and lemma not in verbs:
                continue
            out.setdefault(lemma, {"pos": "v", "cameo": code, "from": "cameo-name"})
    return out


#: Light verbs that open CAMEO names whose event is the noun after them ("make a visit",
#: "engage in negotiation", "conduct strike or boycott", "impose curfew").
LIGHT_VERBS = {"make", "engage", "conduct", "carry", "provide", "grant", "give", "declare", "use", "employ",
               "impose", "host"}
#: Nominalising suffixes tried on verb triggers (withdraw -> withdrawal, mediate -> mediation).
NOUN_SUFFIXES = ("al", "ion", "ation", "ment")
#: Suffixed forms that are English nouns but not the verb's event (checked by hand).
NOT_NOMINALISATIONS = {"signal", "phonation", "deportment", "conferment", "probation", "indiction",
                       "visitation", "hostal"}
#: Nouns after a light verb in a CAMEO name that do not name the event on their own.
LIGHT_NOUN_STOP = {"state", "tactic", "comment", "shield", "weapon", "force", "violence", "regime",
                   "statement", "act", "power", "suicide", "car", "roadside", "chemical", "material",
                   "hunger", "protection", "intent", "appeal"}


def _nlp():
    import sys

    sys.path.insert(0, str(ROOT / "src"))
    from whosaid.nlp import load_model

    return load_model("md")


def derived_nouns(cameo: dict[str, dict], typed: dict[str, str], verbs: dict[str, dict], nlp) -> dict[str, dict]:
    """Nouns that name an event, derived two ways (kept only when they point to one PLOVER type):

    * the noun after a light verb opening a CAMEO name (``make a visit`` -> visit, 042);
    * the nominalisation of a verb trigger that the lemmatiser's (WordNet) noun index
      lists (``withdraw`` -> withdrawal, ``mediate`` -> mediation), and the verb itself
      when it is also a noun (``protest``, ``visit``: marked ``noun_cameo`` on the verb).
    """
    votes: dict[str, dict[str, str]] = {}
    for code in sorted(cameo, key=lambda c: (len(c), c)):
        name = cameo[code]["name"] or ""
        if code not in typed or len(code) < 3 or not name:
            continue
        doc = nlp(name[0].upper() + name[1:].lower())
        if doc[0].lemma_.lower() not in LIGHT_VERBS:
            continue
        nouns = []
        for tok in doc[1:]:
            if tok.pos_ == "NOUN":
                nouns.append(tok)
                nouns.extend(t for t in tok.conjuncts if t.pos_ == "NOUN" and t not in nouns)
                break
            if tok.pos_ not in ("DET", "ADJ", "ADP", "PART", "ADV"):
                break
        for tok in nouns:
            lemma = tok.lemma_.lower()
            if lemma not in LIGHT_NOUN_STOP and lemma.isalpha():
                votes.setdefault(lemma, {}).setdefault(typed[code], code)
    noun_index = set(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"])
    for verb, entry in verbs.items():
        if entry["pos"] != "v":
            continue
        # the same word as a noun ("a visit", "the protest") is recorded too: extract.py
        # reads it as an event only after a light verb ("paid a visit", "lodged a protest")
        if verb in noun_index:
            votes.setdefault(verb, {}).setdefault(typed[entry["cameo"]], entry["cameo"])
        stem = verb[:-1] if verb.endswith("e") else verb
        for suffix in NOUN_SUFFIXES:
            for form in {verb + suffix, stem + suffix}:
                if form in noun_index and form not in NOT_NOMINALISATIONS:
                    votes.setdefault(form, {}).setdefault(typed[entry["cameo"]], entry["cameo"])
    out = {}
    for lemma, by_type in votes.items():
        if len(by_type) == 1:
            out[lemma] = {"pos": "n", "cameo": next(iter(by_type.values())), "from": "cameo-noun"}
    return out


def build(shared: Path) -> dict:
    conversion = read_conversion(shared / "data/plover/CAMEO2PLOVER-2021.txt")
    cameo = read_cameo(shared / "data/cameo/cameo-codes.csv")
    manual = read_manual(shared / "data/plover/PLOVER_MANUAL.tex")

    codes: dict[str, dict] = {}
    for code in sorted(set(cameo) | set(conversion), key=lambda c: (c[:2], c)):
        row = cameo.get(code, {})
        conv = conversion.get(code, {})
        plover = conv.get("plover") or EXTRA_TYPES.get(code)
        if plover is None and code.startswith("02"):
            plover = "REQUEST"
        if plover is None and len(code) == 2 and code not in ("01", "02"):
            plover = conversion.get(code + "0", {}).get("plover")
        if code == "02":
            plover = "REQUEST"
        codes[code] = {
            "name": row.get("name") or conv.get("table_name"),
            "goldstein": row.get("goldstein"),
            "plover": plover,
            "mode": conv.get("mode"),
            "context": conv.get("context"),
            "description": row.get("description"),
        }
    # goldstein for codes missing from the csv: their parent's
    for code, row in codes.items():
        if row["goldstein"] is None:
            row["goldstein"] = codes.get(code[:-1], {}).get("goldstein")

    types = {}
    for quad, (quad_code, names) in QUADS.items():
        for name in names:
            m = manual[name]
            types[name] = {
                "quad": quad,
                "quad_code": quad_code,
                "intensity": m.get("intensity"),
                "modes": m["modes"],
                "requires_recipient": m["requires_recipient"],
                "description": m["description"],
                "cameo": [c for c, row in codes.items() if row["plover"] == name],
            }

    typed = {c: r["plover"] for c, r in codes.items() if r["plover"]}
    nlp = _nlp()
    verbs = set(nlp.get_pipe("lemmatizer").lookups.get_table("lemma_index")["verb"])
    triggers = derived_triggers(cameo, typed, verbs)
    for lemma, (pos, code) in HAND_TRIGGERS.items():
        assert code in codes and codes[code]["plover"], (lemma, code)
        triggers[lemma] = {"pos": pos, "cameo": code, "from": "hand"}
    nouns = derived_nouns(cameo, typed, triggers, nlp)
    for lemma, entry in nouns.items():
        if lemma in triggers and triggers[lemma]["pos"] == "v":
            triggers[lemma]["noun_cameo"] = entry["cameo"]  # "a visit", "the protest": also a noun
        elif lemma not in triggers:
            triggers[lemma] = entry
    for lemma, mode in TRIGGER_MODES.items():
        triggers[lemma]["mode"] = mode
    return {
        "about": "PLOVER event types (manual draft 0.8, 2021) with their CAMEO codes; built by "
                 "scripts/build_event_types.py. PLOVER: CC BY-SA 4.0, Open Event Data Alliance. "
                 "CAMEO code table: MIT, icews R package (Andreas Beger).",
        "types": types,
        "cameo": codes,
        "triggers": dict(sorted(triggers.items())),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    data = build(args.shared)
    OUT.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {OUT}: {len(data['types'])} types, {len(data['cameo'])} CAMEO codes, "
          f"{len(data['triggers'])} triggers")


if __name__ == "__main__":
    main()
