"""The quote stage on short real sentences, the seed article and the samples."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from whosaid.actors import find_actors
from whosaid.ingest import article_from_string
from whosaid.nlp.parse import parse
from whosaid.quotes import find_quotes
from whosaid.quotes.marks import quoted_stretches

WORD = re.compile(r"\w+")


def dice(a: str, b: str) -> float:
    ta, tb = WORD.findall(a.lower()), WORD.findall(b.lower())
    if not ta and not tb:
        return 1.0
    common = sum(min(ta.count(w), tb.count(w)) for w in set(ta))
    return 2 * common / (len(ta) + len(tb))


def analyse(nlp, text: str, with_actors: bool = True):
    article = article_from_string(text)
    doc = parse(nlp, article)
    actors = find_actors(doc, article) if with_actors else ()
    return article, actors, find_quotes(doc, article, actors)


def only(quotes, needle: str):
    """The quote whose content best matches ``needle`` (Dice ≥ 0.9 required)."""
    best = max(quotes, key=lambda q: dice(q.text, needle), default=None)
    assert best is not None, "no quote found"
    assert dice(best.text, needle) >= 0.9, f"closest quote was {best.text!r}"
    return best


def test_direct_quote_after_cue(nlp):
    _, _, quotes = analyse(nlp, "“We are ready to help our friends in the region,” Putin said on Monday.")
    q = only(quotes, "We are ready to help our friends in the region,")
    assert q.kind == "direct"
    assert q.cue.text == "said"
    assert q.speaker_mention.text == "Putin"


def test_split_quote_is_one_quote_of_two_spans(nlp, seed_text):
    text = seed_text[seed_text.index("“With a long-term") : seed_text.index("Russia and Iran.”") + 17]
    _, _, quotes = analyse(nlp, text)
    assert len(quotes) == 1
    assert len(quotes[0].content) == 2
    assert quotes[0].speaker_mention.text == "Khamenei"


def test_split_quote_with_a_long_attribution_is_still_one_quote(nlp):
    """A speaker described at length between the two parts does not split the quote in two."""
    text = ("“It’s not going to be easy for Marco Rubio to do it,” said Representative Peter T. King of "
            "New York, who endorsed Mr. Rubio on Tuesday. “There is no doubt that right now Trump is the "
            "favorite.”")
    _, _, quotes = analyse(nlp, text)
    assert len(quotes) == 1, [q.text for q in quotes]
    assert len(quotes[0].content) == 2
    assert "King" in quotes[0].speaker_mention.text


def test_a_reported_clause_with_its_quotations_is_one_quote(nlp):
    """``says “X” because “Y”`` and ``said that … “X”``: the clause, quotations and all, is one quote."""
    text = ("Trump says “the whole game has become screwed up” because “football has become soft like "
            "the country has become soft.” He did not elaborate.")
    _, _, quotes = analyse(nlp, text)
    q = only(quotes, "the whole game has become screwed up because football has become soft like the country "
                     "has become soft.")
    assert len([x for x in quotes if x.cue is not None and x.cue.text == "says"]) == 1
    assert q.kind == "mixed" and q.text.startswith("“") and q.text.endswith("soft.”")
    text = ("The group said in a statement that the announcements were “important preliminary steps to "
            "treating those escaping violence in Central America as the refugees they are.”")
    _, _, quotes = analyse(nlp, text, with_actors=False)
    q = only(quotes, "that the announcements were important preliminary steps to treating those escaping "
                     "violence in Central America as the refugees they are.")
    assert q.kind == "mixed" and len(quotes) == 1


def test_words_framing_a_quotation_are_not_part_of_it(nlp):
    """``Asked …, Adelson said, “…”``: the attribution opens the quotation; what precedes it frames it."""
    text = ("Asked what characteristics he would like the party’s nominee to embody, Adelson said, "
            "“They have got to be able to win.”")
    _, _, quotes = analyse(nlp, text)
    said = next(q for q in quotes if q.cue is not None and q.cue.text == "said")
    assert said.text.strip("“”. ") == "They have got to be able to win", said.text
    assert said.kind == "direct"


def colon_turns(actors, quotes) -> list[tuple[str | None, str]]:
    """(speaker's name, content) of each quote that a name and a colon attribute."""
    names = {a.id: a.name for a in actors}
    return [(names.get(q.speaker.actors[0]) if q.speaker else None, q.text)
            for q in quotes if q.cue is not None and q.cue.text == ":"]


def test_a_name_and_a_colon_attribute_the_paragraph(nlp):
    """Headlines (``Graham: …``) and transcripts (``SANDERS: …``); a section label is no one."""
    text = ("Graham: Trump’s ‘Incredibly Hateful Rhetoric’ Destroying GOP’s Chance to Win Presidency.\n\n"
            "Thursday at the Republican Jewish Coalition conference, Sen. Lindsey Graham called out his "
            "rival Donald Trump for alienating Hispanics.\n\n"
            "The Latest: Cruz to give away engraved shotgun.\n\n"
            "Bernie Sanders and Hillary Clinton met in Brooklyn for the debate.\n\n"
            "SANDERS: We need a political revolution in this country.\n\n"
            "CLINTON: I have a plan that will actually work for working families.")
    by_colon = {content.rstrip("."): name for name, content in colon_turns(*analyse(nlp, text)[1:])}
    assert by_colon == {
        "Trump’s ‘Incredibly Hateful Rhetoric’ Destroying GOP’s Chance to Win Presidency": "Lindsey Graham",
        "We need a political revolution in this country": "Bernie Sanders",
        "I have a plan that will actually work for working families": "Hillary Clinton",
    }, by_colon


def test_a_transcript_in_quotation_marks_is_split_into_turns(nlp):
    """Paragraphs that each open a quotation run on as one; each speaker label starts a turn."""
    text = ("Senator Elizabeth Warren spoke with host Jake Tapper on Sunday. The exchange went as follows:\n\n"
            "\"TAPPER: Do you think the nominee can unite the party before the convention?\n\n"
            "\"WARREN: I think the party is already coming together around the issues that matter.\n\n"
            "And working families know exactly what is at stake this year.\n\n"
            "\"TAPPER: We will have to leave it there. Will you endorse him?\n\n"
            "\"WARREN: Yes.")
    turns = [(name, content[:20]) for name, content in colon_turns(*analyse(nlp, text)[1:])]
    assert turns == [("Jake Tapper", "Do you think the nom"), ("Elizabeth Warren", "I think the party is"),
                     ("Jake Tapper", "We will have to leav"), ("Elizabeth Warren", "Yes.")], turns


def test_a_surname_label_the_actors_stage_left_unlinked_resolves_by_name(nlp):
    """``PENCE:`` in a transcript names the one actor with that surname, mention or not."""
    from whosaid.quotes.speakers import Resolver
    from whosaid.records import Actor, Mention

    text = "Mike Pence and Chris Wallace spoke.\n\nPENCE: We will win Ohio and Pennsylvania in November."
    doc = nlp(text)
    actors = (Actor("a1", "Mike Pence", "person", mentions=(Mention(0, 10, "Mike Pence"),)),
              Actor("a2", "Chris Wallace", "person", mentions=(Mention(15, 28, "Chris Wallace"),)))
    label = next(t for t in doc if t.text == "PENCE")
    resolver = Resolver(actors, text)
    assert resolver.named(label) == "a1"
    assert resolver.named(next(t for t in doc if t.text == "Ohio")) is None


def test_quote_marks_of_every_style(nlp):
    for open_mark, close_mark in (("“", "”"), ('"', '"'), ("«", "»"), ("‘", "’")):
        text = f"{open_mark}The talks have\u00a0failed and we will not return to them,{close_mark} the minister told reporters."
        _, _, quotes = analyse(nlp, text, with_actors=False)
        q = only(quotes, "The talks have failed and we will not return to them,")
        assert q.speaker_mention.text == "the minister", (open_mark, q)
        assert q.cue.text == "told"


def test_multi_paragraph_quote(nlp):
    text = (
        "Smith said: “The first part of the statement runs to the end of this paragraph.\n\n"
        "“And the second part continues here before it ends,” he added.\n"
    )
    stretches = quoted_stretches(text)
    assert len(stretches) == 1 and len(stretches[0].segments) == 2
    _, _, quotes = analyse(nlp, text, with_actors=False)
    assert len(quotes) == 1
    assert quotes[0].speaker_mention.text == "Smith"


def test_continuation_paragraph_keeps_the_speaker(nlp):
    text = (
        "“The global coalitions are not reliable at all,” he told Buhari.\n\n"
        "“Americans and some countries of the region are directly assisting Daesh.”\n"
    )
    _, _, quotes = analyse(nlp, text, with_actors=False)
    assert len(quotes) == 2
    assert quotes[1].speaker_mention is not None and quotes[1].speaker_mention.text == "he"
    assert quotes[1].confidence < quotes[0].confidence


def test_told_gives_the_addressee(nlp, seed_text):
    article, actors, quotes = analyse(nlp, seed_text)
    q = only(quotes, "Except for the nuclear issue, which of course has its own special reasons, we do not have, "
                     "and will not have, any bilateral negotiation with the Americans – neither on Syria, nor on any other issue,")
    assert q.addressee_mention is not None and q.addressee_mention.text == "Putin"
    assert q.cue.text == "told"


def test_indirect_quote_content_is_the_reported_clause(nlp):
    text = "Senator Jones said the administration had failed to protect the border for years."
    _, _, quotes = analyse(nlp, text, with_actors=False)
    q = only(quotes, "the administration had failed to protect the border for years.")
    assert q.kind == "indirect"
    assert q.speaker_mention.text == "Senator Jones"


def test_according_to(nlp):
    text = "According to the mayor's office, the bridge will reopen to traffic next week."
    _, _, quotes = analyse(nlp, text, with_actors=False)
    q = only(quotes, "the bridge will reopen to traffic next week.")
    assert "mayor" in q.speaker_mention.text
    assert q.cue.text.lower() == "according to"


def test_mixed_quote_keeps_the_paraphrase(nlp):
    text = ("A brief readout from the Kremlin said the two leaders were in “complete agreement that attempts "
            "to dictate political solutions are unacceptable.”")
    _, _, quotes = analyse(nlp, text, with_actors=False)
    q = only(quotes, "the two leaders were in complete agreement that attempts to dictate political solutions are unacceptable.")
    assert q.kind == "mixed"
    assert q.speaker_mention.text == "A brief readout from the Kremlin"


def test_reported_object_with_a_quotation_is_one_mixed_quote(nlp):
    """``praised Iran as “…”``: what is praised and the quoted words are one mixed quote."""
    text = "Putin praised Iran as “a trustworthy and reliable ally.”"
    _, _, quotes = analyse(nlp, text, with_actors=False)
    q = only(quotes, "Iran as a trustworthy and reliable ally.")
    assert q.kind == "mixed" and q.cue.text == "praised"
    assert q.text.endswith("ally.”")  # the closing mark is kept
    assert len(quotes) == 1


def test_speech_reported_inside_a_reported_clause_is_not_a_second_quote(nlp):
    text = "At his meeting with Putin, Khamenei slammed the U.S. and its allies for wanting Assad to go."
    _, _, quotes = analyse(nlp, text)
    assert [q.cue.text for q in quotes] == ["slammed"], [(q.cue.text if q.cue else None, q.text) for q in quotes]


def test_a_second_report_joined_on_is_not_part_of_the_first(nlp):
    """``says he would release …, calling them …``: the participle reports something else."""
    text = ("Trump says he would release his tax returns on Friday, calling them “very boring” and "
            "“beautiful.”")
    _, _, quotes = analyse(nlp, text)
    says = next(q for q in quotes if q.cue is not None and q.cue.text == "says")
    assert "calling" not in says.text and says.text.endswith("on Friday"), says.text


def test_coordinated_speakers(nlp):
    text = ("Khamenei and Putin agreed that the U.S. was seeking to achieve in the talks what it "
            "could not do on the battlefield.")
    _, _, quotes = analyse(nlp, text, with_actors=False)
    q = only(quotes, "the U.S. was seeking to achieve in the talks what it could not do on the battlefield.")
    assert q.speaker_mention.text == "Khamenei and Putin"


def test_scare_quotes_and_titles_are_not_quotes(nlp):
    text = ("The so-called “peace plan” was discussed at length on Monday. "
            "She has read “War and Peace” twice, and her friends call her “the Boss.”")
    _, _, quotes = analyse(nlp, text, with_actors=False)
    assert not [q for q in quotes if q.kind == "direct"]


def test_odd_number_of_marks_does_not_raise(nlp):
    text = "“This is unacceptable and we will respond, the spokesman said.\n\nNothing else happened “here."
    _, _, quotes = analyse(nlp, text, with_actors=False)
    for q in quotes:
        for span in q.content:
            assert text[span.start : span.end] == span.text


def test_unresolved_speaker_says_why(nlp):
    text = "“The deal will collapse within weeks and nobody will be surprised,” sources said."
    _, _, quotes = analyse(nlp, text, with_actors=False)
    q = only(quotes, "The deal will collapse within weeks and nobody will be surprised,")
    assert q.speaker is None
    assert q.speaker_reason and "sources" in q.speaker_reason


@pytest.fixture(scope="module")
def seed_analysis(pipeline, seed_text):
    from whosaid.evaluation import load_article

    article = load_article(seed_text, "seed")
    return pipeline.analyse(article)


def test_seed_invariants(seed_analysis):
    article = seed_analysis.article
    ids = [q.id for q in seed_analysis.quotes]
    assert len(ids) == len(set(ids)) and ids == [f"q{i}" for i in range(1, len(ids) + 1)]
    starts = [q.content[0].start for q in seed_analysis.quotes]
    assert starts == sorted(starts)
    for q in seed_analysis.quotes:
        spans = [*q.content, q.cue, q.speaker_mention, q.addressee_mention]
        for span in filter(None, spans):
            assert 0 <= span.start < span.end <= len(article.text)
            assert article.text[span.start : span.end] == span.text
        for span in q.content:
            for debris in article.excluded:
                assert not (span.start < debris.end and debris.start < span.end), (q.text, debris.text)
        assert 0.0 <= q.confidence <= 1.0
        assert q.speaker is not None or q.speaker_reason


def test_seed_finds_the_gold_quotes(seed_analysis, seed_gold):
    found = 0
    for g in seed_gold["quotes"]:
        text = " ".join(g["content"])
        if any(dice(q.text, text) >= 0.5 for q in seed_analysis.quotes):
            found += 1
    assert found >= 22, found
    # The seed gold lists speech only; reported objects (``dismissed Khamenei's criticism``) that
    # PolNeAR would count are not in it, so a few extra quotes are tolerated, none from debris.
    gold_texts = [" ".join(g["content"]) for g in seed_gold["quotes"]]
    false_alarms = [q.text for q in seed_analysis.quotes if max(dice(q.text, t) for t in gold_texts) < 0.5]
    assert len(false_alarms) <= 8, false_alarms


def test_seed_speakers_and_addressees(seed_analysis, seed_gold):
    """Each gold quote found carries the gold speaker (by name) and every gold addressee."""
    names = {a.id: a.name for a in seed_analysis.actors}
    right_speaker = 0
    for g in seed_gold["quotes"]:
        text = " ".join(g["content"])
        q = max(seed_analysis.quotes, key=lambda q: dice(q.text, text))
        if dice(q.text, text) < 0.5:
            continue
        predicted = [names.get(a, "") for a in q.speaker.actors] if q.speaker else []
        wanted = [s.strip().split()[-1] for s in g["speaker"].split(";")]
        right_speaker += all(any(w in p for p in predicted) for w in wanted) and len(predicted) == len(wanted)
        if g.get("addressee"):
            assert q.addressee is not None, (text[:60], g["addressee"])
            assert g["addressee"].split()[-1] in names[q.addressee], (text[:60], names[q.addressee])
    assert right_speaker >= 23, right_speaker


def test_samples_invariants(pipeline, sample_paths):
    from whosaid.ingest import article_from_string as from_string

    for path in sample_paths:
        article = from_string(path.read_text(encoding="utf-8"), source=str(path))
        analysis = pipeline.analyse(article)
        for q in analysis.quotes:
            for span in q.content:
                assert article.text[span.start : span.end] == span.text
            if q.kind != "direct":  # reported words never start or end on a joint of the sentence
                words = q.text.split()
                assert words[0].lower() not in ("and", "or", "but", ",") and words[-1].lower() not in (
                    "and", "or", "but", ","), (path.name, q.text)


def test_spacy_component_on_a_user_pipeline():
    import spacy

    import whosaid.quotes.component  # noqa: F401 - registers the factory
    from whosaid.nlp.model import MODELS

    nlp = spacy.load(MODELS["md"].path())
    nlp.add_pipe("whosaid_quotes")
    doc = nlp("“We are ready to work with anyone who fights terrorism,” Putin said on Monday.")
    assert len(doc._.quotes) == 1
    assert doc._.quotes[0].speaker_mention.text == "Putin"


POLNEAR_DEV = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "polnear" / "dev"


@pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="PolNeAR dev not available")
def test_polnear_dev_sample_scores(pipeline):
    """Five PolNeAR dev articles: quotes found and attributed well above textacy's level (0.31 F1)."""
    from whosaid.evaluation import evaluate

    result = evaluate(POLNEAR_DEV, limit=5, pipeline=pipeline)
    scores = result["systems"]["whosaid"]["quotes"]["overall"]
    assert scores["f1_50"] >= 0.65, scores
    assert scores["speaker_accuracy"] >= 0.7, scores  # 24 pairs: a noisy figure, a regression guard


