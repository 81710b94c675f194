"""Find an article's actors: named mentions, clustering, descriptions, pronouns, dictionary links.

The stages, in order:
1. names: spaCy entities (PERSON, ORG, GPE, NORP) corrected by the actor dictionary (a
   longer dictionary name wins over a split entity, ``Daesh`` untagged, ``Boko Haram``
   tagged PRODUCT), titles before a name kept as attributes (``Russian President
   Vladimir Putin``: role President, country RUS);
2. clusters: full name, surname (nearest full name when two people share it), acronyms,
   dictionary identity; capitals stand for their country only where they act (``Tehran said``);
3. links to the dictionary (name, country and role at the article's date agree);
4. descriptions (``the Nigerian leader``, ``The Shi’ite mullah``, ``his excellency``) join the
   one actor whose attributes fit, else stay unresolved;
5. pronouns (``he``, ``his``, ``she``) join the nearest compatible antecedent, preferring
   subjects and speakers; competing candidates lower the confidence.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span as SpacySpan, Token

from whosaid.actors.dictionary import ActorDictionary, Entry, load_dictionary, normalise
from whosaid.actors.vocabulary import (
    FEMALE_TITLES,
    GOVERNMENT_NOUNS,
    HONORIFICS,
    MALE_TITLES,
    NOT_NAMES,
    PARTY_WORDS,
    PERSON_NOUNS,
    PERSON_TITLES,
    PROMINENT_ROLES,
    PRONOUNS_FEMALE,
    PRONOUNS_MALE,
    ROLE_GROUPS,
    SPEECH_VERBS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
    WEAK_ROLE_WORDS,
)
from whosaid.nlp.parse import doc_text
from whosaid.records import Actor, Article, Mention

#: Nouns that make a leader political rather than a band's or a team's ("the party leader").
POLITICAL_COMPOUNDS = {"party", "majority", "minority", "opposition", "house", "senate", "state", "world",
                       "rebel", "militia", "group", "union", "church", "government", "campaign", "cabinet",
                       "council", "committee", "army", "military", "foreign", "defense", "defence", "policy"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "agent", "csubj"}
CONNECTORS = {"of", "and", "the", "for", "al", "el", "bin", "de", "-", "on", "in"}
RELIGIOUS_HONORIFICS = {"ayatollah", "hojatolislam", "sheikh", "imam", "mullah"}
SECTOR_OF_TITLE = {
    "president": "GOV", "minister": "GOV", "premier": "GOV", "chancellor": "GOV", "leader": "GOV",
    "supreme": "GOV", "king": "GOV", "queen": "GOV", "emir": "GOV", "governor": "GOV", "mayor": "GOV",
    "secretary": "GOV", "spokesman": "GOV", "spokeswoman": "GOV", "spokesperson": "GOV",
    "ambassador": "GOV", "envoy": "GOV", "senator": "LEG", "congressman": "LEG",
    "congresswoman": "LEG", "lawmaker": "LEG", "general": "MIL", "commander": "MIL",
    "ayatollah": "GOV", "judge": "JUD", "justice": "JUD",
}
#: Role nouns Phoenix lists only inside longer agents (``government official``, ``armed
#: forces``): the sector they have with a nationality and nothing else.
SECTOR_OF_NOUN = {"official": "GOV", "diplomat": "GOV", "leader": "GOV", "force": "MIL",
                  "negotiator": "GOV", "delegation": "GOV", "envoy": "GOV"}
#: Dependencies by which a nationality or country qualifies a role noun.
NATIONALITY_DEPS = {"amod", "compound", "nmod", "npadvmod", "poss"}


# --- working records --------------------------------------------------------------------


@dataclass(eq=False)
class Candidate:
    """A mention before it is an actor's: where it is and what it says about its actor."""

    start: int
    end: int
    kind: str  # name / nominal / pronoun
    type: str | None  # person / organisation / country / group
    head: Token
    name: str = ""
    titles: list[str] = field(default_factory=list)  # lower-case role words, in text order
    title_text: str = ""  # the role as written ("supreme leader")
    country: str | None = None
    entry: Entry | None = None
    entries: list[Entry] = field(default_factory=list)
    gender: str | None = None
    confidence: float = 1.0


@dataclass(eq=False)
class Cluster:
    """One actor being built: its mentions and what they tell about it."""

    type: str
    mentions: list[Candidate] = field(default_factory=list)
    country: str | None = None
    entry: Entry | None = None
    link_confidence: float = 0.0
    confidence: float = 1.0
    inferred_gender: str | None = None
    #: a generic actor's name and sector (``Israeli troops``, MIL): no name mention to take them from
    label: str | None = None
    sector: str | None = None

    @property
    def names(self) -> list[Candidate]:
        return [m for m in self.mentions if m.kind == "name"]

    @property
    def full_name(self) -> str:
        names = [m.name for m in self.names if m.name]
        return max(names, key=lambda n: (len(n.split()), len(n)), default="")

    @property
    def words(self) -> list[str]:
        return normalise(self.full_name).split()

    @property
    def titles(self) -> set[str]:
        found = {t for m in self.mentions if m.kind == "name" for t in m.titles}
        if self.entry:
            found |= {w.lower() for t in self.entry.titles for w in t.split()}
            found |= {w.lower() for r in self.entry.roles if r.title for w in r.title.split()}
        return found

    @property
    def gender(self) -> str | None:
        genders = {m.gender for m in self.mentions if m.gender}
        return genders.pop() if len(genders) == 1 else self.inferred_gender

    def first_start(self) -> int:
        return min(m.start for m in self.mentions)


# --- helpers ----------------------------------------------------------------------------


def _blocked(article: Article) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in article.excluded]


