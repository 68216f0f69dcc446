"""The seventeenth session's French/German residues, each closed as its family (issue #17 item 5, eighteenth pass).

- A word of praise or surprise before a German statement of what the robot does ("Toll, du legst den roten in den
  Müll.", A1 s17 low) remarks on it, as English "Great, you put ..." does: refused. The bare present of orders ("Du
  legst den roten in den Müll."), an opener that is no remark ("Gut, ...", "Also, ..."), and a statement that says when
  ("Super, du legst jetzt ...") still plan.
- The "ihr" imperative after "und" in its clause, and after a particle that hurries or softens an order ("mal eben",
  "kurz", "doch"), is an imperative, not a participle of a report (REV s17-R4); an object said first still
  makes the participle a report ("Den roten und den blauen entsorgt."), and so do the particle's form asked with "?"
  and "eben" alone (just now): A1 s18 H132.
- French "toi"/"moi" as the subject of a participle with no auxiliary ("Toi mis le cube rouge dans la poubelle.",
  A1 s17 H112 residue) reports, as "Tu mis ..." does.
"""

from __future__ import annotations

import pytest
from planner_asserts import filled_moves_nothing, filled_plans
from test_translation_spoken import _TRIPLES


@pytest.mark.parametrize("template", [
    # a remark on what the robot does
    "Toll, du legst den {X} in den Müll.",
    "Super, du legst den {X} in den Müll.",
    "Wow, du legst den {X} in den Müll.",
    "Klasse! Du schiebst den {X} nach links.",
    "Gut gemacht, ihr legt den {X} auf den {Y}.",
    "Oh, du legst den {X} in den Müll.",
    "Prima, Sie legen den {X} Würfel aufs Pad.",
    "Hallo. Wow, du legst den {X} in den Müll!",
    "Super, du legst den {X} in den Müll?",
    # reports: the object first, with "und" or a particle
    "Den {X} und den {Y} entsorgt.",
    "Den {X} entsorgt und den {Y} bewegt.",
    "Den {X} Würfel entsorgt und bewegt den {Y} aufs Pad.",
    "Mal eben den {X} entsorgt.",
    # ... and the particle before the "ihr" form asked, or "eben" alone (just now): A1 s18 H132
    "Mal eben entsorgt den {X}?",
    "Kurz entsorgt den {X}?",
    "Kurz entsorgt den {X}?!",
    "Mal eben entsorgt den {X} ?!",
    "Mal eben bewegt den {X} aufs Pad?",
    "Eben entsorgt den {X}.",
    "Eben mal entsorgt den {X}.",
    "Kurz den {X} aufs Pad bewegt.",
    # French: "toi"/"moi" before a participle with no auxiliary
    "Toi mis le cube {x} dans la poubelle.",
    "Moi mis le {x} sur le {y}.",
    "Toi posé le {x} sur le {y} ?",
])
def test_a_remark_or_a_report_is_refused(template: str) -> None:
    filled_moves_nothing(template)


@pytest.mark.parametrize("triple", _TRIPLES, ids="-".join)
@pytest.mark.parametrize(("template", "spec"), [
    # the present of orders, an opener that is no remark, a statement that says when
    ("Du legst den {X} in den Müll.", ("x>bin",)),
    ("Gut, du legst den {X} in den Müll.", ("x>bin",)),
    ("Also, du legst den {X} in den Müll.", ("x>bin",)),
    ("Super, du legst jetzt den {X} in den Müll.", ("x>bin",)),
    ("Super, und jetzt legst du den {X} in den Müll.", ("x>bin",)),
    ("Toll, leg den {X} in den Müll.", ("x>bin",)),
    # the "ihr" imperative after "und" and after a particle (REV s17-R4)
    ("Entsorgt den {X} und bewegt den {Y} aufs Pad.", ("x>bin", "y>pad")),
    ("Entsorgt den {X}, bewegt den {Y} aufs Pad.", ("x>bin", "y>pad")),
    ("Mal eben entsorgt den {X}.", ("x>bin",)),
    ("Kurz bewegt den {X} aufs Pad.", ("x>pad",)),
    ("Doch, entsorgt den {X} Würfel!", ("x>bin",)),
    # French: "toi" before an imperative-present
    ("Toi mets le cube {x} dans la poubelle.", ("x>bin",)),
])
def test_the_request_beside_them_plans_exactly(template: str, spec: tuple[str, ...],
                                               triple: tuple[str, str, str]) -> None:
    filled_plans(template, spec, triple)
