"""Find events in a parsed article: trigger words, their participants, date and place.

How an event is found:

1. **Triggers.** A verb or noun whose lemma is in the registry's trigger lexicon
   (``whosaid.events.types.triggers()``: hand-chosen words checked against the CAMEO
   code names, descriptions and examples and the PLOVER manual, plus the verb opening
   each CAMEO name) gives a CAMEO code and so a PLOVER type. A few verbs are read with
   their object: giving in to a demand (``accepted demands``, ``met the demands``) is
   CAMEO 083, a call for or on someone a request, a refusal to act a REJECT.
2. **Participants.** For a verb, the actor is its subject (with conjoined subjects: a
   compound actor), inherited from the governing verb when the trigger has none
   (``Putin, visiting Tehran, praised Iran``); the recipient is its direct object, else
   the object of ``with``/``against``/``to``/``towards``/``on``/``at``. In the passive
   the ``by`` agent is the actor and the subject the recipient. A possessive names the
   owner (``dismissed Khamenei's criticism``: recipient Khamenei). For a noun
   (``accusations of U.S. support``, ``a meeting with Buhari``) the actor is its
   possessor, else the subject of the verb governing it, else the actor of the
   sentence's main event; ``the two`` / ``both`` stand for the two sides of the last
   meeting. Spans become actors only through ``MentionIndex.actor_at``.
3. **CONSULT.** When the meeting's place lies in the country of one side only, that side
   hosts: the visitor is the actor and the host the recipient (mode ``visit``), as the
   PLOVER manual asks; ``visiting X`` marks X as the visitor. Otherwise every
   participant is an actor and there is no recipient.
4. **Dates and places.** The nearest resolvable DATE entity in the sentence (see
   ``dates.resolve_date``), read against ``article.published`` or, when ingest found
   none, the first full date in the article's header (the byline date). The place is
   a GPE/LOC governed by ``in``/``at`` in the sentence, resolved with the gazetteer.
   An event without its own date or place takes those of the latest earlier event that
   shares a participant with it (news tells one story across sentences); else the
   place is the dateline's. A material act (or an AGREE, REQUEST, THREATEN, REJECT,
   CONCEDE) with no recipient, placed in its own clause in a country the article names
   as an actor, has that country as its recipient (``imposed a curfew in Alexandria``:
   Egypt), as CAMEO codes the place of a curfew or an attack as its target.

Claims, negation and hypotheticals — the rule:

* An event whose trigger lies inside the content of a quote is a **claim** by the
  quote's speaker: ``claimed_by`` holds the speaker, ``quote`` the quote id. When a
  *direct* quote has no resolved speaker the event is **dropped** (words in quotation
  marks we cannot attribute must not become a fact). An *indirect* attribution to a
  source that is not an actor (``..., security sources said``, ``according to
  reports``) is how wires source what they report: the event is kept as reported,
  with confidence at most 0.35. A trigger that is itself a quote's cue (``Toner
  dismissed``) is the speech act, reported as fact.
* An event nested in the complement of an accusation or other verbal event
  (``accused the US of supporting ISIS``) is claimed by that event's actor. An event
  in the infinitive complement of AGREE/REQUEST/THREATEN/REJECT (``agreed to
  cooperate``) is part of that event and not coded again (PLOVER: one category).
* **Speech acts from quotes.** A quote with a speaker whose content has an actor as
  the subject of an accusing clause (a conflict-type trigger or an accusatory word
  such as ``terrorist``, ``plot``, ``domination``) is an ACCUSE by the speaker against
  that actor, with the clause as evidence: once per speaker, target and paragraph.
* **Negated** events (``did not mention``, ``will not negotiate``: a ``not``/``never``
  on the trigger or its auxiliary) and **hypothetical** ones (``would``/``could``/
  ``might``/``must`` on the trigger, the trigger inside an ``if``/``unless`` clause, or
  the infinitive of a noun such as ``a plan to attack``, ``the right to fire`` (but ``an
  attempt to assassinate`` was carried out); ``said it would allow`` is reported future,
  not a hypothetical) are
  kept and marked ``negated``/``hypothetical``, never reported plainly; scoring and
  the event-data exports leave them out. Future cooperation (``will meet``) is AGREE,
  as PLOVER codes intentions.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from whosaid.actors.index import MentionIndex
from whosaid.events import types as registry
from whosaid.events.dates import resolve_date
from whosaid.events.places import resolve_place
from whosaid.records import Actor, Article, Event, Location, Quote, Span

log = logging.getLogger(__name__)

RECIPIENT_PREPS = ("with", "against", "to", "toward", "towards", "on", "at", "for", "from", "of", "into", "upon")
NOUN_RECIPIENT_PREPS = ("with", "against", "to", "toward", "towards", "of", "on", "for")
NESTING_DEPS = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "advcl", "acomp", "dobj", "acl", "relcl"}
SWALLOWING_TYPES = {"AGREE", "REQUEST", "THREATEN", "REJECT", "CONCEDE"}
#: Intentions are AGREE (CAMEO 03 "express intent to ..."): meet 036, cooperate 031, provide
#: aid 033, yield 035 (release, ease, de-escalate are 035x).
FUTURE_TO_AGREE = {"CONSULT": "036", "SUPPORT": "030", "COOPERATE": "031", "AID": "033", "CONCEDE": "035",
                   "RETREAT": "035"}
#: A stated intention to do harm is THREATEN (CAMEO 13): boycott or protest 133, sanction
#: 131, repress or arrest 137, use force 138. So is a future act made conditional with
#: "unless" (``will withdraw its force unless ...``: CAMEO 136).
FUTURE_TO_THREATEN = {"PROTEST": "133", "SANCTION": "131", "COERCE": "137", "ASSAULT": "138", "MOBILIZE": "138"}
#: A stated refusal of these ("will not accept", "would not meet") is REJECT (CAMEO 12).
REFUSABLE = {"AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "CONCEDE", "RETREAT"}
#: "X is willing/ready/prepared to V": CAMEO 03, express intent to cooperate (AGREE).
INTENT_ADJECTIVES = {"willing", "ready", "prepared", "eager", "determined"}
#: "X said Y must V": a demand (CAMEO 10) by X of Y.
DEMAND_SPEECH = {"say", "declare", "reiterate", "insist", "conclude", "state", "tell", "stress", "announce",
                 "warn", "add", "maintain"}
#: Verbs that stop or cut back an act (CAMEO 16 "Reduce relations": 161 "Reduce or break
#: diplomatic relations", 162 "Reduce or stop material aid", 164/165 "Halt negotiations/
#: mediation"): with an aid, cooperation or meeting noun as object (``halted economic aid``,
#: ``ended mediation efforts``, ``cancelled a planned visit``) the act is a SANCTION.
STOP_VERBS = {"halt", "stop", "suspend", "end", "cancel", "freeze", "prohibit", "withhold", "reduce", "cut",
              "terminate", "discontinue", "ban"}
#: Verbs that, with a demand as object, give in to it (CAMEO 083), and the demand nouns.
ACCEDE_VERBS = {"accept", "meet", "grant", "satisfy", "heed", "fulfil", "fulfill"}
DEMAND_NOUNS = {"demand", "request", "condition", "term", "ultimatum"}
#: "declined to comment" and its kin refuse nothing an event is made of.
NOT_REFUSALS = {"comment", "elaborate", "say", "discuss", "specify", "identify", "give", "name", "answer"}
#: Verbs of handing something over, as CAMEO 07's descriptions word them ("Extend, provide
#: ...", "the delivery of such aid"; see ``provide_entry``), and what, handed over, is no aid.
PROVIDE_VERBS = {"provide", "extend", "deliver"}
NOT_AID = {"letter", "message", "signal", "speech", "statement", "note", "invitation", "envoy", "delegation",
           "warning", "team", "representative", "mission", "reply", "response", "report", "proposal", "request",
           "greeting", "condolence", "congratulation", "troop", "soldier", "force", "official", "minister"}
#: Nouns naming people by what they work for: an event noun compounded with one is no event.
PEOPLE_HEADS = {"worker", "activist", "leader", "official", "group", "agency", "organization", "organisation",
                "monitor", "observer", "delegate", "delegation", "team", "convoy", "negotiator", "envoy"}
#: Verbs that ease a coercion or sanction (CAMEO 08 "Ease ..."): ``shortened the curfew``.
EASE_VERBS = {"ease", "relax", "loosen", "shorten"}
#: What stopping each type of act is: cooperation stopped is a SANCTION (CAMEO 16); a
#: coercion, sanction, attack or protest stopped is easing it (CAMEO 081 "Ease
#: administrative sanctions", 085 "Ease economic sanctions", 087 "De-escalate military
#: engagement", 082 "Ease political dissent": ``cancelled restrictions``, ``halt attacks``,
#: ``called off a strike``).
STOPPED = {"AID": "162", "COOPERATE": "161", "SUPPORT": "161", "CONSULT": "164", "COERCE": "081",
           "SANCTION": "085", "ASSAULT": "087", "PROTEST": "082"}
#: What a protest demands or condemns is its issue, not another event (``staged
#: demonstrations to demand reforms``, ``demonstrated calling for independence``).
PROTEST_ISSUES = {"REQUEST", "ACCUSE", "REJECT", "AGREE", "SUPPORT"}
#: CAMEO 045: a third party mediates; the sides it mediates between are the recipients.
MEDIATE = "045"
HYPOTHETICAL_AUX = {"would", "could", "might", "may", "should", "must"}
#: Nouns whose infinitive is an act carried out, even if it failed ("an attempt to assassinate").
ATTEMPTS = {"attempt", "effort", "bid", "campaign", "operation", "drive", "move"}
#: How far ``phrase_recipient`` looks into a trigger's phrase, and which prepositions there
#: name a party (``by``: whoever made the call, demand or rally the trigger acts on).
PHRASE_DEPS = {"dobj", "dative", "prep", "pobj", "xcomp", "pcomp", "acl", "agent", "attr", "acomp"}
PHRASE_PREPS = {"with", "against", "to", "toward", "towards", "from", "by", "on", "for", "at", "over", "upon"}
LIGHT_NOUN_HOSTS = {"hold", "have", "give", "provide", "offer", "voice", "express", "launch", "stage",
                    "conduct", "make", "issue", "impose", "level", "carry", "lodge", "file", "announce",
                    "pay", "mount", "begin", "start", "undertake", "deliver", "step", "renew", "reiterate",
                    "repeat", "order", "end", "complete", "continue"}
#: Words that make a quoted clause about an actor an accusation (hand-made, from the
#: CAMEO 11x descriptions: "accuse of crime, corruption, human rights abuses, aggression ...").
ACCUSATORY = {"terrorist", "terrorists", "terrorism", "terror", "plot", "plots", "domination", "dominate",
              "dominating", "aggression", "aggressive", "crime", "crimes", "criminal", "corrupt", "corruption",
              "destructive", "detrimental", "arrogant", "scheme", "hostile", "hostility", "lie", "lies", "lying",
              "illegal", "violate", "violation", "violations", "interfere", "interference", "destabilize",
              "plunder", "oppress", "oppression", "occupation", "atrocities", "genocide", "abuse", "abuses",
              "scourge", "chaos", "unrest", "humiliating", "treachery", "betray", "betrayal", "sabotage",
              "hypocrisy", "hypocritical", "bellicose", "ludicrous", "disgrace"}
TWO_WORDS = re.compile(r"^(the two( \w+)?|both( \w+)?|the pair|the two sides)$", re.I)


@dataclass
class _Draft:
    """An event while it is being put together."""

    trigger: object  # spaCy Token
    type: str
    cameo: str
    mode: str | None
    actor: list[str]
    recipient: list[str]
    evidence: Span
    nominal: bool = False
    negated: bool = False
    hypothetical: bool = False
    claimed_by: tuple[str, ...] = ()
    quote: str | None = None
    date: dt.date | None = None
    location: Location | None = None
    visitors: list[str] = field(default_factory=list)
    confidence: float = 0.5
    from_quote: bool = False
    named: bool = False  # the trigger has a subject phrase we could not resolve to an actor
    intent: bool = False  # a stated intention (CAMEO 03 or 13), not the act itself


class EventFinder:
    """Finds the events of one article; see the module docstring for the rules."""

    def __init__(self, doc, article: Article, actors: tuple[Actor, ...], quotes: tuple[Quote, ...]):
        self.doc = doc
        self.article = article
        self.text = article.text
        self.actors = {a.id: a for a in actors}
        self.index = MentionIndex(actors)
        self.quotes = quotes
        self.triggers = registry.triggers()
        self.reference = article.published or header_date(article)
        self.cues = {(q.cue.start, q.cue.end) for q in quotes if q.cue}
        self.dateline = dateline_place(article)
        # sentences and their entities, made once (``token.sent`` and ``span.ents`` re-scan the Doc)
        self.sents = list(doc.sents)
        self.sent_of = [0] * len(doc)
        self.sent_ents: list[list] = [[] for _ in self.sents]
        for k, sent in enumerate(self.sents):
            self.sent_of[sent.start:sent.end] = [k] * (sent.end - sent.start)
        for ent in doc.ents:  # as ``span.ents``: only entities wholly inside their sentence
            k = self.sent_of[ent.start]
            if ent.end <= self.sents[k].end:
                self.sent_ents[k].append(ent)

    # ---- participants -------------------------------------------------------------------

    def actor_of(self, tok, owners: bool = True) -> str | None:
        """The actor a noun token refers to: the token itself, its apposition, then its phrase
        (and, with ``owners``, the actor an ``of`` phrase names: one level down only)."""
        actor, _ = self.index.actor_at(tok.idx, tok.idx + len(tok.text))
        if actor is not None:
            return actor.id
        for child in tok.children:
            if child.dep_ == "appos":
                found = self.actor_of(child)
                if found:
                    return found
        for child in tok.children:
            if child.dep_ == "poss":
                found = self.actor_of(child)
                if found:
                    return found
        left = tok.left_edge
        actor, _ = self.index.actor_at(left.idx, tok.idx + len(tok.text))
        if actor is not None:
            return actor.id
        if owners and tok.pos_ == "NOUN":  # "the computers of South Korean army officers"
            for prep in tok.children:
                if prep.dep_ == "prep" and prep.lower_ == "of":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj" and (found := self.actor_of(pobj, owners=False)):
                            return found
        return None

    def actors_of(self, tok) -> list[str]:
        """The actors of a noun and the nouns conjoined with it, and of conjoined nationalities
        qualifying it (``Hungarian and Romanian officials``: two actors)."""
        out: list[str] = []
        for mod in tok.lefts:
            if mod.dep_ in ("amod", "compound", "nmod") and any(c.dep_ == "conj" for c in mod.children):
                found = [a for a in dict.fromkeys(self.actor_of(m, owners=False) for m in [mod, *_conjuncts(mod)]) if a]
                if len(found) > 1:
                    out.extend(found)
        for t in [tok, *_conjuncts(tok)]:
            found = self.actor_of(t)
            if found and found not in out:
                out.append(found)
        return out

    def subject(self, verb) -> tuple[list[str], list[str], bool]:
        """(actor ids, passive-subject ids, whether any subject token was found) of a verb."""
        for child in verb.children:
            if child.dep_ in ("nsubj", "csubj"):
                found = self.actors_of(child)
                if not found and child.pos_ == "NOUN":
                    # "the meeting in Vienna of the Support Group agreed": the group acted
                    inside = self.index.actors_in(child.left_edge.idx, child.right_edge.idx + len(child.right_edge))
                    found = [inside[0][0].id] if inside else []
                return found, [], True
            if child.dep_ == "nsubjpass":
                agent = next((c for c in verb.children if c.dep_ == "agent"), None)
                by = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                return (self.actors_of(by) if by is not None else []), self.actors_of(child), True
        return [], [], False

    def inherited_subject(self, verb) -> list[str]:
        """The subject of the verb this one hangs from (xcomp, conj, advcl, participles)."""
        tok = verb
        for _ in range(4):
            if tok.dep_ not in ("xcomp", "conj", "advcl", "acl", "relcl", "ccomp", "pcomp") or tok.head.i == tok.i:
                return []
            if tok.dep_ in ("acl", "relcl"):
                return self.actors_of(tok.head)
            tok = tok.head
            actors, _, found = self.subject(tok)
            if found:
                return actors
        return []

    def object_of(self, verb) -> list[str]:
        for child in verb.children:
            if child.dep_ in ("dobj", "dative"):
                found = self.actors_of(child)
                if found:
                    return found
        for child in verb.children:  # ("provided loans to Sri Lanka": "to" may be parsed as a dative)
            if child.dep_ in ("prep", "dative") and child.lower_ in RECIPIENT_PREPS:
                for pobj in child.children:
                    # "met with visiting President Maduro" is sometimes parsed with "visiting" as
                    # the preposition's clause and Maduro as its object
                    objects = [pobj] if pobj.dep_ == "pobj" else (
                        [c for c in pobj.children if c.dep_ == "dobj"] if pobj.dep_ == "pcomp" else [])
                    for obj in objects:
                        found = self.actors_of(obj)
                        if found:
                            return found
        return []

    def phrase_recipient(self, head, exclude: Iterable[str] = ()) -> list[str]:
        """The recipient inside the trigger's own phrase, nearest first: an object's or a noun's
        ``with``/``against``/``to``/``from``/``by`` phrase (``threatened further action against
        Russia``, ``boycott all contact with the United States``, ``an offensive in its war
        with Iraq``, ``conceded to demands from UNITA``, ``rejected calls by Belarus's
        rulers``), down through objects, prepositions, infinitives and participles but not
        into clauses with a subject of their own."""
        exclude = set(exclude)
        frontier = [head]
        seen = {head.i}
        for _ in range(5):
            nxt = []
            for node in frontier:
                for c in node.children:
                    if c.i in seen or c.dep_ not in PHRASE_DEPS:
                        continue
                    seen.add(c.i)
                    if c.dep_ == "pobj" and node.dep_ in ("prep", "agent") and node.lower_ in PHRASE_PREPS \
                            and node.head.i != head.i:
                        found = [a for a in self.actors_of(c) if a not in exclude]
                        if found:
                            return found
                    nxt.append(c)
            frontier = sorted(nxt, key=lambda t: t.i)
        return []

    def condition_subject(self, verb) -> list[str]:
        """Whom a threat is made to: the subject of its ``if``/``unless`` condition (``threatened
        to strike unless Israel rescinded ...``), on the trigger or its infinitive."""
        for v in (verb, *(x for x in verb.children if x.dep_ == "xcomp")):
            for c in v.children:
                if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless") for m in c.children):
                    own, passive, _ = self.subject(c)
                    if own or passive:
                        return own or passive
        return []

    def place_recipient(self, verb, depth: int = 0) -> list[str]:
        """A country the act is done in or to, as CAMEO codes a target: ``lifted a curfew in
        Montenegro``, ``threatened to resume attacks in Israel``. Country actors only, in the
        trigger's clause, its object's phrase or its infinitive complement."""
        heads = [verb, *(c for c in verb.children if c.dep_ in ("dobj", "attr"))]
        for head in heads:
            for prep in head.children:
                if prep.dep_ != "prep" or prep.lower_ not in ("in", "into", "to", "inside", "across", "throughout"):
                    continue
                for pobj in prep.children:
                    if pobj.dep_ != "pobj":
                        continue
                    found = [a for a in self.actors_of(pobj) if self.actors[a].kind == "country"]
                    if found:
                        return found
        if depth < 2:
            for x in verb.children:
                if x.dep_ == "xcomp" and (found := self.place_recipient(x, depth + 1)):
                    return found
        return []

    def demanded_of(self, verb) -> list[str]:
        """Who is asked: the subject of a ``that`` clause (``demanded that the United States
        match ...``) or the object before an infinitive (``urged Iraq to allow``)."""
        for c in verb.children:
            if c.dep_ == "ccomp":
                own, passive, _ = self.subject(c)
                if own or passive:
                    return own or passive
        return []

    def complement_recipient(self, verb) -> list[str]:
        """The recipient inside an infinitive complement: ``threatened to break relations with
        Russia``, ``promised to continue military aid to Mozambique``."""
        for x in verb.children:
            if x.dep_ != "xcomp":
                continue
            found = self.object_of(x)
            if found:
                return found
            for obj in x.children:
                if obj.dep_ == "dobj":
                    for prep in obj.children:
                        if prep.dep_ == "prep" and prep.lower_ in ("to", "with", "against", "from", "for"):
                            for pobj in prep.children:
                                if pobj.dep_ == "pobj" and (found := self.actors_of(pobj)):
                                    return found
            found = self.complement_recipient(x)
            if found:
                return found
        return []

    # ---- triggers --------------------------------------------------------------------

    def trigger_entry(self, tok) -> dict | None:
        entry = self.triggers.get(tok.lemma_.lower()) or self.triggers.get(tok.lower_)
        if entry is None and tok.pos_ == "VERB":  # a lemma the tagger got wrong ("staged" -> "stag")
            entry = next((self.triggers[f] for f in sorted(_verb_forms(tok)) if f in self.triggers
                          and self.triggers[f]["pos"] == "v"), None)
        if entry is None:
            return None
        if entry["pos"] == "v" and tok.pos_ in ("NOUN", "PROPN") and "noun_cameo" in entry and _light_noun(tok):
            # "launched an attack", "lodged a protest", "on a visit", "Putin's visit": the noun
            # names the event its light verb or owner carries out
            return {**entry, "pos": "n", "cameo": entry["noun_cameo"]}
        if entry["pos"] == "v" and tok.pos_ != "VERB":
            return None
        if entry["pos"] == "n" and tok.pos_ not in ("NOUN", "PROPN"):
            return None
        if entry["pos"] == "n" and tok.dep_ == "compound" and tok.head.lemma_.lower() in PEOPLE_HEADS:
            return None  # "aid workers", "peace activists", "protest leaders": people, not an act
        if entry.get("from") == "cameo-noun" and not (
            _light_noun(tok) or tok.dep_ == "compound" and _light_noun(tok.head)
        ):
            return None  # a derived noun names an event only as what is done or owned
        if tok.pos_ == "PROPN" and tok.ent_type_ and _in_long_entity(tok):
            return None  # "Amnesty International", "Ceasefire Violations Committee": a name
        lemma = tok.lemma_.lower()
        children = {c.lower_ for c in tok.children}
        if lemma == "decline" or (lemma == "refuse" and any(c.lemma_ == "comment" for c in tok.subtree)):
            return None
        if lemma == "charge" and "with" not in children:
            return None
        if lemma == "press" and "for" not in children and not any(c.dep_ == "xcomp" for c in tok.children):
            return None
        if lemma in ("back", "free", "fire", "mass", "cut", "march", "strike") and not any(
            c.dep_ in ("dobj", "prep") for c in tok.children
        ) and not (tok.pos_ == "NOUN" and lemma == "strike" and _light_noun(tok)
                   and not any(c.lower_ in ("air", "missile", "drone", "military") for c in tok.lefts)):
            return None  # but "called off its strike", "began a hunger strike" name the strike
        if entry["pos"] == "v" and (tok.dep_ in ("amod", "compound") or tok.lower_ == "visiting" and tok.dep_ == "pcomp"):
            return None  # "visiting President Maduro", "so-called": modifiers, not events
        return entry

    def structural_entry(self, tok) -> dict | None:
        """Events named by a construction rather than a word (see INTENT_ADJECTIVES, DEMAND_SPEECH)."""
        if tok.pos_ in ("AUX", "VERB") and tok.lemma_ == "be":
            for adj in tok.children:
                if adj.dep_ == "acomp" and adj.lower_ in INTENT_ADJECTIVES and any(
                    c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX") for c in adj.children
                ):
                    return {"pos": "v", "cameo": "030", "intent": True}
        if tok.pos_ == "VERB" and tok.lemma_.lower() in DEMAND_SPEECH:
            for comp in tok.children:
                if comp.dep_ == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "must" for c in comp.children) \
                        and not _negated(comp):
                    return {"pos": "v", "cameo": "100", "demand_of": comp.i}
        return None

    def accede_entry(self, tok) -> dict | None:
        """``accepted demands from Shona rebels``, ``met the strikers' demands``: giving in to a
        demand is yielding (CAMEO 083 "Accede to requests or demands"), not agreeing or meeting."""
        if tok.pos_ == "VERB" and tok.lemma_.lower() in ACCEDE_VERBS and any(
            c.dep_ == "dobj" and c.lemma_.lower() in DEMAND_NOUNS and _made_by_someone(c) for c in tok.children
        ):
            return {"pos": "v", "cameo": "083"}
        return None

    def decline_entry(self, tok) -> dict | None:
        """``declined to resign``: a refusal of the act in its infinitive (CAMEO 12), not of comment."""
        if tok.lemma_.lower() == "decline" and tok.pos_ == "VERB":
            for x in tok.children:
                if x.dep_ == "xcomp" and x.pos_ == "VERB" and x.lemma_.lower() not in NOT_REFUSALS:
                    return {"pos": "v", "cameo": "120"}
        return None

    def provide_entry(self, tok) -> dict | None:
        """``provide``/``extend``/``deliver`` something to an actor is aid (CAMEO 07 "Provide
        ... aid"), unless what is handed over is words or people (a letter, an envoy)."""
        if tok.pos_ != "VERB" or not _verb_forms(tok) & PROVIDE_VERBS:
            return None
        obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
        if obj is None or obj.lemma_.lower() in NOT_AID or obj.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
            return None
        to = [p for c in tok.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"
              for p in c.children if p.dep_ == "pobj"]
        to += [p for c in obj.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
        if any(self.actors_of(p) for p in to):
            return {"pos": "v", "cameo": "070"}
        return None

    def call_entry(self, tok) -> dict | None:
        """``call for``/``call on X to`` is a request (CAMEO 020)."""
        if tok.lemma_.lower() == "call" and tok.pos_ == "VERB" and not _stops(tok):
            # "called on Friday for ...": a date is not whom the call is on
            preps = {c.lower_ for c in tok.children if c.dep_ in ("prep", "prt")
                     and not any(p.ent_type_ in ("DATE", "TIME") for p in c.children)}
            if "for" in preps or "on" in preps or "upon" in preps:
                return {"pos": "v", "cameo": "020"}
        return None

    # ---- the pass over the article ----------------------------------------------------------

    def find(self) -> tuple[Event, ...]:
        drafts: list[_Draft] = []
        excluded = [(s.start, s.end) for s in self.article.excluded]
        for sent in self.sents:
            if any(s <= sent.start_char and sent.end_char <= e for s, e in excluded):
                continue
            sentence = self.sentence_events(sent, drafts)
            drafts.extend(sentence)
        drafts.extend(self.quote_accusations(drafts))
        drafts.sort(key=lambda d: (d.evidence.start, d.evidence.end))
        self.place_and_date(drafts)
        return tuple(self.to_event(i, d) for i, d in enumerate(drafts, 1))

    def sentence_events(self, sent, earlier: list[_Draft]) -> list[_Draft]:
        found: list[_Draft] = []
        for tok in sent:
            entry = self.accede_entry(tok) or self.trigger_entry(tok) or self.call_entry(tok) \
                or self.decline_entry(tok) or self.provide_entry(tok) or self.structural_entry(tok)
            if entry is None:
                continue
            draft = self.draft(tok, entry, sent, earlier + found)
            if draft is not None:
                found.append(draft)
        # nested events: swallowed by, or claimed by, the event they hang from
        by_token = {d.trigger.i: d for d in found}
        for d in found:  # "reiterated its demand that Israel ease ...": the clause hangs from the verb
            if d.nominal and d.trigger.dep_ == "dobj" and d.trigger.head.pos_ == "VERB":
                by_token.setdefault(d.trigger.head.i, d)
        kept = []
        for d in found:
            outer, path = _governing(d.trigger, by_token)
            if outer is not None:
                word = _prep_word(d.trigger, outer.trigger)
                if outer.type in SWALLOWING_TYPES and (
                    path[0] in ("xcomp", "ccomp", "dobj", "acomp") or path[0] == "prep" and word in ("to", "for", "of", "on")
                    or path[0] == "acl" and outer.nominal  # "an ultimatum to halt attacks", "a call to end"
                    or path[0] == "advcl" and outer.nominal and _that_clause(d.trigger, outer.trigger)
                ):
                    if outer.intent and path[:2] == ["acomp", "xcomp"] and len(path) <= 3 and d.type in FUTURE_TO_THREATEN \
                            and not d.negated and not d.hypothetical:
                        # "is prepared to impose martial law": an intention to do harm is a threat
                        outer.type, outer.cameo, outer.mode = "THREATEN", FUTURE_TO_THREATEN[d.type], None
                    if outer.type == "REQUEST" and not outer.recipient and path[0] in ("ccomp", "acl", "advcl"):
                        outer.recipient = [a for a in d.actor if a not in outer.actor]  # who is asked
                    continue  # "agreed to allow ...", "demanded that X release ...": one event
                if outer.type == d.type and d.nominal:
                    continue  # "met on the sidelines of a summit": one meeting
                complement = path[:1] == ["ccomp"] or (path[:1] == ["prep"] and word in ("of", "for", "that"))
                if complement and outer.type in ("ACCUSE", "REJECT", "AGREE", "REQUEST", "THREATEN") \
                        and not d.claimed_by:
                    d.claimed_by = tuple(outer.actor)
            kept.append(d)
        protests = {}
        for d in kept:
            if d.type == "PROTEST":
                protests[d.trigger.i] = d
                if d.nominal and d.trigger.dep_ == "dobj":  # "staged rallies ..., saying he must resign"
                    protests[d.trigger.head.i] = d
        if protests:
            issues = [(d, p) for d in kept if d.type in PROTEST_ISSUES and (p := _nested_in(d.trigger, protests))]
            for d, p in issues:
                if not p.recipient:  # "demonstrated calling for independence from Iraq": Iraq
                    p.recipient = [a for a in (d.recipient or d.actor) if a not in p.actor]
            kept = [d for d in kept if all(d is not x for x, _ in issues)]
        # nominal events without an actor of their own share the sentence's main actor
        main = next((d for d in kept if not d.nominal and d.actor and not d.claimed_by), None)
        main = main or next((d for d in kept if d.actor and not d.claimed_by), None)
        for d in kept:
            if d.nominal and not d.actor and main is not None and main is not d:
                d.actor = [a for a in main.actor if a not in d.recipient]
        out = []
        for d in kept:
            if not d.actor and not d.recipient:
                continue  # an event needs a participant we can name as an actor
            if not d.actor and not d.named and registry.event_type(d.type).quad.startswith("verbal"):
                continue  # a verbal act needs someone who made it (named, if not resolved)
            if d.type == "CONSULT":
                self.consult_roles(d)
                if not d.actor or (d.cameo == "042" and not d.recipient and not d.nominal):
                    continue  # a visit to a place, with nobody named as host
                if not d.nominal and len(d.actor) == 1 and not d.recipient and not _is_two(d.trigger) \
                        and d.trigger.lemma_.lower() in ("meet", "convene") \
                        and not any(c.dep_ in ("dobj", "dative")
                                    or c.dep_ == "prep" and c.lower_ in ("with", "between", "among")
                                    for c in d.trigger.children):
                    continue  # "Israel's Cabinet met Sunday": a body sitting, with nobody to consult
            out.append(d)
        return out

    def draft(self, tok, entry: dict, sent, earlier: list[_Draft]) -> _Draft | None:
        cameo = entry["cameo"]
        plover = registry.cameo_to_plover(cameo)
        if plover is None:
            return None
        mode = entry.get("mode") or registry.cameo_mode(cameo)
        nominal = entry["pos"] == "n"
        if nominal:
            if tok.dep_ in ("nsubj", "nsubjpass"):
                return None  # "the meeting ... agreed": the meeting is a participant here
            if plover == "CONSULT" and not _consult_noun_event(tok):
                return None  # "a climate for peace talks", "the meeting's co-chairman": talks as a topic
            if tok.dep_ in ("dobj", "pobj") and self.trigger_entry(tok.head) is not None:
                return None  # "dismissed Khamenei's criticism": the verb's event covers it
            holder = tok.head if tok.dep_ == "compound" else tok
            if holder is not tok and holder.dep_ in ("dobj", "pobj") and self.trigger_entry(holder.head) is not None:
                return None  # "suspended aid deliveries": the suspension is the event
            eases = _verb_forms(holder.head) & EASE_VERBS and plover in ("COERCE", "SANCTION", "PROTEST")
            if holder.dep_ == "dobj" and holder.head.pos_ == "VERB" and (_stops(holder.head) or eases) \
                    and plover in STOPPED:
                cameo = "165" if cameo == MEDIATE else STOPPED[plover]
                plover, mode = registry.cameo_to_plover(cameo), registry.cameo_mode(cameo)
            actor, recipient = self.noun_participants(tok, earlier, consult=plover == "CONSULT",
                                                      mediation=cameo == MEDIATE)
            if not recipient and plover != "CONSULT":
                recipient = self.phrase_recipient(tok, exclude=actor)
            if not recipient and (verb := _light_verb(tok)) is not None:
                # "granted political asylum to 18 Rwandan rebels", "gave the Ivory Coast $5m of aid"
                recipient = [r for r in self.object_of(verb) if r not in actor]
            if not recipient and registry.event_type(plover).quad.startswith("material"):
                # "imposed a curfew in Somalia": the place of the act, on the noun or its verb
                recipient = self.place_recipient(tok) or (
                    self.place_recipient(tok.head, depth=2) if tok.dep_ == "dobj" else [])
        else:
            actor, passive, has_subject = self.subject(tok)
            recipient = self.object_of(tok)
            if not recipient and cameo == MEDIATE:  # "mediated between Ethiopia and Eritrea"
                recipient = next((self.actors_of(p) for c in tok.children if c.dep_ == "prep" and c.lower_ == "between"
                                  for p in c.children if p.dep_ == "pobj"), [])
            if not recipient:
                recipient = self.complement_recipient(tok)
            if not recipient and plover == "REQUEST":
                recipient = self.demanded_of(tok)
            if not recipient and plover == "THREATEN":
                recipient = self.condition_subject(tok)
            if not recipient:
                recipient = self.phrase_recipient(tok, exclude=actor)
            if not recipient and _place_targeted(plover):
                recipient = self.place_recipient(tok)
            if passive:
                recipient = passive + [r for r in recipient if r not in passive]
            if not has_subject or (not actor and not passive and _is_two(tok)):
                actor = actor or self.inherited_subject(tok)
            subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if not actor and subj is not None and subj.pos_ == "PRON" and tok.dep_ == "ccomp" \
                    and tok.head.lemma_.lower() in SPEECH_VERBS:
                actor = self.subject(tok.head)[0]  # "Syria says it will not": the speaker itself
            if not actor and subj is not None and TWO_WORDS.match(_phrase(subj)):
                actor = self.last_meeting(earlier)
            if "demand_of" in entry:  # "X said Y must V": Y is asked
                inner = self.doc[entry["demand_of"]]
                own, inner_passive, _ = self.subject(inner)
                recipient = [r for r in (own or inner_passive) if r not in actor]
            if tok.lemma_.lower() == "host" and recipient:
                actor, recipient = recipient, actor
                cameo, mode = "043", "visit"
        if nominal:  # "the discussion was dominated by criticism of the Americans": not theirs
            actor = [a for a in actor if a not in recipient]
        recipient = [r for r in recipient if r not in actor]
        evidence = self.evidence(tok, sent)
        draft = _Draft(tok, plover, cameo, mode, actor, recipient, evidence, nominal=nominal,
                       confidence=0.45 if nominal else (0.65 if actor and recipient else 0.55))
        if not actor:
            # "A French minister threatened ...", "X has been accused of ...", "Seven parties
            # organized a general strike": someone did it, though the actors stage did not
            # make that someone an actor
            draft.named = _named_subject(tok) if not nominal else _named_owner(tok)
            if draft.named:
                draft.confidence = 0.3
        draft.negated = _negated(tok)
        draft.hypothetical = _hypothetical(tok)
        light = _light_verb(tok) if nominal else None
        if light is not None:  # "may halt mediation efforts if", "will not send tons of aid"
            draft.negated = draft.negated or _negated(light)
            draft.hypothetical = draft.hypothetical or _hypothetical(light)
        if not nominal and draft.negated and plover in REFUSABLE and (_future(tok) or _refusal(tok)):
            # "will not accept", "would not meet": a stated refusal is itself an event (CAMEO 12)
            draft.type, draft.cameo, draft.mode, draft.negated = "REJECT", "120", None, False
        elif not nominal and _future(tok) and _unless(tok) and (plover in FUTURE_TO_AGREE or plover in FUTURE_TO_THREATEN):
            draft.type, draft.cameo, draft.mode, draft.intent = "THREATEN", "130", None, True
        elif light is not None and _future(light) and not _negated(light) \
                and (plover in FUTURE_TO_AGREE or plover in FUTURE_TO_THREATEN):
            # "will provide food aid", "will provide 25,000 tons of aid", "will extend the curfew":
            # an intention, as for a verb
            if plover in FUTURE_TO_AGREE:
                draft.type, draft.cameo, draft.mode, draft.intent = "AGREE", FUTURE_TO_AGREE[plover], None, True
            else:
                draft.type, draft.cameo, draft.mode, draft.intent = "THREATEN", FUTURE_TO_THREATEN[plover], None, True
        elif not nominal and _future(tok) and plover in FUTURE_TO_AGREE:
            draft.type, draft.cameo, draft.mode, draft.intent = "AGREE", FUTURE_TO_AGREE[plover], None, True
        elif not nominal and _future(tok) and plover in FUTURE_TO_THREATEN and not draft.negated:
            draft.type, draft.cameo, draft.mode, draft.intent = "THREATEN", FUTURE_TO_THREATEN[plover], None, True
        if entry.get("intent"):
            draft.intent = True
        if plover == "CONSULT":
            draft.visitors = self.visitors(tok)
        self.claim(draft, tok)
        if draft.quote == "unattributed":
            return None
        return draft

    def noun_participants(self, tok, earlier: list[_Draft], consult: bool = False,
                          mediation: bool = False) -> tuple[list[str], list[str]]:
        actor: list[str] = []
        for child in tok.children:
            if child.dep_ == "poss":
                actor = self.actors_of(child)
        if not actor and any(c.lower_ in ("two", "both") for c in tok.lefts):
            actor = self.last_meeting(earlier)
        if not actor:
            head = tok.head
            for _ in range(3):
                if head.pos_ in ("VERB", "AUX"):
                    actor, _, _ = self.subject(head)
                    if not actor and head.dep_ in ("conj", "xcomp", "advcl"):
                        actor = self.inherited_subject(head)
                    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
                    if not actor and subj is not None and subj.pos_ == "PRON" and head.dep_ == "ccomp" \
                            and head.head.lemma_.lower() in SPEECH_VERBS:
                        actor = self.subject(head.head)[0]  # "NATO confirmed it would tighten the blockade"
                    break
                if head.i == head.head.i:
                    break
                head = head.head
        recipient: list[str] = []
        for holder in (tok, tok.head) if mediation and tok.dep_ == "compound" else (tok,) if mediation else ():
            for prep in holder.children:  # "a mediation mission between Syria and Arafat"
                if prep.dep_ == "prep" and prep.lower_ == "between":
                    for pobj in prep.children:
                        if pobj.dep_ == "pobj":
                            recipient += [r for r in self.actors_of(pobj) if r not in recipient]
        for child in tok.children:
            if child.dep_ == "prep" and child.lower_ in NOUN_RECIPIENT_PREPS and not (consult and child.lower_ != "with"):
                for pobj in child.children:
                    if pobj.dep_ == "pobj":
                        recipient += [r for r in self.actors_of(pobj) if r not in recipient]
        return actor, recipient

    def last_meeting(self, earlier: list[_Draft]) -> list[str]:
        for d in reversed(earlier):
            if d.type == "CONSULT" and d.actor:
                return list(dict.fromkeys([*d.actor, *d.recipient]))
        return []

    def visitors(self, tok) -> list[str]:
        """Participants described as ``visiting`` (``visiting Venezuelan President Maduro``)."""
        out = []
        for t in tok.subtree:
            if t.lower_ == "visiting" and t.dep_ in ("amod", "compound"):
                found = self.actor_of(t.head)
                if found:
                    out.append(found)
            elif t.lower_ == "visiting" and t.dep_ == "pcomp":
                for obj in t.children:
                    if obj.dep_ == "dobj" and (found := self.actor_of(obj)):
                        out.append(found)
        return out

    def consult_roles(self, d: _Draft) -> None:
        """Visitor as actor and host as recipient when the roles are known; else all are actors."""
        sides = list(dict.fromkeys([*d.actor, *d.recipient]))
        if d.cameo in ("043", MEDIATE) or d.mode == "visit" and d.cameo == "042":
            return  # a host, a visit, or a mediator between the recipients: roles already known
        visitors = [a for a in sides if a in d.visitors]
        hosts: list[str] = []
        if d.location is not None and d.location.country:
            hosts = [a for a in sides if self.actors[a].country == d.location.country]
        if not visitors and hosts and len(hosts) < len(sides):
            visitors = [a for a in sides if a not in hosts]
        if visitors and len(visitors) < len(sides):
            d.actor = visitors
            d.recipient = [a for a in sides if a not in visitors]
            d.mode = "visit"
            d.cameo = "042"
        elif d.recipient:
            d.actor, d.recipient = sides, []

    def evidence(self, tok, sent) -> Span:
        """The clause around the trigger, within its sentence."""
        head = tok
        if tok.pos_ != "VERB":
            head = tok.head if tok.head.pos_ == "VERB" and tok.dep_ in ("dobj", "pobj") else tok
        left = min(t.i for t in head.subtree if t.i >= sent.start)
        right = max(t.i for t in head.subtree if t.i < sent.end)
        while right > left and self.doc[right].is_punct and self.doc[right].text not in ")”\"":
            right -= 1
        start, end = self.doc[left].idx, self.doc[right].idx + len(self.doc[right].text)
        return Span.of(self.text, start, end)

    def claim(self, d: _Draft, tok) -> None:
        start, end = tok.idx, tok.idx + len(tok.text)
        if (start, end) in self.cues or any(c[0] <= start and end <= c[1] for c in self.cues):
            return  # the speech act itself
        for q in self.quotes:
            if any(s.start <= start and end <= s.end for s in q.content):
                if q.speaker is None or not q.speaker.actors:
                    if q.kind == "indirect":
                        # "..., security sources said": wire sourcing of a reported fact
                        d.confidence = min(d.confidence, 0.35)
                        return
                    d.quote = "unattributed"
                    return
                d.claimed_by = tuple(q.speaker.actors)
                d.quote = q.id
                return

    # ---- speech acts from quotes ------------------------------------------------------------

    def quote_accusations(self, drafts: list[_Draft]) -> list[_Draft]:
        """ACCUSE by a quote's speaker against the actor an accusing quoted clause is about."""
        seen = {(tuple(d.actor), tuple(d.recipient), self.paragraph(d.evidence.start))
                for d in drafts if d.type == "ACCUSE" and not d.claimed_by}
        out: list[_Draft] = []
        for q in self.quotes:
            if q.speaker is None or not q.speaker.actors or not q.content:
                continue
            speaker = list(q.speaker.actors)
            start = min(s.start for s in q.content)
            end = max(s.end for s in q.content)
            if q.kind != "direct" and q.cue is not None:
                start = min(start, q.cue.end)
            span = self.doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            for tok in span:
                if tok.dep_ not in ("nsubj", "nsubjpass") or tok.idx < start:
                    continue
                targets = [a for a in self.actors_of(tok) if a not in speaker]
                if not targets:
                    continue
                verb = tok.head
                clause = [t for t in verb.subtree if start <= t.idx < end]
                if not clause:
                    continue
                words = {t.lower_ for t in clause}
                conflict = any(
                    (e := self.trigger_entry(t)) is not None
                    and registry.event_type(registry.cameo_to_plover(e["cameo"]) or "ACCUSE").quad.endswith("conflict")
                    for t in clause
                )
                if q.kind == "indirect":
                    conflict = False  # "X attacked Y, the army said" reports an attack, accuses nobody
                if not (words & ACCUSATORY or conflict) or _negated(verb):
                    continue
                key = (tuple(speaker), tuple(targets), self.paragraph(clause[0].idx))
                if key in seen:
                    continue
                seen.add(key)
                ev = Span.of(self.text, clause[0].idx, clause[-1].idx + len(clause[-1].text))
                out.append(_Draft(verb, "ACCUSE", "112", "allege", speaker, targets, ev, confidence=0.4,
                                  from_quote=True, quote=q.id))
        return out

    def paragraph(self, offset: int) -> int:
        return self.text.count("\n\n", 0, offset)

    # ---- dates and places ----------------------------------------------------------------------

    def place_and_date(self, drafts: list[_Draft]) -> None:
        for i, d in enumerate(drafts):
            k = self.sent_of[d.trigger.i]
            d.date = self.sentence_date(d.trigger, k)
            d.location = self.sentence_place(d, k)
            if not d.recipient and d.location is not None and d.location.country and _place_targeted(d.type):
                # "imposed a curfew in Algiers" with Algeria named in the article: the place's
                # country is what the act is done to, as place_recipient reads a country's name
                d.recipient = [a.id for a in self.actors.values()
                               if a.kind == "country" and a.country == d.location.country and a.id not in d.actor][:1]
            if d.date is None or d.location is None:
                parties = set(d.actor) | set(d.recipient) | set(d.claimed_by)
                for prev in reversed(drafts[:i]):
                    if prev.claimed_by or prev.from_quote or prev.nominal and prev.type != "CONSULT":
                        continue  # what a speaker says, or an aside, does not set the scene
                    # the doer must have taken part before (both sides of a meeting count)
                    anchor = set(d.actor) | set(d.recipient) if d.type == "CONSULT" else set(d.actor or d.recipient)
                    if anchor & (set(prev.actor) | set(prev.recipient)):
                        if d.date is None and prev.date is not None and prev.evidence.start < d.evidence.start:
                            d.date = prev.date
                        if d.location is None and prev.location is not None:
                            d.location = prev.location
                        if d.date is not None and d.location is not None:
                            break
            if d.location is None:
                d.location = self.dateline
            if d.type == "CONSULT":
                self.consult_roles(d)
        # "the two-hour meeting", "his meeting with Putin": a noun naming an event already
        # reported, with the same participants and date, is that event again
        seen: set[tuple] = set()
        for d in list(drafts):
            key = (d.type, frozenset(d.actor) | frozenset(d.recipient), d.date, bool(d.claimed_by))
            # ... and two parties meet once a day: "the two leaders met" retells the meeting
            if key in seen and (d.nominal or d.type == "CONSULT" and d.date is not None):
                drafts.remove(d)
            seen.add(key)

    def sentence_date(self, tok, k: int) -> dt.date | None:
        """The date in sentence ``k`` nearest to ``tok`` in its clause (or anywhere, for the main verb)."""
        best = None
        for ent in self.sent_ents[k]:
            if ent.label_ != "DATE":
                continue
            if not _in_own_clause(ent.root, tok) and self.sents[k].root.i != tok.i:
                continue
            date = resolve_date(ent.text, self.reference)
            if date is None:
                continue
            distance = min(abs(ent.start - tok.i), abs(ent.end - 1 - tok.i))
            if best is None or distance < best[0]:
                best = (distance, date)
        return best[1] if best else None

    def sentence_place(self, d: _Draft, k: int) -> Location | None:
        parties = set(d.actor) | set(d.recipient)
        best = None
        for ent in self.sent_ents[k]:
            if ent.label_ not in ("GPE", "LOC", "FAC"):
                continue
            root = ent.root
            if not (root.dep_ == "pobj" and root.head.lower_ in ("in", "at", "near", "outside", "inside")):
                continue
            if not _in_own_clause(root, d.trigger):
                continue
            actor, _ = self.index.actor_at(ent.start_char, ent.end_char)
            if actor is not None and actor.id in parties:
                continue
            place = resolve_place(ent.text, Span.of(self.text, ent.start_char, ent.end_char))
            if place is None:
                continue
            distance = abs(root.i - d.trigger.i)
            if best is None or distance < best[0]:
                best = (distance, place)
        return best[1] if best else None

    def to_event(self, i: int, d: _Draft) -> Event:
        return Event(
            id=f"e{i}", type=d.type, cameo=d.cameo, evidence=d.evidence, mode=d.mode or None,
            actor=tuple(d.actor), recipient=tuple(d.recipient), date=d.date, location=d.location,
            claimed_by=tuple(d.claimed_by), quote=d.quote if d.quote != "unattributed" else None,
            negated=d.negated, hypothetical=d.hypothetical, confidence=d.confidence,
        )


# ---- parse helpers ---------------------------------------------------------------------------


def _conjuncts(tok) -> Iterable:
    for child in tok.children:
        if child.dep_ == "conj":
            yield child
            yield from _conjuncts(child)


def _phrase(tok) -> str:
    return " ".join(t.lower_ for t in tok.subtree)


def _is_two(tok) -> bool:
    subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    return subj is not None and bool(TWO_WORDS.match(_phrase(subj)))


def _governing(tok, by_token: dict) -> tuple[object, list[str]]:
    """The nearest trigger this one is nested under, and the dependency path to it."""
    path: list[str] = []
    t = tok
    for _ in range(6):
        if t.dep_ not in NESTING_DEPS or t.head.i == t.i:
            return None, []
        path.insert(0, t.dep_)
        t = t.head
        if t.i in by_token and by_token[t.i].trigger.i != tok.i:  # not a noun's own light verb
            return by_token[t.i], path
    return None, []


def _that_clause(inner, outer) -> bool:
    """Whether the clause holding ``inner`` opens with ``that`` (a complement the parser hung
    as an adverbial clause: ``repeated its demand today that Sudan ease ...``)."""
    t = inner
    while t.head.i != t.i and t.head.i != outer.i and t.head.i != outer.head.i:
        t = t.head
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in t.children)


def _consult_noun_event(noun) -> bool:
    """Whether a meeting noun reports a meeting: held by a light verb (``held talks``), owned
    (``Putin's visit``), with its parties (``a meeting with Buhari``, ``talks between``), or
    what a verb is done on or during (``on a visit``, ``at a meeting``, ``after talks``)."""
    if noun.dep_ == "poss":
        return False
    if _light_noun(noun) or noun.dep_ == "compound" and _light_noun(noun.head):
        return True
    holder = noun.head if noun.dep_ == "compound" else noun
    if any(c.dep_ == "prep" and c.lower_ in ("with", "between", "among") for c in holder.children):
        return True
    return holder.dep_ == "pobj" and holder.head.lower_ in ("during", "after", "at", "before", "following", "for") \
        and holder.head.head.pos_ in ("VERB", "AUX")


def _verb_forms(verb) -> set[str]:
    """A verb's lemma and its plain de-inflections: the tagger's lemma can be wrong (``staged``
    -> ``stag``)."""
    word = verb.lower_
    forms = {verb.lemma_.lower(), word}
    for suffix, repl in (("ed", ""), ("ed", "e"), ("d", ""), ("ing", ""), ("ing", "e"), ("s", ""), ("es", "")):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            forms.add(word[: -len(suffix)] + repl)
    return forms


def _light_verb(noun):
    """The verb whose object a noun event is (``granted asylum``, ``gave $5m of aid``), or None."""
    t = noun.head if noun.dep_ == "compound" else noun
    if t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.dep_ == "dobj":
        t = t.head.head
    return t.head if t.dep_ == "dobj" and t.head.pos_ == "VERB" else None


def _stops(verb) -> bool:
    """Whether a verb stops or cuts back what its object names (``halted``, ``called off``)."""
    lemma = verb.lemma_.lower()
    return lemma in STOP_VERBS or lemma == "call" and any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)


