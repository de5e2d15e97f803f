import smtplib

DEFAULT_SENDER = "noreply@example.com"


def send_email(to, body):
    return smtplib.SMTP("localhost").sendmail(DEFAULT_SENDER, to, body)


class Mailer:
    retries = 3

    def deliver(self, message):
        return send_email(message.to, message.body)
