from unittest.mock import MagicMock, patch

from app.pre_start import init, logger


def test_init():
    engine_mock = MagicMock()
    with patch("app.pre_start.Session", return_value=MagicMock()), patch.object(logger, "info"):
        init(engine_mock)
