"""`caravan ingest` and `caravan review …`: documents read into proposals, and their review."""

from __future__ import annotations

import dataclasses
import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.text import Text

from caravan import api
from caravan.api import Observatory
from caravan.cli.render import console, error_console, print_error, print_json, print_table
from caravan.errors import CaravanError
from caravan.model.proposals import FactKind, ProposalState, ProposedFact

if TYPE_CHECKING:
    from caravan.api import IngestOutcome, StoredProposal

__all__ = ["ingest", "review_app"]

review_app = typer.Typer(
    help="The review queue: list, show, accept, reject and edit proposed facts.",
    no_args_is_help=True,
)

KbOption = Annotated[
    Path | None,
    typer.Option("--kb", metavar="<path>", help="Knowledge-base file (default: cache)."),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON for machines.")]
ByOption = Annotated[
    str | None, typer.Option("--by", help="Who decides (default: the login name).")
]


def _open(kb: Path | None) -> Observatory:
    from caravan.cli.app import _open as open_observatory

    return open_observatory(kb)


def _who(by: str | None) -> str:
    if by:
        return by
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "cli"


# -- ingest ----------------------------------------------------------------------------------
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files (text, HTML, PDF) or folders.")],
    title: Annotated[str | None, typer.Option(help="Title, if the document lacks one.")] = None,
    publisher: Annotated[str | None, typer.Option(help="Who published it.")] = None,
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            help="Publication date: YYYY-MM-DD, or YYYY-MM or YYYY when only the month or year"
            " is known.",
        ),
    ] = None,
    url: Annotated[str | None, typer.Option(help="Where it can be read (http/https).")] = None,
    language: Annotated[
        str | None, typer.Option(help="ISO 639-1 code (en, ru …); detected if absent.")
    ] = None,
    kb: KbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Read documents into proposed facts in the review queue (the same text twice adds nothing).

    A folder is read in one go with a progress bar; a file that cannot be read is reported
    and the rest go on; Ctrl-C stops after keeping every file already stored.
    """
    observatory = _open(kb)
    files = observatory.document_files(paths)
    if not files:
        print_error("no documents found (text, HTML or PDF files) in the paths given")
        raise typer.Exit(2)
    try:
        published = api.partial_date(date) if date else None
    except ValueError as error:
        print_error(f"--date: {error}")
        raise typer.Exit(2) from None
    details = api.DocumentDetails(title, publisher, url=url, language=language)
    if published is not None:
        details = dataclasses.replace(
            details, published_on=published[0], published_precision=published[1]
        )
    outcomes: list[IngestOutcome] = []
    try:
        with Progress(
            TextColumn("[bold]reading[/] {task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=error_console,
            transient=True,
            disable=not error_console.is_terminal or len(files) < 2,
        ) as bar:
            task = bar.add_task("", total=len(files))
            for outcome in observatory.ingest(files, details):
                outcomes.append(outcome)
                bar.update(task, advance=1, description=escape(outcome.path.name))
                if not json_output:
                    _print_outcome(outcome)
    except KeyboardInterrupt:
        error_console.print(
            f"[yellow]interrupted: {len(outcomes)} of {len(files)} file(s) read and stored; "
            "the others were not read[/]"
        )
        raise typer.Exit(130) from None
    if json_output:
        print_json([_outcome_json(o) for o in outcomes])
    else:
        new = sum(o.new for o in outcomes)
        known = sum(o.known for o in outcomes)
        failed = sum(1 for o in outcomes if o.error)
        console.print(
            f"{len(outcomes)} file(s): {new} new, {known} already known"
            + (f", [red]{failed} could not be read[/]" if failed else "")
        )
    if any(o.error for o in outcomes):
        raise typer.Exit(1)


def _print_outcome(outcome: IngestOutcome) -> None:
    if outcome.error:
        named = str(outcome.path) in outcome.error  # the reader's message may name the file
        print_error(outcome.error if named else f"{outcome.path}: {outcome.error}")
        return
    for warning in outcome.warnings:
        error_console.print(f"[yellow]warning[/] {escape(str(outcome.path))}: {escape(warning)}")
    console.print(
        f"{escape(str(outcome.path))}: {outcome.new} new, {outcome.known} already known "
        f"(document {outcome.document_id and outcome.document_id[:12]})"
    )


def _outcome_json(outcome: IngestOutcome) -> dict[str, object]:
    return {
        "path": str(outcome.path),
        "document_id": outcome.document_id,
        "title": outcome.title,
        "new": outcome.new,
        "known": outcome.known,
        "proposal_ids": list(outcome.proposal_ids),
        "warnings": list(outcome.warnings),
        "error": outcome.error,
    }


# -- review ------------------------------------------------------------------------------------
@review_app.command("list")
def review_list(
    state: Annotated[
        ProposalState | None, typer.Option(help="pending, accepted or rejected.")
    ] = ProposalState.PENDING,
    kind: Annotated[FactKind | None, typer.Option(help="Kind of fact.")] = None,
    document: Annotated[str | None, typer.Option(help="Document id.")] = None,
    all_states: Annotated[
        bool, typer.Option("--all", help="Every state (ignores --state).")
    ] = False,
    limit: Annotated[int, typer.Option(min=1, max=1000, help="Rows per page.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Rows to skip.")] = 0,
    order: Annotated[
        api.ProposalOrder,
        typer.Option(help="oldest first, or the most confident (likely accepted) first."),
    ] = api.ProposalOrder.OLDEST,
    kb: KbOption = None,
    json_output: JsonOption = False,
) -> None:
    """Proposals in the queue (pending by default), oldest first unless --order says."""
    state = None if all_states else state
    page = _open(kb).proposals(api.ProposalFilter(state, kind, document, limit, offset, order))
    if json_output:
        print_json({"total": page.total, "items": [_stored_json(p) for p in page.items]})
        return
    print_table(
        f"{page.total} {state.value if state else ''} proposal(s)".replace("  ", " "),
        ["id", "kind", "proposes", "conf.", "vs held", "flags", "state"],
        [
            (
                p.fact.id[:12],
                p.fact.kind.value.replace("_", " ").replace("status event", "status"),
                api.describe_proposal(p.fact),
                f"{p.fact.confidence:.2f}",
                p.fact.comparison.disposition.value,
                ", ".join(f.code.value.replace("_", " ") for f in p.fact.flags),
                p.fact.state.value,
            )
            for p in page.items
        ],
        caption=(
            f"rows {offset + 1}–{offset + len(page.items)} of {page.total}"
            if page.total > len(page.items)
            else None
        ),
        whole=("id", "kind", "conf.", "vs held", "state"),
        compact=True,
        shares={"proposes": 2, "flags": 1},
    )


@review_app.command("show")
def review_show(proposal_id: str, kb: KbOption = None, json_output: JsonOption = False) -> None:
    """One proposal: its evidence with the mention highlighted, comparison, flags, history."""
    details = _open(kb).proposal(proposal_id)
    stored, fact = details.proposal, details.proposal.fact
    if json_output:
        print_json(
            {
                **_stored_json(stored),
                "held_sources": [s.model_dump(mode="json") for s in details.held_sources],
                "document_source_id": details.document_source_id,
            }
        )
        return
    document = stored.document
    console.print(Text.assemble(("proposal ", "bold"), fact.id, "  ", (fact.state.value, "bold")))
    console.print(Text(f"{fact.kind.value}: {api.describe_proposal(fact)}"))
    console.print(Text(f"confidence {fact.confidence:.2f}"))
    console.print(
        Text(
            f"document {document.id[:12]}: {document.title or '(no title)'}, "
            f"{document.publisher or '(no publisher)'}, {document.published_on or '(no date)'}, "
            f"{document.url or '(no URL: give one with caravan ingest --url)'}"
        )
    )
    console.print(Text("evidence: ", style="bold") + highlighted_evidence(fact))
    comparison = fact.comparison
    if comparison.held_value is not None or comparison.held_ref:
        print_table(
            f"{comparison.disposition.value} with {comparison.held_ref or 'the knowledge base'}",
            ["", "value", "sources"],
            [
                (
                    "held",
                    comparison.held_value,
                    "; ".join(
                        f"{s.id} {getattr(s, 'title', getattr(s, 'subject', ''))}"
                        for s in details.held_sources
                    )
                    or ", ".join(comparison.held_sources),
                ),
                (
                    "proposed",
                    api.proposed_value(fact) or api.describe_proposal(fact),
                    f"{details.document_source_id} {document.title or ''}".strip(),
                ),
            ],
        )
    for flag in fact.flags:
        console.print(Text.assemble(("flag ", "yellow"), f"{flag.code.value}: {flag.message}"))
    if stored.edited.at:
        console.print(Text(f"edited by {stored.edited.by} at {stored.edited.at}"))
    if stored.decision.at:
        reason = f" ({stored.decision.reason})" if stored.decision.reason else ""
        entry = (
            f", journal entry {stored.decision.journal_entry}"
            if stored.decision.journal_entry
            else ""
        )
        console.print(
            Text(
                f"{fact.state.value} by {stored.decision.by} at {stored.decision.at}{reason}{entry}"
            )
        )


def highlighted_evidence(fact: ProposedFact) -> Text:
    """The evidence sentence with every occurrence of the mention in reverse video."""
    text = Text(fact.evidence.sentence)
    text.highlight_words([fact.mention], style="bold reverse", case_sensitive=False)
    return text


@review_app.command("accept")
def review_accept(
    proposal_ids: Annotated[list[str], typer.Argument(help="Proposal ids (or unique prefixes).")],
    by: ByOption = None,
    kb: KbOption = None,
) -> None:
    """Accept proposals: each fact is written through the journal, citing its document."""
    observatory = _open(kb)
    failed = 0
    for proposal_id in proposal_ids:
        try:
            outcome = observatory.accept_proposal(proposal_id, _who(by))
        except CaravanError as error:
            print_error(str(error))
            failed += 1
            continue
        console.print(
            Text(
                f"accepted {outcome.proposal_id[:12]}: {outcome.table} {outcome.key} "
                f"(journal entry {outcome.journal_entry})"
            )
        )
    if failed:
        raise typer.Exit(2)


@review_app.command("reject")
def review_reject(
    proposal_ids: Annotated[list[str], typer.Argument(help="Proposal ids (or unique prefixes).")],
    reason: Annotated[str | None, typer.Option(help="Why, for the record.")] = None,
    by: ByOption = None,
    kb: KbOption = None,
) -> None:
    """Reject proposals: nothing is written to the knowledge base."""
    observatory = _open(kb)
    failed = 0
    for proposal_id in proposal_ids:
        try:
            stored = observatory.reject_proposal(proposal_id, _who(by), reason)
        except CaravanError as error:
            print_error(str(error))
            failed += 1
            continue
        console.print(Text(f"rejected {stored.fact.id[:12]}"))
    if failed:
        raise typer.Exit(2)


@review_app.command("edit")
def review_edit(
    proposal_id: str,
    changes: Annotated[
        list[str],
        typer.Option("--set", help="field=value (lists as a|b; empty clears). Repeatable."),
    ],
    by: ByOption = None,
    kb: KbOption = None,
) -> None:
    """Change fields of a pending proposal; the evidence stays, who and when are noted."""
    pairs: dict[str, str] = {}
    for change in changes:
        field, separator, value = change.partition("=")
        if not separator or not field.strip():
            print_error(f"--set {change!r}: expected field=value")
            raise typer.Exit(2)
        pairs[field.strip()] = value
    stored = _open(kb).edit_proposal(proposal_id, pairs, _who(by))
    console.print(Text(f"edited {stored.fact.id[:12]}: {api.describe_proposal(stored.fact)}"))


def _stored_json(stored: StoredProposal) -> dict[str, object]:
    return {
        **stored.fact.model_dump(mode="json"),
        "summary": api.describe_proposal(stored.fact),
        "document": stored.document.model_dump(mode="json"),
        "created_at": stored.created_at,
        "decided_at": stored.decision.at,
        "decided_by": stored.decision.by,
        "reason": stored.decision.reason,
        "journal_entry": stored.decision.journal_entry,
        "edited_at": stored.edited.at,
        "edited_by": stored.edited.by,
        "original_payload": stored.original_payload,
    }
