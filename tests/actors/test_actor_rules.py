"""The actor stage's rules on short real news sentences."""

from __future__ import annotations

import datetime as dt

import pytest

from whosaid.actors import MentionIndex, find_actors, load_dictionary
from whosaid.nlp.parse import parse
from whosaid.records import Article


def analyse(nlp, text: str, published: dt.date | None = None, dictionary=None):
    article = Article(id="t", source="t.txt", text=text, published=published)
    return find_actors(parse(nlp, article), article, dictionary)


def who(actors, text: str, phrase: str, nth: int = 0):
    """The actor the nth occurrence of ``phrase`` refers to (None when unresolved)."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(phrase, start + 1)
    actor, mention = MentionIndex(actors).actor_at(start, start + len(phrase))
    return actor, mention


def test_title_before_a_name_becomes_role_and_country(nlp):
    text = "Russian President Vladimir Putin met Iran's supreme leader Ayatollah Ali Khamenei in Tehran on Monday."
    actors = analyse(nlp, text)
    putin, mention = who(actors, text, "Vladimir Putin")
    assert putin.name == "Vladimir Putin"
    assert (putin.kind, putin.country, putin.role) == ("person", "RUS", "President")
    assert putin.canonical_id == "phoenix:VLADIMIR_PUTIN"
    assert mention.text == "Russian President Vladimir Putin"
    khamenei, _ = who(actors, text, "Ali Khamenei")
    assert khamenei.name == "Ali Khamenei"
    assert khamenei.country == "IRN"
    assert khamenei.role == "Supreme Leader"
    # "in Tehran" is a place, not an actor
    assert all(m.text != "Tehran" for a in actors for m in a.mentions)


def test_surname_and_pronoun_join_the_full_name(nlp):
    text = ("Nigerian President Muhammadu Buhari arrived in Tehran on Monday. "
            "Buhari said he would ask for help against Boko Haram.")
    actors = analyse(nlp, text)
    buhari, _ = who(actors, text, "Muhammadu Buhari")
    assert who(actors, text, "Buhari", 1)[0] is buhari
    assert who(actors, text, "he")[0] is buhari
    assert who(actors, text, "Boko Haram")[0].sector == "REB"


def test_descriptions_join_the_actor_whose_attributes_fit(nlp):
    text = ("Khamenei met Nigerian President Muhammadu Buhari and later Venezuelan President Nicolas Maduro. "
            "The ayatollah advised the Nigerian leader not to trust Washington. "
            "Venezuela's leftist leader told Khamenei that the U.S. was an enemy.")
    actors = analyse(nlp, text)
    assert who(actors, text, "the Nigerian leader")[0].name == "Muhammadu Buhari"
    assert who(actors, text, "Venezuela's leftist leader")[0].name == "Nicolas Maduro"
    khamenei = who(actors, text, "Khamenei")[0]
    assert who(actors, text, "The ayatollah")[0] is khamenei


def test_ner_corrections_daesh_untagged_and_mullah_tagged_person(nlp):
    text = ("The Shi’ite mullah Ayatollah Ali Khamenei said America supports Daesh. "
            "Iraqi officials say Daesh still holds towns near Mosul.")
    actors = analyse(nlp, text)
    isis = who(actors, text, "Daesh")[0]
    assert isis is not None and isis.canonical_id == "phoenix:THE_ISLAMIC_STATE"
    assert who(actors, text, "Daesh", 1)[0] is isis
    mullah, mention = who(actors, text, "The Shi’ite mullah")
    assert mullah is not None and mullah.name == "Ali Khamenei"


def test_demonyms_and_names_of_the_united_states_are_one_country(nlp):
    text = ("“The Americans are trying to dominate the region,” Khamenei said. American policies hurt Iran, "
            "and Iran will not negotiate with the U.S. or the United States Congress. America is behind it.")
    actors = analyse(nlp, text)
    usa = who(actors, text, "The Americans")[0]
    assert usa.kind == "country" and usa.country == "USA" and usa.canonical_id == "country:USA"
    for phrase in ("American", "U.S.", "America"):
        assert who(actors, text, phrase)[0] is usa, phrase


def test_a_country_named_only_by_its_capital(nlp):
    text = "Tehran said on Monday that it would not negotiate. Moscow rejected the proposal a day later."
    actors = analyse(nlp, text)
    iran = who(actors, text, "Tehran")[0]
    assert iran is not None and iran.kind == "country" and iran.country == "IRN"
    russia = who(actors, text, "Moscow")[0]
    assert russia is not None and russia.country == "RUS"


def test_two_people_with_the_same_surname_stay_two(nlp):
    text = ("Former President Bill Clinton campaigned for his wife Hillary Clinton in Ohio on Tuesday. "
            "Hillary Clinton told the crowd that jobs come first. "
            "Bill Clinton later said the race was close.")
    actors = analyse(nlp, text)
    bill = who(actors, text, "Bill Clinton")[0]
    hillary = who(actors, text, "Hillary Clinton")[0]
    assert bill is not hillary
    assert who(actors, text, "Bill Clinton", 1)[0] is bill
    assert who(actors, text, "Hillary Clinton", 1)[0] is hillary


def test_a_pronoun_with_two_candidates_has_lower_confidence(nlp):
    clear = "Vladimir Putin arrived in Tehran on Monday. He said the talks would be long."
    actors = analyse(nlp, clear)
    putin, mention = who(actors, clear, "He")
    assert putin.name == "Vladimir Putin"
    sure = mention.confidence
    torn = "Vladimir Putin met Barack Obama in Paris on Monday. He said the talks would be long."
    actors = analyse(nlp, torn)
    someone, mention = who(actors, torn, "He")
    assert someone is not None and someone.kind == "person"
    assert mention.confidence < sure


def test_a_description_that_fits_nobody_stays_unresolved(nlp):
    text = "Russian President Vladimir Putin met reporters in Moscow. The spokesman said nothing more."
    actors = analyse(nlp, text)
    actor, _ = who(actors, text, "The spokesman")
    assert actor is None or actor.name != "Vladimir Putin"


def test_editor_brackets_name_who_his_excellency_is(nlp):
    text = ("Putin met Khamenei on Monday. “As his excellency [Khamenei] stated, we are watching,” "
            "Putin was quoted as saying.")
    actors = analyse(nlp, text)
    assert who(actors, text, "his excellency")[0].name == "Khamenei"


ROLES = [
    {"id": "phoenix:VLADIMIR_PUTIN", "name": "Vladimir Putin",
     "roles": [{"title": "President", "country": "RUS", "start": "2000-05-07", "end": "2008-05-07"},
               {"title": "President", "country": "RUS", "start": "2012-05-07", "end": None}]},
    {"id": "phoenix:DMITR_MEDVEDEV", "name": "Dmitry Medvedev",
     "roles": [{"title": "President", "country": "RUS", "start": "2008-05-07", "end": "2012-05-07"}]},
]


@pytest.mark.parametrize("year, holder", [(2007, "Vladimir Putin"), (2009, "Dmitry Medvedev"), (2015, "Vladimir Putin")])
def test_role_at_the_articles_date(nlp, year, holder):
    dictionary = load_dictionary(extra_entries=ROLES)
    text = "The Russian president said on Tuesday that talks with Kiev would continue."
    actors = analyse(nlp, text, published=dt.date(year, 6, 1), dictionary=dictionary)
    actor, _ = who(actors, text, "The Russian president")
    assert actor is not None and actor.name == holder
    assert actor.country == "RUS"


def test_user_entries_extend_the_dictionary(nlp):
    dictionary = load_dictionary(extra_entries=[
        {"name": "Bola Tinubu", "kind": "person", "country": "NGA", "sector": "GOV", "aliases": ["Tinubu"],
         "roles": [{"title": "President", "country": "NGA", "sector": "GOV", "start": "2023-05-29"}]},
    ])
    assert load_dictionary().lookup("Bola Tinubu") == []  # the shipped dictionary is untouched
    text = "Tinubu said on Friday that Nigeria would remove the fuel subsidy."
    actors = analyse(nlp, text, published=dt.date(2023, 6, 2), dictionary=dictionary)
    tinubu, _ = who(actors, text, "Tinubu")
    assert tinubu.canonical_id == "user:BOLA_TINUBU"
    assert tinubu.country == "NGA"


def test_unknown_people_get_the_same_corpus_key_in_two_articles(nlp):
    one = analyse(nlp, "Local organiser Jane Okafor said the march would go ahead.")
    two = analyse(nlp, "Jane Okafor, who led the march, said police had blocked the road.")
    a, b = who(one, "Local organiser Jane Okafor said", "Jane Okafor")[0], \
        who(two, "Jane Okafor, who led the march", "Jane Okafor")[0]
    assert a.canonical_id == b.canonical_id and a.canonical_id.startswith("corpus:")


def test_it_speaking_is_the_organisation_before_it(nlp):
    text = ("The State Department criticised the decision on Monday. "
            "It said the vote had been a disgrace. It was raining in Washington.")
    actors = analyse(nlp, text)
    department, mention = who(actors, text, "It")
    assert department is not None and department.name == "State Department"
    assert mention.kind == "pronoun"
    assert who(actors, text, "It", 1)[0] is None  # "It was raining": no actor


def test_a_title_makes_an_org_tagged_name_a_person(nlp):
    """The tagger reads ``Hamdullah Mohib`` as an organisation; the title before it says otherwise,
    and every mention of the name, titled or not, is the one person."""
    text = (
        "According to Afghan Ambassador to the United States Hamdullah Mohib, the team showed progress.\n\n"
        "U.S. officials have not said why the team was denied visas, but Afghan Ambassador Hamdullah Mohib "
        "says there were concerns.\n\n“This would not have been possible,” Ambassador Mohib said."
    )
    actors = analyse(nlp, text)
    first, _ = who(actors, text, "Hamdullah Mohib")
    second, _ = who(actors, text, "Hamdullah Mohib", nth=1)
    third, _ = who(actors, text, "Mohib", nth=2)
    assert first is not None and first.kind == "person"
    assert first.id == second.id == third.id
    assert sum(1 for a in actors if "Mohib" in a.name) == 1


def test_a_lowercase_word_is_not_a_name(nlp):
    text = "After visa snags, an all-girl Afghan team was honoured at a robotics competition in Washington."
    actors = analyse(nlp, text)
    assert not [a for a in actors if a.name.lower() == "visa"]
