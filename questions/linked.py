"""The published questions linked to a guide, skill or marketplace, read in the page's own query.

`annotate` adds to the item's queryset one column, `reader_questions`: a JSON list of the
item's published questions (slug, question and answer HTML in each language), built by a
correlated subquery in the database's own JSON functions. So a detail page shows its
questions, and their FAQPage data, without one query more.
"""

import json
from dataclasses import dataclass

from django.db import connection
from django.db.models.expressions import RawSQL
from django.urls import reverse
from django.utils.safestring import mark_safe

from freelanceguide.models import fallback_order, language_codes

from .models import Question

ATTRIBUTE = "reader_questions"
FIELDS = {"guides.guide": "guides", "skills.skill": "skills", "marketplaces.marketplace": "marketplaces"}


@dataclass(frozen=True)
class LinkedQuestion:
    slug: str
    question: str
    question_language: str
    answer_html: str
    answer_language: str

    def get_absolute_url(self):
        return reverse("questions:detail", args=[self.slug])


def _subquery(model):
    field = Question._meta.get_field(FIELDS[model._meta.label_lower])
    through = field.remote_field.through._meta
    question_table = Question._meta.db_table
    source_column = field.m2m_column_name()
    target_column = field.m2m_reverse_name()
    pairs = []
    for code in language_codes():
        pairs += [f"'q_{code}'", f"q.question_{code}", f"'a_{code}'", f"q.body_html_{code}"]
    pairs = ["'slug'", "q.slug", *pairs]
    join = (
        f"FROM {question_table} q JOIN {through.db_table} t ON t.{source_column} = q.id "
        f"WHERE t.{target_column} = {model._meta.db_table}.id AND q.published"
    )
    if connection.vendor == "postgresql":
        return f"(SELECT COALESCE(json_agg(json_build_object({', '.join(pairs)}) ORDER BY q.slug), '[]')::text {join})"  # noqa: S608 (names from the models' _meta, no input)
    return f"(SELECT json_group_array(json_object({', '.join(pairs)})) FROM (SELECT q.* {join} ORDER BY q.slug) q)"  # noqa: S608 (as above)


def annotate(queryset):
    if queryset.model._meta.label_lower not in FIELDS:
        return queryset
    return queryset.annotate(**{ATTRIBUTE: RawSQL(_subquery(queryset.model), ())})  # noqa: S611 (no input)


def _shown(row, prefix, language):
    for code in fallback_order(language):
        if row.get(f"{prefix}_{code}"):
            return row[f"{prefix}_{code}"], code
    return "", language


def questions_of(item, language):
    """The item's published questions (LinkedQuestion), from the annotated column; [] when the
    item was not read through `annotate` (no query is made here)."""
    raw = getattr(item, ATTRIBUTE, None)
    if not raw:
        return []
    try:
        rows = json.loads(raw)
    except ValueError:
        return []
    found = []
    for row in rows:
        if not isinstance(row, dict) or not row.get("slug"):
            continue
        question, question_language = _shown(row, "q", language)
        answer, answer_language = _shown(row, "a", language)
        if question and answer:
            # The answer is the Markdown pipeline's sanitised HTML, stored when it was saved.
            found.append(LinkedQuestion(row["slug"], question, question_language, mark_safe(answer), answer_language))  # noqa: S308
    return found
