"""MentionIndex: which actor a speaker or participant span refers to."""

from whosaid.actors.index import MentionIndex
from whosaid.ingest import article_from_string
from whosaid.records import Actor, Mention


def test_appositive_name_wins_over_a_country_inside_the_title(pipeline):
    text = (
        "Afghan team wins medal\n\n"
        "According to Afghan Ambassador to the United States Hamdullah Mohib, the participation "
        "of this team shows progress.\n"
    )
    analysis = pipeline.analyse(article_from_string(text, source="t", format="txt"))
    start = text.index("Afghan Ambassador")
    end = text.index("Mohib,") + len("Mohib")
    actor, mention = MentionIndex(analysis.actors).actor_at(start, end)
    assert actor is not None and "Mohib" in actor.name
    quote = next(q for q in analysis.quotes if "participation" in q.text)
    assert quote.speaker is not None
    assert "Mohib" in analysis.actor(quote.speaker.actors[0]).name


def test_preference_order_covering_then_head_then_overlap():
    text = "the ayatollah's office said"
    ayatollah = Actor("a1", "Ali Khamenei", "person", mentions=(Mention(0, 13, "the ayatollah", "nominal"),))
    office = Actor("a2", "Office of the Supreme Leader", "organisation",
                   mentions=(Mention(0, 22, "the ayatollah's office", "nominal"),))
    index = MentionIndex([ayatollah, office])
    assert index.actor_at(0, 22)[0] is office        # the mention covering the whole span
    assert index.actor_at(4, 13)[0] is ayatollah     # a span inside both: the shorter covering mention
    assert index.actor_at(30, 40) == (None, None)    # nothing there
