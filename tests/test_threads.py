"""Claim threads on a composed corpus (our own sentences, through the real extractor) and on the
seed article read from ../shared at run time."""
from __future__ import annotations

import pandas as pd
import pytest

from narrative.speakers.actors import load_actors
from narrative.claims import extract_claims
from narrative.places import Gazetteer
from narrative.schema import THREADS
from narrative.threads import assign, document_days, threads, two_sided_counts

#: composed for narrative: reports on one town from both sides, a month later, a talks report, another town
DOCS = [
    ("mon-ru", "2025-12-01",
     "The Russian Defence Ministry claimed on Monday that its troops had captured Pokrovsk after weeks of "
     "fighting. Kremlin spokesman Dmitry Peskov said the commanders deserved thanks for their successful actions."),
    ("mon-ua", "2025-12-01",
     "The General Staff of the Armed Forces of Ukraine said its units continue to deter enemy attacks in "
     "Pokrovsk despite the difficult situation."),
    ("tue-ua", "2025-12-02",
     "Ukrainian military spokesman Viktor Trehubov said Russian claims about Pokrowsk were false and that "
     "fighting went on in the north of the town."),
    ("tue-talks", "2025-12-02",
     "Dmitry Peskov said the envoy would meet President Vladimir Putin on Tuesday to discuss a peace plan. "
     "Foreign Minister Andrii Sybiha said Ukraine wanted guarantees before any ceasefire."),
    ("tue-other", "2025-12-02",
     "Russian forces struck Odesa overnight, the city's governor said. The Russian Defence Ministry said it "
     "had hit military targets in Odessa with drones."),
    ("jan-ru", "2026-01-05",
     "The Russian Defence Ministry said on Monday that its troops were clearing the last districts of "
     "Pokrovsk. Ukrainian commander Oleksandr Syrskyi said his forces still held positions in Pokrovsk."),
]


@pytest.fixture(scope="module")
def corpus():
    docs = pd.DataFrame([{"doc_id": i, "source": i, "side": "other", "date": d, "title": "", "text": t}
                         for i, d, t in DOCS])
    claims = extract_claims(docs, load_actors())
    return claims, docs


@pytest.fixture(scope="module")
def table(corpus):
    return threads(*corpus)


def _thread_of(table, doc_id, needle):
    row = table[(table["doc_id"] == doc_id) & table["content"].str.contains(needle)]
    return row["thread_id"].iloc[0] if len(row) else None


def test_columns_are_the_schema(table):
    assert tuple(table.columns) == THREADS and len(table) > 0


def test_one_town_over_two_days_from_both_sides_is_one_thread(table):
    capture = _thread_of(table, "mon-ru", "captured Pokrovsk")
    deter = _thread_of(table, "mon-ua", "deter")
    false = _thread_of(table, "tue-ua", "false")
    assert capture is not None and capture == deter == false
    rows = table[table["thread_id"] == capture]
    assert {"kremlin", "ukraine"} <= set(rows["side"]) and rows["two_sided"].all()
    assert (rows["start_date"].iloc[0], rows["end_date"].iloc[0]) == ("2025-12-01", "2025-12-02")
    assert "capture vs hold" in rows["relation"].iloc[0]


def test_the_same_town_a_month_later_is_another_thread(table):
    december = _thread_of(table, "mon-ru", "captured Pokrovsk")
    january = set(table.loc[table["doc_id"] == "jan-ru", "thread_id"])
    assert len(january) == 1 and december not in january
    assert set(table.loc[table["thread_id"].isin(january), "doc_id"]) == {"jan-ru"}


def test_a_talks_report_without_a_place_joins_no_thread(table, corpus):
    claims, _ = corpus
    talks = claims[claims["doc_id"] == "tue-talks"]
    assert len(talks) >= 2  # the extractor found the talks claims ...
    assert "tue-talks" not in set(table["doc_id"])  # ... and none joined a thread


def test_spelling_variants_join_the_same_thread(table):
    # "Pokrowsk" (Polish romanisation) and "Pokrovsk"; "Odesa" and "Odessa"
    assert _thread_of(table, "tue-ua", "Pokrowsk") == _thread_of(table, "mon-ua", "Pokrovsk")
    odesa = table[table["doc_id"] == "tue-other"]
    assert odesa["thread_id"].nunique() == 1 and set(odesa["place"]) == {"Odesa"}


def test_the_pokrovsk_thread_holds_nothing_else(table):
    tid = _thread_of(table, "mon-ru", "captured Pokrovsk")
    assert set(table.loc[table["thread_id"] == tid, "doc_id"]) == {"mon-ru", "mon-ua", "tue-ua"}


def test_frames_and_distancing_come_from_the_shared_helpers(table, corpus):
    from narrative.compare import distanced
    from narrative.features import claim_frames

    claims, _ = corpus
    rows = claims.set_index("claim_id").loc[table["claim_id"]]
    assert table["frames"].tolist() == claim_frames(rows.reset_index()).tolist()
    assert table["distanced"].tolist() == distanced(rows.reset_index()).tolist()
    capture = table[table["content"].str.contains("captured Pokrovsk")]
    assert capture["distanced"].iloc[0]  # "claimed": the reporter distances itself


