from app.services.mailer import send_email as send_email
from app.services import mailer


def notify(user):
    return send_email(user.email, "hi")
