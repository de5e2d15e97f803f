from unittest import mock
from unittest.mock import MagicMock, patch

import responses

from app import weather


@patch("app.weather.requests.get")
def test_forecast_uses_http(get):
    get.return_value = MagicMock(status_code=200)
    # patch("app.weather.cache") is only a comment
    assert weather.forecast("Paris") is not None


@responses.activate
def test_forecast_with_responses():
    responses.add(responses.GET, "https://api.weather.example/v1/forecast", json={"t": 20})
    assert weather.forecast("Paris")


def test_reads_config(monkeypatch):
    monkeypatch.setattr("builtins.open", mock.mock_open(read_data="{}"))
    monkeypatch.setenv("WEATHER_KEY", "x")


def test_repository(mocker):
    repository = MagicMock(spec=weather.ForecastRepository)
    mocker.patch.object(weather, "psycopg2")
    text = """patch('os.remove') in a docstring-like string"""
    assert repository and text
