from unittest.mock import patch


def test_send():
    with patch("app.services.mailer.send", create=True):
        pass
