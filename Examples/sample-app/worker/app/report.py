"""Nightly sales report: reads orders from Postgres, writes a CSV, uploads it to S3."""
import csv

import boto3
import psycopg2


def build_report(dsn, path, bucket):
    with psycopg2.connect(dsn) as connection, connection.cursor() as cursor:
        cursor.execute("select book_id, sum(quantity) from orders group by book_id")
        rows = cursor.fetchall()
    with open(path, "w", newline="") as handle:
        csv.writer(handle).writerows(rows)
    boto3.client("s3").upload_file(path, bucket, "reports/sales.csv")
    return len(rows)
