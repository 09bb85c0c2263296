"""The shipped content shared by a class of tests: loaded once, each test isolated, gone after."""

import pytest

from guides.models import Guide

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("shipped_content_for_class")
class TestContentSharedByAClass:
    def test_a_test_may_delete_the_shared_content(self):
        assert Guide.objects.count() > 10
        Guide.objects.all().delete()
        assert not Guide.objects.exists()

    def test_the_next_test_sees_it_whole_again(self):
        assert Guide.objects.count() > 10


def test_after_the_class_its_content_is_gone():
    assert not Guide.objects.exists()
