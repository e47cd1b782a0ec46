"""answer_kind on answers as printed (sentences from ../shared/corpus pages, and the issue's examples)."""

from __future__ import annotations

import polars as pl
import pytest

from pipeline.extract.answer_kinds import answer_kind_expr


@pytest.mark.parametrize(
    "answer, kind",
    [
        ("I refer the right hon. Member to the answer I gave her on 12 December 2023, to Question 5784.", "refers"),
        ("I refer the hon. Member to the answer I gave him on 11 December, Official Report, column 563W.", "refers"),
        ("It is taking time to collate the required information. I will write to him when the information is available.", "will_write"),
        ("This is a matter for the Chief Executive of the Prison Service. I have asked him to write to the hon. Member.", "will_write"),
        ("I will reply to my hon. Friend as soon as possible.", "holding"),
        ("The information is not held centrally and could be provided only at disproportionate cost.", "disproportionate_cost"),
        ("The information requested is not available on a constituency basis.", "not_available"),
        ("No estimate has been made.", "not_available"),
        ("It is not the Government's practice to comment on security matters.", "declined"),
        ("This is a matter for the Financial Conduct Authority, which is independent of Government.", "declined"),
        ("We do not routinely publish this data, as has been the case under successive administrations.", "declined"),  # AK 5200
        ("The Law Officers’ Convention prevents me from disclosing outside Government whether the Attorney", "declined"),  # AK 6928
        ("I am withholding the information as its disclosure would prejudice commercial interests.", "declined"),  # AI 5945
        ("We do not hold this data.", "not_available"),
        ("Data on the number of Education, Health and Care (EHC) Plans is available at: https://explore-education-statistics.service.gov.uk/", "refers"),  # AM 5246
        ("The Government have noted the recommendations of the report Stopping Traffic. The Home Office is currently doing work on a number of fronts.", "substantive"),
        ("In 2023, 1,234 applications were received; figures for earlier years are not held centrally.", "substantive"),
        ("", "substantive"),
    ],
)
def test_answer_kind(answer: str, kind: str):
    got = pl.DataFrame({"answer_text": [answer]}).select(answer_kind_expr())["answer_kind"][0]
    assert got == kind
