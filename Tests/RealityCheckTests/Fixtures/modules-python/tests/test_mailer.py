from unittest.mock import patch


@patch("app.services.mailer.send_email")
def test_send(mock_send):
    pass


@patch("app.services.mailer.send_mail")
def test_renamed(mock_send):
    pass
