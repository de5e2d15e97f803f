from unittest.mock import patch


@patch("shop.models.Order.save")
def test_checkout(save):
    save.return_value = None
