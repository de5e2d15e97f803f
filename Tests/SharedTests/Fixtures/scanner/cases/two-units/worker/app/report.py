import psycopg2

def build():
    return psycopg2.connect("dbname=app")
