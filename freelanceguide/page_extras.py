"""What other apps add to a content page's own query, so the page needs no query more.

A guide, skill or marketplace detail view passes its queryset through `annotate(queryset)`;
an app that shows something on those pages (questions: the published questions linked to
the item) registers an annotator in its AppConfig.ready(). The page's app imports nothing
from the apps that annotate it.
"""

_annotators = []


def register(annotator):
    if annotator not in _annotators:
        _annotators.append(annotator)


def annotate(queryset):
    for annotator in _annotators:
        queryset = annotator(queryset)
    return queryset
