"""Local storage. Tests use patch('app.storage.open') to avoid the disk."""
import os

# mocker.patch("requests.get") would be a mock if this were a test file.
HINT = "monkeypatch.setattr('builtins.open', fake)"


def remove(path):
    os.remove(path)
