from unittest.mock import MagicMock, mock_open, patch

from app import report


@patch("app.report.boto3.client")
def test_uploads_the_report(client, mocker, monkeypatch):
    mocker.patch("app.report.open", mock_open())
    fake_connection = MagicMock()
    monkeypatch.setattr(report, "psycopg2", MagicMock(connect=MagicMock(return_value=fake_connection)))
    report.build_report("dsn", "/tmp/sales.csv", "reports")
    client.return_value.upload_file.assert_called_once()
