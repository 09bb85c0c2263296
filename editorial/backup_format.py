"""The backup format, "fulljson": Django's JSON serialisation, but times keep their microseconds.

Django's JSON encoder cuts times to milliseconds (for JavaScript), so a dump and restore would
change every "last updated" stamp slightly. Registered in SERIALIZATION_MODULES; files are named
*.fulljson.gz and `loaddata` reads them by that extension.
"""

import datetime

from django.core.serializers.json import Deserializer, DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer

__all__ = ["Deserializer", "Serializer"]


class FullPrecisionEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        self.options.setdefault("cls", FullPrecisionEncoder)
        super()._init_options()