def _in_long_entity(tok) -> bool:
    """Whether a token is inside a named entity of two or more words (by its IOB tag and the next one's)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.ent_iob_ == "I" or (tok.ent_iob_ == "B" and nxt is not None and nxt.ent_iob_ == "I")


def _nested_in(tok, anchors: dict):
    """The anchor's draft ``tok`` hangs from (through clauses, objects and prepositions), or None."""
    t = tok
    for _ in range(6):
        if t.dep_ not in NESTING_DEPS or t.head.i == t.i:
            return None
        t = t.head
        if t.i in anchors and anchors[t.i].trigger.i != tok.i:
            return anchors[t.i]
    return None


def _in_own_clause(tok, trigger) -> bool:
    """Whether ``tok`` belongs to the trigger's clause: not in a clause nested below it.

    A place or date in ``agreed that ... talks in Vienna`` belongs to the talks, not to the
    agreement; one attached to a verb the trigger hangs from (``met ... in Tehran`` for
    ``a meeting``) or to the sentence's main verb counts.
    """
    t = tok
    for _ in range(12):
        if t.i == trigger.i:
            return True
        if t.dep_ in ("ccomp", "xcomp", "relcl", "acl", "advcl", "csubj") and not (t.left_edge.i <= trigger.i <= t.right_edge.i):
            return False
        if t.head.i == t.i:
            return trigger.i in [x.i for x in t.subtree]
        t = t.head
    return False


