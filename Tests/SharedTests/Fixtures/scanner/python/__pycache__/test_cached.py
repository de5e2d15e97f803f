from unittest.mock import patch
patch("requests.get")
