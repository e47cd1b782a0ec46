"""How accurate the extraction is: the first-seen figures of docs/quality.md, for the download page.

Each figure was measured once on questions labelled blind, before any rule
was tuned on them (docs/quality.md says how); a new batch is added here and
there together.
"""

from __future__ import annotations

ACCURACY: list[dict] = [
    {
        "batch": "D1", "questions": 70, "labelled": "2026-12-01",
        "pages": "Written Questions API records (Dec 2023, Jul 2024)",
        "question_recall": 1.000, "agency_f1": 0.638, "instrument_f1": 0.452, "commitment_detection_f1": 0.755, "commitment_status_macro_f1": 0.628,
    },
    {
        "batch": "D2", "questions": 17, "labelled": "2026-12-01",
        "pages": "archive XML (1929, 1968, 2003) and daily-Hansard HTML (2011)",
        "question_recall": 0.941, "agency_f1": 0.750, "instrument_f1": 0.667, "commitment_detection_f1": 0.706, "commitment_status_macro_f1": 0.583,
    },
    {
        "batch": "E", "questions": 185, "labelled": "2026-12-01",
        "pages": "Written Questions API records (150), text pages and archive-XML days (35)",
        "question_recall": 0.973, "agency_f1": 0.695, "instrument_f1": 0.456, "commitment_detection_f1": 0.791, "commitment_status_macro_f1": 0.610,
    },
    {
        "batch": "F", "questions": 60, "labelled": "2026-12-01",
        "pages": "Written Questions API records, after the first tuning",
        "question_recall": 1.000, "agency_f1": 0.647, "instrument_f1": 0.627, "commitment_detection_f1": 0.793, "commitment_status_macro_f1": 0.652,
    },
    {
        "batch": "G", "questions": 60, "labelled": "2026-12-01",
        "pages": "Written Questions API records, after the second tuning",
        "question_recall": 1.000, "agency_f1": 0.746, "instrument_f1": 0.550, "commitment_detection_f1": 0.814, "commitment_status_macro_f1": 0.660,
    },
    {
        "batch": "H", "questions": 60, "labelled": "2026-12-01",
        "pages": "Written Questions API records, no tuning since G",
        "question_recall": 1.000, "agency_f1": 0.748, "instrument_f1": 0.660, "commitment_detection_f1": 0.815, "commitment_status_macro_f1": 0.739,
    },
    {
        "batch": "I", "questions": 60, "labelled": "2026-12-01",
        "pages": "Written Questions API records, after tuning on H",
        "question_recall": 1.000, "agency_f1": 0.591, "instrument_f1": 0.651, "commitment_detection_f1": 0.714, "commitment_status_macro_f1": 0.659,
    },
    {
        "batch": "J", "questions": 60, "labelled": "2026-12-01",
        "pages": "Written Questions API records, after tuning on I (line breaks)",
        "question_recall": 1.000, "agency_f1": 0.767, "instrument_f1": 0.598, "commitment_detection_f1": 0.769, "commitment_status_macro_f1": 0.705,
    },
    {
        "batch": "K", "questions": 72, "labelled": "2026-12-02",
        "pages": "Written Questions API records, after tuning on J and the commitment model",
        "question_recall": 1.000, "agency_f1": 0.772, "instrument_f1": 0.547, "commitment_detection_f1": 0.786, "commitment_status_macro_f1": 0.743,
    },
    {
        "batch": "L", "questions": 72, "labelled": "2026-12-02",
        "pages": "Written Questions API records, after tuning on K",
        "question_recall": 1.000, "agency_f1": 0.872, "instrument_f1": 0.559, "commitment_detection_f1": 0.788, "commitment_status_macro_f1": 0.661,
    },
    {
        "batch": "M", "questions": 72, "labelled": "2026-12-02",
        "pages": "Written Questions API records, after tuning on K and L",
        "question_recall": 1.000, "agency_f1": 0.803, "instrument_f1": 0.644, "commitment_detection_f1": 0.805, "commitment_status_macro_f1": 0.673,
    },
    {
        "batch": "N", "questions": 72, "labelled": "2026-12-02",
        "pages": "Written Questions API records, after tuning on M",
        "question_recall": 1.000, "agency_f1": 0.842, "instrument_f1": 0.674, "commitment_detection_f1": 0.854, "commitment_status_macro_f1": 0.745,
    },
    {
        "batch": "O", "questions": 72, "labelled": "2026-12-02",
        "pages": "Written Questions API records, after tuning on N",
        "question_recall": 1.000, "agency_f1": 0.778, "instrument_f1": 0.689, "commitment_detection_f1": 0.840, "commitment_status_macro_f1": 0.770,
    },
    {
        "batch": "P", "questions": 72, "labelled": "2026-12-02",
        "pages": "Written Questions API records, after tuning on O and a review",
        "question_recall": 1.000, "agency_f1": 0.860, "instrument_f1": 0.603, "commitment_detection_f1": 0.834, "commitment_status_macro_f1": 0.755,
    },
    {
        "batch": "Q", "questions": 72, "labelled": "2026-12-02",
        "pages": "Written Questions API records, after tuning on P",
        "question_recall": 1.000, "agency_f1": 0.804, "instrument_f1": 0.648, "commitment_detection_f1": 0.809, "commitment_status_macro_f1": 0.706,
    },
    {
        "batch": "R", "questions": 72, "labelled": "2026-12-02",
        "pages": "Written Questions API records, after tuning on P and the second review",
        "question_recall": 1.000, "agency_f1": 0.793, "instrument_f1": 0.672, "commitment_detection_f1": 0.852, "commitment_status_macro_f1": 0.761,
    },
    {
        "batch": "S", "questions": 72, "labelled": "2026-12-02",
        "pages": "Written Questions API records, after tuning on Q and R and a review",
        "question_recall": 1.000, "agency_f1": 0.901, "instrument_f1": 0.734, "commitment_detection_f1": 0.855, "commitment_status_macro_f1": 0.686,
    },
    {
        "batch": "T", "questions": 72, "labelled": "2026-12-02",
        "pages": "Written Questions API records, after tuning on S",
        "question_recall": 1.000, "agency_f1": 0.776, "instrument_f1": 0.735, "commitment_detection_f1": 0.861, "commitment_status_macro_f1": 0.818,
    },
    {
        "batch": "U", "questions": 72, "labelled": "2026-12-03",
        "pages": "Written Questions API records, after tuning on T and a review",
        "question_recall": 1.000, "agency_f1": 0.855, "instrument_f1": 0.617, "commitment_detection_f1": 0.876, "commitment_status_macro_f1": 0.775,
    },
    {
        "batch": "V", "questions": 72, "labelled": "2026-12-03",
        "pages": "Written Questions API records, after tuning on U and a review",
        "question_recall": 1.000, "agency_f1": 0.855, "instrument_f1": 0.587, "commitment_detection_f1": 0.822, "commitment_status_macro_f1": 0.774,
    },
    {
        "batch": "W", "questions": 72, "labelled": "2026-12-03",
        "pages": "Written Questions API records, after tuning on V and a review",
        "question_recall": 1.000, "agency_f1": 0.848, "instrument_f1": 0.674, "commitment_detection_f1": 0.816, "commitment_status_macro_f1": 0.743,
    },
    {
        "batch": "X", "questions": 72, "labelled": "2026-12-03",
        "pages": "Written Questions API records, after tuning on K-W and a review",
        "question_recall": 1.000, "agency_f1": 0.887, "instrument_f1": 0.713, "commitment_detection_f1": 0.843, "commitment_status_macro_f1": 0.745,
    },
    {
        "batch": "Y", "questions": 72, "labelled": "2026-12-03",
        "pages": "Written Questions API records, after tuning on K-X",
        "question_recall": 1.000, "agency_f1": 0.823, "instrument_f1": 0.768, "commitment_detection_f1": 0.854, "commitment_status_macro_f1": 0.785,
    },
    {
        "batch": "Z", "questions": 72, "labelled": "2026-12-03",
        "pages": "Written Questions API records, after tuning on Y",
        "question_recall": 1.000, "agency_f1": 0.889, "instrument_f1": 0.715, "commitment_detection_f1": 0.910, "commitment_status_macro_f1": 0.795,
    },
    {
        "batch": "AA", "questions": 70, "labelled": "2026-12-03",
        "pages": "Written Questions API records, after tuning on Z",
        "question_recall": 1.000, "agency_f1": 0.813, "instrument_f1": 0.577, "commitment_detection_f1": 0.863, "commitment_status_macro_f1": 0.794,
    },
    {
        "batch": "AB", "questions": 66, "labelled": "2026-12-03",
        "pages": "Written Questions API records, after tuning on AA",
        "question_recall": 1.000, "agency_f1": 0.865, "instrument_f1": 0.718, "commitment_detection_f1": 0.922, "commitment_status_macro_f1": 0.784,
    },
    {
        "batch": "AC", "questions": 56, "labelled": "2026-12-03",
        "pages": "Written Questions API records, after tuning on AB and a review",
        "question_recall": 1.000, "agency_f1": 0.792, "instrument_f1": 0.597, "commitment_detection_f1": 0.828, "commitment_status_macro_f1": 0.732,
    },
    {
        "batch": "AD", "questions": 56, "labelled": "2026-12-03",
        "pages": "Written Questions API records, with the eleventh session's last code",
        "question_recall": 1.000, "agency_f1": 0.846, "instrument_f1": 0.793, "commitment_detection_f1": 0.853, "commitment_status_macro_f1": 0.666,
    },
    {
        "batch": "AE", "questions": 50, "labelled": "2026-12-03",
        "pages": "Written Questions API records, after tuning on AD and a review",
        "question_recall": 1.000, "agency_f1": 0.880, "instrument_f1": 0.706, "commitment_detection_f1": 0.771, "commitment_status_macro_f1": 0.697,
    },
    {
        "batch": "AF", "questions": 42, "labelled": "2026-12-03",
        "pages": "archive XML, Commons 16 December 1985 (and one 1909 answer), after tuning on AD and a review",
        "question_recall": 1.000, "agency_f1": 0.413, "instrument_f1": 0.833, "commitment_detection_f1": 0.710, "commitment_status_macro_f1": 0.437,
    },
    {
        "batch": "AG", "questions": 48, "labelled": "2026-12-03",
        "pages": "Written Questions API records, after tuning on AE and AF and a second review",
        "question_recall": 1.000, "agency_f1": 0.893, "instrument_f1": 0.593, "commitment_detection_f1": 0.832, "commitment_status_macro_f1": 0.763,
    },
    {
        "batch": "AH", "questions": 41, "labelled": "2026-12-03",
        "pages": "Written Questions API records, with the twelfth session's last code",
        "question_recall": 1.000, "agency_f1": 0.905, "instrument_f1": 0.868, "commitment_detection_f1": 0.876, "commitment_status_macro_f1": 0.786,
    },
    {
        "batch": "AI", "questions": 48, "labelled": "2026-12-04",
        "pages": "Written Questions API records (Ministry of Defence), with the twelfth session's last code",
        "question_recall": 1.000, "agency_f1": 0.816, "instrument_f1": 0.762, "commitment_detection_f1": 0.911, "commitment_status_macro_f1": 0.791,
    },
    {
        "batch": "AJ", "questions": 47, "labelled": "2026-12-04",
        "pages": "Written Questions API records (Ministry of Defence), after tuning on AI",
        "question_recall": 1.000, "agency_f1": 0.884, "instrument_f1": 0.714, "commitment_detection_f1": 0.860, "commitment_status_macro_f1": 0.774,
    },
    {
        "batch": "AK", "questions": 72, "labelled": "2026-12-04",
        "pages": "Written Questions API list records cut short by the API (26 departments), after tuning on AJ",
        "question_recall": 1.000, "agency_f1": 0.674, "instrument_f1": 0.610, "commitment_detection_f1": 0.808, "commitment_status_macro_f1": 0.733,
    },
    {
        "batch": "AL", "questions": 67, "labelled": "2026-12-04",
        "pages": "Written Questions API list records cut short by the API (23 departments), after tuning on AK and a review",
        "question_recall": 1.000, "agency_f1": 0.884, "instrument_f1": 0.739, "commitment_detection_f1": 0.833, "commitment_status_macro_f1": 0.799,
    },
    {
        "batch": "AM", "questions": 61, "labelled": "2026-12-04",
        "pages": "Written Questions API list records cut short by the API (21 departments), after tuning on AL",
        "question_recall": 1.000, "agency_f1": 0.895, "instrument_f1": 0.721, "commitment_detection_f1": 0.821, "commitment_status_macro_f1": 0.823,
    },
    {
        "batch": "AN", "questions": 57, "labelled": "2026-12-04",
        "pages": "Written Questions API list records cut short by the API (20 departments), after tuning on AM",
        "question_recall": 1.000, "agency_f1": 0.909, "instrument_f1": 0.615, "commitment_detection_f1": 0.836, "commitment_status_macro_f1": 0.637,
    },
    {
        "batch": "AO", "questions": 54, "labelled": "2026-12-04",
        "pages": "Written Questions API list records cut short by the API (18 departments), with the thirteenth session's last code",
        "question_recall": 1.000, "agency_f1": 0.897, "instrument_f1": 0.595, "commitment_detection_f1": 0.886, "commitment_status_macro_f1": 0.819,
    },
    {
        "batch": "AP", "questions": 54, "labelled": "2026-12-04",
        "pages": "Written Questions API list records cut short by the API (18 departments), with the thirteenth session's last code",
        "question_recall": 1.000, "agency_f1": 0.824, "instrument_f1": 0.600, "commitment_detection_f1": 0.842, "commitment_status_macro_f1": 0.734,
    },
    {
        "batch": "AQ", "questions": 51, "labelled": "2026-12-04",
        "pages": "Written Questions API list records cut short by the API (17 departments), after tuning on AP",
        "question_recall": 1.000, "agency_f1": 0.947, "instrument_f1": 0.837, "commitment_detection_f1": 0.909, "commitment_status_macro_f1": 0.853,
    },
    {
        "batch": "AR", "questions": 51, "labelled": "2026-12-04",
        "pages": "Written Questions API list records cut short by the API (17 departments), after tuning on AP and AQ",
        "question_recall": 1.000, "agency_f1": 0.955, "instrument_f1": 0.462, "commitment_detection_f1": 0.901, "commitment_status_macro_f1": 0.765,
    },
    {
        "batch": "AS", "questions": 51, "labelled": "2026-12-04",
        "pages": "Written Questions API list records cut short by the API (17 departments), with the fourteenth session's last code",
        "question_recall": 1.000, "agency_f1": 0.806, "instrument_f1": 0.732, "commitment_detection_f1": 0.842, "commitment_status_macro_f1": 0.816,
    },
]
