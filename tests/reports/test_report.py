"""`guarantor report`: every section, nothing fetched, quotes escaped, numbers that match
the models, the same numbers in HTML and Markdown, footnotes for each of them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from guarantor.beliefs import load_scenario
from guarantor.beliefs.backtest import World, run_backtest
from guarantor.beliefs.world import load_world
from guarantor.cli.app import app, main
from guarantor.costs import answer_who_pays
from guarantor.domain.scenario import Scenario, parameter_rows
from guarantor.domain.vocabulary import Option
from guarantor.forces.answer import answer_who_sends
from guarantor.reports.document import Report
from guarantor.reports.formats import format_figure
from guarantor.reports.gather import gather_report
from guarantor.reports.markdown import md_escape
from guarantor.reports.output import render
from guarantor.settings import load_settings

pytestmark = pytest.mark.slow  # the models run once for the module (about 10 s)

REPO = Path(__file__).resolve().parents[2]
PLANTED = '<script>alert("planted")</script>'
ARTICLE = f"""Britain ready to send troops, says Starmer {PLANTED}

LONDON, 26 January 2026 (Reuters) - Prime Minister Keir Starmer said on Monday that Britain \
is ready to send ground troops to Ukraine {PLANTED} to secure a peace deal.
"""
SMALL = """name: report-test
trials: 2000
forces:
  sensitivity_trials: 2000
response:
  brief_replications: 40
