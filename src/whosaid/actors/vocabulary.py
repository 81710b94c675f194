"""Words that describe people and organisations in news: titles, role nouns, pronouns.

Kept in one place so the mention finder and the description resolver agree.
"""

from __future__ import annotations

#: Title words that may precede a name ("Russian President Vladimir Putin", "State Department
#: spokesman Mark Toner") and head a description ("the Nigerian leader").
TITLE_WORDS = frozenset("""
president vice prime minister premier chancellor supreme leader ayatollah mullah cleric imam sheikh
king queen prince princess emir sultan crown secretary general spokesman spokeswoman spokesperson
ambassador envoy foreign defence defense interior finance senator governor mayor representative rep.
sen. gov. gen. lt. col. maj. capt. adm. chairman chairwoman chair chief executive director commander
head justice judge pope cardinal archbishop bishop rabbi dr. mr. mrs. ms. sir lord lady dame
candidate nominee speaker congressman republican democratic gop presidential vice-presidential congresswoman lawmaker deputy attorney state-department
hojatolislam grand first lady former acting interim incoming outgoing top senior
""".split())

#: Titles that only a person holds: a name right after one is a person's, whatever the tagger says.
PERSON_TITLES = frozenset("""
ambassador president minister premier chancellor senator sen. governor gov. mayor envoy spokesman
spokeswoman secretary general gen. ayatollah sheikh king queen prince princess judge justice
commander representative rep. dr. mr. mrs. ms.
""".split())

#: Words that never begin a name (titles before a person's first name; kept as the role).
HONORIFICS = frozenset("mr. mr mrs. mrs ms. ms dr. dr sir".split())

#: Head nouns of descriptions that can refer to a person, with the role they imply.
PERSON_NOUNS = frozenset("""
president leader ayatollah mullah cleric imam minister premier chancellor king queen prince emir sultan
spokesman spokeswoman spokesperson ambassador envoy senator governor mayor chairman chairwoman
secretary general commander excellency candidate nominee congressman congresswoman lawmaker official
diplomat judge pope speaker director chief executive founder businessman billionaire tycoon
""".split())

#: Role groups: a description's role word fits an actor holding any word of its group.
ROLE_GROUPS = {
    "leader": {"president", "leader", "prime", "premier", "chancellor", "king", "queen", "emir",
               "sultan", "ayatollah", "supreme", "minister", "head", "chairman", "governor", "mayor"},
    "mullah": {"ayatollah", "mullah", "cleric", "imam", "hojatolislam", "sheikh"},
    "cleric": {"ayatollah", "mullah", "cleric", "imam", "hojatolislam", "sheikh"},
    "excellency": {"president", "leader", "prime", "premier", "king", "queen", "emir", "ayatollah",
                   "supreme", "minister", "ambassador", "sultan", "chancellor"},
    "official": {"official", "minister", "secretary", "spokesman", "spokeswoman", "spokesperson",
                 "ambassador", "envoy", "director", "chairman", "governor", "president", "leader"},
    "diplomat": {"ambassador", "envoy", "minister", "secretary", "diplomat"},
}

#: Role words that carry no restriction on their own (they qualify another word).
WEAK_ROLE_WORDS = frozenset("former acting interim incoming outgoing top senior first grand vice deputy presidential vice-presidential".split())

#: Adjectives that describe a person's politics or manner, not a role ("leftist leader").
MALE_TITLES = frozenset("mr. mr king prince emir sultan ayatollah sir lord pope congressman spokesman chairman".split())
FEMALE_TITLES = frozenset("mrs. mrs ms. ms queen princess lady dame congresswoman spokeswoman chairwoman".split())

PRONOUNS_MALE = frozenset("he him his himself".split())
PRONOUNS_FEMALE = frozenset("she her hers herself".split())
PRONOUNS_THING = frozenset("it its itself".split())

#: Organisation descriptions that stand for a country's government: "the Kremlin" style.
GOVERNMENT_NOUNS = frozenset("government administration regime authorities".split())

SPEECH_VERBS = frozenset("""
say tell add state declare announce claim accuse warn insist argue note explain ask reply respond write
comment vow urge deny admit acknowledge stress suggest predict promise threaten praise criticise criticize
slam condemn dismiss call quote report agree concur continue
""".split())

#: Short capitalised words the gazetteer must not read as names at the start of a sentence.
NOT_NAMES = frozenset("""
the a an this that these those he she it we they i you his her its our their my your us
today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday
""".split())

#: Abbreviated titles and the role word they stand for.
TITLE_ABBREVIATIONS = {
    "sen.": "senator", "sen": "senator", "gov.": "governor", "rep.": "representative", "gen.": "general",
    "pres.": "president", "sec.": "secretary", "lt.": "lieutenant", "col.": "colonel", "adm.": "admiral",
    "congressman": "representative", "congresswoman": "representative", "lawmaker": "representative",
}

#: Party words: a description's party must not contradict its actor's.
PARTY_WORDS = {"republican": "R", "gop": "R", "democratic": "D", "democrat": "D"}

#: Roles prominent enough that a description may name the article's main person who has no
#: known title ("The Republican nominee" for an untitled "Trump"); staff roles are not.
PROMINENT_ROLES = frozenset("""
nominee candidate president senator governor judge mayor leader congressman congresswoman lawmaker
chairman secretary minister premier chancellor representative businessman billionaire
""".split())