def test_without_dates_threads_stay_in_their_document(corpus):
    claims, docs = corpus
    undated = docs.assign(date="", doc_id=docs["doc_id"])
    table = threads(claims, undated)
    assert (table.groupby("thread_id")["doc_id"].nunique() == 1).all()
    assert (table["start_date"] == "").all()


def test_dates_from_file_names_when_the_date_column_is_empty():
    docs = pd.DataFrame({"doc_id": ["20220125T090000Z_GB_en_7d015e6984", "x"], "date": ["", ""]})
    days = document_days(docs)
    assert days.iloc[0] == (pd.Timestamp("2022-01-25") - pd.Timestamp("1970-01-01")).days
    assert pd.isna(days.iloc[1])


@pytest.mark.parametrize("text, expected", [
    ("Shelling hit Kharkov and Charków overnight.", ["Kharkiv", "Kharkiv"]),
    ("Troops advanced near Avdeyevka and Awdijiwka.", ["Avdiyivka", "Avdiyivka"]),
    ("Russia calls the city Artemovsk; Kyiv calls it Bakhmut.", ["Bakhmut", "Bakhmut"]),
    ("Strikes on Zaporozhye and Saporischschja continued.", ["Zaporizhzhya", "Zaporizhzhya"]),
    ("Kyiv said Moscow was lying.", []),                       # capitals standing for governments
    ("Talks were held in Moscow.", ["Moscow"]),
    ("Mr Lyman said the talks went well.", []),                # a person's name
    ("Fighting went on around Lyman and Chasiv Yar.", ["Lyman", "Chasiv Yar"]),
    ("The victory of the mir was near a lyman.", []),          # lower-case words are no places
    ("Shelling in the Donetsk region and the Kursk oblast.", ["Donetsk Oblast", "Kursk Oblast"]),
    ("Ukrainian troops pushed into Sudzha and Robotyne.", ["Sudzha", "Robotyne"]),
])
def test_gazetteer_spellings_and_false_places(text, expected):
    assert [m.place.name for m in Gazetteer.load().find(text)] == expected


def test_two_sided_counts(table, corpus):
    claims, _ = corpus
    counts = two_sided_counts(table, claims).set_index("side")
    for side in ("kremlin", "ukraine"):
        assert counts.loc[side, "in_two_sided"] == int(((table["side"] == side) & table["two_sided"]).sum())
        assert 0 < counts.loc[side, "in_two_sided"] <= counts.loc[side, "claims"]


def test_grouping_is_linear_in_claims(corpus):
    """Doubling the claims (a second, disjoint copy a year later) doubles the threaded claims, no more."""
    claims, docs = corpus
    later = docs.assign(doc_id=docs["doc_id"] + "-y", date=docs["date"].str.replace("2025", "2026").str.replace(
        "2026-01", "2027-01"))
    claims2 = pd.concat([claims, claims.assign(doc_id=claims["doc_id"] + "-y")], ignore_index=True)
    one = assign(claims, docs)
    two = assign(claims2, pd.concat([docs, later], ignore_index=True))
    assert len(two) == 2 * len(one) and two["thread_id"].nunique() == 2 * one["thread_id"].nunique()


def test_seed_article_capture_and_deter_share_a_thread_and_talks_stay_out(example_text):
    docs = pd.DataFrame([{"doc_id": "seed", "source": "seed", "side": "other", "date": "", "title": "",
                          "text": example_text}])
    claims = extract_claims(docs, load_actors())
    table = threads(claims, docs)
    capture = table[table["content"].str.contains("captured Pokrovsk") & (table["side"] == "kremlin")]
    deter = table[table["content"].str.contains("continue to deter")]
    assert len(capture) and len(deter) and set(capture["thread_id"]) == set(deter["thread_id"])
    assert deter["side"].iloc[0] == "ukraine" and table["thread_id"].nunique() == 1
    joined = " ".join(table["content"])
    assert "Witkoff" not in joined and "diplomatic stakes" not in joined  # the talks claims join none


def test_suite_step_and_report_show_two_sided_threads_escaped(tmp_path, corpus):
    from narrative.pipeline import steps
    from narrative.pipeline.report import render
    from narrative.pipeline.runfiles import write

    claims, docs = corpus
    claims = claims.copy()
    claims.loc[claims["content"].str.contains("deter"), "content"] += " <script>alert(1)</script>"
    (tmp_path / "tables").mkdir()
    write(docs.drop(columns="text").assign(n_words=1), tmp_path, "documents.csv")
    write(claims, tmp_path, "claims.csv")
    out = steps.claim_threads(tmp_path, steps.read_table(tmp_path, "claims.csv"), side_a="kremlin", side_b="ukraine")
    pairs = out["side_by_side"]
    assert len(pairs) >= 1 and pairs["place"].iloc[0] == "Pokrovsk"
    assert "captured Pokrovsk" in pairs["a"].iloc[0] and "deter" in pairs["b"].iloc[0]
    html = render(tmp_path, {"parameters": {"side_a": "kremlin", "side_b": "ukraine"}})
    assert "The same event as each side tells it" in html and "captured Pokrovsk" in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def _txt_corpus(folder):
    """The composed corpus as .txt files named like the war-news set (<date>T…Z_<outlet>_en_<id>.txt)."""
    folder.mkdir()
    for i, (name, date, text) in enumerate(DOCS):
        (folder / f"{date.replace('-', '')}T090000Z_XX_en_{i:02d}{name}.txt").write_text(text, encoding="utf-8")
    return folder


