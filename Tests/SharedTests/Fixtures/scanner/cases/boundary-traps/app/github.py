import requests


class CommitFile:
    def __init__(self, payload):
        self.filename = payload["filename"]


def commit_files(sha):
    return [CommitFile(item) for item in requests.get(f"https://api.github.com/commits/{sha}").json()["files"]]
