"""The backup format, "fulljson": Django's JSON serialisation, but times keep their microseconds.

Django's JSON encoder cuts times to milliseconds (for JavaScript), so a dump and restore would
change every "last updated" stamp slightly. Registered in SERIALIZATION_MODULES; files are named
*.fulljson.gz and `loaddata` reads them by that extension.
"""

import datetime

from django.core.serializers.json import Deserializer as JSONDeserializer
from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JSONSerializer

__all__ = ["Deserializer", "Serializer"]

# Models that changed app: backups made before the move name them by their old label.
MOVED_MODELS = {
    "freelanceguide.loadedcontent": "editorial.loadedcontent",
    "freelanceguide.translationedit": "editorial.translationedit",
}


class FullPrecisionEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


class Serializer(JSONSerializer):
    def _init_options(self):
        self.options.setdefault("cls", FullPrecisionEncoder)
        super()._init_options()


class Deserializer(JSONDeserializer):
    def _handle_object(self, obj):
        label = str(obj.get("model", "")).lower()
        if label in MOVED_MODELS:
            obj = {**obj, "model": MOVED_MODELS[label]}
        yield from super()._handle_object(obj)