def _prep_word(inner, outer) -> str | None:
    """The preposition on the path from ``outer`` down to ``inner`` (``accused X of ...``)."""
    t = inner
    while t.head.i != t.i and t.head.i != outer.i:
        t = t.head
    return t.lower_ if t.dep_ == "prep" else None


def _light_noun(tok) -> bool:
    """Whether a noun is the event of a light verb (``launched an attack``), of ``on`` (``on a
    visit``) or of its owner (``Putin's visit``)."""
    if tok.dep_ == "dobj" and (_verb_forms(tok.head) & (LIGHT_NOUN_HOSTS | EASE_VERBS) or _stops(tok.head)):
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ == "in" and _verb_forms(tok.head.head) & {"engage", "participate"}:
        return True  # "engaged in ethnic cleansing" (CAMEO's own wording: "Engage in ...")
    if tok.dep_ == "pobj" and tok.head.lower_ == "on" and tok.head.head.pos_ in ("VERB", "AUX"):
        return True
    return any(c.dep_ == "poss" for c in tok.children)


def _named_owner(noun) -> bool:
    """Whether a nominal event has an owner (``their hunger strike``) or is what a named
    subject does (``Seven parties organized a general strike``)."""
    if any(c.dep_ == "poss" for c in noun.children):
        return True
    head = noun.head
    if noun.dep_ == "compound":
        noun, head = head, head.head
    return noun.dep_ == "dobj" and head.pos_ == "VERB" and _named_subject(head)


