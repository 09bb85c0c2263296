import datetime
import gzip
import io
import json

import pytest
from django.core.management import call_command

from feedback.models import PageDay, Sentence


@pytest.mark.django_db
def test_backups_keep_the_counts_but_no_readers_sentence(tmp_path):
    day = datetime.date(2026, 12, 6)
    PageDay.objects.create(path="/bn/guides/a/", day=day, no=2, hard=1)
    Sentence.objects.create(path="/bn/guides/a/", day=day, reason="hard", text="a reader's own words")
    backup = tmp_path / "site.fulljson.gz"
    call_command("backup", output=str(backup), stdout=io.StringIO())
    text = gzip.decompress(backup.read_bytes()).decode()
    models = {row["model"] for row in json.loads(text)}
    assert "feedback.pageday" in models and "feedback.sentence" not in models
    assert "a reader's own words" not in text