def test_cli_threads_writes_the_table_with_dates_from_file_names(tmp_path, capsys):
    from narrative.cli import main

    corpus = _txt_corpus(tmp_path / "news")
    out = tmp_path / "threads.csv"
    assert main(["threads", str(corpus), "-o", str(out), "--jobs", "1"]) == 0
    table = pd.read_csv(out, keep_default_na=False)
    assert tuple(table.columns) == THREADS
    pokrovsk = table[table["content"].str.contains("captured Pokrovsk")]
    rows = table[table["thread_id"] == pokrovsk["thread_id"].iloc[0]]
    assert (rows["start_date"].iloc[0], rows["end_date"].iloc[0]) == ("2025-12-01", "2025-12-02")
    assert rows["doc_id"].str.contains("mon-ua").any() and rows["doc_id"].str.contains("tue-ua").any()
    assert "two-sided thread" in capsys.readouterr().err


@pytest.mark.parametrize("extra, message", [
    (["--days", "-1"], "--days"),
    (["--similarity", "0"], "--similarity"),
])
def test_cli_threads_bad_options_exit_2_and_write_nothing(tmp_path, capsys, extra, message):
    from narrative.cli import main

    corpus = _txt_corpus(tmp_path / "news")
    out = tmp_path / "threads.csv"
    assert main(["threads", str(corpus), "-o", str(out), *extra]) == 2
    assert message in capsys.readouterr().err and not out.exists()


def test_cli_threads_refuses_to_overwrite_its_input(tmp_path, capsys):
    from narrative.cli import main

    corpus = _txt_corpus(tmp_path / "news")
    victim = next(corpus.iterdir())
    before = victim.read_text(encoding="utf-8")
    assert main(["threads", str(corpus), "-o", str(victim)]) == 2
    assert victim.read_text(encoding="utf-8") == before


def test_gazetteer_generator_rules():
    """The generator's choices on a few GeoNames-shaped records: population thresholds, the own name before an
    alternate, a bigger foreign city's name, blocked and person words, curated variants and regions."""
    from narrative.tools.places import build

    def city(gid, name, cc, a1, pop, *alt):
        return {"geonameid": gid, "name": name, "countrycode": cc, "admin1code": a1, "population": pop,
                "alternatenames": list(alt)}

    cities = {str(c["geonameid"]): c for c in [
        city(1, "Pokrovsk", "UA", "05", 60000, "Pokrowsk", "Покровськ"),
        city(2, "Engels", "RU", "67", 196000, "Pokrovsk"),           # a former name of a bigger Russian city
        city(3, "Parizh", "RU", "13", 20000, "Paris"),                 # a bigger foreign city's name
        city(4, "Selo", "UA", "05", 600),                              # below the threshold
        city(5, "Sudzha", "RU", "41", 6000),                           # a border region: kept under 15,000
        city(6, "Vladimir", "RU", "83", 350000, "Wladimir"),           # a person's first name
    ]}
    foreign = {"9": city(9, "Paris", "FR", "11", 2000000)}
    extra = [{"kind": "variant", "name": "Pokrovsk", "country": "UA", "admin1": "05", "variants": "Krasnoarmeysk",
              "note": ""},
             {"kind": "region", "name": "Donetsk Oblast", "country": "UA", "admin1": "05", "variants": "Donetsk",
              "note": ""},
             {"kind": "block", "name": "x", "country": "", "admin1": "", "variants": "Wladimir", "note": ""}]
    rows = {r["name"]: r for r in build(cities, foreign, {}, extra, persons=frozenset({"Vladimir"}))}
    assert rows["Pokrovsk"]["variants"].split("|") == ["Krasnoarmeysk", "Pokrovsk", "Pokrowsk"]
    assert "Engels" in rows and "Pokrovsk" not in rows["Engels"]["variants"]
    assert "Parizh" in rows and "Paris" not in rows["Parizh"]["variants"].split("|")
    assert "Selo" not in rows and "Sudzha" in rows and "Vladimir" not in rows
    assert "Donetsk region" in rows["Donetsk Oblast"]["variants"].split("|")


@pytest.mark.parametrize("kind", ["latin1", "binary"])
def test_cli_threads_refuses_a_bad_corpus(tmp_path, capsys, kind):
    from test_bad_input import _write_bad

    from narrative.cli import main

    folder = _write_bad(kind, tmp_path / "corpus")
    assert main(["threads", str(folder), "-o", str(tmp_path / "t.csv")]) == 2
    assert "news.csv" in capsys.readouterr().err and not (tmp_path / "t.csv").exists()
