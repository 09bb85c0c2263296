from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = _("What readers need")

    def ready(self):
        from editorial.schedules import daily

        from . import needs, retention

        needs.register()
        daily.register("feedback.delete_old_handled_text", retention.run_daily)
