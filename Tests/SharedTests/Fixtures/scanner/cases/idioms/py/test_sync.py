import httpx
import pytest
import requests
import respx
from unittest.mock import MagicMock

from app.sync import Syncer


def test_sync(httpx_mock):
    httpx_mock.add_response(method="POST", url="https://api.stripe.com/v1/charges", json={"id": "ch_1", "status": "ok"}, status_code=201)


@respx.mock
def test_respx():
    respx.get("https://api.github.com/users/x").mock(return_value=httpx.Response(200, json={"login": "x"}))


def test_requests_mock(requests_mock):
    requests_mock.get("https://api.weather.example.org/today", json={"temp": 3}, status_code=200)


def test_injected():
    http_client = MagicMock()
    Syncer(http_client).run()
