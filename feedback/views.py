"""The two posts of "Did this page help?". The question sits in every answerable page, which
the page cache serves to everyone alike; the posts act for no session (reader_posts), and their
answers are never cached."""

from django.conf import settings
from django.http import HttpResponseNotAllowed
from django.shortcuts import render

from freelanceguide.reader_posts import reader_post

from . import answers
from .forms import AnswerForm, MissingForm


@reader_post("feedback")
def answer(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return render(request, "feedback/refused.html", status=400)
    page = form.cleaned_data["page"]
    helped = form.cleaned_data["helped"] == "yes"
    answers.count_answer(page, helped)
    if helped:
        return render(request, "feedback/thanks.html", {"page": page})
    return _missing_page(request, MissingForm(initial={"page": page}), page)


@reader_post("feedback")
def missing(request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    form = MissingForm(request.POST)
    if not form.is_valid():
        if "page" in form.errors:
            return render(request, "feedback/refused.html", status=400)
        return _missing_page(request, form, form.cleaned_data["page"], status=400)
    data = form.cleaned_data
    answers.add_what_was_missing(data["page"], data["reason"], data["text"])
    return render(request, "feedback/thanks.html", {"page": data["page"]})


def _missing_page(request, form, page, status=200):
    context = {"form": form, "page": page, "retention_days": settings.FEEDBACK_TEXT_RETENTION_DAYS}
    return render(request, "feedback/missing.html", context, status=status)
