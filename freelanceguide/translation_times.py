"""Where reader pages get each language's edit times from, for the "translation behind" notice.

The editorial app keeps those times (editorial/translations/status.py) and plugs itself in here
when it starts (editorial/apps.py), so these shared reader helpers never import it: the
dependency points from editorial to freelanceguide only. Without a source, nothing is behind.

A source offers with_edit_times(queryset), missing_languages(item), times_of(item) ->
({language: edited_at}, {language: revised_at}), read from with_edit_times' annotations when
they are there, else from the database.
"""

_source = None


def provide(source):
    global _source
    _source = source


def source():
    return _source
