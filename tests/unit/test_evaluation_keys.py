"""How `hansard-data evaluate` compares a labelled entity with an extracted one."""

from pipeline.evaluation import match_entities


def _entity(name: str, *surfaces: str) -> dict:
    return {"name": name, "acronym": None, "surfaces": list(surfaces or (name,))}


def test_names_compare_without_an_article_or_a_scheme_word_at_the_end():
    gold = [_entity("JobStart"), _entity("Blue Badge"), _entity("Environmental Land Management schemes")]
    predicted = [_entity("JobStart programme"), _entity("Blue Badge Scheme", "Blue Badge scheme"), _entity("the Environmental Land Management")]
    assert match_entities(gold, predicted, instruments=True) == ([], [])
    assert match_entities([_entity("World Food Programme")], [_entity("World Food")])[0]  # bodies keep their word


def test_other_words_still_tell_two_entities_apart():
    missed, extra = match_entities([_entity("Youth Training Scheme")], [_entity("Youth Training Fund")], instruments=True)
    assert [m["name"] for m in missed] == ["Youth Training Scheme"] and [e["name"] for e in extra] == ["Youth Training Fund"]
