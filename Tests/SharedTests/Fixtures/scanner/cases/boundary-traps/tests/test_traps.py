from unittest.mock import patch

from app.github import CommitFile
from app.routing import RequestRedirect


def test_traps(mocker):
    mocker.patch.object(CommitFile, "filename", "a.txt")
    mocker.patch.object(RequestRedirect, "code", 307)
    with patch("sqlmodel.Session.exec"):
        pass