def _inside(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(start < e and s < end for s, e in spans)


def _quote_mask(text: str) -> list[bool]:
    """True for characters inside quotation marks (curly pairs, straight quotes per paragraph)."""
    mask = [False] * len(text)
    depth = 0
    straight = False
    for i, ch in enumerate(text):
        if ch == "\n" and text[i - 1:i] == "\n":
            depth, straight = 0, False
        if ch == "“":
            depth += 1
        elif ch == "”":
            depth = max(0, depth - 1)
        elif ch == '"':
            straight = not straight
        mask[i] = depth > 0 or straight
    return mask


def _gender_of(words: list[str]) -> str | None:
    lowered = {w.lower() for w in words}
    if lowered & MALE_TITLES:
        return "m"
    if lowered & FEMALE_TITLES:
        return "f"
    return None


def _titled(ent: SpacySpan) -> bool:
    """A name right after a person's title (``Ambassador Hamdullah Mohib``), all of it capitalised words."""
    if ent.start == 0 or len(ent) > 3:
        return False
    title = ent.doc[ent.start - 1]
    return title.lower_ in PERSON_TITLES and all(t.pos_ == "PROPN" and _is_capitalised(t) for t in ent)


def _is_capitalised(token: Token) -> bool:
    return bool(token.text) and token.text[0].isupper()


def _possessive(token: Token) -> bool:
    return token.text in ("'s", "’s", "'", "’")


class _Finder:
    def __init__(self, doc: Doc, article: Article, dictionary: ActorDictionary):
        self.doc = doc
        self.article = article
        self.text = article.text
        self.d = dictionary
        self.when: dt.date | None = article.published
        self.blocked = _blocked(article)
        self.quoted = _quote_mask(self.text)
        self.tokens = list(doc)  # spaCy makes a new Token object on every access: make them once
        self.sent_of: dict[int, int] = {}
        for i, sent in enumerate(doc.sents):
            for j in range(sent.start, sent.end):
                self.sent_of[j] = i

    # --- 1. names ---------------------------------------------------------------------

    def gazetteer(self) -> list[tuple[int, int, list[Entry]]]:
        """Dictionary names in the text, longest first: (token start, token end, entries).

        A name is a run of capitalised words (connectors such as ``of`` or ``al`` inside it)
        on one line, whose first word starts some alias; only those runs are looked up.
        """
        doc, text, found, i = self.doc, doc_text(self.doc), [], 0
        limit = min(self.d.max_alias_words, 8)
        tokens = self.tokens
        size = len(tokens)
        lower = [t.lower_ for t in tokens]
        capital = [_is_capitalised(t) for t in tokens]
        # run[j]: how many tokens from j on could all belong to one name
        run = [0] * (size + 1)
        for j in range(size - 1, -1, -1):
            t = tokens[j]
            fits = (capital[j] or lower[j] in CONNECTORS) and not t.is_space and "\n" not in t.text_with_ws[:-1]
            run[j] = run[j + 1] + 1 if fits else 0
        first_words = self.d.alias_first_words

        def may_start(j: int) -> bool:
            words = normalise(tokens[j].text).split()
            return not words or words[0] in first_words

        while i < size:
            if not (capital[i] or lower[i] == "the") or tokens[i].is_space or not run[i]:
                i += 1
                continue
            skip_article = lower[i] == "the"
            if not may_start(i + 1 if skip_article and i + 1 < size else i):
                i += 1
                continue
            match = None
            for n in range(min(limit, size - i, run[i]), 0, -1):
                last = i + n - 1
                if not capital[last]:
                    continue
                first = i + 1 if skip_article else i
                if first > last:
                    continue
                key = normalise(text[tokens[first].idx:tokens[last].idx + len(tokens[last].text)])
                entries = self.d.by_alias.get(key)
                if not entries:
                    continue
                if first == last and not self._name_like(tokens[first], key):
                    continue
                if first != i and doc[i].head.i not in range(i, i + n):
                    # "the Syria talks": the article belongs to the noun the name modifies
                    match = (i + 1, i + n, list(entries))
                else:
                    match = (i, i + n, list(entries))
                break
            if match:
                found.append(match)
                i = match[1]
            else:
                i += 1
        return found

    def _name_like(self, token: Token, key: str) -> bool:
        if token.lower_ in NOT_NAMES or token.is_stop:
            return False
        if len(key.replace(".", "")) <= 3:  # "US", "U.S.", "UN": only written as such
            return token.text.replace(".", "").isupper()
        return token.pos_ == "PROPN" or token.text.isupper()

    def names(self) -> tuple[list[Candidate], list[Candidate]]:
        """Named mentions, and descriptions the NER took for names (``The Shi’ite mullah``)."""
        doc = self.doc
        gaz = self.gazetteer()
        ents = [e for e in doc.ents]
        taken: list[tuple[int, int]] = []
        out: list[Candidate] = []
        described: list[Candidate] = []

        def overlaps(s: int, e: int) -> list[SpacySpan]:
            return [x for x in ents if x.start < e and s < x.end]

        # dictionary matches that agree with the entities or repair them
        for s, e, entries in gaz:
            over = overlaps(s, e)
            if any(x.start < s or x.end > e for x in over):
                # a longer entity covers it: keep the entity unless it is not an actor label
                if any(x.label_ in ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW") for x in over):
                    continue
            if any(x.label_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY") for x in over):
                continue
            cand = self._from_entries(doc[s:e], entries, over)
            if cand:
                out.append(cand)
                taken.append((s, e))
        for ent in ents:
            if any(ent.start < e and s < ent.end for s, e in taken):
                continue
            if ent.label_ != "PERSON" and not any(_is_capitalised(t) for t in ent):
                continue  # "After visa snags": a lower-case word the tagger took for a name is none
            if ent.label_ == "ORG" and _titled(ent) and not self.d.lookup(ent.text):
                # "Afghan Ambassador Hamdullah Mohib": a person's title makes the name a person's
                out.append(self._span_candidate(ent, "person"))
                continue
            if ent.label_ == "PERSON" and (ent[0].lower_ in ("the", "a", "an") or not any(_is_capitalised(t) for t in ent)):
                chunk = next((c for c in doc.noun_chunks if c.start <= ent.root.i < c.end), ent)
                described.append(self._description(chunk, chunk.root))
                continue
            cand = self._from_entity(ent)
            if cand:
                out.append(cand)
        out = [c for c in out if not _inside(self.blocked, c.start, c.end)]
        for cand in out:
            if cand.type == "person":
                self._attach_title(cand)
        return out, [c for c in described if c is not None]

    def _span_candidate(self, span: SpacySpan, type_: str, **kw) -> Candidate:
        start_tok = span.start
        # "the Kremlin", "the United States", "the Americans": the article belongs to the name
        if type_ in ("organisation", "country", "group") and span[0].lower_ != "the" and span.start > 0 \
                and self.doc[span.start - 1].lower_ == "the" and self.doc[span.start - 1].head.i in range(span.start, span.end):
            start_tok = span.start - 1
        end_tok = span.end
        while end_tok > span.start + 1 and (_possessive(self.doc[end_tok - 1]) or self.doc[end_tok - 1].is_punct):
            end_tok -= 1
        core = self.doc[span.start:end_tok]
        start = self.doc[start_tok].idx
        end = core.end_char
        name = core.text
        if name.lower().startswith("the "):
            name = name[4:]
        return Candidate(start=start, end=end, kind="name", type=type_, head=core.root, name=name, **kw)

    def _from_entries(self, span: SpacySpan, entries: list[Entry], over: list[SpacySpan]) -> Candidate | None:
        if all(t.lower_ in TITLE_WORDS or t.text == "-" for t in span) and span.end < len(self.doc) \
                and self.doc[span.end].ent_type_ == "PERSON":
            return None  # "Vice-President Moody Awori": a title, not the office's entry in the dictionary
        kinds = Counter(e.kind for e in entries)
        labels = {x.label_ for x in over}
        if "PERSON" in labels and kinds.get("person"):
            kind = "person"
        elif kinds.get("country") and not ({"PERSON"} & labels):
            kind = "country"
        else:
            kind = kinds.most_common(1)[0][0]
        chosen = [e for e in entries if e.kind == kind]
        if kind == "country":
            return self._country_mention(span, chosen[0])
        if kind == "person" and span[0].lower_ == "the":
            return None
        return self._span_candidate(span, kind, entries=chosen, country=chosen[0].country if len({e.country for e in chosen}) == 1 else None)

    def _country_mention(self, span: SpacySpan, entry: Entry) -> Candidate | None:
        head = span.root
        if head.tag_ in ("JJ",) or head.dep_ == "amod":
            # "Russian President ...": part of a title, attached later; "American policies": the country
            if self._before_person_name(span) or head.head.lower_ in PERSON_NOUNS:
                return None
        return self._span_candidate(span, "country", entry=entry, country=entry.country)

    def _before_person_name(self, span: SpacySpan) -> bool:
        j = span.end
        while j < len(self.doc) and self.doc[j].lower_ in TITLE_WORDS:
            j += 1
        return j > span.end and j < len(self.doc) and self.doc[j].ent_type_ == "PERSON"

    def _from_entity(self, ent: SpacySpan) -> Candidate | None:
        label = ent.label_
        text = ent.text
        if label == "PERSON":
            return self._span_candidate(ent, "person")
        if label == "ORG":
            country = self.d.country(re.sub(r"^the\s+", "", text, flags=re.I))
            if country:
                return self._country_mention(ent, country)
            entries = self.d.lookup(re.sub(r"^the\s+", "", text, flags=re.I))
            return self._span_candidate(ent, "organisation", entries=entries,
                                        country=entries[0].country if entries else None)
        if label == "GPE":
            country = self.d.country(re.sub(r"^the\s+", "", text, flags=re.I))
            if country:
                return self._country_mention(ent, country)
            capital = self.d.capital_of(text)
            if capital and self._acts(ent):
                return self._span_candidate(ent, "country", entry=capital, country=capital.country)
            return None  # a place, not an actor
        if label == "NORP":
            country = self.d.country(text)
            plural = ent.root.tag_ in ("NNPS", "NNS") or text.endswith("s")
            if _ethnic(ent[0]):
                # "ethnic Albanians in south Serbia": a people where they live, not a state's
                if not plural or ent.root.dep_ == "amod":
                    return None
                home = self._country_after(ent.root)
                return self._span_candidate(ent, "group", country=home.country if home else None)
            if country:
                if ent.root.dep_ in SUBJECT_DEPS | {"dobj", "pobj", "appos", "conj"} and not plural \
                        and ent.root.tag_ != "JJ" and self.doc[ent.start - 1].lower_ == "the" if ent.start else False:
                    return None  # "the Iranian": a person, resolved as a description
                return self._country_mention(ent, country)
            if plural and ent.root.dep_ != "amod":
                # "Iraqi Kurds", "Kurds in Turkey": a people with the country that qualifies it
                home = next((c for m in ent.root.lefts if m.dep_ in ("amod", "compound") and m.i < ent.start
                             and (c := self.d.country(m.text))), None) or self._country_after(ent.root)
                return self._span_candidate(ent, "group", country=home.country if home else None)
            return None
        return None

    def _country_after(self, tok: Token, preps: tuple[str, ...] = ("in", "of", "from")) -> Entry | None:
        """The country named in an ``in``/``of``/``from`` phrase after a noun (``in south Serbia``)."""
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in preps:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ == "GPE":
                        found = self.d.country(" ".join(t.text for t in self._entity_tokens(pobj)))
                        if found:
                            return found
        return None

    def _acts(self, ent: SpacySpan) -> bool:
        """A capital acts for its government: ``Tehran said``, ``Washington's decision``."""
        root = ent.root
        if root.dep_ in SUBJECT_DEPS or root.dep_ == "poss":
            return True
        if root.dep_ == "pobj" and root.head.lower_ == "by":
            return True
        if root.dep_ == "conj" and root.head.dep_ in SUBJECT_DEPS:
            return True
        return False

    def _attach_title(self, cand: Candidate) -> None:
        """Move titles inside the name out, and take titles and nationality just before it."""
        doc = self.doc
        toks = [t for t in doc.char_span(cand.start, cand.end, alignment_mode="expand")]
        span_first = toks[0].i
        titles: list[Token] = []
        inner_country = None
        while len(toks) > 1:
            if toks[0].lower_ in TITLE_WORDS | RELIGIOUS_HONORIFICS:
                titles.append(toks.pop(0))
            elif toks[0].lower_ == "of" and titles and len(toks) > 2 and toks[1].text[:1].isupper():
                titles.extend([toks.pop(0), toks.pop(0)])  # "Secretary of State Warren Christopher"
            elif self.d.by_demonym.get(toks[0].lower_) and any(t.lower_ in TITLE_WORDS for t in toks[1:]):
                inner_country = self.d.by_demonym[toks[0].lower_].country
                titles.append(toks.pop(0))
            else:
                break
        titles = [t for t in titles if not self.d.by_demonym.get(t.lower_)] if titles else titles
        name_start = toks[0].i
        cand.name = doc[name_start:toks[-1].i + 1].text
        j = span_first - 1
        start_tok = span_first
        sent_start = doc[name_start].sent.start
        country = inner_country
        before: list[Token] = []
        while j >= sent_start:
            tok = doc[j]
            if tok.lower_ in TITLE_WORDS:
                before.insert(0, tok)
                start_tok = j
                j -= 1
                continue
            if tok.text == "-" and before and j > sent_start and doc[j - 1].lower_ in TITLE_WORDS:
                j -= 1  # "Vice-President": a hyphenated title
                continue
            if before and tok.is_lower and tok.pos_ == "ADJ" and tok.dep_ == "amod" \
                    and not self.d.by_demonym.get(tok.lower_):
                j -= 1  # "Nigerian junior foreign minister": the nationality is further back
                continue
            if not before and not titles and tok.is_lower and tok.pos_ == "NOUN" and tok.dep_ == "compound" \
                    and tok.head.i >= name_start and self.d.agent(tok.lemma_.lower()):
                before.insert(0, tok)  # "suspected British militant Haroon Rashid Aswad": a role
                start_tok = j
                j -= 1
                continue
            if tok.ent_type_ == "NORP" or (tok.pos_ in ("ADJ", "PROPN") and self.d.by_demonym.get(tok.lower_)):
                c = self.d.country(tok.text)
                if c and (before or titles):
                    country = country or c.country
                    start_tok = j
                    j -= 1
                    continue
                break
            if _possessive(tok) and j - 1 >= sent_start and doc[j - 1].ent_type_ == "GPE":
                c = self.d.country(doc[j - 1].text)
                if c and (before or titles):
                    country = country or c.country
                    start_tok = j - 1
                    j -= 2
                    continue
                break
            if tok.ent_type_ == "ORG" and (before or titles) and before:
                ent = next((e for e in doc.ents if e.start <= j < e.end), None)
                if ent is not None:
                    entries = self.d.lookup(re.sub(r"^the\s+", "", ent.text, flags=re.I))
                    if entries and entries[0].country:
                        country = country or entries[0].country
                    start_tok = ent.start
                    j = ent.start - 1
                    continue
            break
        all_titles = before + titles
        after = toks[-1].i + 1
        if not country and all_titles and after + 1 < len(doc) and doc[after].lower_ == "of" \
                and doc[after + 1].ent_type_ == "GPE":
            ent = next((e for e in doc.ents if e.start == after + 1), None)
            c = self.d.country(ent.text) if ent is not None else None
            if c:  # "King Hassan of Morocco", "President Kocharyan of Armenia"
                country = c.country
        if all_titles:
            cand.start = doc[start_tok].idx
            cand.titles = [t.lower_ for t in all_titles]
            cand.title_text = " ".join(t.text for t in all_titles if t.lower_ not in HONORIFICS)
            cand.gender = _gender_of([t.text for t in all_titles])
        if country:
            cand.country = country

    # --- 2. clusters ------------------------------------------------------------------

    def cluster(self, names: list[Candidate]) -> list[Cluster]:
        clusters: list[Cluster] = []
        people = [c for c in names if c.type == "person"]
        multi = [c for c in people if len(normalise(c.name).split()) > 1]
        single = [c for c in people if len(normalise(c.name).split()) <= 1]
        for cand in sorted(multi, key=lambda c: c.start):
            words = normalise(cand.name).split()
            home = None
            for cl in clusters:
                other = cl.words
                if other == words or (other[-1] == words[-1] and (other[0] == words[0] or words[-len(other):] == other
                                                                 or other[-len(words):] == words)):
                    home = cl
                    break
            if home is None:
                home = Cluster("person")
                clusters.append(home)
            home.mentions.append(cand)
        others = [c for c in names if c.type != "person"]
        # "Hamdullah Mohib" tagged ORG once and titled elsewhere: a person's full name is that person
        for cand in others:
            words = normalise(cand.name).split()
            home = next((cl for cl in clusters if cl.type == "person" and cl.words == words), None)
            if cand.type == "organisation" and len(words) > 1 and home is not None and not cand.entries:
                cand.type = "person"
                home.mentions.append(cand)
        others = [c for c in others if c.type != "person"]
        # single words: a surname (or an ORG/GPE tag on one) joins the nearest full name with it
        leftovers: list[Candidate] = []
        people_words = [(cl, cl.words) for cl in clusters if cl.type == "person"]  # single words leave these as they are
        for cand in sorted(single + [c for c in others if len(normalise(c.name).split()) == 1], key=lambda c: c.start):
            word = normalise(cand.name)
            fits = [cl for cl, words in people_words if word and word in (words[-1], words[-1].removeprefix("al "))]
            if not fits and cand.type == "person":
                fits = [cl for cl, words in people_words if word in words[1:]]
            if not fits:
                leftovers.append(cand)
                continue
            if cand.type != "person":
                if cand.type == "country" or any(e.kind != "person" for e in cand.entries if normalise(e.name) == word):
                    leftovers.append(cand)
                    continue
                cand.type = "person"
            if len(fits) > 1:
                home = self._surname_owner(fits, cand.start, cand.head)
                cand.confidence = 0.6
            else:
                home = fits[0]
            home.mentions.append(cand)
        for cand in sorted(leftovers, key=lambda c: c.start):
            if cand.type == "person":
                home = next((cl for cl in clusters if cl.type == "person" and cl.words == normalise(cand.name).split()), None)
                if home is None:
                    home = Cluster("person")
                    clusters.append(home)
                home.mentions.append(cand)
        self._cluster_named_things([c for c in others if c in leftovers or len(normalise(c.name).split()) > 1], clusters)
        self._sweep_surnames(clusters)
        return clusters

    def _sweep_surnames(self, clusters: list[Cluster]) -> None:
        """A known person's surname the tagger missed (``Trump has record low support``) is a mention."""
        by_surname: dict[str, list[Cluster]] = {}
        for cl in clusters:
            if cl.type == "person" and len(cl.words) > 1:
                by_surname.setdefault(cl.words[-1], []).append(cl)
        if not by_surname:
            return
        taken = [(m.start, m.end) for cl in clusters for m in cl.mentions]
        doc = self.doc
        for token in self.tokens:
            fits = by_surname.get(token.lower_)
            if not fits or not _is_capitalised(token) or token.pos_ != "PROPN":
                continue
            if _inside(taken, token.idx, token.idx + len(token)) or _inside(self.blocked, token.idx, token.idx + len(token)):
                continue
            nxt = doc[token.i + 1] if token.i + 1 < len(doc) else None
            if nxt is not None and nxt.pos_ == "PROPN" and _is_capitalised(nxt):
                continue  # "Trump Tower": a name of something else
            home = fits[0]
            if len(fits) > 1:
                home = self._surname_owner(fits, token.idx, token)
            home.mentions.append(Candidate(start=token.idx, end=token.idx + len(token), kind="name", type="person",
                                           head=token, name=token.text, confidence=0.8 if len(fits) == 1 else 0.6))

    def _surname_owner(self, fits: list[Cluster], start: int, head: Token) -> Cluster:
        """Two people share the surname: the one named in the last two sentences, else the one named most."""
        here = self.sent_of.get(head.i, 0)
        recent = [cl for cl in fits if any(m.start < start and len(normalise(m.name).split()) > 1
                                           and here - self.sent_of.get(m.head.i, here) <= 2 for m in cl.mentions)]
        if len(recent) == 1:
            return recent[0]
        pool = recent or fits
        return max(pool, key=lambda cl: (sum(1 for m in cl.mentions if m.start < start),
                                         max((m.start for m in cl.mentions if m.start < start), default=-1)))

    def _cluster_named_things(self, cands: list[Candidate], clusters: list[Cluster]) -> None:
        by_key: dict[str, Cluster] = {}
        things: list[Cluster] = []
        for cand in sorted(cands, key=lambda c: c.start):
            if cand.type == "country" and cand.entry is not None:
                key = "country:" + (cand.entry.country or cand.entry.id)
            else:
                key = f"{cand.type}:{normalise(cand.name)}"
            if key not in by_key:
                cl = Cluster(cand.type)
                by_key[key] = cl
                things.append(cl)
            by_key[key].mentions.append(cand)
        # acronyms and aliases: "Gas Exporting Countries Forum (GECF)", "ISIS" and "Daesh"
        merged = True
        while merged:
            merged = False
            for a in things:
                for b in things:
                    if a is b or a.type == "country" or b.type == "country":
                        continue
                    if self._same_thing(a, b):
                        a.mentions.extend(b.mentions)
                        things.remove(b)
                        merged = True
                        break
                if merged:
                    break
        clusters.extend(things)
        self._acronyms(clusters)

    def _acronyms(self, clusters: list[Cluster]) -> None:
        """``Gas Exporting Countries Forum (GECF)``: the acronym, wherever it recurs, is the same actor."""
        for cl in clusters:
            if cl.type not in ("organisation", "group"):
                continue
            acronyms = set()
            for m in cl.names:
                after = re.match(r"\s*\(([A-Z][A-Z.&-]{1,9})\)", self.text[m.end:m.end + 14])
                if after:
                    acronyms.add(after.group(1))
            if not acronyms:
                continue
            taken = [(x.start, x.end) for c in clusters for x in c.mentions]
            for token in self.tokens:
                if token.text in acronyms and not _inside(taken, token.idx, token.idx + len(token)) \
                        and not _inside(self.blocked, token.idx, token.idx + len(token)):
                    cl.mentions.append(Candidate(start=token.idx, end=token.idx + len(token), kind="name",
                                                 type=cl.type, head=token, name=token.text))

    def _same_thing(self, a: Cluster, b: Cluster) -> bool:
        ids_a = {e.id for m in a.mentions for e in m.entries}
        ids_b = {e.id for m in b.mentions for e in m.entries}
        if ids_a & ids_b:
            return True
        for x, y in ((a, b), (b, a)):
            for short in x.names:
                if not short.name.replace(".", "").isupper() or len(short.name) < 2:
                    continue
                acronym = short.name.replace(".", "")
                for long in y.names:
                    words = [w for w in re.split(r"[\s\-]+", long.name) if w and w.lower() not in ("of", "and", "the", "for")]
                    if len(words) >= 2 and "".join(w[0] for w in words).upper() == acronym:
                        return True
        return False

    # --- 3. links ---------------------------------------------------------------------

    def link(self, clusters: list[Cluster]) -> None:
        for cl in clusters:
            countries = Counter(m.country for m in cl.mentions if m.country)
            cl.country = countries.most_common(1)[0][0] if countries else None
            if cl.type == "country":
                cl.entry = next((m.entry for m in cl.mentions if m.entry), None)
                cl.link_confidence = 0.95
                continue
            if cl.type == "person":
                self._link_person(cl)
            else:
                entries = Counter(e.id for m in cl.mentions for e in m.entries)
                if not entries:
                    for m in cl.names:
                        for e in self.d.lookup(m.name):
                            entries[e.id] += 1
                if entries:
                    best = entries.most_common(1)[0][0]
                    cl.entry = self.d.entries[best]
                    cl.link_confidence = 0.85
            if cl.entry and not cl.country:
                cl.country = cl.entry.country
            if not cl.country and cl.type in ("organisation", "group"):
                cl.country = self._country_in_name(cl)

    def _country_in_name(self, cl: Cluster) -> str | None:
        """An organisation named for its country: ``Montenegro Assembly``, ``Rwandan Patriotic
        Front``, ``Liberian Peace Council`` (the first one or two words name a country)."""
        for m in cl.names:
            words = re.sub(r"^the\s+", "", m.name, flags=re.I).split()
            for n in (2, 1):
                if len(words) > n and (c := self.d.country(" ".join(words[:n]))):
                    return c.country
        return None

    def _link_person(self, cl: Cluster) -> None:
        full = cl.full_name
        words = normalise(full).split()
        if not words:
            return
        exact = [e for e in self.d.lookup(full) if e.kind == "person"]
        conf = 0.9
        candidates = exact
        if not candidates:
            by_surname = self.d.people_named(words[-1])
            if len(words) > 1:
                candidates = [e for e in by_surname if words[0] in " ".join(e.aliases).split()]
                conf = 0.8
            if not candidates and cl.country:
                candidates = [e for e in by_surname if e.country == cl.country and
                              (len(words) == 1 or not any(len(a.split()) > 1 and a.split()[-1] == words[-1]
                                                          and a.split()[0] != words[0] for a in e.aliases))]
                conf = 0.6
        if not candidates and len(words) == 1 and self.when is not None:
            # "President Mugabe": the one person of that surname holding such a role at the time
            wanted = {SECTOR_OF_TITLE[t] for t in cl.titles if t in SECTOR_OF_TITLE}
            holders = [e for e in self.d.people_named(words[-1])
                       if any(r.sector in wanted for r in e.roles_at(self.when))]
            candidates = holders if len({e.id for e in holders}) == 1 else []
            conf = 0.6
        if cl.country:
            candidates = [e for e in candidates if e.country in (None, cl.country)]
        if len(candidates) > 1:
            active = [e for e in candidates if e.roles_at(self.when)]
            candidates = active or candidates
        ids = {e.id for e in candidates}
        if len(ids) == 1:
            cl.entry = candidates[0]
            cl.link_confidence = conf
        elif len(ids) > 1:
            cl.entry = candidates[0]
            cl.link_confidence = 0.4

    # --- 4. descriptions --------------------------------------------------------------

    def descriptions(self, names: list[Candidate], forced: list[Candidate]) -> list[Candidate]:
        """Noun phrases that describe a person: ``the Nigerian leader``, ``his excellency``, ``the Iranian``."""
        taken = [(c.start, c.end) for c in names if c.type == "person"]
        out = list(forced)
        for chunk in self.doc.noun_chunks:
            root = chunk.root
            if root.tag_ in ("NNS", "NNPS"):
                continue
            if root.lower_ not in PERSON_NOUNS and not (root.ent_type_ == "NORP" and self.d.country(root.text)):
                continue
            first = chunk[0]
            if not (first.lower_ in ("the", "his", "her") or first.dep_ == "poss" or first.ent_type_ in ("NORP", "GPE")):
                continue
            if any(t.ent_type_ == "PERSON" for t in chunk):
                continue
            if any(c.dep_ == "compound" and c.pos_ == "NOUN" and c.lower_ not in TITLE_WORDS
                   and c.lower_ not in POLITICAL_COMPOUNDS for c in root.children):
                continue  # "the band leader", "the team captain": not a public role
            cand = self._description(chunk, root)
            if cand and not _inside(taken, cand.start, cand.end) and not _inside(self.blocked, cand.start, cand.end):
                out.append(cand)
        # "the ayatollah’s office": a possessor is not a chunk of its own
        for token in self.tokens:
            if token.dep_ == "poss" and token.lower_ in PERSON_NOUNS and token.tag_ not in ("NNS", "NNPS"):
                left = min((t.i for t in token.subtree), default=token.i)
                span = self.doc[left:token.i + 1]
                if span[0].lower_ not in ("the", "his", "her") and span[0].ent_type_ not in ("NORP", "GPE"):
                    continue
                cand = self._description(span, token)
                if cand and not _inside(taken, cand.start, cand.end) and not _inside(self.blocked, cand.start, cand.end) \
                        and not any(c.start == cand.start for c in out):
                    out.append(cand)
        return sorted(out, key=lambda c: c.start)

    def _description(self, span: SpacySpan, root: Token) -> Candidate | None:
        titles, country = [], None
        for t in span:
            if t.lower_ in TITLE_WORDS or t.lower_ in PERSON_NOUNS or t.lower_ in RELIGIOUS_HONORIFICS \
                    or t.lower_ in PARTY_WORDS:
                titles.append(TITLE_ABBREVIATIONS.get(t.lower_, t.lower_))
            c = self.d.country(t.text) if (t.ent_type_ in ("NORP", "GPE") or t.pos_ == "PROPN") else None
            if c:
                country = country or c.country
        if country is None and (c := self._country_after(root, ("of", "from"))):  # "the president of Armenia"
            country = c.country
        return Candidate(start=span.start_char, end=span.end_char, kind="nominal", type="person", head=root,
                         titles=titles, country=country, gender=_gender_of([t.text for t in span]))

    def fits(self, desc: Candidate, cl: Cluster) -> str | None:
        """``strict`` when the actor holds the description's role, ``loose`` when nothing known
        contradicts a prominent role (an untitled main person), else None."""
        if cl.type != "person":
            return None
        if desc.gender and cl.gender and desc.gender != cl.gender:
            return None
        if desc.country and cl.country and desc.country != cl.country:
            return None
        held = {TITLE_ABBREVIATIONS.get(t, t) for t in cl.titles}
        held_party = {PARTY_WORDS[t] for t in held if t in PARTY_WORDS}
        want_party = {PARTY_WORDS[t] for t in desc.titles if t in PARTY_WORDS}
        if want_party and held_party and want_party != held_party:
            return None
        roles = [TITLE_ABBREVIATIONS.get(w, w) for w in desc.titles if w not in WEAK_ROLE_WORDS and w not in PARTY_WORDS]
        strict = all(held & {TITLE_ABBREVIATIONS.get(x, x) for x in ROLE_GROUPS.get(w, {w})} for w in roles)
        if strict and (not desc.country or cl.country) and (not want_party or held_party):
            return "strict"
        untitled = not (held - set(PARTY_WORDS) - HONORIFICS)
        if roles and all(w in PROMINENT_ROLES for w in roles) and (untitled or strict):
            return "loose"
        if not roles and desc.country and not cl.country and untitled:
            return None
        return None

    def resolve_descriptions(self, descs: list[Candidate], clusters: list[Cluster]) -> None:
        for desc in descs:
            target, conf = self._bracketed(desc, clusters), 0.9
            if target is None:
                target = self._apposed(desc, clusters)
            if target is None:
                fit = {id(cl): self.fits(desc, cl) for cl in clusters}
                fitting = [cl for cl in clusters if fit[id(cl)] == "strict"]
                before = [(max((m.start for m in cl.mentions if m.start < desc.start), default=-1), cl) for cl in fitting]
                before = [pair for pair in before if pair[0] >= 0]
                if before:
                    target = max(before, key=lambda pair: pair[0])[1]
                    conf = 0.85 if len(before) == 1 else 0.6
                elif len(fitting) == 1:  # cataphora: "The ayatollah, Ali Khamenei, said"
                    target, conf = fitting[0], 0.6
                else:
                    loose = [cl for cl in clusters if fit[id(cl)] == "loose"]
                    target, conf = self._most_salient(desc, loose), 0.5
            if target is None and desc.country and desc.titles:
                target, conf = self._role_holder(desc, clusters)
            if target is not None:
                desc.confidence = conf
                target.mentions.append(desc)

    def _apposed(self, desc: Candidate, clusters: list[Cluster]) -> Cluster | None:
        """``Rep. Jim Clyburn (S.C.), the assistant leader``: an apposition names its person."""
        head = desc.head
        if head.dep_ != "appos":
            return None
        target = head.head
        for cl in clusters:
            if cl.type == "person" and any(m.kind == "name" and m.start <= target.idx < m.end for m in cl.mentions):
                return cl
        return None

    def _most_salient(self, desc: Candidate, loose: list[Cluster]) -> Cluster | None:
        """The person mentioned most in the sentences before (recency breaks ties)."""
        here = self.sent_of.get(desc.head.i, 0)
        best, best_key = None, None
        for cl in loose:
            near = [m for m in cl.mentions if m.start < desc.start and here - self.sent_of.get(m.head.i, here) <= 8]
            if not near:
                continue
            key = (len(near), max(m.start for m in near))
            if best_key is None or key > best_key:
                best, best_key = cl, key
        return best

    def _bracketed(self, desc: Candidate, clusters: list[Cluster]) -> Cluster | None:
        """An editor's insertion names who is meant: ``his excellency [Khamenei]``."""
        after = self.text[desc.end:desc.end + 60]
        m = re.match(r"\s*\[([^\]]+)\]", after)
        if not m:
            return None
        word = normalise(m.group(1))
        for cl in clusters:
            if cl.type == "person" and word and (word == normalise(cl.full_name) or word in cl.words):
                return cl
        return None

    def _role_holder(self, desc: Candidate, clusters: list[Cluster]) -> tuple[Cluster | None, float]:
        """``Russian President`` with nobody named: who held the role at the article's date."""
        title = " ".join(w for w in desc.titles if w not in WEAK_ROLE_WORDS)
        found = self.d.holder(title, desc.country, self.when)
        if found is None:
            return None, 0.0
        entry, conf = found
        for cl in clusters:
            if cl.entry is not None and cl.entry.id == entry.id:
                return cl, conf
        cl = Cluster("person", entry=entry, country=entry.country, link_confidence=conf)
        clusters.append(cl)
        return cl, conf

    # --- 4b. generic actors -------------------------------------------------------------

    def agent_phrases(self, clusters: list[Cluster]) -> None:
        """A role noun qualified by a nationality or country is an actor of its own.

        ``Israeli troops`` (group, ISR, MIL), ``a senior British minister`` (person, GBR,
        GOV), ``Turkish police`` (organisation, TUR, COP), ``rebels in the Ivory Coast``
        (group, CIV, REB). The noun must be a Phoenix generic agent (by lemma, so regular
        plurals count) or a person noun; its sector comes from the agent data. A country's
        own government (``the Iraqi government``, ``Burundi's authorities``) is the country:
        the phrase becomes a mention of the country actor. Conjoined nationalities
        (``Hungarian and Romanian officials``) make one actor each, mentioned by their
        nationality word. Role nouns with no nationality stay unresolved descriptions.
        """
        doc = self.doc
        owner: dict[int, tuple[Candidate, Cluster]] = {}
        for cl in clusters:
            for m in cl.mentions:
                for i in range(m.head.i - 8, m.head.i + 8):
                    if 0 <= i < len(doc) and m.start <= self.tokens[i].idx < m.end:
                        owner[i] = (m, cl)
        for tok in self.tokens:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.dep_ in ("compound",) or tok.is_space:
                continue
            if tok.pos_ == "PROPN" and not (tok.text.istitle() or tok.text.isupper()) or tok.ent_type_ in ("PERSON",):
                continue
            if _is_capitalised(tok) and not tok.is_sent_start and tok.lower_ in TITLE_WORDS | PERSON_NOUNS:
                continue  # "Afghan Ambassador ... Hamdullah Mohib": a title, its person named nearby
            here = owner.get(tok.i)
            if here is not None and here[1].type != "country":
                continue  # already someone's mention ("the Nigerian leader" resolved)
            if _inside(self.blocked, tok.idx, tok.idx + len(tok)):
                continue
            agent = self._agent_noun(tok)
            if agent is None:
                continue
            sector, kind, label_words = agent
            nationals = self._nationalities(tok)
            if not nationals:
                continue
            plural = tok.tag_ in ("NNS", "NNPS") or (kind == "person" and tok.lemma_.lower() != tok.lower_)
            if kind == "person" and plural:
                kind = "group"
            government = (tok.lemma_.lower() in GOVERNMENT_NOUNS or tok.lower_ in GOVERNMENT_NOUNS) \
                and len(nationals) == 1
            for toks, entry, how in nationals:
                if how != "poss":
                    for t in toks:  # the nationality word is now part of this actor's mention
                        pair = owner.get(t.i)
                        if pair is not None and pair[1].type == "country" and pair[0] in pair[1].mentions:
                            pair[1].mentions.remove(pair[0])
            if government:
                toks, entry, how = nationals[0]
                start_tok = self._phrase_start(tok, toks, how)
                home = next((cl for cl in clusters if cl.type == "country" and cl.country == entry.country), None)
                if home is None:
                    home = Cluster("country", entry=entry, country=entry.country, link_confidence=0.95)
                    clusters.append(home)
                home.mentions.append(Candidate(start=start_tok.idx, end=tok.idx + len(tok), kind="nominal",
                                               type="country", head=tok, country=entry.country, entry=entry))
                continue
            named = owner.get(tok.head.i) if tok.dep_ == "appos" and kind == "person" and len(nationals) == 1 else None
            if named is not None and named[1].type == "person":
                # "Salaheddine Sidhoum, Algeria's leading human rights activist": the apposition
                # describes the person named before it, and gives their country
                toks, entry, how = nationals[0]
                start_tok = self._phrase_start(tok, toks, how)
                person = named[1]
                person.country = person.country or entry.country
                person.mentions.append(Candidate(start=start_tok.idx, end=tok.idx + len(tok), kind="nominal",
                                                 type="person", head=tok, country=entry.country, confidence=0.85))
                continue
            for toks, entry, how in nationals:
                if len(nationals) == 1:
                    start_tok, end = self._phrase_start(tok, toks, how), tok.idx + len(tok)
                else:
                    start_tok, end = toks[0], toks[-1].idx + len(toks[-1])
                nationality = " ".join(t.text for t in toks) if how in ("amod", "compound", "nmod", "npadvmod") \
                    else (max(entry.demonyms, key=len).title() if entry.demonyms else entry.name)
                label = " ".join([nationality, *label_words])
                cand = Candidate(start=start_tok.idx, end=end, kind="nominal", type=kind, head=tok,
                                 name=label, titles=[tok.lemma_.lower()] if kind == "person" else [],
                                 country=entry.country, confidence=0.8)
                cl = Cluster(kind, mentions=[cand], country=entry.country, label=label, sector=sector,
                             confidence=0.8)
                clusters.append(cl)
                for i in range(start_tok.i, tok.i + 1):
                    owner.setdefault(i, (cand, cl))

    def _agent_noun(self, tok: Token) -> tuple[str | None, str, list[str]] | None:
        """(sector, kind, the words naming it) when a noun names a generic actor, else None."""
        lemma = tok.lemma_.lower()
        if tok.lower_ in NOT_NAMES or len(lemma) < 3:
            return None
        compounds = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"]
        words = [c.lower_ if c.is_sent_start else c.text for c in [*compounds, tok]]
        if compounds:
            found = self.d.agent(" ".join([*(c.lower_ for c in compounds), lemma]))
            if found:
                return found[0], found[1], words
        found = self.d.agent(lemma) or self.d.agent(tok.lower_)
        if found:
            return found[0], found[1], words
        if lemma in SECTOR_OF_NOUN:
            return SECTOR_OF_NOUN[lemma], "organisation" if lemma in ("force", "delegation") else "person", words
        if lemma in PERSON_NOUNS:
            return SECTOR_OF_TITLE.get(lemma), "person", words
        if lemma in GOVERNMENT_NOUNS:
            return "GOV", "organisation", words
        return None

    def _nationalities(self, tok: Token) -> list[tuple[list[Token], Entry, str]]:
        """The countries qualifying a noun: ``Israeli``/``U.S.`` (amod, compound), ``Burundi's``
        (poss), with their conjuncts, else ``in``/``from``/``of`` a country after it."""
        out: list[tuple[list[Token], Entry, str]] = []
        for child in tok.lefts:
            if child.dep_ not in NATIONALITY_DEPS:
                continue
            for c in [child, *child.conjuncts] if child.dep_ != "poss" else [child]:
                if c.i > tok.i or _ethnic(c):
                    continue  # "ethnic Albanian guerrillas" are not Albania's
                toks = self._entity_tokens(c)
                text = " ".join(t.text for t in toks)
                entry = self.d.country(text) or (self.d.capital_of(text) if child.dep_ == "poss" else None)
                if entry is not None and not any(e[1].country == entry.country for e in out):
                    out.append((toks, entry, child.dep_))
        if out:
            return out
        for prep in tok.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "from", "of", "throughout", "across"):
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and pobj.ent_type_ == "GPE":
                        toks = self._entity_tokens(pobj)
                        text = " ".join(t.text for t in toks)
                        entry = self.d.country(text) or self.d.capital_of(text)
                        if entry is not None:
                            return [(toks, entry, "prep")]
        return out

    def _entity_tokens(self, tok: Token) -> list[Token]:
        """The whole entity a token belongs to (``Sierra Leonean``, ``the Ivory Coast``), or the token."""
        if tok.ent_type_:
            ent = next((e for e in self.doc.ents if e.start <= tok.i < e.end), None)
            if ent is not None:
                return [t for t in ent if t.lower_ != "the" and not _possessive(t)]
        return [tok]

    def _phrase_start(self, tok: Token, nationality: list[Token], how: str) -> Token:
        """Where a generic actor's mention starts: its determiner or first modifier, but after
        a possessor (``Israel's`` stays the country's mention)."""
        first = tok.left_edge
        if how == "poss":
            after = max(t.i for t in nationality) + 1
            while after < tok.i and _possessive(self.doc[after]):
                after += 1
            return self.doc[after]
        return first if first.i <= nationality[0].i else nationality[0]

    # --- 5. pronouns ------------------------------------------------------------------

    def _personal_pronouns(self, clusters: list[Cluster]) -> list[Token]:
        taken = [(m.start, m.end) for cl in clusters for m in cl.mentions]
        return [
            t for t in self.tokens
            if (t.lower_ in PRONOUNS_MALE or t.lower_ in PRONOUNS_FEMALE) and t.tag_ in ("PRP", "PRP$")
            and not _inside(taken, t.idx, t.idx + len(t)) and not _inside(self.blocked, t.idx, t.idx + len(t))
        ]

    def infer_genders(self, clusters: list[Cluster], pronouns: list[Token]) -> None:
        """Genders the article shows: ``Clinton said she ...``, ``Trump pitched himself``, ``Warren ... her plan``.

        Only syntax that leaves no other reading votes: a pronoun in the clause (or the
        reported clause) whose subject is the person's name.
        """
        by_token: dict[int, Cluster] = {}
        for cl in clusters:
            if cl.type != "person":
                continue
            for m in cl.mentions:
                if m.kind == "name":
                    by_token[m.head.i] = cl
        votes: dict[int, Counter] = {}
        for pron in pronouns:
            if self.quoted[pron.idx] or pron.dep_ in ("nsubj", "nsubjpass"):
                continue  # "Clinton said he ..." may be anyone: only possessives and reflexives vote
            if pron.dep_ != "poss" and not pron.lower_.endswith("self"):
                continue
            verb = pron.head
            hops = 0
            while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and hops < 3:
                verb, hops = verb.head, hops + 1
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != pron.i]
            others = [t for t in verb.subtree if t.i in by_token and t.dep_ not in ("nsubj", "nsubjpass")]
            people = {id(by_token[c.i]): by_token[c.i] for c in subjects if c.i in by_token}
            if len(people) == 1 and not any(by_token[t.i] is not next(iter(people.values())) for t in others):
                cl = next(iter(people.values()))
                votes.setdefault(id(cl), Counter())["m" if pron.lower_ in PRONOUNS_MALE else "f"] += 1
        for cl in clusters:
            v = votes.get(id(cl))
            if v:
                gender, n = v.most_common(1)[0]
                if n / sum(v.values()) >= 0.75:
                    cl.inferred_gender = gender

    def pronouns(self, clusters: list[Cluster]) -> None:
        owner = [(m, cl) for cl in clusters if cl.type == "person" for m in cl.mentions]
        owner.sort(key=lambda pair: pair[0].start)
        tokens = self._personal_pronouns(clusters)
        self.infer_genders(clusters, tokens)
        genders = {id(cl): cl.gender for cl in clusters}  # pronoun mentions add no gender
        for token in tokens:
            low = token.lower_
            gender = "m" if low in PRONOUNS_MALE else "f"
            best = self._antecedent(token, gender, owner, genders)
            if best is None:
                continue
            cl, conf = best
            cand = Candidate(start=token.idx, end=token.idx + len(token), kind="pronoun", type="person",
                             head=token, gender=None, confidence=conf)
            cl.mentions.append(cand)
            owner.append((cand, cl))
            owner.sort(key=lambda pair: pair[0].start)

    def organisation_pronouns(self, clusters: list[Cluster]) -> None:
        """``The State Department said it ...``, ``it added``: "it" speaking is the organisation or country before it.

        Only "it"/"its" as the subject of a speech verb: "it" elsewhere is most often a thing.
        """
        def score(m: Candidate, cl: Cluster, d: int, outside: bool) -> float | None:
            if d > 2 or (outside and self.quoted[m.start]):
                return None
            return -d + (1.0 if m.head.dep_ in SUBJECT_DEPS else 0.0)

        for pron, ranked in self._collective_antecedents(clusters, ("name",), score, lambda pron: (
                pron.lower_ == "it" and pron.dep_ == "nsubj" and pron.head.lemma_ in SPEECH_VERBS)):
            conf = 0.8 if len(ranked) == 1 else round(0.5 + 0.15 * min(ranked[0][0] - ranked[1][0], 2.0), 3)
            ranked[0][1].mentions.append(Candidate(start=pron.idx, end=pron.idx + len(pron), kind="pronoun",
                                                   type=ranked[0][1].type, head=pron, confidence=conf))

    def plural_pronouns(self, clusters: list[Cluster]) -> None:
        """``Rebels dismissed the appeal, saying they had lost trust``: "they"/"them" outside
        quotes is the nearest group, or organisation or country, named as a subject in this
        sentence or the one before (a plural people noun first: number agreement); never a
        single person. Inside quotes "they" is left alone: speakers often mean others."""
        def score(m: Candidate, cl: Cluster, d: int, outside: bool) -> float | None:
            if d > 1 or self.quoted[m.start] or m.head.dep_ not in SUBJECT_DEPS:
                return None
            plural = cl.type == "group" or m.head.tag_ in ("NNS", "NNPS")
            return -d + (1.0 if plural else 0.0)

        for pron, ranked in self._collective_antecedents(clusters, ("name", "nominal"), score, lambda pron: (
                pron.lower_ in ("they", "them") and not self.quoted[pron.idx])):
            if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
                continue  # two equally good antecedents: left unresolved rather than guessed
            conf = 0.75 if len(ranked) == 1 else 0.6
            ranked[0][1].mentions.append(Candidate(start=pron.idx, end=pron.idx + len(pron), kind="pronoun",
                                                   type=ranked[0][1].type, head=pron, confidence=conf))

    def _collective_antecedents(self, clusters: list[Cluster], kinds: tuple[str, ...],
                                score: Callable[[Candidate, Cluster, int, bool], float | None],
                                wanted: Callable[[Token], bool]) -> Iterator[tuple[Token, list[tuple[float, Cluster]]]]:
        """Each ``wanted`` pronoun not yet a mention, with the groups, organisations and countries
        mentioned before it (as ``kinds``), best first by ``score(mention, cluster, sentences back,
        pronoun outside quotes)``; a cluster scores as its best mention, ``None`` leaves a mention out."""
        taken = [(m.start, m.end) for cl in clusters for m in cl.mentions]
        owner = sorted(((m, cl) for cl in clusters if cl.type in ("group", "organisation", "country")
                        for m in cl.mentions if m.kind in kinds), key=lambda pair: pair[0].start)
        for pron in self.tokens:
            if not wanted(pron):
                continue
            if _inside(taken, pron.idx, pron.idx + len(pron)) or _inside(self.blocked, pron.idx, pron.idx + len(pron)):
                continue
            sent = self.sent_of.get(pron.i, 0)
            outside = not self.quoted[pron.idx]
            scores: dict[int, tuple[float, Cluster]] = {}
            for m, cl in owner:
                if m.start >= pron.idx:
                    break
                value = score(m, cl, sent - self.sent_of.get(m.head.i, sent), outside)
                if value is not None and (id(cl) not in scores or value > scores[id(cl)][0]):
                    scores[id(cl)] = (value, cl)
            if scores:
                yield pron, sorted(scores.values(), key=lambda pair: pair[0], reverse=True)

    def _antecedent(self, pron: Token, gender: str, owner: list[tuple[Candidate, Cluster]],
                    genders: dict[int, str | None]) -> tuple[Cluster, float] | None:
        sent = self.sent_of.get(pron.i, 0)
        pron_quoted = self.quoted[pron.idx] if pron.idx < len(self.quoted) else False
        scores: dict[int, tuple[float, Cluster]] = {}
        latest = None
        for m, cl in owner:
            if m.start >= pron.idx:
                break
            if genders[id(cl)] and genders[id(cl)] != gender:
                continue
            if not pron_quoted and self.quoted[m.start]:
                continue
            d = sent - self.sent_of.get(m.head.i, sent)
            if d > 8:
                continue
            if m.head.head == pron.head and m.head.dep_ in SUBJECT_DEPS and pron.dep_ in ("dobj", "dative", "iobj") \
                    and not pron.lower_.endswith("self"):
                continue  # "Khamenei told him": him is someone else
            score = -1.0 * d
            if m.head.dep_ in SUBJECT_DEPS:
                score += 1.0
                if m.head.head.lemma_ in SPEECH_VERBS:
                    score += 0.5
            if m.kind == "pronoun":
                score += 0.3 * m.confidence  # a chain already resolved carries its salience
            latest = m
            key = id(cl)
            if key not in scores or score > scores[key][0]:
                scores[key] = (score, cl)
        if not scores:
            return None
        if latest is not None:
            k = id(next(cl for m, cl in owner if m is latest))
            scores[k] = (scores[k][0] + 0.25, scores[k][1])
        ranked = sorted(scores.values(), key=lambda pair: pair[0], reverse=True)
        top = ranked[0]
        if len(ranked) == 1:
            return top[1], 0.9
        # a competitor lowers the confidence by how close it came
        margin = top[0] - ranked[1][0]
        return top[1], round(0.5 + 0.175 * min(max(margin, 0.0), 2.0), 3)

    # --- 6. records -------------------------------------------------------------------

    def actors(self, clusters: list[Cluster]) -> tuple[Actor, ...]:
        seen: set[tuple[int, int]] = set()
        built: list[tuple[int, Actor]] = []
        for cl in sorted((c for c in clusters if c.mentions), key=lambda c: c.first_start()):
            mentions = []
            for m in sorted(cl.mentions, key=lambda m: (m.start, m.end)):
                key = (m.start, m.end)
                if key in seen or m.end <= m.start:
                    continue
                seen.add(key)
                mentions.append(Mention(m.start, m.end, self.text[m.start:m.end], m.kind, round(m.confidence, 3)))
            if not mentions:
                continue
            built.append((mentions[0].start, self._actor(cl, tuple(mentions))))
        return tuple(
            Actor(id=f"a{i}", name=a.name, kind=a.kind, country=a.country, sector=a.sector, role=a.role,
                  mentions=a.mentions, canonical_id=a.canonical_id, confidence=a.confidence)
            for i, (_, a) in enumerate(built, start=1)
        )

    def _actor(self, cl: Cluster, mentions: tuple[Mention, ...]) -> Actor:
        entry = cl.entry
        if cl.type == "country" and entry is not None:
            name = entry.name
        else:
            name = _clean_name(cl.full_name) or (entry.name if entry else mentions[0].text)
            if cl.type != "person":
                longest = max((m for m in cl.names), key=lambda m: len(m.name), default=None)
                name = _clean_name(longest.name) if longest else name
        if cl.label:
            name = cl.label
        role = self._role(cl)
        sector = cl.sector
        if entry is not None and cl.type != "country":
            sector = entry.sector_at(self.when)
        if sector is None and cl.type == "person":
            sector = next((SECTOR_OF_TITLE[t] for m in cl.names for t in m.titles if t in SECTOR_OF_TITLE), None)
        if sector is None and cl.type in ("organisation", "group"):
            sector = self.d.agent_sector(name)
        if entry is not None and cl.link_confidence >= 0.5:
            canonical = entry.id
        else:
            canonical = corpus_key(name, cl.country)
        # sure of an actor named more than once or known to the dictionary; less of a single
        # name nobody else confirms, and of one built from a description alone
        support = 0.95 if (len(cl.names) > 1 or cl.link_confidence >= 0.5) else 0.8
        confidence = support * (min(m.confidence for m in cl.names) if cl.names else
                                max((m.confidence for m in cl.mentions), default=0.5))
        return Actor(id="", name=name, kind=cl.type, country=cl.country, sector=sector, role=role,
                     mentions=mentions, canonical_id=canonical, confidence=round(confidence, 3))

    def _role(self, cl: Cluster) -> str | None:
        if cl.type != "person":
            return None
        for m in sorted(cl.names, key=lambda m: m.start):
            if m.title_text:
                words = [w for w in m.title_text.split() if w.lower() not in RELIGIOUS_HONORIFICS or len(m.title_text.split()) == 1]
                text = " ".join(words) or m.title_text
                return " ".join(w[:1].upper() + w[1:] for w in text.split())
        if cl.entry is not None:
            for role in cl.entry.roles_at(self.when):
                if role.title:
                    return role.title
        return None


def _ethnic(token: Token) -> bool:
    """Whether a people word is qualified as ethnic (``ethnic Albanians``, ``ethnic Turks``)."""
    return token.lower_ == "ethnic" or (token.i > 0 and token.doc[token.i - 1].lower_ == "ethnic")


def _clean_name(name: str) -> str:
    name = re.sub(r"^(the|The)\s+", "", name.strip())
    return re.sub(r"['’]s$", "", name).strip()


def corpus_key(name: str, country: str | None) -> str:
    """The key a corpus actor is stored under when the dictionary does not know it."""
    slug = re.sub(r"[^a-z0-9]+", "_", normalise(name)).strip("_")
    return f"corpus:{slug}:{country or '-'}"


def find_actors(doc: Doc, article: Article, dictionary: ActorDictionary | None = None) -> tuple[Actor, ...]:
    """The actors of one parsed article, each with every mention of it: names, descriptions, pronouns.

    Example:
        >>> actors = find_actors(nlp(article.text), article)   # doctest: +SKIP
        >>> [a.name for a in actors][:2]                         # doctest: +SKIP
        ['Ali Khamenei', 'Vladimir Putin']
    """
    finder = _Finder(doc, article, dictionary or load_dictionary())
    names, forced = finder.names()
    clusters = finder.cluster(names)
    finder.link(clusters)
    descs = finder.descriptions(names, forced)
    finder.resolve_descriptions(descs, clusters)
    finder.agent_phrases(clusters)
    finder.pronouns(clusters)
    finder.organisation_pronouns(clusters)
    finder.plural_pronouns(clusters)
    return finder.actors(clusters)
