"""django.contrib.admin with EditorsAdminSite (editorial/sign_in.py) as `admin.site`.

Its own module: INSTALLED_APPS imports it before any model may be imported.
"""

from django.contrib.admin.apps import AdminConfig


class EditorsAdminConfig(AdminConfig):
    default_site = "editorial.sign_in.EditorsAdminSite"