def test_attribution_inside_the_reported_clause(nlp):
    text = "The bigger risk, the admiral said, is a clash caused by paramilitary ships in the disputed waters."
    _, _, quotes = analyse(nlp, text, with_actors=False)
    q = only(quotes, "The bigger risk is a clash caused by paramilitary ships in the disputed waters.")
    assert q.speaker_mention.text == "the admiral"
    assert len(q.content) == 2


def test_reported_speech_model_keeps_speech_and_drops_ordinary_verbs(nlp):
    """The model behind indirect quotes: a weak cue's object is a quote only where it reports
    a stance (``called for an investigation``), not where the verb is ordinary (``was using``)."""
    said = only(
        analyse(nlp, "Senator Graham said the Republican party was making a mistake in Iowa.")[2],
        "the Republican party was making a mistake in Iowa",
    )
    assert said.kind == "indirect" and said.cue.text == "said"
    called = only(
        analyse(nlp, "The mayor called for an independent investigation into the shooting.")[2],
        "an independent investigation into the shooting",
    )
    assert called.cue.text == "called"
    # Confidence is the model's: a plain ``said`` clause is surer than a ``called for`` object.
    assert said.confidence > called.confidence
    assert not analyse(nlp, "In a speech on Tuesday, the governor was using his preferred epithet for the senator.")[2]
    assert not analyse(nlp, "The senator continued to disagree with the president about the budget.")[2]


