"""Start-up checks of what the search's engines rely on."""

from django.core import checks
from django.db import connections


@checks.register(checks.Tags.database)
def postgres_client_side_binding(app_configs=None, **_kwargs):
    """On PostgreSQL a search sends a statement with a SET before and after it in one message
    (search.engines.Postgres._rows), which server-side binding cannot send."""
    errors = []
    for alias in connections:
        settings = connections[alias].settings_dict
        if connections[alias].vendor == "postgresql" and settings.get("OPTIONS", {}).get("server_side_binding"):
            errors.append(
                checks.Error(
                    f"DATABASES[{alias!r}] uses server-side binding, which the search's statements cannot use.",
                    hint="Leave OPTIONS 'server_side_binding' unset (client-side binding, Django's default).",
                    id="search.E001",
                )
            )
    return errors