"""
SECTIONS = (
    "answers", "board", "troops", "response", "pays", "questionnaire", "track", "sources",
    "assumptions", "notes",
)  # fmt: skip


@dataclass(frozen=True)
class Built:
    db_url: str
    scenario_file: Path
    scenario: Scenario
    report: Report
    html: str
    md: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The bundled data, one ingested article with a planted script, one questionnaire
    answer; the report built once, rendered both ways."""
    folder = tmp_path_factory.mktemp("report")
    db_url = f"sqlite:///{folder / 'report.db'}"
    article = folder / "planted.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    env = {"GUARANTOR_DB": db_url, "GUARANTOR_REGISTRY_DIR": str(folder / "no-registry")}
    runner = CliRunner()
    for args in (
        ["ingest", "--extractor", "extract.rules.v1", str(article)],
        ["questionnaire", "ingest", str(REPO / "examples/questionnaire/001_nld_single.yaml")],
    ):
        result = runner.invoke(app, args, env=env)
        assert result.exit_code == 0, result.output
    scenario_file = folder / "small.yaml"
    scenario_file.write_text(SMALL, encoding="utf-8")
    scenario = load_scenario(scenario_file)
    report = gather_report(load_settings(db=db_url), scenario)
    return Built(
        db_url, scenario_file, scenario, report, render(report, "html"), render(report, "md")
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.figures: dict[str, tuple[str, str]] = {}
        self._open: tuple[str, str] | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.tags.append((tag, found))
        if tag == "span" and found.get("class") == "fig":
            self._open, self._text = (found["data-figure"] or "", found["data-value"] or ""), ""

    def handle_data(self, data: str) -> None:
        if self._open:
            self._text += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self._open:
            self.figures[self._open[0]] = (self._open[1], self._text)
            self._open = None


def _parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


def test_html_has_every_section_and_its_charts(built: Built) -> None:
    for section in SECTIONS:
        assert f'<section id="{section}"' in built.html
    for chart in ("board", "force", "participation", "tornado", "timeline", "payers", "track"):
        assert f'<figure id="chart-{chart}"><svg' in built.html
    for heading in ("four answers", "position board", "Who sends troops", "Who pays"):
        assert heading.lower() in built.md.lower()


def test_html_fetches_nothing(built: Built) -> None:
    tags = _parse(built.html).tags
    remote = re.compile(r"^\s*(https?:)?//", re.I)
    for tag, attrs in tags:
        assert tag not in ("script", "iframe", "object", "embed", "base")
        for name, value in attrs.items():
            if name in ("src", "srcset", "xlink:href", "data", "poster") or (
                name == "href" and tag != "a"
            ):
                assert not remote.match(value or ""), f"<{tag} {name}={value}> loads from afar"
    assert not re.search(r"@import|url\(\s*['\"]?\s*(https?:)?//", built.html, re.I)
    assert "default-src 'none'" in built.html  # the page's own CSP forbids fetching too


def test_a_planted_script_shows_as_text(built: Built) -> None:
    assert "<script" not in built.html.lower()
    assert "&lt;script&gt;alert(&#34;planted&#34;)&lt;/script&gt;" in built.html
    assert "<script" not in built.md.lower()
    assert md_escape(PLANTED) in built.md


def test_p_met_and_shares_match_the_models(built: Built) -> None:
    registry, evidence = load_world(built.db_url)
    who = answer_who_sends(registry, evidence, built.scenario)
    pays = answer_who_pays(registry, who, built.scenario)
    shown = _parse(built.html).figures
    for key, run in (
        ("without_backstop", who.without_backstop),
        ("with_backstop", who.with_backstop),
    ):
        value, text = shown[f"forces.{key}.p_requirement_met"]
        assert float(value) == run.p_requirement_met
        assert text == f"{run.p_requirement_met:.1%}"
    for payer in pays.report.actors[:5]:
        value, text = shown[f"costs.payer.{payer.actor}.share"]
        assert float(value) == payer.share
        assert text == (f"{payer.share:.1%}" if payer.share >= 0.01 else f"{payer.share:.3%}")


def test_track_record_is_the_backtest(built: Built) -> None:
    registry, evidence = load_world(built.db_url)
    cutoff = built.report.track.rows[0].as_of if built.report.track else None
    assert cutoff is not None
    expected = run_backtest(World(registry, evidence, built.scenario), cutoff, Option.GROUND_TROOPS)
    rule = next(r for r in built.report.track.rows if r.as_of == cutoff and r.is_rule)
    assert (rule.n, rule.auc, rule.brier) == (
        expected.scores.n,
        expected.scores.auc,
        expected.scores.brier,
    )


def test_every_figure_is_footnoted_and_shown_alike_in_html_and_markdown(built: Built) -> None:
    report, shown = built.report, _parse(built.html).figures
    figures = report.figures()
    assert len(figures) > 100
    for name, figure in figures.items():
        assert figure.notes, f"{name} has no footnote"
        text = format_figure(figure)
        assert shown[name][1] == text
        first = min(report.number(k) for k in figure.notes)
        assert f"{md_escape(text)}[^{first}]" in built.md, name
    assert built.html.count('<li id="note-') == len(report.notes)
    assert built.md.count("\n[^") == len(report.notes)


def test_notes_carry_quotes_sources_and_references(built: Built) -> None:
    notes = built.report.notes
    planted = [n for n in notes if n.kind == "evidence" and PLANTED in n.text]
    assert planted and "grade" in planted[0].source
    assumptions = [n for n in notes if n.kind == "assumption"]
    assert assumptions and all(n.source for n in assumptions)
    names = {a.name for a in built.report.assumptions}
    assert {row["name"] for row in parameter_rows()} <= names
    assert any(name.startswith("registry.factors.") for name in names)
    assert any("reuters" in (s.outlet or "").lower() for s in built.report.sources)
    assert built.report.questionnaire is not None
    assert built.report.questionnaire.respondents == ("NLD",)


def test_cli_writes_markdown_and_refuses_a_bad_suffix(
    built: Built, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "report.md"
    result = CliRunner().invoke(
        app,
        ["report", "--scenario", str(built.scenario_file), "--out", str(out), "--top", "5"],
        env={"GUARANTOR_DB": built.db_url},
    )
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("# Security guarantees for Ukraine")
    with pytest.raises(SystemExit) as stopped:
        main(["report", "--out", str(tmp_path / "report.pdf")])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "--out must end in one of .html" in err and "'.pdf'" in err
    assert not (tmp_path / "report.pdf").exists()
