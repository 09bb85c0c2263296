from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from freelanceguide.reader_posts import reader_post

from . import pages
from .models import Question


@require_safe
def question_list(request):
    return render(request, "questions/question_list.html", pages.list_page(request.GET))


@require_safe
def question_detail(request, slug):
    question = get_object_or_404(Question.objects.published().with_translation_times(), slug=slug)
    return render(request, "questions/question_detail.html", {"question": question})


@reader_post("question")
def ask(request):
    if request.method != "POST":
        return render(request, "questions/ask.html", pages.ask_page(request.GET))
    context, stored = pages.ask(request.POST)
    if stored:
        return render(request, "questions/thanks.html", context)
    return render(request, "questions/ask.html", context, status=400)
