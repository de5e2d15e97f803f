import psycopg2
import pytest

DSN = "postgresql://weather:weather@localhost:5432/weather"


@pytest.mark.integration
def test_store_forecast():
    connection = psycopg2.connect(DSN)
    with connection.cursor() as cursor:
        cursor.execute("select 1")
        assert cursor.fetchone() == (1,)
