"""POST /api/v1/auth/token/: exchange a username and password for an API token."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework import serializers
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.settings import api_settings

from timeline.api.renderers import ORJSONRenderer
from timeline.api.schema import TimelineAutoSchema


class TokenOutputSerializer(serializers.Serializer[Any]):
    token = serializers.CharField(help_text="Send as `Authorization: Token <token>`.")


class ObtainTokenView(ObtainAuthToken):
    """DRF's obtain_auth_token, throttled like every other endpoint and documented."""

    # DRF's view disables throttling; a password endpoint is exactly where it is needed.
    throttle_classes = api_settings.DEFAULT_THROTTLE_CLASSES
    renderer_classes = [ORJSONRenderer]
    schema = TimelineAutoSchema()

    @extend_schema(
        summary="Get an API token",
        responses=TokenOutputSerializer,
        tags=["auth"],
        examples=[
            OpenApiExample(
                "Credentials", request_only=True, value={"username": "editor", "password": "…"}
            )
        ],
    )
    def post(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        return super().post(request, *args, **kwargs)
