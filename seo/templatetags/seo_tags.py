from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from glossary.models import Term
from guides.models import Guide
from questions.linked import questions_of
from questions.models import Question

from .. import structured

register = template.Library()

OG_LOCALES = {"bn": "bn_BD", "en": "en_US"}
# A page whose guide has fewer questions than this is not "questions and answers".
MIN_FAQ_QUESTIONS = 2


class CaptureNode(template.Node):
    child_nodelists = ("nodelist",)

    def __init__(self, nodelist, name):
        self.nodelist = nodelist
        self.name = name

    def render(self, context):
        output = mark_safe(self.nodelist.render(context).strip())  # noqa: S308 (already rendered, escaped)
        context[self.name] = output
        return output


@register.tag
def capture(parser, token):
    """{% capture as name %}...{% endcapture %}: output the content and keep it in `name`.

    base.html wraps its title and description blocks in it, so the Open Graph tags repeat
    exactly what each page put in those blocks.
    """
    bits = token.split_contents()
    if len(bits) != 3 or bits[1] != "as":
        raise template.TemplateSyntaxError("Usage: {% capture as name %}...{% endcapture %}")
    nodelist = parser.parse(("endcapture",))
    parser.delete_first_token()
    return CaptureNode(nodelist, bits[2])


@register.inclusion_tag("seo/head.html", takes_context=True)
def seo_head(context):
    """Open Graph and Twitter card tags and JSON-LD for the page being rendered."""
    request = context["request"]
    language = get_language()
    title = context.get("page_title", "")
    obj = structured.page_object(request, context)
    blocks = [structured.breadcrumbs(request, title)]
    pairs = []
    if isinstance(obj, Guide):
        blocks.append(structured.article(request, obj, language))
        pairs = structured.questions(obj.body_html)
        if len(pairs) < MIN_FAQ_QUESTIONS:
            pairs = []
    # Readers' questions an editor answered and linked here (read in the page's own query),
    # or the page of questions itself: one FAQPage per page, with the guide's own if any.
    pairs += structured.answered(questions_of(obj, language)) if obj is not None else []
    if isinstance(obj, Question):
        pairs = structured.answered([obj])
    elif request.resolver_match and request.resolver_match.view_name == "questions:list" and context.get("page"):
        pairs = structured.answered(context["page"].object_list)
    if pairs:
        blocks.append(structured.faq(pairs))
    if isinstance(obj, Term):
        blocks.append(structured.defined_term(request, obj, language))
    return {
        "title": title,
        "description": context.get("page_description", ""),
        "canonical_url": context.get("canonical_url", ""),
        "og_type": "article" if isinstance(obj, Guide) else "website",
        "og_locale": OG_LOCALES.get(language, language),
        "og_alternate_locales": [value for code, value in OG_LOCALES.items() if code != language],
        "updated": obj.updated if obj is not None else None,
        "json_ld": [structured.json_ld(block) for block in blocks],
    }