def _refusal(tok) -> bool:
    """``would not``/``will not``/``cannot`` on the trigger: a refusal, not a plain negation."""
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    return bool(aux & {"would", "will", "wo", "ca", "can", "'ll"})


def _named_subject(verb) -> bool:
    """Whether a verb has a subject phrase (a noun, name or pronoun), or is a passive."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("NOUN", "PROPN", "PRON"):
            return child.lower_ not in ("it", "this", "that", "there", "which", "what")
    return False


def _place_targeted(plover: str) -> bool:
    """Whether the place an act is done in is its target when nobody else is: material acts
    (a curfew, a strike, an attack) and what is agreed, asked, threatened or refused there."""
    return registry.event_type(plover).quad.startswith("material") or plover in SWALLOWING_TYPES


def _made_by_someone(noun) -> bool:
    """Demands someone made (``the strikers' demands``, ``demands from the rebels``, ``demands``),
    not demand as the market's (``to meet demand``, ``the demand for housing``)."""
    return noun.tag_ == "NNS" or any(
        c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("of", "from", "by") for c in noun.children)


def _negated(tok) -> bool:
    if tok.dep_ == "conj" and _negated(tok.head):
        return True
    for t in (tok, *(c for c in tok.children if c.dep_ in ("aux", "auxpass"))):
        if any(c.dep_ == "neg" for c in t.children):
            return True
    if tok.dep_ in ("xcomp",) and any(c.dep_ == "neg" for c in tok.head.children):
        return True
    if tok.dep_ == "xcomp" and tok.head.lemma_.lower() in NOT_DONE_HEADS:
        return True  # "failed to reach agreement", "refused to meet": the act did not happen
    return False


#: Verbs whose infinitive is an act that did not happen.
NOT_DONE_HEADS = {"fail", "refuse", "decline"}

SPEECH_VERBS = {"say", "announce", "tell", "state", "add", "report", "confirm", "insist", "indicate", "claim",
                "declare", "reply", "write", "promise", "pledge", "vow"}


def _reported_would(tok) -> bool:
    """``said it would allow``: "would" in reported speech is the future seen from the past."""
    t = tok
    for _ in range(3):
        if t.dep_ not in ("ccomp", "xcomp", "conj") or t.head.i == t.i:
            return False
        t = t.head
        if t.lemma_.lower() in SPEECH_VERBS:
            return True
    return False


def _hypothetical(tok) -> bool:
    aux = {c.lower_ for c in tok.children if c.dep_ == "aux"}
    if aux & HYPOTHETICAL_AUX and not (aux & HYPOTHETICAL_AUX <= {"would"} and _reported_would(tok)):
        return True
    if tok.dep_ == "acl" and "to" in aux and tok.head.pos_ == "NOUN" and tok.head.lemma_.lower() not in ATTEMPTS:
        return True  # "the right to fire", "a plan to attack": an act the noun holds open, not done
    t = tok
    for _ in range(4):
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            return True
        if t.head.i == t.i:
            break
        t = t.head
    return False


def _unless(tok) -> bool:
    """An ``unless`` clause on the act: ``will withdraw its force unless ...`` is a threat."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless" for m in c.children)
               for c in tok.children)


def _future(tok) -> bool:
    if tok.dep_ == "conj" and tok.head.pos_ == "VERB" and _future(tok.head):
        return True
    if any(c.dep_ == "aux" and c.lower_ == "would" for c in tok.children) and _reported_would(tok):
        return True
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in tok.children) or (
        tok.dep_ == "xcomp" and tok.head.lemma_ in ("plan", "intend", "expect", "hope")
    )


_HEADER_DATE = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}\b"
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}\b"
    r"|\b\d{4}-\d{2}-\d{2}\b"
)


def header_date(article: Article) -> dt.date | None:
    """The first full date in the article's header (byline/dateline), when ingest found no date."""
    head = article.text[: max(article.body_start, 0) + 400]
    m = _HEADER_DATE.search(head)
    return resolve_date(m.group(0), None) if m else None


_DATELINE = re.compile(r"^\s*([A-Z][A-Z.'\- ]{2,40}?)(?:,\s*[A-Za-z.' ]{2,30})?\s*(?:\([^)]{1,40}\))?\s*[—–-]{1,2}\s")


def dateline_place(article: Article) -> Location | None:
    """The place of a ``TEHRAN (Reuters) —`` style dateline opening the body."""
    body = article.text[article.body_start:article.body_start + 2000]
    for line in body.splitlines():
        if not line.strip():
            continue
        m = _DATELINE.match(line)
        if m:
            name = m.group(1).strip().title()
            start = article.body_start + body.index(line) + line.index(m.group(1))
            return resolve_place(name, Span.of(article.text, start, start + len(m.group(1).strip())))
        if len(line) > 60:
            return None
    return None


def find_events(doc, article: Article, actors: tuple[Actor, ...], quotes: tuple[Quote, ...]) -> tuple[Event, ...]:
    """The events of one parsed article, ids ``e1``, ``e2`` ... in text order."""
    if doc is None or not len(doc):
        return ()
    return EventFinder(doc, article, actors, quotes).find()


__all__ = ["find_events", "EventFinder", "header_date", "dateline_place"]
