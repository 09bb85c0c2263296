from django import template
from django.utils.translation import get_language

from questions.linked import questions_of

register = template.Library()


@register.simple_tag
def linked_questions(item):
    """The published questions linked to a guide, skill or marketplace (no query)."""
    return questions_of(item, get_language())
