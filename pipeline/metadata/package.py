"""Package-level metadata of every release: title, licences, sources, contributors."""

from __future__ import annotations

from typing import Any

PACKAGE: dict[str, Any] = {
    "name": "hansard-written-answers",
    "title": "Hansard Written Answers",
    "description": (
        "UK Parliament written answers from the Hansard archive as tables: who asked what, what the Government answered, "
        "which agencies and which legal or policy instruments the answers name, and what the Government committed to do. "
        "Built by the Hansard Written Answers open-data pipeline."
    ),
    "keywords": ["Hansard", "UK Parliament", "written answers", "parliamentary questions", "government commitments", "open data"],
    "homepage": "https://github.com/hansard-written-answers/hansard-written-answers",
    "contributors": [
        {"title": "Hansard Written Answers project", "role": "author"},
        {"title": "UK Parliament (Hansard)", "role": "contributor", "path": "https://hansard.parliament.uk/"},
    ],
    "licenses": [
        {
            "name": "OPL-3.0",
            "title": "Open Parliament Licence v3.0 (the Hansard text in questions and answers)",
            "path": "https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/",
        },
        {
            "name": "CC-BY-4.0",
            "title": "Creative Commons Attribution 4.0 (the project's own tables, identifiers and extractions)",
            "path": "https://creativecommons.org/licenses/by/4.0/",
        },
    ],
    "sources": [
        {
            "title": "Hansard, UK Parliament (hansard.parliament.uk, historic Hansard, daily Hansard on publications.parliament.uk, "
            "Hansard archive XML). Contains Parliamentary information licensed under the Open Parliament Licence v3.0.",
            "path": "https://hansard.parliament.uk/",
        },
        {
            "title": "GOV.UK government organisation register (Open Government Licence v3.0), Institute for Government Ministers "
            "Database (CC BY 4.0) and other reference lists named in data/reference/agencies.SOURCE.md",
            "path": "https://github.com/openregister/government-organisation-data",
        },
        {
            "title": "Members: parlparse / TheyWorkForYou members data (mySociety; Parliamentary facts under the Open Parliament Licence), "
            "Evan Odell's MP list (CC BY 4.0), the Institute for Government Ministers Database (CC BY 4.0) and hansard-speakers-19c "
            "(SMU Democracy Lab, MIT)",
            "path": "https://github.com/mysociety/parlparse",
        },
    ],
}
