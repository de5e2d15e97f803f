from django.test import TestCase

from shop.models import Order


class OrderTests(TestCase):
    def test_total(self):
        Order.objects.create(total=3)
