class RequestRedirect(Exception):
    code = 308