def test_reported_speech_model_file_is_well_formed():
    from whosaid.quotes.scorer import indirect_model

    model = indirect_model()
    assert 0.0 < model.threshold < 1.0
    assert len(model.weights) > 100
    # Feature strings are ``name=value`` or a bare flag; every name is one the finder emits.
    names = {f.split("=")[0] for f in model.weights}
    assert names <= {
        "lemma", "prec", "comp", "comp+prec", "lemma+comp", "dep", "tag", "subj", "subj_lemma", "len",
        "comp+len", "neg", "modal", "passive", "first", "head", "has_verb", "question", "after_to", "quoted+comp",
    }, names


def test_reported_object_stops_before_the_writers_description(nlp):
    """``backed Jeb Bush, the former Florida governor``: the appositive is the writer's, not the speaker's."""
    _, _, quotes = analyse(nlp, "Several wealthy donors endorsed Jeb Bush, the former Florida governor, in a letter on Monday.")
    q = only(quotes, "Jeb Bush")
    assert q.cue.text == "endorsed"
    assert "governor" not in q.text


def test_a_strong_cue_wins_over_a_nearer_weak_verb(nlp):
    text = ("Russian Presidential spokesperson Dmitry Peskov echoed Putin, saying the troops are "
            "“a threat. These actions threaten our interests, our security.”")
    article, actors, quotes = analyse(nlp, text)
    q = next(q for q in quotes if "These actions threaten" in q.text)
    assert q.cue.text == "saying"
    names = {a.id: a.name for a in actors}
    assert q.speaker is not None and [names[a] for a in q.speaker.actors] == ["Dmitry Peskov"]


def test_who_is_proposed_is_not_who_proposed(nlp):
    text = "Rex Tillerson, proposed Secretary of State for the Trump administration, met senators on Wednesday."
    _, actors, quotes = analyse(nlp, text)
    names = {a.id: a.name for a in actors}
    assert not any(q.speaker is not None and any("Tillerson" in names.get(a, "") for a in q.speaker.actors)
                   for q in quotes)
