import psycopg2
import requests


class ForecastRepository:
    def __init__(self, dsn):
        self.connection = psycopg2.connect(dsn)


def forecast(city):
    return requests.get("https://api.weather.example/v1/forecast", params={"city": city}).json()
