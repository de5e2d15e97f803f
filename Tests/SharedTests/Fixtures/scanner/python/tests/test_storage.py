from unittest.mock import patch

from app import storage


class TestRemove:
    @patch("os.remove")
    def test_removes(self, remove):
        storage.remove("/tmp/x")
        remove.assert_called_once_with("/tmp/x")

    @patch.dict("os.environ", {"HOME": "/tmp"})
    def test_env(self):
        pass
