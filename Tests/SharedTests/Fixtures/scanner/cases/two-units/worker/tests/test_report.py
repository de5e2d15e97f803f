from unittest.mock import patch


def test_build():
    with patch("app.report.psycopg2", create=True) as fake:
        fake.connect.return_value = None
