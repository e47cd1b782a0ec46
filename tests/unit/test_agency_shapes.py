"""New organisation names found by shape: two bodies joined by "and" are two; a part of a body is the body."""

from __future__ import annotations

from pipeline.extract.agencies import find_agencies


def _names(text: str) -> list[str]:
    return [a.agency.name for a in find_agencies(text, {}, [])]


def test_two_new_bodies_joined_by_and_are_two_mentions():
    assert _names("Research by the Trussell Trust and Joseph Rowntree Foundation shows rising need.") == ["Trussell Trust", "Joseph Rowntree Foundation"]


def test_a_post_in_a_body_names_the_body():
    assert _names("The Director of Young People and Education in City of York Council wrote.") == ["City of York Council"]


def test_a_reference_body_is_not_split():
    assert _names("The Home Office and the Foreign and Commonwealth Office agreed.") == ["Home Office", "Foreign and Commonwealth Office"]


def test_a_reference_body_holding_a_series_shape_is_the_body_not_an_instrument():
    import polars as pl

    from pipeline.extract.mentions import extract_mentions

    text = "The model uses Office for National Statistics population projections. This falls under the remit of the UK Statistics Authority."
    questions = pl.DataFrame({"question_id": ["q-1"], "source_id": ["src-1"], "record": [0], "question_text": [""], "answer_text": [text]})
    agencies, instruments = extract_mentions(questions)
    assert set(agencies["name"]) == {"Office for National Statistics", "UK Statistics Authority"}
    assert instruments.height == 0


def test_a_name_the_text_calls_a_body_is_one():
    assert _names("Officials at Homes England, the Government’s housing and regeneration agency, met the council.") == ["Homes England"]
    assert _names("In England, the agency said so.") == []


def test_a_foreign_government_by_its_people_its_letters_or_its_country_is_a_body():
    # wq-api 2023-12 UIN 5410, 2023-12 4832, 2024-07 2518 (Open Parliament Licence)
    # (published under the country's name: one body however it is printed)
    assert _names("We urged more action from the DRC Government and other partners.") == ["Government of the Democratic Republic of the Congo"]
    assert _names("the response of the Ethiopian Government to the joint statement") == ["Government of Ethiopia"]
    assert _names("We support the Interim Government in Bangladesh.") == ["Interim Government in Bangladesh"]
    assert _names("the Government of the Democratic Republic of the Congo said") == ["Government of the Democratic Republic of the Congo"]
    # the UK's own government is "the Government", not a body (GUIDELINES.md)
    assert _names("The UK Government, HM Government and This Government agree; Local Government is funded.") == []
    assert _names("the Treaty between the Government of the United Kingdom and others") == []


def test_groups_consultancies_and_companies_are_bodies_and_a_company_s_suffix_ends_its_name():
    # wq-api 2023-12 UIN 7716, 2023-12 5206, 2024-07 2014 (Open Parliament Licence)
    assert _names("research by the Child Poverty Action Group shows") == ["Child Poverty Action Group"]
    assert _names("the Government has contracted the Fraser Nash Consultancy to report") == ["Fraser Nash Consultancy"]
    # (a company of the table keeps its name: "Angel Trains Limited" is Angel Trains)
    assert _names("consent to enter into a lease with (a) Angel Trains Limited for the Class 390 units") == ["Angel Trains"]


def test_a_new_name_running_on_into_a_capitalised_word_is_not_a_body():
    assert _names("see the Offence Group Classifications file at the following link") == []


def test_a_curated_body_s_own_unit_is_two_bodies():
    assert _names("the Royal Navy’s Carrier Strike Group sailed") == ["Royal Navy", "Carrier Strike Group"]
    assert _names("NICE’s Appraisal Committee met") == ["National Institute for Health and Care Excellence", "Appraisal Committee"]


def test_a_parliament_s_term_and_a_web_address_are_not_bodies():
    # wq-api 2024-07 UIN 1753 and 2023-12 6356 (Open Parliament Licence)
    assert _names("at the end of this Parliament.") == []
    assert _names("homes over the course of the Parliament, and laid before Parliament") == ["Parliament of the United Kingdom"]
    assert _names("NHS England is adding information on the NHS.UK website.") == ["NHS England"]
    assert "European Union" in _names("remove barriers to trade with the EU.UK businesses can")


def test_a_foreign_government_is_named_by_a_list_of_peoples_and_published_as_the_country_s():
    found = {a.surface: a.agency.name for a in find_agencies("the Israeli Government’s envoy, the Callaghan Government and the SNP Government", {}, [])}
    assert found == {"Israeli Government": "Government of Israel"}


def test_his_majesty_s_is_hm_and_a_unit_of_a_body_named_before_is_the_unit():
    # wq-api 2023-12 UINs 6094, 7225, 4784 and 6117 (Open Parliament Licence)
    assert _names("His Majesty’s Inspectorate of Probation said") == ["HM Inspectorate of Probation"]
    assert _names("the Department’s Sustainable Procurement Working Group met") == ["Sustainable Procurement Working Group"]


def test_a_charity_or_company_named_with_uk_at_its_end_is_a_body():
    # wq-api 2024-07 UIN 2370, 2023-12 6092 (Open Parliament Licence)
    assert _names("The Department met with Age UK, the Local Government Association") == ["Age UK", "Local Government Association"]
    assert _names("The trial will be run by Prostate Cancer UK with the Government") == ["Prostate Cancer UK"]
    # the UK itself, its government and a determiner before it are none
    assert _names("The UK Government and the UK agree. Several UK universities and Visit UK.") == []
